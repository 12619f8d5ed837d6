"""Choosing the procedure: a few letters without accents or a code, an instant list, Enter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Procedure
from ..domain.text import fold
from . import settings

VISIBLE_ROWS = 5
SCORE_DECAY = 0.9  # each use multiplies the older scores: recent beats once-frequent
MAX_REMEMBERED = 40


def match_procedures(procedures: Sequence[Procedure], text: str,
                     scores: Mapping[str, float] | None = None) -> list[Procedure]:
    """The procedures whose code, name or field contain every folded word of `text`.

    Order: code matches first, then the most used (recent and frequent), then names holding
    the words as one phrase, shorter names (closer matches) before longer ones.
    """
    scores = scores or {}
    query = fold(text)
    words = query.split()
    ranked: list[tuple[tuple[int, float, int, int, int], Procedure]] = []
    for index, p in enumerate(procedures):
        haystack = fold(f"{p.code} {p.name} {p.field_name}")
        if not all(w in haystack for w in words):
            continue
        code_hit = 0 if query and p.code.lower().startswith(query) else 1
        phrase_hit = 0 if query in fold(p.name) else 1
        key = (code_hit, -scores.get(p.code, 0.0), phrase_hit, len(p.name), index)
        ranked.append((key, p))
    ranked.sort(key=lambda pair: pair[0])
    return [p for _, p in ranked]


def note_use(scores: Mapping[str, float], code: str) -> dict[str, float]:
    """The scores after one more use of `code` (older uses fade)."""
    out = {c: s * SCORE_DECAY for c, s in scores.items()}
    out[code] = out.get(code, 0.0) + 1.0
    kept = sorted(out.items(), key=lambda kv: -kv[1])[:MAX_REMEMBERED]
    return dict(kept)


class ProcedurePicker(QWidget):
    """A line to type in and the list it filters; Up/Down move in the list, Enter picks."""

    procedure_chosen = Signal(object)  # the Procedure picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._procedures: list[Procedure] = []
        self._scores = settings.load_procedure_scores()
        self.chosen: Procedure | None = None

        caption = QLabel(self.tr("&Thủ tục"))
        caption.setStyleSheet("font-weight: bold;")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            self.tr("Gõ vài chữ không dấu hoặc mã thủ tục, vd. khai sinh, ho kinh doanh"))
        self.edit.setClearButtonEnabled(True)
        caption.setBuddy(self.edit)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)

        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the line keeps the keyboard
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the code stays in view
        self.list.setFixedHeight(self.list.fontMetrics().height() * VISIBLE_ROWS + 16)
        self.list.itemClicked.connect(self._on_list_item_clicked)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(caption)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.list)

    def set_procedures(self, procedures: Sequence[Procedure]) -> None:
        self._procedures = list(procedures)
        self._refill()

    def procedures(self) -> list[Procedure]:
        return list(self._procedures)

    def clear(self) -> None:
        self.chosen = None
        self.edit.clear()
        self.show_problem("")
        self._refill()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def note_used(self, code: str) -> None:
        """Remember that a dossier of `code` was recorded: it comes first next time."""
        self._scores = note_use(self._scores, code)
        settings.save_procedure_scores(self._scores)

    def matches(self) -> list[Procedure]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def choose(self, procedure: Procedure) -> None:
        self.chosen = procedure
        self.edit.setText(procedure.name)
        self.edit.setCursorPosition(0)
        self.show_problem("")
        self._refill()
        self.procedure_chosen.emit(procedure)

    def _refill(self) -> None:
        text = self.edit.text()
        if self.chosen is not None and text == self.chosen.name:
            text = ""  # the chosen one's name is shown, not searched: list everything
        self.list.clear()
        for p in match_procedures(self._procedures, text, self._scores):
            item = QListWidgetItem(f"{p.name}  ·  {p.code}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setToolTip(f"{p.code} — {p.name}\n{p.field_name}")
            self.list.addItem(item)
            if self.chosen is not None and p.code == self.chosen.code:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        current = self.list.currentItem()
        if current is not None:
            self.list.scrollToItem(current)

    def _on_edit_text_edited(self, _text: str) -> None:
        self._refill()
        if self.list.count():
            self.list.setCurrentRow(0)

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        self.choose(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: VISIBLE_ROWS,
                        Qt.Key.Key_PageUp: -VISIBLE_ROWS}[Qt.Key(key)]
                if self.list.count():
                    row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                    self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self.choose(item.data(Qt.ItemDataRole.UserRole))
                    self.focusNextChild()
                return True  # handled here: the page must not move the focus a second time
        return super().eventFilter(watched, event)

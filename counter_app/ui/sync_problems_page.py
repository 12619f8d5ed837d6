"""Đồng bộ — sự kiện cần xử lý: the supervisor's list of events the portal refused or holds
differently, with the portal's own words; "Gửi lại" (retry) or "Bỏ qua" (dismiss with a note)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import clean
from ..services import sync as sync_service
from ..services.counter import Counter
from ..store.sync import Problem
from . import errors, labels
from .field_problems import ProblemLabel
from .lanes import CounterLane
from .sync_problem_table_model import (
    PROBLEM_ROLE,
    SORT_ROLE,
    Column,
    SyncProblemTableModel,
    problem_detail,
    result_name,
)

HINT_STYLE = "color: #5b5b5b;"
DONE_STYLE = "color: #3b6149;"
MAX_NOTE = 500


class DismissDialog(QDialog):
    """The note a dismissal needs: what was done instead (kept with the event)."""

    note_given = Signal(str)

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bỏ qua sự kiện"))
        intro = QLabel(self.tr(
            "{n} sự kiện sẽ không bao giờ được gửi lại. Ghi rõ đã xử lý cách khác thế nào "
            "(vd. đã nhập hồ sơ trực tiếp trên cổng):").format(n=count))
        intro.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.textEdited.connect(lambda _text: self.problem.show_problem(""))
        intro.setBuddy(self.note)
        self.problem = ProblemLabel()
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Bỏ qua"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Quay lại"), QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        note = clean(self.note.text())
        if not note:
            self.problem.show_problem(self.tr("Hãy ghi chú cách đã xử lý."))
            self.note.setFocus()
            return
        super().accept()
        self.note_given.emit(note)


class SyncProblemsPage(QDialog):
    """Every call goes through the database lane; the list is read again after each action."""

    problems_loaded = Signal(int)  # how many rows are shown
    problems_changed = Signal()  # a retry or a dismissal was stored
    retry_requested = Signal()  # events were sent back to the outbox: sync now
    dossier_requested = Signal(str)  # the dossier id of a double-clicked row

    def __init__(self, lane: CounterLane, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.user = user
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Đồng bộ — sự kiện cần xử lý"))
        intro = QLabel(self.tr(
            "Cổng dịch vụ công đã từ chối các sự kiện dưới đây, hoặc đang giữ một nội dung khác "
            "cho chúng (xung đột). Chúng không được gửi lại tự động; các hồ sơ khác vẫn được "
            "gửi bình thường. Đọc lời của cổng rồi chọn: Gửi lại, khi nguyên nhân đã được khắc "
            "phục trên cổng; Bỏ qua, khi đã xử lý cách khác."))
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)

        self.model = SyncProblemTableModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.AT, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_table_selection_changed)

        self.detail = QLabel()
        self.detail.setObjectName("problemDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setMinimumHeight(80)
        self.info = QLabel()
        self.info.setObjectName("problemsInfo")
        self.info.setWordWrap(True)
        self.problem = ProblemLabel()

        self.retry_button = QPushButton(self.tr("Gửi lại"))
        self.retry_button.setToolTip(self.tr(
            "Gửi lại nguyên vẹn các sự kiện đã chọn ở lần đồng bộ tới (ngay bây giờ)."))
        self.retry_button.clicked.connect(self.retry_selected)
        self.dismiss_button = QPushButton(self.tr("Bỏ qua…"))
        self.dismiss_button.setToolTip(self.tr(
            "Không gửi các sự kiện đã chọn nữa, kèm ghi chú cách đã xử lý."))
        self.dismiss_button.clicked.connect(self.ask_dismiss)
        self.open_button = QPushButton(self.tr("Mở hồ sơ"))
        self.open_button.clicked.connect(self.open_current)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.info)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.dismiss_dialog: DismissDialog | None = None
        self.resize(980, 560)
        self._update_buttons()
        self.reload()

    # ----- reading -------------------------------------------------------------------------

    def reload(self, _outcome: object = None) -> None:
        self._lane.call(sync_service.problems, self._on_lane_problems_listed,
                        self._on_lane_failed, context=self)

    def _on_lane_problems_listed(self, rows: Sequence[Problem]) -> None:
        selected = {p.event_id for p in self.selected()}
        self.model.set_problems(rows)
        keep = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(PROBLEM_ROLE).event_id in selected:
                self.table.selectionModel().select(index, keep)
        if not self.selected() and self.proxy.rowCount():
            self.table.selectRow(0)
        if not rows:
            self.detail.setText(self.tr("Không còn sự kiện nào cần xử lý."))
        self._update_buttons()
        self.problems_loaded.emit(len(rows))

    def selected(self) -> list[Problem]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(PROBLEM_ROLE) for r in rows]

    def _on_table_selection_changed(self, _selected: QItemSelection,
                                    _deselected: QItemSelection) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            p = chosen[0]
            heading = self.tr("{kind} — hồ sơ {code} ({name}) — {result}").format(
                kind=labels.event_name(p.kind), code=p.dossier_code or "—",
                name=p.applicant_name or "…", result=result_name(p.result))
            self.detail.setText(f"{heading}\n{problem_detail(p)}")
        elif chosen:
            self.detail.setText(self.tr("Đã chọn {n} sự kiện.").format(n=len(chosen)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.retry_button.setEnabled(bool(chosen))
        self.dismiss_button.setEnabled(bool(chosen))
        self.open_button.setEnabled(len(chosen) == 1)

    # ----- acting --------------------------------------------------------------------------

    def retry_selected(self) -> None:
        ids = [p.event_id for p in self.selected()]
        if not ids:
            return
        user = self.user

        def job(counter: Counter) -> list[str]:
            return sync_service.retry(counter, ids, user=user)

        self._lane.call(job, self._on_lane_retried, self._on_lane_failed, context=self)

    def _on_lane_retried(self, ids: list[str]) -> None:
        self._done(self.tr("Đã đưa {n} sự kiện vào hàng chờ gửi lại; đang đồng bộ.").format(
            n=len(ids)))
        self.retry_requested.emit()

    def ask_dismiss(self) -> DismissDialog | None:
        chosen = self.selected()
        if not chosen:
            return None
        self.dismiss_dialog = DismissDialog(len(chosen), self)
        self.dismiss_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ids = [p.event_id for p in chosen]
        self.dismiss_dialog.note_given.connect(lambda note: self.dismiss(ids, note))
        self.dismiss_dialog.open()
        return self.dismiss_dialog

    def dismiss(self, ids: Sequence[str], note: str) -> None:
        user, chosen = self.user, list(ids)

        def job(counter: Counter) -> list[str]:
            return sync_service.resolve(counter, chosen, user=user, note=note)

        self._lane.call(job, self._on_lane_dismissed, self._on_lane_failed, context=self)

    def _on_lane_dismissed(self, ids: list[str]) -> None:
        self._done(self.tr("Đã bỏ qua {n} sự kiện.").format(n=len(ids)))

    def _done(self, text: str) -> None:
        self.problem.show_problem("")
        self.info.setStyleSheet(DONE_STYLE)
        self.info.setText(text)
        self.problems_changed.emit()
        self.reload()

    def open_current(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.dossier_requested.emit(chosen[0].dossier_id)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        p = index.siblingAtColumn(0).data(PROBLEM_ROLE)
        if isinstance(p, Problem):
            self.dossier_requested.emit(p.dossier_id)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.info.setText("")
        self.problem.show_problem(errors.describe(error))

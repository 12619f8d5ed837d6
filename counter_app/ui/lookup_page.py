"""The look-up page: one search box, the dossiers it finds, and their detail on Enter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Dossier, DossierSummary
from ..services.counter import Counter
from ..store.events import Event
from . import errors, settings
from .column_widths import fit_to_widest
from .dossier_table_model import DOSSIER_ROLE, SORT_ROLE, Column, DossierTableModel
from .lanes import CounterLane
from .lookup_intent import OpenCode, ScanProblem, Search, enter_intent, search_intent

DEBOUNCE_MS = 150
COLUMN_PADDING = 12  # pixels added to a column sized to its contents
PAGE_SIZE = 200  # rows shown at most; more means "type more" (paging comes later)


class LookupPage(QWidget):
    """Tra cứu hồ sơ. Every database call goes through the lane."""

    search_finished = Signal(str)  # the search text whose results are now shown
    dossier_opened = Signal(object)  # the DossierView just shown

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.user = ""  # who is logged in: reprints from the dossier view carry it
        self._serial = 0  # of the newest search sent; older answers are dropped
        self._shown_text: str | None = None  # the search text of the rows on screen

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Tìm theo mã hồ sơ, tên (không cần dấu), số CCCD, số điện thoại"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self.search_box.returnPressed.connect(self._on_search_box_return_pressed)
        self.search_box.installEventFilter(self)

        self.model = DossierTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # store order: newest first
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self._header_sized = False
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)

        self.info = QLabel()
        self.info.setObjectName("lookupInfo")

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)

    # ----- searching -----------------------------------------------------------------------

    def start(self) -> None:
        """Show the newest dossiers; call once the lane has an open Counter."""
        self.search_box.setFocus()
        self.search_now()

    def search_now(self) -> None:
        self._debounce.stop()
        intent = search_intent(self.search_box.text())
        if isinstance(intent, ScanProblem):
            self._show_problem(errors.text(intent.reason))
            return
        self._search(intent)

    def _search(self, intent: Search) -> None:
        if intent.replace_box and self.search_box.text() != intent.text:
            self.search_box.blockSignals(True)
            self.search_box.setText(intent.text)
            self.search_box.blockSignals(False)
        self._serial += 1
        serial, text = self._serial, intent.text

        def job(counter: Counter) -> list[DossierSummary]:
            return counter.search_summaries(text, limit=PAGE_SIZE)

        self._lane.call(job, lambda rows: self._on_lane_searched(serial, text, rows),
                        self._on_lane_failed, context=self)

    def search_for(self, text: str) -> None:
        """Search for `text` as if typed (a scanned ID or postal item number)."""
        self.search_box.blockSignals(True)
        self.search_box.setText(text)
        self.search_box.blockSignals(False)
        self.search_now()

    def show_code(self, code: str) -> None:
        """A scanned dossier code: list it and open it."""
        self.search_for(code)
        self.open_code(code)

    def refresh(self) -> None:
        """The dossiers changed: show the current search again."""
        if self._shown_text is not None:
            self.search_now()

    def _on_search_box_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        self.search_now()

    def _on_lane_searched(self, serial: int, text: str,
                          rows: Sequence[DossierSummary]) -> None:
        if serial != self._serial:
            return  # an answer to an older query: a newer one is on its way
        self.model.set_dossiers(rows)
        self._shown_text = text
        if not self._header_sized and rows:
            self._size_columns()
        if rows:
            self.table.selectRow(0)
        if not rows:
            self.info.setText(self.tr("Không tìm thấy hồ sơ nào.") if text else
                              self.tr("Chưa có hồ sơ nào."))
        elif len(rows) >= PAGE_SIZE:
            self.info.setText(self.tr("Hiển thị {n} hồ sơ mới nhất — gõ thêm để thu hẹp.")
                              .format(n=len(rows)))
        else:
            self.info.setText(self.tr("{n} hồ sơ").format(n=len(rows)))
        self.search_finished.emit(text)

    def _size_columns(self) -> None:
        state = settings.load_bytes(settings.LOOKUP_HEADER_STATE)
        header = self.table.horizontalHeader()
        if state is None or not header.restoreState(state):
            fit_to_widest(self.table, self.model, [c for c in Column if c != Column.PROCEDURE],
                          COLUMN_PADDING)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self._header_sized = True

    def save_state(self) -> None:
        if self._header_sized:
            settings.save_bytes(settings.LOOKUP_HEADER_STATE,
                                self.table.horizontalHeader().saveState())

    def _on_lane_failed(self, error: BaseException) -> None:
        self._show_problem(errors.describe(error))

    def _show_problem(self, text: str) -> None:
        self.info.setText(f"⚠ {text}")

    # ----- opening a dossier ---------------------------------------------------------------

    def _on_search_box_return_pressed(self) -> None:
        intent = enter_intent(self.search_box.text())
        if isinstance(intent, OpenCode):
            self.open_code(intent.code)
        elif isinstance(intent, ScanProblem):
            self._show_problem(errors.text(intent.reason))
        elif intent.text == self._shown_text and not intent.replace_box:
            current = self.table.currentIndex()
            if current.isValid():
                self._on_table_activated(current)
        else:
            self._debounce.stop()
            self._search(intent)

    def _on_table_activated(self, index: QModelIndex) -> None:
        dossier = index.siblingAtColumn(0).data(DOSSIER_ROLE)
        if isinstance(dossier, DossierSummary):
            self.open_id(dossier.id)

    def open_code(self, code: str) -> None:
        def job(counter: Counter) -> tuple[Dossier, list[Event]]:
            dossier = counter.get(code)
            return dossier, counter.events(dossier.id)

        self._lane.call(job, self._on_lane_dossier_loaded, self._on_lane_failed, context=self)

    def open_id(self, dossier_id: str) -> None:
        def job(counter: Counter) -> tuple[Dossier, list[Event]]:
            return counter.get_by_id(dossier_id), counter.events(dossier_id)

        self._lane.call(job, self._on_lane_dossier_loaded, self._on_lane_failed, context=self)

    def _on_lane_dossier_loaded(self, loaded: tuple[Dossier, list[Event]]) -> None:
        from .dossier_view import DossierView  # with its reprint and scans: on first use

        dossier, events = loaded
        for old in self.window().findChildren(DossierView):
            if old.dossier.id == dossier.id and old.isVisible():
                old.close()  # one view per dossier, showing what was just read
        view = DossierView(dossier, events, self.window(), lane=self._lane, user=self.user)
        view.show()
        view.raise_()
        view.activateWindow()
        self.dossier_opened.emit(view)

    # ----- keyboard: arrows in the box move through the results ----------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.proxy.rowCount():
                row = max(0, min(self.proxy.rowCount() - 1,
                                 self.table.currentIndex().row() + step))
                self.table.selectRow(row)
                return True
        return super().eventFilter(watched, event)

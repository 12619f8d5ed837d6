"""The "Cần xử lý" page: what needs the counter after the receipt, one list per reason, and the
follow-ups by keyboard (F9 accept online, F6 Mẫu 02, F7 supplement, F8 apology, F10 withdraw,
Enter open, Alt+1…7 lists, Ctrl+R reload)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import DocumentRequirement, Dossier
from ..services.counter import Counter, Result
from ..services.documents import Form
from ..services.followup import ActionItem, ActOn, Category
from . import errors, labels
from .act_on_table_model import ActOnTableModel, Column
from .field_problems import ProblemLabel
from .followup_dialogs import (
    ApologyDialog,
    ChecklistDialog,
    ReasonOnlyDialog,
    requested_requirements,
)
from .followup_labels import category_name
from .lanes import CounterLane

if TYPE_CHECKING:
    from .print_preview import Rendered

CATEGORIES = list(Category)
# Which follow-ups each list offers (the service checks the status again).
ACTIONS: dict[str, frozenset[Category]] = {
    "accept": frozenset({Category.ONLINE}),
    "print_request": frozenset({Category.SUPPLEMENT}),
    "supplement": frozenset({Category.SUPPLEMENT}),
    "apology": frozenset({Category.SUPPLEMENT, Category.FINANCIAL, Category.DUE_SOON,
                          Category.OVERDUE}),
    "withdraw": frozenset({Category.SUPPLEMENT, Category.FINANCIAL, Category.DUE_SOON,
                           Category.OVERDUE}),
}
DONE_STYLE = "color: #1d5e2a;"


class ActOnPage(QWidget):
    changes_applied = Signal(object)  # Changes of a follow-up just recorded
    dossier_requested = Signal(str)  # open the dossier view of this UUID
    preview_opened = Signal(object)  # the PrintPreview just shown (tests)
    dialog_opened = Signal(object)  # the input dialog just shown (tests)

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.user = ""
        self.lists: ActOn | None = None
        self._stale = True  # read when first shown: the window's start stays light
        self.tabs = QTabBar()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+1…7 choose; focus stays below
        for category in CATEGORIES:
            self.tabs.addTab(category_name(category))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.model = ActOnTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._update_buttons())
        self.window_label = QLabel()
        self.window_label.setStyleSheet("color: #5b5b5b;")
        self.done_label = QLabel()
        self.done_label.setStyleSheet(DONE_STYLE)
        self.done_label.setWordWrap(True)
        self.problem = ProblemLabel()

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, key, slot in (
            ("accept", self.tr("Tiếp nhận (F9)"), Qt.Key.Key_F9, self.accept_current),
            ("print_request", self.tr("In Mẫu 02 (F6)"), Qt.Key.Key_F6,
             self.print_request_current),
            ("supplement", self.tr("Nhận bổ sung (F7)"), Qt.Key.Key_F7,
             self.supplement_current),
            ("apology", self.tr("Xin lỗi, hẹn lại (F8)"), Qt.Key.Key_F8, self.apologise_current),
            ("withdraw", self.tr("Rút hồ sơ (F10)"), Qt.Key.Key_F10, self.withdraw_current),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
            self._shortcut(QKeySequence(key), slot)
        row.addStretch(1)
        opener = QPushButton(self.tr("Mở hồ sơ (Enter)"))
        opener.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        opener.clicked.connect(self.open_current)
        row.addWidget(opener)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._shortcut(QKeySequence(key), self.open_current)
        self._shortcut(QKeySequence("Ctrl+R"), self.refresh)
        for i in range(len(CATEGORIES)):
            self._shortcut(QKeySequence(f"Alt+{i + 1}"),
                           lambda i=i: self.tabs.setCurrentIndex(i))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.window_label)
        layout.addLayout(row)
        layout.addWidget(self.done_label)
        layout.addWidget(self.problem)
        self._update_buttons()

    def _shortcut(self, key: QKeySequence, slot: Callable[[], Any]) -> None:
        shortcut = QShortcut(key, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # ----- the lists -----------------------------------------------------------------------

    def start(self) -> None:
        """Nothing yet: the lists are read when the page is first shown (the due-date window
        needs the holiday tables, which the window's start does not load)."""
        self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():  # read again when shown
            self._stale = True
            return
        self._stale = False
        self._lane.call(lambda counter: counter.followup.to_act_on(), self._on_lane_loaded,
                        self._on_lane_failed, context=self)

    @property
    def category(self) -> Category:
        return CATEGORIES[max(0, self.tabs.currentIndex())]

    def show_category(self, category: Category) -> None:
        self.tabs.setCurrentIndex(CATEGORIES.index(category))

    def _on_lane_loaded(self, lists: ActOn) -> None:
        self.lists = lists
        for i, category in enumerate(CATEGORIES):
            self.tabs.setTabText(i, self.tr("{name} ({n})").format(
                name=category_name(category), n=f"{lists.counts[category]:,}".replace(",", ".")))
        self.window_label.setText(self.tr(
            "Sắp đến hạn: hẹn trả từ bây giờ đến {end} (24 giờ, không tính ngày nghỉ).").format(
            end=labels.format_datetime(lists.horizon)))
        self._show_rows()

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._show_rows()

    def _show_rows(self) -> None:
        current = self.current_item()
        rows = self.lists.lists[self.category] if self.lists else []
        self.model.set_rows(rows)
        keep = next((i for i, r in enumerate(rows)
                     if current is not None and r.summary.id == current.summary.id), 0)
        if rows:
            self.table.setCurrentIndex(self.model.index(keep, 0))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def current_item(self) -> ActionItem | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _update_buttons(self) -> None:
        has_row = self.current_item() is not None
        for name, button in self.buttons.items():
            button.setEnabled(has_row and self.category in ACTIONS[name])

    def _allowed(self, action: str) -> ActionItem | None:
        item = self.current_item()
        if item is None or self.category not in ACTIONS[action]:
            return None
        self.problem.show_problem("")
        self.done_label.setText("")
        return item

    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.dossier_requested.emit(item.summary.id)

    # ----- follow-ups ----------------------------------------------------------------------

    def accept_current(self) -> None:
        item = self._allowed("accept")
        if item is None:
            return
        dossier_id = item.summary.id

        def job(counter: Counter) -> tuple[Dossier, list[DocumentRequirement]]:
            dossier = counter.get_by_id(dossier_id)
            procedure = counter.procedure(dossier.procedure_code)
            return dossier, list(procedure.documents) if procedure else []

        self._lane.call(job, self._on_lane_accept_ready, self._on_lane_failed, context=self)

    def _on_lane_accept_ready(self, loaded: tuple[Dossier, list[DocumentRequirement]]) -> None:
        dossier, requirements = loaded
        dialog = ChecklistDialog(
            self.tr("Tiếp nhận hồ sơ nộp trực tuyến"),
            self.tr("Hồ sơ {code} của {name}: đối chiếu giấy tờ với danh mục rồi xác nhận. "
                    "Hạn trả được tính từ lúc tiếp nhận.").format(
                code=dossier.code or "", name=dossier.applicant.full_name),
            requirements, self.tr("Tiếp nhận và in Mẫu 01"),
            ticked=[d.name for d in dossier.documents if d.total > 0], parent=self)
        dialog.documents_given.connect(lambda docs: self._run(
            lambda c: c.followup.accept_online(dossier.id, docs, user=self.user),
            lambda result: self._done(result, self.tr("Đã tiếp nhận hồ sơ {code}; hẹn trả {due}."),
                                      Form.RECEIPT)))
        self._open_dialog(dialog)

    def print_request_current(self) -> None:
        item = self._allowed("print_request")
        if item is not None:
            self._preview(item.summary.id, Form.SUPPLEMENT)

    def supplement_current(self) -> None:
        item = self._allowed("supplement")
        if item is None:
            return
        dossier_id = item.summary.id
        self._lane.call(lambda c: c.followup.supplement_request(dossier_id),
                        lambda request: self._on_lane_request_read(item, request),
                        self._on_lane_failed, context=self)

    def _on_lane_request_read(self, item: ActionItem, request: Any) -> None:
        names = list(request.items) or ([request.note] if request.note else [])
        intro = self.tr("Hồ sơ {code}: đánh dấu những giấy tờ công dân mang đến bổ sung.").format(
            code=item.summary.code or "")
        if request.repeat:
            intro += "\n" + self.tr("⚠ Đây là yêu cầu bổ sung lần thứ hai của cùng cơ quan: "
                                    "sẽ được ghi nhận kèm cảnh báo.")
        dialog = ChecklistDialog(self.tr("Nhận hồ sơ bổ sung"), intro,
                                 requested_requirements(names), self.tr("Ghi nhận bổ sung"),
                                 parent=self)
        dialog.documents_given.connect(lambda docs: self._run(
            lambda c: c.followup.record_supplement(item.summary.id, docs, user=self.user),
            lambda result: self._done(result, self.tr(
                "Đã ghi nhận bổ sung cho hồ sơ {code}; hẹn trả mới {due}."), None)))
        self._open_dialog(dialog)

    def apologise_current(self) -> None:
        item = self._allowed("apology")
        if item is None:
            return
        due = item.summary.due_at
        now = self.lists.now if self.lists else dt.datetime.now()
        base = max(due, now) if due else now
        dialog = ApologyDialog(item.summary.code or "", due,
                               (base + dt.timedelta(days=3)).replace(second=0), self)
        dialog.apology_given.connect(lambda new_due, reason: self._run(
            lambda c: c.followup.apologise(item.summary.id, new_due, reason, user=self.user),
            lambda result: self._done(result, self.tr(
                "Đã hẹn lại hồ sơ {code}: trả kết quả {due}."), Form.APOLOGY)))
        self._open_dialog(dialog)

    def withdraw_current(self) -> None:
        item = self._allowed("withdraw")
        if item is None:
            return
        dialog = ReasonOnlyDialog(
            self.tr("Công dân rút hồ sơ"),
            self.tr("Lý do công dân rút hồ sơ {code} (in trên phiếu xác nhận rút hồ sơ):").format(
                code=item.summary.code or ""), self.tr("Rút hồ sơ và in phiếu"), self)
        dialog.reason_given.connect(lambda reason: self._run(
            lambda c: c.followup.withdraw(item.summary.id, reason, user=self.user),
            lambda result: self._done(result, self.tr("Hồ sơ {code} đã được rút."),
                                      Form.WITHDRAWAL)))
        self._open_dialog(dialog)

    # ----- plumbing ------------------------------------------------------------------------

    def _open_dialog(self, dialog: Any) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _run(self, job: Callable[[Counter], Result], on_done: Callable[[Result], None]) -> None:
        self._lane.call(job, on_done, self._on_lane_failed, context=self)

    def _done(self, result: Result, text: str, form: Form | None) -> None:
        d = result.dossier
        self.done_label.setText(text.format(code=d.code or "",
                                            due=labels.format_datetime(d.due_at)))
        self.changes_applied.emit(result.changes)
        self.refresh()
        if form is not None:
            self._preview(d.id, form)

    def _preview(self, dossier_id: str, form: Form) -> None:
        from .print_preview import render_for_preview

        self._lane.call(lambda c: render_for_preview(c, c.get_by_id(dossier_id), form),
                        self._on_lane_rendered, self._on_lane_failed, context=self)

    def _on_lane_rendered(self, rendered: Rendered) -> None:
        from .print_preview import PrintPreview

        preview = PrintPreview(self._lane, rendered, user=self.user, parent=self.window())
        preview.finished.connect(lambda _result: self.table.setFocus())  # back to the list
        preview.open()
        self.preview_opened.emit(preview)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.problem.show_problem(errors.describe(error))

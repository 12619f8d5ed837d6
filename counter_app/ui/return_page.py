"""Trả kết quả: scan the receipt, check the receiver, record the hand-over, print the slip."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Dossier, IdKind, Person
from ..domain.returns import (
    Authorisation,
    NotReadyForReturn,
    PaymentMethod,
    Rating,
    ReturnDraft,
    ReturnedItem,
    parse_items,
    same_id,
)
from ..domain.scan import CccdScan
from ..domain.text import clean
from ..services import returns
from ..services.counter import Counter
from . import errors, labels, pdf_pages
from .field_problems import ProblemLabel, problem_text
from .lanes import CounterLane
from .print_preview import PrintPreview, Rendered


class HandoverForm(StrEnum):
    """The hand-over slip, named like the forms of services.documents for the preview."""

    HANDOVER = "handover"


class HandoverPreview(PrintPreview):
    """The print preview, printing through services.returns (each print recorded)."""

    def _run(self, deliver, on_done) -> None:  # type: ignore[no-untyped-def]
        dossier_id, user = self.dossier.id, self._user
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Đang xử lý…"))

        def job(counter: Counter) -> returns.HandoverPrint:
            return returns.print_handover(counter, dossier_id, user=user, deliver=deliver)

        self._lane.call(job, on_done, self._on_lane_failed, context=self)


def render_handover_preview(counter: Counter, dossier_id: str) -> Rendered:
    """In the database lane: the slip and its page images."""
    dossier, pdf = returns.render_handover(counter, dossier_id)
    try:
        pages = pdf_pages.render_pages(pdf)
    except pdf_pages.RendererMissing:
        pages = []
    return Rendered(dossier, HandoverForm.HANDOVER, pdf, pages)  # type: ignore[arg-type]


def parse_day(text: str) -> dt.date | None:
    """"18/11/2026" → date; "" → None; anything else raises ValueError."""
    text = clean(text)
    if not text:
        return None
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


class ReturnPage(QWidget):
    """One return at a time; every database call goes through the lane."""

    changes_applied = Signal(object)  # services.counter.Changes
    result_returned = Signal(object)  # services.returns.Returned
    dossier_loaded = Signal(object)  # the Dossier shown (or None)
    preview_opened = Signal(object)  # the HandoverPreview just shown

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.user = ""
        self.dossier: Dossier | None = None

        self.code_box = QLineEdit()
        self.code_box.setPlaceholderText(self.tr(
            "Quét mã vạch trên giấy tiếp nhận, hoặc gõ mã hồ sơ rồi Enter"))
        self.code_box.returnPressed.connect(self._on_code_box_return_pressed)
        self.dossier_info = QLabel()
        self.dossier_info.setWordWrap(True)
        self.dossier_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dossier_problem = ProblemLabel()

        self.receiver_name = QLineEdit()
        self.receiver_id = QLineEdit()
        self.receiver_id.setPlaceholderText(self.tr("Quét CCCD hoặc gõ số giấy tờ"))
        self.receiver_id.textChanged.connect(self._update_authorisation_hint)
        self.applicant_button = QPushButton(self.tr("Người nhận là chủ hồ sơ (F6)"))
        self.applicant_button.clicked.connect(self.fill_applicant)
        self.auth_number = QLineEdit()
        self.auth_date = QLineEdit()
        self.auth_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.auth_hint = QLabel()
        self.auth_hint.setWordWrap(True)
        receiver = QGroupBox(self.tr("Người nhận kết quả"))
        form = QFormLayout(receiver)
        form.addRow(self.tr("Họ và tên"), self.receiver_name)
        form.addRow(self.tr("Số CCCD / giấy tờ"), self.receiver_id)
        form.addRow("", self.applicant_button)
        form.addRow(self.auth_hint)
        form.addRow(self.tr("Giấy ủy quyền số"), self.auth_number)
        form.addRow(self.tr("Ngày ủy quyền"), self.auth_date)

        self.items_edit = QPlainTextEdit()
        self.items_edit.setTabChangesFocus(True)
        self.items_edit.setPlaceholderText(self.tr(
            "Mỗi dòng một giấy tờ kết quả; thêm «; 2» nếu giao 2 bản"))
        self.items_edit.setFixedHeight(80)
        self.fee_edit = QLineEdit()
        self.fee_edit.setPlaceholderText(self.tr("0"))
        self.payment = QComboBox()
        for method, text in ((PaymentMethod.NONE, self.tr("Không thu")),
                             (PaymentMethod.CASH, self.tr("Tiền mặt")),
                             (PaymentMethod.TRANSFER, self.tr("Chuyển khoản")),
                             (PaymentMethod.CARD, self.tr("Thẻ"))):
            self.payment.addItem(text, method.value)
        handed = QGroupBox(self.tr("Bàn giao"))
        form2 = QFormLayout(handed)
        form2.addRow(self.tr("Giấy tờ kết quả"), self.items_edit)
        fee_row = QHBoxLayout()
        fee_row.addWidget(self.fee_edit, 1)
        fee_row.addWidget(self.payment)
        form2.addRow(self.tr("Phí, lệ phí thu (đồng)"), fee_row)

        self.rating_group = QButtonGroup(self)
        rating_box = QGroupBox(self.tr("Đánh giá của người dân"))
        rating_row = QHBoxLayout(rating_box)
        self.rating_buttons: dict[str, QRadioButton] = {}
        for value, text in (("", self.tr("&0 Không đánh giá")),
                            (Rating.SATISFIED.value, self.tr("&1 Hài lòng")),
                            (Rating.ACCEPTABLE.value, self.tr("&2 Chấp nhận được")),
                            (Rating.NOT_SATISFIED.value, self.tr("&3 Không hài lòng"))):
            button = QRadioButton(text)
            self.rating_group.addButton(button)
            self.rating_buttons[value] = button
            rating_row.addWidget(button)
        self.rating_buttons[""].setChecked(True)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Ghi chú (không bắt buộc)"))

        self.problem = ProblemLabel()
        self.submit_button = QPushButton(self.tr("Trả kết quả và in phiếu bàn giao (F9)"))
        self.submit_button.clicked.connect(self.submit)
        self.status = QLabel()
        self.status.setObjectName("returnStatus")
        self.status.setWordWrap(True)

        # In a scroll area: the page must not make the window taller than a small screen.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.code_box)
        layout.addWidget(self.dossier_info)
        layout.addWidget(self.dossier_problem)
        layout.addWidget(receiver)
        layout.addWidget(handed)
        layout.addWidget(rating_box)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.submit_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard goes to the fields
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        for key, slot in ((Qt.Key.Key_F9, self.submit), (Qt.Key.Key_F6, self.fill_applicant)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._set_dossier(None)

    # ----- the dossier ---------------------------------------------------------------------

    def _on_code_box_return_pressed(self) -> None:
        self.load_code(self.code_box.text())

    def load_code(self, code: str) -> None:
        """Open the dossier of a scanned or typed code; one not done (9) is refused here."""
        code = clean(code).upper()
        self.code_box.setText(code)
        self.status.clear()
        if not code:
            return
        self._lane.call(lambda counter: counter.get(code), self._on_lane_dossier_loaded,
                        self._on_lane_dossier_failed, context=self)

    def _on_lane_dossier_loaded(self, dossier: Dossier) -> None:
        self._set_dossier(dossier)
        try:
            returns.check_ready(dossier)
        except NotReadyForReturn as e:
            self.dossier_problem.show_problem(errors.describe(e))
            self.submit_button.setEnabled(False)
        else:
            self.receiver_name.setFocus()
        self.dossier_loaded.emit(dossier)

    def _on_lane_dossier_failed(self, error: BaseException) -> None:
        self._set_dossier(None)
        self.dossier_problem.show_problem(errors.describe(error))
        self.code_box.setFocus()
        self.code_box.selectAll()
        self.dossier_loaded.emit(None)

    def _set_dossier(self, dossier: Dossier | None) -> None:
        self.dossier = dossier
        self.dossier_problem.show_problem("")
        self.problem.show_problem("")
        for edit in (self.receiver_name, self.receiver_id, self.auth_number, self.auth_date,
                     self.fee_edit, self.note_edit):
            edit.clear()
        self.items_edit.clear()
        self.payment.setCurrentIndex(0)
        self.rating_buttons[""].setChecked(True)
        self.submit_button.setEnabled(dossier is not None)
        if dossier is None:
            self.dossier_info.setText(self.tr("Chưa có hồ sơ: quét mã vạch trên giấy tiếp nhận."))
        else:
            self.dossier_info.setText(self.tr(
                "<b>{code}</b> — {name}<br>{procedure}<br>Trạng thái: {status}; "
                "hẹn trả: {due}").format(
                code=dossier.code or "", name=dossier.applicant.full_name,
                procedure=dossier.procedure_name,
                status=labels.status_name(dossier.status, dossier.outcome),
                due=labels.format_datetime(dossier.due_at)))
        self._update_authorisation_hint()

    # ----- the receiver --------------------------------------------------------------------

    def fill_applicant(self) -> None:
        """F6: the applicant comes in person (name and ID from the dossier)."""
        if self.dossier is None:
            return
        self.receiver_name.setText(self.dossier.applicant.full_name)
        self.receiver_id.setText(self.dossier.applicant.id_number)
        self.items_edit.setFocus()

    def fill_receiver(self, scan: CccdScan) -> None:
        """A scanned CCCD: the person in front of the counter."""
        self.receiver_name.setText(scan.full_name)
        self.receiver_id.setText(scan.id_number)
        (self.auth_number if self._needs_authorisation() else self.items_edit).setFocus()

    def _needs_authorisation(self) -> bool:
        typed = clean(self.receiver_id.text())
        return bool(self.dossier and typed and not same_id(
            typed, self.dossier.applicant.id_number))

    def _update_authorisation_hint(self) -> None:
        needed = self._needs_authorisation()
        self.auth_hint.setText(self.tr(
            "Người nhận không phải chủ hồ sơ: ghi số và ngày của giấy ủy quyền.")
            if needed else "")
        self.auth_hint.setVisible(needed)
        self.auth_number.setEnabled(needed)
        self.auth_date.setEnabled(needed)

    # ----- recording -----------------------------------------------------------------------

    def draft(self) -> ReturnDraft:
        """What the form says; ValueError for a date that is not dd/mm/yyyy."""
        assert self.dossier is not None
        authorisation = None
        if self._needs_authorisation():
            authorisation = Authorisation(self.auth_number.text(),
                                          parse_day(self.auth_date.text()))
        rating = next((v for v, b in self.rating_buttons.items() if b.isChecked() and v), None)
        return ReturnDraft(
            dossier_id=self.dossier.id,
            receiver=Person(full_name=self.receiver_name.text(),
                            id_number=self.receiver_id.text(), id_kind=IdKind.CCCD),
            items=tuple(ReturnedItem(name, n) for name, n in
                        parse_items(self.items_edit.toPlainText())),
            authorisation=authorisation, fee_text=self.fee_edit.text(),
            payment=PaymentMethod(self.payment.currentData()),
            rating=Rating(rating) if rating else None, note=self.note_edit.text(),
            user=self.user)

    def submit(self) -> None:
        """F9: record the return in the lane, then open the hand-over slip's preview."""
        if self.dossier is None or not self.submit_button.isEnabled():
            return
        try:
            draft = self.draft()
        except ValueError:
            self.problem.show_problem(self.tr("Ngày ủy quyền: {problem}").format(
                problem=problem_text("date.day_format")))
            self.auth_date.setFocus()
            return
        self.problem.show_problem("")
        self.submit_button.setEnabled(False)
        self._lane.call(lambda counter: returns.record_return(counter, draft),
                        self._on_lane_returned, self._on_lane_refused, context=self)

    def _on_lane_refused(self, error: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self.problem.show_problem(errors.describe(error))

    def _on_lane_returned(self, done: returns.Returned) -> None:
        self.changes_applied.emit(done.changes)
        self.result_returned.emit(done)
        dossier_id = done.dossier.id
        self._set_dossier(None)
        self.code_box.clear()
        self.status.setText(self.tr("Đã trả kết quả hồ sơ {code}.").format(
            code=done.dossier.code or ""))
        self._lane.call(lambda counter: render_handover_preview(counter, dossier_id),
                        self._show_preview, self._on_lane_refused, context=self)

    def _show_preview(self, rendered: Rendered) -> None:
        preview = HandoverPreview(self._lane, rendered, user=self.user, parent=self.window())
        preview.finished.connect(lambda _r: self.code_box.setFocus())
        preview.open()
        self.preview_opened.emit(preview)

    def start(self) -> None:
        self.code_box.setFocus()

"""Tiếp nhận hồ sơ: the page a clerk works in all day, from the procedure to the printed slip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.model import Outcome, Procedure, ReceptionDraft
from ..services.counter import Counter, Result
from ..services.documents import Form
from . import errors, labels
from .applicant_form import PersonForm
from .checklist_widget import ChecklistBox
from .field_problems import problem_text
from .keys import FORM_KEY, INFO_KEY
from .lanes import CounterLane
from .outcome_bar import OutcomeBar
from .procedure_card import ProcedureCard
from .procedure_picker import ProcedurePicker
from .reception_details import DetailsBox
from .scan_attachments import ScanAttachments

HINT_STYLE = "color: #5b5b5b; padding: 8px 2px;"
DUE_REFRESH_MS = 30_000  # the due time moves with the clock (lunch break, end of day)

if TYPE_CHECKING:  # the preview (PDF pages, printers) is imported when a slip is shown
    from ..domain.scan import CccdScan
    from .print_preview import Rendered

FORMS = {Outcome.RECEIVED: Form.RECEIPT, Outcome.GUIDANCE: Form.SUPPLEMENT,
         Outcome.REFUSED: Form.REFUSAL}


class ReceptionPage(QWidget):
    """Every database call goes through the lane; the form is kept until an outcome is saved."""

    procedures_loaded = Signal()
    due_shown = Signal(object)  # the due datetime now on screen
    outcome_recorded = Signal(object)  # the Dossier just written
    changes_applied = Signal(object)  # services.counter.Changes
    preview_opened = Signal(object)  # the PrintPreview (or SheetPreview) just shown
    info_opened = Signal(object)  # the ProcedureInfoDialog just shown (F1)

    def __init__(self, lane: CounterLane, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.user = user
        self._due_serial = 0
        self.busy = False

        self.picker = ProcedurePicker()
        self.card = ProcedureCard()
        self.applicant = PersonForm(self.tr("Chủ hồ sơ"))
        self.other_submitter = QCheckBox(self.tr("Người nộp khác chủ hồ sơ"))
        self.submitter = PersonForm(self.tr("Người nộp hồ sơ"))
        self.submitter.hide()
        self.scan_hint = QLabel(self.tr(
            "Quét mã QR trên thẻ căn cước ở bất kỳ ô nào để điền thông tin chủ hồ sơ;"
            " quét mã vạch trên giấy tiếp nhận để mở hồ sơ."))
        self.scan_hint.setWordWrap(True)
        self.scan_hint.setStyleSheet(HINT_STYLE)
        self.checklist = ChecklistBox()
        self.details = DetailsBox()
        self.outcome = OutcomeBar(self)
        self.scans = ScanAttachments(lane, self.checklist, self)  # Ctrl+O, the scanner's folder
        self.scans.message.connect(lambda text, problem: self.outcome.show_message(
            text, problem=problem))

        top = QHBoxLayout()
        top.addWidget(self.picker, 3)
        top.addWidget(self.card, 2)
        left = QVBoxLayout()
        left.addWidget(self.applicant)
        left.addWidget(self.other_submitter)
        left.addWidget(self.submitter)
        left.addWidget(self.scan_hint)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.checklist, 1)
        right.addWidget(self.details)
        middle = QHBoxLayout()
        middle.addLayout(left, 1)
        middle.addLayout(right, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(middle, 1)
        scroll = QScrollArea()  # small laptop screens: the body scrolls, the outcomes stay
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.outcome)
        self._set_tab_order()

        self.picker.procedure_chosen.connect(self._on_picker_procedure_chosen)
        self.other_submitter.toggled.connect(self._on_other_submitter_toggled)
        self.outcome.receive_requested.connect(self._on_outcome_receive_requested)
        self.outcome.guidance_requested.connect(self._on_outcome_guidance_requested)
        self.outcome.refuse_requested.connect(self._on_outcome_refuse_requested)
        for key, slot in ((INFO_KEY, self.show_procedure_info),
                          (FORM_KEY, self.print_blank_form)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._due_timer = QTimer(self)
        self._due_timer.setInterval(DUE_REFRESH_MS)
        self._due_timer.timeout.connect(self._refresh_due)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.picker.edit]
        for form in (self.applicant, self.submitter):
            chain += [form.full_name, form.id_kind, form.id_number, form.birth_date,
                      form.gender, form.phone, form.email, form.address]
            if form is self.applicant:
                chain.append(self.other_submitter)
        d = self.details
        chain += [self.checklist.view, self.checklist.strip.list, d.channel, d.postal_item,
                  d.delivery, d.delivery_address, d.sets, d.fees_paid, d.notes,
                  d.return_address, self.outcome.receive, self.outcome.guidance,
                  self.outcome.refuse]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ----- starting, clearing, filling from scans ------------------------------------------

    def start(self) -> None:
        """List the catalogue once; the picker filters it in memory (it is small)."""
        self._lane.call(lambda counter: counter.procedures(), self._on_lane_procedures_listed,
                        self._on_lane_failed, context=self)
        self._due_timer.start()

    def _on_lane_procedures_listed(self, procedures: Sequence[Procedure]) -> None:
        self.picker.set_procedures(procedures)
        self.procedures_loaded.emit()

    def new_reception(self) -> None:
        """A blank form for the next citizen, the cursor in the procedure box."""
        self.picker.clear()
        self.applicant.clear()
        self.submitter.clear()
        self.other_submitter.setChecked(False)
        self.checklist.model.set_requirements([])
        self.details.clear()
        self.card.show_procedure(None)
        self.picker.edit.setFocus()

    def fill_person(self, scan: CccdScan) -> None:
        """A scanned chip ID card: into the submitter when the cursor is there, else applicant."""
        focused = self.focusWidget()
        in_submitter = focused is not None and self.submitter.isAncestorOf(focused)
        form = self.submitter if in_submitter else self.applicant
        form.fill_from_scan(scan)
        self.outcome.show_message(self.tr("Đã điền thông tin từ CCCD của {name}.").format(
            name=scan.full_name))
        form.phone.setFocus()  # the card holds everything but the contact details

    @property
    def postal_mode(self) -> bool:
        return self.details.postal_mode

    def set_postal_mode(self, on: bool) -> None:
        """A postal agent's session: the page accepts dossiers at the post office (channel 3,
        the S10 item of the label, a return address; services/postal.py)."""
        self.details.set_postal_mode(on)
        # At the post office the one who hands the dossier in is its sender (người gửi).
        self.other_submitter.setText(self.tr("Người gửi khác chủ hồ sơ") if on
                                     else self.tr("Người nộp khác chủ hồ sơ"))
        self.submitter.setTitle(self.tr("Người gửi") if on else self.tr("Người nộp hồ sơ"))

    def set_postal_item(self, item: str) -> None:
        self.details.set_postal_item(item)
        self.outcome.show_message(self.tr("Số hiệu bưu gửi {item}.").format(item=item))

    # ----- procedure and due time ----------------------------------------------------------

    def _on_picker_procedure_chosen(self, procedure: Procedure) -> None:
        self.card.show_procedure(procedure)
        self.checklist.model.set_requirements(procedure.documents)
        self.details.set_procedure(procedure)
        self._refresh_due()

    def refresh_due(self) -> None:
        """The calendar changed (an administrator's make-up day): compute the due time again."""
        self._refresh_due()

    def _refresh_due(self) -> None:
        procedure = self.picker.chosen
        if procedure is None:
            return
        self._due_serial += 1
        serial, limit = self._due_serial, procedure.time_limit

        def job(counter: Counter) -> dt.datetime:
            return counter.due_at(counter.clock(), limit)

        self._lane.call(job, lambda due: self._on_lane_due_computed(serial, due),
                        self._on_lane_failed, context=self)

    def _on_lane_due_computed(self, serial: int, due: dt.datetime) -> None:
        if serial == self._due_serial and self.picker.chosen is not None:
            self.card.show_due(due)
            self.due_shown.emit(due)

    # ----- the procedure's information and blank forms (F1, F2) ----------------------------

    def show_procedure_info(self) -> None:
        """F1: everything the catalogue says about the chosen procedure, printable."""
        procedure = self.picker.chosen
        if procedure is None:
            self.outcome.show_message(self.tr("Chọn thủ tục trước, rồi nhấn F1 để xem thông tin."),
                                      problem=True)
            return
        from .procedure_info import ProcedureInfoDialog  # with the print preview: on first use

        dialog = ProcedureInfoDialog(self._lane, procedure, self.window())
        dialog.preview_opened.connect(self.preview_opened)
        dialog.open()
        self.info_opened.emit(dialog)

    def print_blank_form(self) -> None:
        """F2: the procedure's blank form (tờ khai) to hand to the citizen; with several, the
        information view lists them."""
        procedure = self.picker.chosen
        if procedure is None or not procedure.forms:
            self.outcome.show_message(self.tr("Thủ tục này không có mẫu tờ khai để in.")
                                      if procedure else self.tr("Chọn thủ tục trước."),
                                      problem=True)
            return
        if len(procedure.forms) > 1:
            self.show_procedure_info()
            return
        from .procedure_info import form_job, open_preview

        self._lane.call(form_job(procedure, procedure.forms[0]),
                        lambda sheet: open_preview(self._lane, sheet, self.window(),
                                                   self.preview_opened),
                        self._on_lane_failed, context=self)

    # ----- the three outcomes --------------------------------------------------------------

    def _on_outcome_receive_requested(self) -> None:
        self._record(Outcome.RECEIVED)

    def _on_outcome_guidance_requested(self) -> None:
        self._record(Outcome.GUIDANCE)

    def _on_outcome_refuse_requested(self) -> None:
        if self.busy or self._draft() is None:
            return
        from .reason_dialog import ReasonDialog

        dialog = ReasonDialog(self.applicant.full_name.text(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reason_given.connect(lambda reason: self._record(Outcome.REFUSED, reason))
        dialog.open()
        self.reason_dialog = dialog

    def _draft(self, reason: str = "") -> ReceptionDraft | None:
        """The form as a draft; None (problems shown) when a field cannot even be read."""
        self._clear_problems()
        applicant, problems = self.applicant.person()
        shown = [(self.applicant, name, text) for name, text in problems.items()]
        submitter = None
        if self.other_submitter.isChecked():
            submitter, problems = self.submitter.person()
            shown += [(self.submitter, name, text) for name, text in problems.items()]
        if shown:
            for form, name, text in shown:
                form.show_problem(name, text)
            self._focus(shown[0][0].widget_for(shown[0][1]))
            self.outcome.show_message(self.tr("Hãy sửa các ô được đánh dấu."), problem=True)
            return None
        d = self.details.details()
        return ReceptionDraft(
            procedure_code=self.picker.chosen.code if self.picker.chosen else "",
            applicant=applicant, submitter=submitter, documents=self.checklist.model.documents(),
            attachments=self.scans.attachments(),
            channel=d.channel, sets=d.sets, delivery=d.delivery,
            delivery_address=d.delivery_address, fees=d.fees, postal_item=d.postal_item,
            notes=d.notes, reason=reason, user=self.user)

    def _record(self, outcome: Outcome, reason: str = "") -> None:
        if self.busy:
            return
        if self.scans.busy:
            self.outcome.show_message(self.tr("Đang nhập bản quét: chờ một chút rồi thử lại."),
                                      problem=True)
            return
        draft = self._draft(reason)
        if draft is None:
            return
        back_to = self.details.details().return_address
        use: Callable[[Counter], Callable[[ReceptionDraft], Result]] = {
            Outcome.RECEIVED: lambda c: c.receive, Outcome.GUIDANCE: lambda c: c.record_guidance,
            Outcome.REFUSED: lambda c: c.refuse}[outcome]
        if outcome == Outcome.RECEIVED and self.postal_mode:  # at the post office
            use = lambda c: (lambda d: c.postal.accept(d, back_to))  # noqa: E731
        self._set_busy(True)
        self._lane.call(lambda counter: use(counter)(draft), self._on_lane_recorded,
                        self._on_lane_record_failed, context=self)

    def _on_lane_recorded(self, result: Result) -> None:
        self._set_busy(False)
        dossier = result.dossier
        self.picker.note_used(dossier.procedure_code)
        self.details.remember_choices()
        self.new_reception()
        if dossier.outcome == Outcome.RECEIVED:
            text = self.tr("Đã tiếp nhận hồ sơ {code} của {name}, hẹn trả {due}.").format(
                code=dossier.code, name=dossier.applicant.full_name,
                due=labels.format_moment(dossier.due_at))
        elif dossier.outcome == Outcome.GUIDANCE:
            text = self.tr("Đã ghi nhận hướng dẫn bổ sung hồ sơ cho {name}.").format(
                name=dossier.applicant.full_name)
        else:
            text = self.tr("Đã ghi nhận từ chối tiếp nhận hồ sơ của {name}.").format(
                name=dossier.applicant.full_name)
        self.outcome.show_message(text)
        self.outcome_recorded.emit(dossier)
        self.changes_applied.emit(result.changes)
        # The slip separately: the dossier is saved whatever happens to its preview.
        form = FORMS[dossier.outcome]
        from .print_preview import render_for_preview  # the PDF machinery: on first use

        self._lane.call(lambda counter: render_for_preview(counter, dossier, form),
                        self._on_lane_rendered, self._on_lane_failed, context=self)

    def _on_lane_rendered(self, rendered: Rendered) -> None:
        from .print_preview import PrintPreview

        preview = PrintPreview(self._lane, rendered, user=self.user, parent=self.window())
        preview.printed.connect(lambda printed: self.changes_applied.emit(printed.changes))
        preview.open()
        self.preview_opened.emit(preview)

    def _on_lane_record_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            self._show_problems(error.problems)
        else:
            self._on_lane_failed(error)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.outcome.show_message(errors.describe(error), problem=True)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.outcome.set_busy(busy)

    # ----- problems next to their fields ---------------------------------------------------

    def _clear_problems(self) -> None:
        self.applicant.clear_problems()
        self.submitter.clear_problems()
        self.details.clear_problems()
        self.checklist.problem.show_problem("")
        self.picker.show_problem("")
        self.outcome.show_message("")

    def _show_problems(self, problems: Sequence[FieldProblem]) -> None:
        """Each problem under the field it names; the cursor to the first of them."""
        widgets: list[QWidget | None] = []
        general: list[str] = []
        for p in problems:
            text = problem_text(p.code, p.params)
            part, _, name = p.field.partition(".")
            form = {"applicant": self.applicant, "submitter": self.submitter}.get(part)
            if form is not None and form.show_problem(name, text):
                widgets.append(form.widget_for(name))
            elif p.field == "procedure_code":
                self.picker.show_problem(text)
                widgets.append(self.picker.edit)
            elif p.field.startswith(("documents", "attachments")):
                self.checklist.problem.show_problem(text)
                widgets.append(self.checklist.view)
            elif self.details.show_problem(p.field, text):
                widgets.append(self.details.widget_for(p.field))
            else:
                general.append(errors.describe_problem(p))
        self.outcome.show_message(" ".join([self.tr("Chưa ghi được: hãy sửa các ô được đánh dấu."),
                                            *general]), problem=True)
        self._focus(next((w for w in widgets if w is not None), None))

    def _focus(self, widget: QWidget | None) -> None:
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- keyboard ------------------------------------------------------------------------

    def _on_other_submitter_toggled(self, checked: bool) -> None:
        self.submitter.setVisible(checked)
        if not checked:
            self.submitter.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Fields ignore Enter (so dialogs get it); on this page it moves to the next field.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

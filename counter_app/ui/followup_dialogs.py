"""The clerk's input for the follow-ups: a checklist (accepting an online dossier, papers brought
for a supplement), a new date with its reason (apology), a reason (withdrawal). Each dialog only
collects and checks that something was given; the service decides and refuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import CopyType, DocumentRequirement
from ..domain.text import clean, fold
from .checklist_table_model import ChecklistTableModel
from .checklist_widget import ChecklistView
from .field_problems import ProblemLabel

MAX_REASON = 1000
ANY_COPY = (CopyType.ORIGINAL, CopyType.CERTIFIED_COPY, CopyType.PHOTOCOPY)


def _buttons(dialog: QDialog, confirm: str, back: str) -> tuple[QDialogButtonBox, QWidget]:
    box = QDialogButtonBox()
    ok = box.addButton(confirm, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(back, QDialogButtonBox.ButtonRole.RejectRole)
    ok.setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


class ChecklistDialog(QDialog):
    """Space ticks a row, digits set a quantity, Enter confirms (the reception page's keys)."""

    documents_given = Signal(object)  # tuple[ReceivedDocument, ...], at least one ticked

    def __init__(self, title: str, intro: str, requirements: Sequence[DocumentRequirement],
                 confirm: str, *, ticked: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.model = ChecklistTableModel(self)
        self.model.set_requirements(requirements)
        wanted = {fold(name) for name in ticked}
        for row in range(self.model.rowCount()):
            if fold(self.model.requirement(row).name) in wanted:
                self.model.set_ticked(row, True)
        self.view = ChecklistView(self.model)
        self.view.setCurrentIndex(self.model.index(0, 0))
        hint = QLabel(self.tr("Phím cách: đánh dấu · chữ số: số lượng · Enter: xác nhận"))
        hint.setStyleSheet("color: #5b5b5b;")
        self.problem = ProblemLabel()
        self.model.checklist_changed.connect(lambda: self.problem.show_problem(""))
        buttons, self.confirm = _buttons(self, confirm, self.tr("Quay lại"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.view.setFocus()

    def accept(self) -> None:
        documents = self.model.documents()
        if not documents:
            self.problem.show_problem(self.tr("Chưa đánh dấu giấy tờ nào."))
            self.view.setFocus()
            return
        super().accept()
        self.documents_given.emit(documents)


def requested_requirements(items: Sequence[str]) -> list[DocumentRequirement]:
    """What a back office asked for, as checklist rows (any kind of copy accepted)."""
    return [DocumentRequirement(name, copy_types=ANY_COPY) for name in items]


class ReasonOnlyDialog(QDialog):
    """A required reason (withdrawal): printed on the slip."""

    reason_given = Signal(str)

    def __init__(self, title: str, intro: str, confirm: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.textEdited.connect(lambda _t: self.problem.show_problem(""))
        label.setBuddy(self.reason)
        self.problem = ProblemLabel()
        buttons, self.confirm = _buttons(self, confirm, self.tr("Quay lại"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        reason = clean(self.reason.text())
        if not reason:
            self.problem.show_problem(self.tr("Hãy nhập lý do: lý do được in trên phiếu."))
            self.reason.setFocus()
            return
        super().accept()
        self.reason_given.emit(reason)


class ApologyDialog(QDialog):
    """Mẫu 04: the new due moment (dd/MM/yyyy HH:mm) and the reason for the delay."""

    apology_given = Signal(object, str)  # new due (datetime), reason

    def __init__(self, code: str, due: dt.datetime | None, suggested: dt.datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xin lỗi và hẹn lại ngày trả kết quả"))
        intro = QLabel(self.tr("Hồ sơ {code} — hẹn trả hiện tại: {due}. Mỗi hồ sơ chỉ được hẹn "
                               "lại một lần (Mẫu 04).").format(
            code=code, due=due.strftime("%d/%m/%Y %H:%M") if due else "—"))
        intro.setWordWrap(True)
        self.new_date = QDateTimeEdit(QDateTime(suggested))
        self.new_date.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.new_date.setCalendarPopup(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("vd. Chờ ý kiến của cơ quan liên quan"))
        self.reason.textEdited.connect(lambda _t: self.problem.show_problem(""))
        form = QFormLayout()
        form.addRow(self.tr("Ngày hẹn trả mới"), self.new_date)
        form.addRow(self.tr("Lý do chậm trả"), self.reason)
        self.problem = ProblemLabel()
        buttons, self.confirm = _buttons(self, self.tr("Ghi nhận và in Mẫu 04"),
                                         self.tr("Quay lại"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(600, self.sizeHint().height())
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        reason = clean(self.reason.text())
        if not reason:
            self.problem.show_problem(self.tr("Hãy nhập lý do chậm trả: lý do được in trên "
                                              "Mẫu 04."))
            self.reason.setFocus()
            return
        new_due = self.new_date.dateTime().toPython()
        assert isinstance(new_due, dt.datetime)
        super().accept()
        self.apology_given.emit(new_due.replace(second=0, microsecond=0), reason)

"""Asking for the reason of a refusal: required, printed on Mẫu 03."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.text import clean
from .field_problems import ProblemLabel

MAX_REASON = 500


class ReasonDialog(QDialog):
    reason_given = Signal(str)  # the reason, tidied; only when it is not empty

    def __init__(self, applicant: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Từ chối tiếp nhận hồ sơ"))
        intro = QLabel(self.tr("Lý do từ chối tiếp nhận hồ sơ của {name} (in trên Mẫu 03):")
                       .format(name=applicant or "…"))
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(
            self.tr("vd. Thủ tục không thuộc thẩm quyền giải quyết của cơ quan"))
        self.reason.textEdited.connect(lambda _text: self.problem.show_problem(""))
        intro.setBuddy(self.reason)
        self.problem = ProblemLabel()
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Từ chối tiếp nhận"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Quay lại"), QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        reason = clean(self.reason.text())
        if not reason:
            self.problem.show_problem(self.tr("Hãy nhập lý do: lý do được in trên phiếu từ chối."))
            self.reason.setFocus()
            return
        super().accept()
        self.reason_given.emit(reason)

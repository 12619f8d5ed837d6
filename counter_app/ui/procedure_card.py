"""What the chosen procedure means for the citizen: time limit, fees and the due time, live."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..domain.model import Procedure
from . import labels

CARD_STYLE = ("#procedureCard { background: #f3f6f9; border: 1px solid #d5dde5;"
              " border-radius: 6px; }")
MUTED_STYLE = "color: #505a63;"
DUE_STYLE = "color: #1f3b57;"


class ProcedureCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureCard")
        self.setStyleSheet(CARD_STYLE)
        self.name = QLabel()
        self.name.setWordWrap(True)
        bold = QFont(self.name.font())
        bold.setBold(True)
        self.name.setFont(bold)
        self.code = QLabel()
        self.code.setStyleSheet(MUTED_STYLE)
        self.limit = QLabel()
        self.fees = QLabel()
        self.fees.setWordWrap(True)
        self.keys = QLabel()
        self.keys.setObjectName("procedureKeys")
        self.keys.setStyleSheet(MUTED_STYLE)
        self.due_caption = QLabel(self.tr("Hẹn trả kết quả"))
        self.due_caption.setStyleSheet(MUTED_STYLE)
        self.due = QLabel()
        self.due.setObjectName("dueAt")
        big = QFont(self.due.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.due.setFont(big)
        self.due.setStyleSheet(DUE_STYLE)
        for label in (self.name, self.code, self.limit, self.fees, self.due):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setSpacing(3)
        for widget in (self.name, self.code, self.limit, self.fees, self.keys):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.due_caption)
        layout.addWidget(self.due)
        self.show_procedure(None)

    def show_procedure(self, procedure: Procedure | None) -> None:
        if procedure is None:
            self.name.setText(self.tr("Chưa chọn thủ tục"))
            self.code.setText(self.tr("Gõ tên thủ tục ở ô bên trái rồi nhấn Enter."))
            self.limit.clear()
            self.fees.clear()
            self.keys.clear()
        else:
            self.name.setText(procedure.name)
            self.code.setText(self.tr("Mã {code} · {field}").format(
                code=procedure.code, field=procedure.field_name))
            self.limit.setText(self.tr("Thời hạn giải quyết: {limit}").format(
                limit=labels.time_limit_name(procedure.time_limit)))
            self.fees.setText(self.tr("Phí, lệ phí: {fees}").format(
                fees=labels.fees_text(procedure.fees)))
            keys = self.tr("F1 Thông tin thủ tục")
            if len(procedure.forms) == 1:
                keys += " · " + self.tr("F2 In tờ khai")
            elif procedure.forms:
                keys += " · " + self.tr("F2 In tờ khai ({n} mẫu)").format(n=len(procedure.forms))
            self.keys.setText(keys)
        self.show_due(None)

    def show_due(self, due: dt.datetime | None) -> None:
        self.due.setText(labels.format_moment(due) if due else "—")

"""One list of the "Cần xử lý" page: dossiers that need the counter, one per row."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ..services.followup import ActionItem, Category
from . import labels
from .row_table_model import RowTableModel

WARNING_BACKGROUND = QColor("#fff3cd")  # a second supplement request: look again
LATE_FOREGROUND = QColor("#a61b1b")


class Column(IntEnum):
    CODE = 0  # mã hồ sơ
    APPLICANT = 1  # chủ hồ sơ
    PROCEDURE = 2  # thủ tục
    DUE = 3  # hẹn trả
    SINCE = 4  # từ lúc (the status arrived)
    NOTE = 5  # nội dung: the portal's note, or the status for the due-date lists


HEADERS: dict[Column, str] = {
    Column.CODE: QT_TRANSLATE_NOOP("ActOnTableModel", "Mã hồ sơ"),
    Column.APPLICANT: QT_TRANSLATE_NOOP("ActOnTableModel", "Chủ hồ sơ"),
    Column.PROCEDURE: QT_TRANSLATE_NOOP("ActOnTableModel", "Thủ tục"),
    Column.DUE: QT_TRANSLATE_NOOP("ActOnTableModel", "Hẹn trả"),
    Column.SINCE: QT_TRANSLATE_NOOP("ActOnTableModel", "Từ lúc"),
    Column.NOTE: QT_TRANSLATE_NOOP("ActOnTableModel", "Nội dung"),
}


def note_text(item: ActionItem) -> str:
    """What the row says: the back office's note (with who sent it), a repeat warning, or the
    status for the due-date lists."""
    if item.category in (Category.DUE_SOON, Category.OVERDUE, Category.ONLINE):
        return labels.status_name(item.summary.status, item.summary.outcome)
    text = item.note
    if item.department:
        text = f"{text} ({item.department})" if text else item.department
    if item.repeat_request:
        warning = QCoreApplication.translate(
            "ActOnTableModel", "⚠ Yêu cầu bổ sung lần thứ hai của cùng cơ quan")
        text = f"{warning}: {text}" if text else warning
    return text


class ActOnTableModel(RowTableModel[ActionItem]):
    columns = Column
    headers = HEADERS
    context = "ActOnTableModel"

    def cell(self, item: ActionItem, column: Column, role: int) -> Any:
        s = item.summary
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == Column.CODE:
                return s.code or ""
            if column == Column.APPLICANT:
                return s.applicant_name
            if column == Column.PROCEDURE:
                return s.procedure_name
            if column == Column.DUE:
                return labels.format_datetime(s.due_at)
            if column == Column.SINCE:
                return labels.format_datetime(item.since)
            return note_text(item)
        if role == Qt.ItemDataRole.BackgroundRole and item.repeat_request:
            return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.DUE \
                and item.category == Category.OVERDUE:
            return QBrush(LATE_FOREGROUND)
        return None

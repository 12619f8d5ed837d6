"""Biểu II.06a on screen: one row per field or procedure, the totals row last."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from ..domain.reports import ReportRow
from .row_table_model import RowTableModel

TOTAL_KEY = ""  # the totals row's key (no field or procedure has an empty key)


class Column(IntEnum):
    NAME = 0
    RECEIVED = 1
    RESOLVED = 2
    EARLY = 3
    ON_TIME = 4
    LATE = 5
    IN_PROGRESS = 6
    OVERDUE = 7
    RATE = 8


HEADERS: dict[Column, str] = {
    Column.NAME: QT_TRANSLATE_NOOP("StatisticsTableModel", "Lĩnh vực, thủ tục"),
    Column.RECEIVED: QT_TRANSLATE_NOOP("StatisticsTableModel", "Tiếp nhận"),
    Column.RESOLVED: QT_TRANSLATE_NOOP("StatisticsTableModel", "Đã giải quyết"),
    Column.EARLY: QT_TRANSLATE_NOOP("StatisticsTableModel", "Trước hạn"),
    Column.ON_TIME: QT_TRANSLATE_NOOP("StatisticsTableModel", "Đúng hạn"),
    Column.LATE: QT_TRANSLATE_NOOP("StatisticsTableModel", "Quá hạn"),
    Column.IN_PROGRESS: QT_TRANSLATE_NOOP("StatisticsTableModel", "Đang giải quyết"),
    Column.OVERDUE: QT_TRANSLATE_NOOP("StatisticsTableModel", "Đang quá hạn"),
    Column.RATE: QT_TRANSLATE_NOOP("StatisticsTableModel", "Trước và đúng hạn"),
}


def percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate * 100:.1f} %".replace(".", ",")


class StatisticsTableModel(RowTableModel[ReportRow]):
    columns = Column
    headers = HEADERS
    context = "StatisticsTableModel"

    def cell(self, row: ReportRow, column: Any, role: int) -> Any:
        c = row.counts
        if role == Qt.ItemDataRole.DisplayRole:
            values = {Column.NAME: row.name, Column.RECEIVED: c.received,
                      Column.RESOLVED: c.resolved, Column.EARLY: c.early,
                      Column.ON_TIME: c.on_time, Column.LATE: c.late,
                      Column.IN_PROGRESS: c.in_progress, Column.OVERDUE: c.overdue,
                      Column.RATE: percent(c.on_time_rate)}
            value = values[column]
            return f"{value:,}".replace(",", ".") if isinstance(value, int) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.key == TOTAL_KEY:
            font = QFont()
            font.setBold(True)
            return font
        return None

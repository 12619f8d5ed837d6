"""The post-office desk's lists: dossiers waiting for a manifest, and the lines of an intake."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from ..domain.postal import Decision, Discrepancy, IntakeLine
from .row_table_model import RowTableModel

translate = QCoreApplication.translate


class WaitingColumn(IntEnum):
    AGENCY = 0
    CODE = 1
    ITEM = 2


class WaitingTableModel(RowTableModel[tuple[str, str, str]]):
    """(agency code, dossier code, S10 item) of the accepted dossiers not yet handed over."""

    columns = WaitingColumn
    context = "WaitingTableModel"
    headers = {
        WaitingColumn.AGENCY: QT_TRANSLATE_NOOP("WaitingTableModel", "Cơ quan"),
        WaitingColumn.CODE: QT_TRANSLATE_NOOP("WaitingTableModel", "Mã hồ sơ"),
        WaitingColumn.ITEM: QT_TRANSLATE_NOOP("WaitingTableModel", "Số hiệu bưu gửi"),
    }

    def cell(self, row: tuple[str, str, str], column: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row[int(column)]
        return None


@dataclass
class IntakeRow:
    """One dossier of the pack being taken in; `decision` None: listed, not yet seen."""

    code: str
    listed: bool
    decision: Decision | None = None
    discrepancy: Discrepancy = Discrepancy.NONE
    note: str = ""

    def line(self) -> IntakeLine | None:
        if self.decision is None:
            return None
        return IntakeLine(self.code, self.decision, self.discrepancy, self.note)


class IntakeColumn(IntEnum):
    CODE = 0
    STATE = 1
    DISCREPANCY = 2


STATES = {
    None: QT_TRANSLATE_NOOP("IntakeTableModel", "Chưa thấy"),
    Decision.CONFIRMED: QT_TRANSLATE_NOOP("IntakeTableModel", "Đã nhận"),
    Decision.REJECTED: QT_TRANSLATE_NOOP("IntakeTableModel", "Từ chối"),
}
DISCREPANCIES = {
    Discrepancy.NONE: "",
    Discrepancy.MISSING: QT_TRANSLATE_NOOP("IntakeTableModel", "Thiếu"),
    Discrepancy.EXTRA: QT_TRANSLATE_NOOP("IntakeTableModel", "Thừa (không có trong danh sách)"),
    Discrepancy.DAMAGED: QT_TRANSLATE_NOOP("IntakeTableModel", "Hư hỏng"),
}


class IntakeTableModel(RowTableModel[IntakeRow]):
    columns = IntakeColumn
    context = "IntakeTableModel"
    headers = {
        IntakeColumn.CODE: QT_TRANSLATE_NOOP("IntakeTableModel", "Mã hồ sơ"),
        IntakeColumn.STATE: QT_TRANSLATE_NOOP("IntakeTableModel", "Tình trạng"),
        IntakeColumn.DISCREPANCY: QT_TRANSLATE_NOOP("IntakeTableModel", "Sai lệch"),
    }

    def cell(self, row: IntakeRow, column: Any, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == IntakeColumn.CODE:
            return row.code
        if column == IntakeColumn.STATE:
            return translate(self.context, STATES[row.decision])
        shown = row.discrepancy
        if shown == Discrepancy.NONE and not row.listed:
            shown = Discrepancy.EXTRA
        text = translate(self.context, DISCREPANCIES[shown]) if DISCREPANCIES[shown] else ""
        return f"{text} — {row.note}" if row.note and text else (text or row.note)

    def changed(self, i: int) -> None:
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    def find(self, code: str) -> int:
        key = code.strip().upper()
        return next((i for i, r in enumerate(self._rows) if r.code.upper() == key), -1)

    def append(self, row: IntakeRow) -> int:
        n = len(self._rows)
        self.beginInsertRows(self.index(0, 0).parent(), n, n)
        self._rows.append(row)
        self.endInsertRows()
        return n

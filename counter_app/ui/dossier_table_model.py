"""The list of dossiers found by a look-up, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from ..domain.model import DossierSummary
from . import labels
from .row_table_model import ModelIndex as ModelIndex  # older imports take it from here
from .row_table_model import RowTableModel

DOSSIER_ROLE = Qt.ItemDataRole.UserRole + 1  # the DossierSummary of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a key that sorts right (dates as ISO text)


class Column(IntEnum):
    CODE = 0  # mã hồ sơ
    APPLICANT = 1  # chủ hồ sơ
    PROCEDURE = 2  # thủ tục
    RECEIVED_AT = 3  # ngày nhận
    DUE_AT = 4  # hẹn trả
    STATUS = 5  # trạng thái


HEADERS: dict[Column, str] = {
    Column.CODE: QT_TRANSLATE_NOOP("DossierTableModel", "Mã hồ sơ"),
    Column.APPLICANT: QT_TRANSLATE_NOOP("DossierTableModel", "Chủ hồ sơ"),
    Column.PROCEDURE: QT_TRANSLATE_NOOP("DossierTableModel", "Thủ tục"),
    Column.RECEIVED_AT: QT_TRANSLATE_NOOP("DossierTableModel", "Ngày nhận"),
    Column.DUE_AT: QT_TRANSLATE_NOOP("DossierTableModel", "Hẹn trả"),
    Column.STATUS: QT_TRANSLATE_NOOP("DossierTableModel", "Trạng thái"),
}

NO_CODE = "—"  # guidance and refusal records get no dossier code


class DossierTableModel(RowTableModel[DossierSummary]):
    columns = Column
    headers = HEADERS
    context = "DossierTableModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)

    def set_dossiers(self, dossiers: Sequence[DossierSummary]) -> None:
        self.set_rows(dossiers)

    def dossier_at(self, row: int) -> DossierSummary:
        return self._rows[row]

    def dossiers(self) -> list[DossierSummary]:
        return self.rows()

    def cell(self, d: DossierSummary, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(d, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.PROCEDURE:
                return f"{d.procedure_code} — {d.procedure_name}"
            return self._display(d, column) or None
        if role == SORT_ROLE:
            if column == Column.RECEIVED_AT:
                return d.received_at.isoformat()
            if column == Column.DUE_AT:
                return d.due_at.isoformat() if d.due_at else ""
            if column == Column.STATUS:
                return int(d.status) if d.status is not None else 0
            return self._display(d, column)
        if role == DOSSIER_ROLE:
            return d
        return None

    @staticmethod
    def _display(d: DossierSummary, column: Column) -> str:
        if column == Column.CODE:
            return d.code or NO_CODE
        if column == Column.APPLICANT:
            return d.applicant_name
        if column == Column.PROCEDURE:
            return d.procedure_name
        if column == Column.RECEIVED_AT:
            return labels.format_datetime(d.received_at)
        if column == Column.DUE_AT:
            return labels.format_datetime(d.due_at)
        return labels.status_name(d.status, d.outcome)

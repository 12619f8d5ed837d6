"""The checklist of the chosen procedure: one row per required document, ticks and quantities."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from ..domain.model import CopyType, DocumentRequirement, ReceivedDocument
from .row_table_model import ModelIndex, RowTableModel

MAX_QUANTITY = 99
NOT_ACCEPTED = "—"


class Column(IntEnum):
    NAME = 0  # tên giấy tờ, with the tick
    ORIGINAL = 1  # bản chính
    CERTIFIED_COPY = 2  # bản sao chứng thực
    PHOTOCOPY = 3  # bản photo
    MANDATORY = 4  # bắt buộc


COPY_COLUMNS: dict[Column, CopyType] = {
    Column.ORIGINAL: CopyType.ORIGINAL,
    Column.CERTIFIED_COPY: CopyType.CERTIFIED_COPY,
    Column.PHOTOCOPY: CopyType.PHOTOCOPY,
}

HEADERS: dict[Column, str] = {
    Column.NAME: QT_TRANSLATE_NOOP("ChecklistTableModel", "Giấy tờ đã nhận"),
    Column.ORIGINAL: QT_TRANSLATE_NOOP("ChecklistTableModel", "Bản chính"),
    Column.CERTIFIED_COPY: QT_TRANSLATE_NOOP("ChecklistTableModel", "Bản sao chứng thực"),
    Column.PHOTOCOPY: QT_TRANSLATE_NOOP("ChecklistTableModel", "Bản photo"),
    Column.MANDATORY: QT_TRANSLATE_NOOP("ChecklistTableModel", "Bắt buộc"),
}

_GREY = QColor("#8a8a8a")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChecklistTableModel", text)


class ChecklistTableModel(RowTableModel[DocumentRequirement]):
    """Ticking a row puts the required quantity on its first accepted copy type; a quantity
    above 0 is a tick, all quantities at 0 an empty box."""

    columns = Column
    headers = HEADERS
    context = "ChecklistTableModel"
    checklist_changed = Signal()  # any tick or quantity changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._counts: list[dict[CopyType, int]] = []

    def set_rows(self, rows: Sequence[DocumentRequirement]) -> None:
        super().set_rows(rows)
        self.checklist_changed.emit()

    def _rows_set(self) -> None:
        self._counts = [dict.fromkeys(CopyType, 0) for _ in self._rows]

    def set_requirements(self, requirements: Sequence[DocumentRequirement]) -> None:
        self.set_rows(requirements)

    def requirement(self, row: int) -> DocumentRequirement:
        return self._rows[row]

    def is_ticked(self, row: int) -> bool:
        return sum(self._counts[row].values()) > 0

    def set_ticked(self, row: int, ticked: bool) -> None:
        counts = self._counts[row]
        if ticked == self.is_ticked(row):
            return
        for copy_type in counts:
            counts[copy_type] = 0
        if ticked:
            req = self._rows[row]
            first = req.copy_types[0] if req.copy_types else CopyType.ORIGINAL
            counts[first] = max(1, req.quantity)
        self._row_changed(row)

    def documents(self) -> tuple[ReceivedDocument, ...]:
        """What was received, as the draft takes it: ticked rows only."""
        return tuple(
            ReceivedDocument(req.name, original=c[CopyType.ORIGINAL],
                             certified_copy=c[CopyType.CERTIFIED_COPY],
                             photocopy=c[CopyType.PHOTOCOPY], mandatory=req.mandatory)
            for req, c in zip(self._rows, self._counts, strict=True)
            if sum(c.values()) > 0
        )

    def unticked_mandatory(self) -> list[str]:
        return [req.name for row, req in enumerate(self._rows)
                if req.mandatory and not self.is_ticked(row)]

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        self.checklist_changed.emit()

    # ----- Qt model ------------------------------------------------------------------------

    def _accepts(self, row: int, column: Column) -> bool:
        return column in COPY_COLUMNS and COPY_COLUMNS[column] in self._rows[row].copy_types

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = Column(index.column())
        if column == Column.NAME:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if self._accepts(index.row(), column):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides the base's whole data(): the ticks and quantities are kept by row number."""
        if not self.has_row(index):
            return None
        row, column = index.row(), Column(index.column())
        req = self._rows[row]
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.NAME:
            return Qt.CheckState.Checked if self.is_ticked(row) else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == Column.NAME:
                return req.name
            if column == Column.MANDATORY:
                return _tr("Bắt buộc") if req.mandatory else ""
            if not self._accepts(row, column):
                return NOT_ACCEPTED if role == Qt.ItemDataRole.DisplayRole else None
            count = self._counts[row][COPY_COLUMNS[column]]
            if role == Qt.ItemDataRole.EditRole:
                return count
            return str(count) if count else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME:
            return f"{req.name}\n{req.note}" if req.note else req.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in COPY_COLUMNS \
                and not self._accepts(row, column):
            return _GREY
        if role == Qt.ItemDataRole.FontRole and column == Column.MANDATORY and req.mandatory:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.has_row(index):
            return False
        row, column = index.row(), Column(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.NAME:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            self.set_ticked(row, state == Qt.CheckState.Checked.value)
            return True
        if role == Qt.ItemDataRole.EditRole and self._accepts(row, column):
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= count <= MAX_QUANTITY:
                return False
            self._counts[row][COPY_COLUMNS[column]] = count
            self._row_changed(row)
            return True
        return False

"""A read-only table of one domain object per row, the common part of the UI's table models."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

ModelIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of `T`; subclasses name their columns, headers (QT_TRANSLATE_NOOP source strings)
    and translation context, and say what each cell shows in `cell()`."""

    columns: ClassVar[type[IntEnum]]
    headers: ClassVar[Mapping[Any, str]]  # column -> untranslated header
    context: ClassVar[str]  # translation context of the headers

    def __init__(self, rows: Sequence[T] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = list(rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_set()
        self.endResetModel()

    def _rows_set(self) -> None:
        """Called inside the reset, after the rows changed: per-row state to rebuild."""

    def row_at(self, i: int) -> T | None:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def rows(self) -> list[T]:
        return list(self._rows)

    def has_row(self, index: ModelIndex) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._rows)

    def cell(self, row: T, column: Any, role: int) -> Any:
        """What `row` shows in `column` (a member of `columns`) for `role`; None for nothing."""
        raise NotImplementedError

    # ----- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.has_row(index):
            return None
        return self.cell(self._rows[index.row()], self.columns(index.column()), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return QCoreApplication.translate(self.context, self.headers[self.columns(section)])
        return None

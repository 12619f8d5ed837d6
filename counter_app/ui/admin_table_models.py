"""The administrator's lists: procedures of the catalogue, calendar exceptions, public holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from ..domain.calendar import CalendarException, DayKind
from ..domain.model import Procedure
from . import labels
from .dossier_table_model import ModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's domain object
CONTEXT = "AdminTableModels"
R = TypeVar("R")


class ProcedureColumn(IntEnum):
    CODE = 0  # mã thủ tục
    NAME = 1  # tên thủ tục
    FIELD = 2  # lĩnh vực
    TIME_LIMIT = 3  # thời hạn giải quyết


class ExceptionColumn(IntEnum):
    DAY = 0  # ngày
    KIND = 1  # nghỉ / làm bù
    NOTE = 2  # ghi chú
    LEGAL_REF = 3  # căn cứ (văn bản thông báo)


class HolidayColumn(IntEnum):
    DAY = 0
    NAME = 1


HEADERS: dict[type[IntEnum], list[str]] = {
    ProcedureColumn: [QT_TRANSLATE_NOOP("AdminTableModels", "Mã thủ tục"),
                      QT_TRANSLATE_NOOP("AdminTableModels", "Tên thủ tục"),
                      QT_TRANSLATE_NOOP("AdminTableModels", "Lĩnh vực"),
                      QT_TRANSLATE_NOOP("AdminTableModels", "Thời hạn giải quyết")],
    ExceptionColumn: [QT_TRANSLATE_NOOP("AdminTableModels", "Ngày"),
                      QT_TRANSLATE_NOOP("AdminTableModels", "Loại"),
                      QT_TRANSLATE_NOOP("AdminTableModels", "Ghi chú"),
                      QT_TRANSLATE_NOOP("AdminTableModels", "Căn cứ")],
    HolidayColumn: [QT_TRANSLATE_NOOP("AdminTableModels", "Ngày"),
                    QT_TRANSLATE_NOOP("AdminTableModels", "Ngày lễ, Tết")],
}

KIND_NAMES: dict[DayKind, str] = {
    DayKind.OFF: QT_TRANSLATE_NOOP("AdminTableModels", "Nghỉ"),
    DayKind.WORKING: QT_TRANSLATE_NOOP("AdminTableModels", "Làm bù"),
}


def kind_name(kind: DayKind) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_NAMES[kind])


def day_text(day: dt.date) -> str:
    """dd/MM/yyyy with the weekday, which is what an administrator checks a swap against."""
    return f"{day:%d/%m/%Y} ({QCoreApplication.translate(CONTEXT, WEEKDAYS[day.weekday()])})"


WEEKDAYS = [QT_TRANSLATE_NOOP("AdminTableModels", "Thứ Hai"),
            QT_TRANSLATE_NOOP("AdminTableModels", "Thứ Ba"),
            QT_TRANSLATE_NOOP("AdminTableModels", "Thứ Tư"),
            QT_TRANSLATE_NOOP("AdminTableModels", "Thứ Năm"),
            QT_TRANSLATE_NOOP("AdminTableModels", "Thứ Sáu"),
            QT_TRANSLATE_NOOP("AdminTableModels", "Thứ Bảy"),
            QT_TRANSLATE_NOOP("AdminTableModels", "Chủ Nhật")]


class _RowsTableModel(QAbstractTableModel, Generic[R]):
    """Rows of plain values, read-only; subclasses say what each cell shows."""

    columns: type[IntEnum]

    def __init__(self, rows: Sequence[R] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = list(rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[R]:
        return list(self._rows)

    def cell(self, row: R, column: int) -> str:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(item, index.column())
        if role == ROW_ROLE:
            return item
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return QCoreApplication.translate(CONTEXT, HEADERS[self.columns][section])
        return None


class ProcedureTableModel(_RowsTableModel[Procedure]):
    columns = ProcedureColumn

    def cell(self, row: Procedure, column: int) -> str:
        if column == ProcedureColumn.CODE:
            return str(row.code)
        if column == ProcedureColumn.NAME:
            return row.name
        if column == ProcedureColumn.FIELD:
            return row.field_name
        return labels.time_limit_name(row.time_limit)


class CalendarExceptionTableModel(_RowsTableModel[CalendarException]):
    columns = ExceptionColumn

    def cell(self, row: CalendarException, column: int) -> str:
        if column == ExceptionColumn.DAY:
            return day_text(row.day)
        if column == ExceptionColumn.KIND:
            return kind_name(row.kind)
        return row.note if column == ExceptionColumn.NOTE else row.legal_ref


class HolidayTableModel(_RowsTableModel[tuple[dt.date, str]]):
    """Public holidays of one year (from the `holidays` package), shown, never edited."""

    columns = HolidayColumn

    def cell(self, row: tuple[dt.date, str], column: int) -> str:
        return day_text(row[0]) if column == HolidayColumn.DAY else row[1]

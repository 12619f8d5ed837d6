"""The administrator's lists: procedures of the catalogue, calendar exceptions, public holidays."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from ..domain.calendar import CalendarException, DayKind
from ..domain.model import Procedure
from . import labels
from .row_table_model import RowTableModel

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


PROCEDURE_HEADERS: dict[ProcedureColumn, str] = {
    ProcedureColumn.CODE: QT_TRANSLATE_NOOP("AdminTableModels", "Mã thủ tục"),
    ProcedureColumn.NAME: QT_TRANSLATE_NOOP("AdminTableModels", "Tên thủ tục"),
    ProcedureColumn.FIELD: QT_TRANSLATE_NOOP("AdminTableModels", "Lĩnh vực"),
    ProcedureColumn.TIME_LIMIT: QT_TRANSLATE_NOOP("AdminTableModels", "Thời hạn giải quyết"),
}
EXCEPTION_HEADERS: dict[ExceptionColumn, str] = {
    ExceptionColumn.DAY: QT_TRANSLATE_NOOP("AdminTableModels", "Ngày"),
    ExceptionColumn.KIND: QT_TRANSLATE_NOOP("AdminTableModels", "Loại"),
    ExceptionColumn.NOTE: QT_TRANSLATE_NOOP("AdminTableModels", "Ghi chú"),
    ExceptionColumn.LEGAL_REF: QT_TRANSLATE_NOOP("AdminTableModels", "Căn cứ"),
}
HOLIDAY_HEADERS: dict[HolidayColumn, str] = {
    HolidayColumn.DAY: QT_TRANSLATE_NOOP("AdminTableModels", "Ngày"),
    HolidayColumn.NAME: QT_TRANSLATE_NOOP("AdminTableModels", "Ngày lễ, Tết"),
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


class _AdminTableModel(RowTableModel[R]):
    """Rows of plain values, read-only; subclasses say what each cell shows in `text()`."""

    context = CONTEXT

    def row(self, row: int) -> R | None:
        return self.row_at(row)

    def text(self, row: R, column: Any) -> str:
        raise NotImplementedError

    def cell(self, row: R, column: Any, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, column)
        if role == ROW_ROLE:
            return row
        return None


class ProcedureTableModel(_AdminTableModel[Procedure]):
    columns = ProcedureColumn
    headers = PROCEDURE_HEADERS

    def text(self, row: Procedure, column: ProcedureColumn) -> str:
        if column == ProcedureColumn.CODE:
            return str(row.code)
        if column == ProcedureColumn.NAME:
            return row.name
        if column == ProcedureColumn.FIELD:
            return row.field_name
        return labels.time_limit_name(row.time_limit)


class CalendarExceptionTableModel(_AdminTableModel[CalendarException]):
    columns = ExceptionColumn
    headers = EXCEPTION_HEADERS

    def text(self, row: CalendarException, column: ExceptionColumn) -> str:
        if column == ExceptionColumn.DAY:
            return day_text(row.day)
        if column == ExceptionColumn.KIND:
            return kind_name(row.kind)
        return row.note if column == ExceptionColumn.NOTE else row.legal_ref


class HolidayTableModel(_AdminTableModel[tuple[dt.date, str]]):
    """Public holidays of one year (from the `holidays` package), shown, never edited."""

    columns = HolidayColumn
    headers = HOLIDAY_HEADERS

    def text(self, row: tuple[dt.date, str], column: HolidayColumn) -> str:
        return day_text(row[0]) if column == HolidayColumn.DAY else row[1]

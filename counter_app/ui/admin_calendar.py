"""Lịch làm việc: per-year days off and make-up working days, beside that year's public holidays."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.calendar import CalendarException, DayKind
from ..services.counter import Changes, Counter
from . import errors
from .admin_table_models import (
    CalendarExceptionTableModel,
    ExceptionColumn,
    HolidayColumn,
    HolidayTableModel,
    kind_name,
)
from .field_problems import PROBLEM_STYLE
from .lanes import CounterLane

Loaded = tuple[list[CalendarException], dict[dt.date, str]]


def _table(model: CalendarExceptionTableModel | HolidayTableModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ExceptionDialog(QDialog):
    """One day off or make-up day: the date, what it is, why, and the announcement it follows."""

    exception_given = Signal(object)  # the CalendarException

    def __init__(self, item: CalendarException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ngày nghỉ, ngày làm bù"))
        self.day = QDateEdit(QDate(item.day.year, item.day.month, item.day.day))
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.kind = QComboBox()
        for kind in (DayKind.OFF, DayKind.WORKING):
            self.kind.addItem(kind_name(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(item.kind.value))
        self.note = QLineEdit(item.note)
        self.note.setPlaceholderText(self.tr("vd. Nghỉ bù Tết Nguyên đán"))
        self.legal_ref = QLineEdit(item.legal_ref)
        self.legal_ref.setPlaceholderText(self.tr("vd. Thông báo 6150/TB-BNV"))
        form = QFormLayout()
        form.addRow(self.tr("Ngày"), self.day)
        form.addRow(self.tr("Loại"), self.kind)
        form.addRow(self.tr("Ghi chú"), self.note)
        form.addRow(self.tr("Căn cứ"), self.legal_ref)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def exception(self) -> CalendarException:
        return CalendarException(self.day.date().toPython(), DayKind(self.kind.currentData()),
                                 self.note.text().strip(), self.legal_ref.text().strip())

    def accept(self) -> None:
        self.exception_given.emit(self.exception())
        super().accept()


class CalendarPage(QWidget):
    loaded = Signal()
    dialog_opened = Signal(object)  # the ExceptionDialog just opened
    changes_applied = Signal(object)  # services.counter.Changes

    def __init__(self, lane: CounterLane, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue((today or dt.date.today()).year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.exceptions = CalendarExceptionTableModel(parent=self)
        self.holidays = HolidayTableModel(parent=self)
        # The legal reference is the long one: it takes the room left, the note stays whole.
        self.exceptions_view = _table(self.exceptions, ExceptionColumn.LEGAL_REF)
        self.holidays_view = _table(self.holidays, HolidayColumn.NAME)
        self.exceptions_view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton(self.tr("Thêm ngày…"))
        self.edit_button = QPushButton(self.tr("Sửa…"))
        self.remove_button = QPushButton(self.tr("Xóa"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Năm")))
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            top.addWidget(button)
        hint = QLabel(self.tr(
            "Nhập theo thông báo hằng năm của Chính phủ: ngày nghỉ bù (Nghỉ) và ngày làm việc"
            " bù vào thứ Bảy (Làm bù). Ngày lễ, Tết bên phải được tính sẵn."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b5b5b;")
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Ngày nghỉ, ngày làm bù")))
        left.addWidget(self.exceptions_view, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Ngày lễ, Tết (theo Bộ luật Lao động)")))
        right.addWidget(self.holidays_view, 1)
        tables = QHBoxLayout()
        tables.addLayout(left, 3)
        tables.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(tables, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        year = self.year.value()

        def job(counter: Counter) -> Loaded:
            return ([e for e in counter.calendar_exceptions() if e.day.year == year],
                    dict(counter.calendar().public_holidays(year)))

        self._lane.call(job, self._on_lane_loaded, self._on_lane_failed, context=self)

    def _on_lane_loaded(self, loaded: Loaded) -> None:
        exceptions, holidays = loaded
        self.exceptions.set_rows(sorted(exceptions, key=lambda e: e.day))
        self.holidays.set_rows(sorted(holidays.items()))
        self.loaded.emit()

    def selected(self) -> CalendarException | None:
        return self.exceptions.row(self.exceptions_view.currentIndex().row())

    def add(self) -> None:
        year = self.year.value()
        today = dt.date.today()
        day = today if today.year == year else dt.date(year, 1, 1)
        self._open(CalendarException(day, DayKind.WORKING), None)

    def edit_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self._open(item, item.day)

    def _open(self, item: CalendarException, old_day: dt.date | None) -> None:
        dialog = ExceptionDialog(item, self)
        dialog.exception_given.connect(lambda given: self.save(given, old_day))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def save(self, item: CalendarException, old_day: dt.date | None = None) -> None:
        """Write one exception; an edit that moved the date removes the old day."""

        def job(counter: Counter) -> Changes:
            if old_day is not None and old_day != item.day:
                counter.remove_calendar_exception(old_day)
            return counter.put_calendar_exceptions([item])

        if item.day.year != self.year.value():
            self.year.setValue(item.day.year)
        self._lane.call(job, self._on_lane_changed, self._on_lane_failed, context=self)

    def remove_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self._lane.call(lambda counter: counter.remove_calendar_exception(item.day),
                            self._on_lane_changed, self._on_lane_failed, context=self)

    def _on_lane_changed(self, changes: Changes) -> None:
        self.message.setText("")
        self.refresh()
        self.changes_applied.emit(changes)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.message.setText(f"⚠ {errors.describe(error)}")

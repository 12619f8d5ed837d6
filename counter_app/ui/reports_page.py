"""The "Báo cáo" page: Biểu II.06a of a period on screen and to XLSX/PDF, the tracking book
(Mẫu 06) to PDF/XLSX, and the daily close of this workstation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.reports import GroupBy, ReportRow, StatisticsReport
from ..services.counter import Counter
from . import errors
from .daily_close_box import DailyCloseBox
from .lanes import CounterLane
from .statistics_table_model import TOTAL_KEY, StatisticsTableModel

AskPath = Callable[[QWidget, str, str], str]


def ask_save_path(parent: QWidget, name: str, pattern: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ReportsPage", "Lưu tệp"), name, pattern)
    return path


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class ReportsPage(QWidget):
    report_shown = Signal(object)  # the StatisticsReport on screen
    file_saved = Signal(str)  # path of a file written

    def __init__(self, lane: CounterLane, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.ask_save_path: AskPath = ask_save_path  # tests replace it
        today = today or dt.date.today()
        self.date_from = _date_edit(today.replace(day=1))
        self.date_to = _date_edit(today)
        self.group_by = QComboBox()
        self.group_by.addItem(self.tr("Theo lĩnh vực"), GroupBy.FIELD.value)
        self.group_by.addItem(self.tr("Theo thủ tục"), GroupBy.PROCEDURE.value)
        self.show_button = QPushButton(self.tr("Xem"))
        self.xlsx_button = QPushButton(self.tr("Biểu II.06a ra Excel…"))
        self.pdf_button = QPushButton(self.tr("Biểu II.06a ra PDF…"))
        self.book_pdf_button = QPushButton(self.tr("Sổ theo dõi (Mẫu 06) ra PDF…"))
        self.book_xlsx_button = QPushButton(self.tr("Sổ theo dõi (Mẫu 06) ra Excel…"))
        self.model = StatisticsTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.daily_close = DailyCloseBox(lane, self)
        self.daily_close.ask_save_path = ask_save_path

        period = QHBoxLayout()
        for label, widget in ((self.tr("Từ ngày"), self.date_from),
                              (self.tr("đến ngày"), self.date_to)):
            period.addWidget(QLabel(label))
            period.addWidget(widget)
        period.addWidget(self.group_by)
        period.addWidget(self.show_button)
        period.addStretch(1)
        exports = QHBoxLayout()
        for b in (self.xlsx_button, self.pdf_button, self.book_pdf_button,
                  self.book_xlsx_button):
            exports.addWidget(b)
        exports.addStretch(1)
        box = QGroupBox(self.tr("Báo cáo thống kê và sổ theo dõi hồ sơ"))
        inner = QVBoxLayout(box)
        inner.addLayout(period)
        inner.addWidget(self.table, 1)
        inner.addLayout(exports)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(box, 1)
        layout.addWidget(self.daily_close)

        self.show_button.clicked.connect(self.show_report)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.book_pdf_button.clicked.connect(lambda: self.export_book("pdf"))
        self.book_xlsx_button.clicked.connect(lambda: self.export_book("xlsx"))

    # ----- the period ----------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        return (self.date_from.date().toPython(), self.date_to.date().toPython())

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def by(self) -> GroupBy:
        return GroupBy(self.group_by.currentData())

    # ----- II.06a --------------------------------------------------------------------------

    def show_report(self) -> None:
        from ..services import reports  # reportlab and openpyxl load on first use

        start, end = self.period()
        by = self.by()
        self.message.setText(self.tr("Đang tính…"))
        self._lane.call(lambda c: reports.statistics(c, start, end, by), self._on_lane_reported,
                        self._on_lane_failed, context=self)

    def _on_lane_reported(self, report: StatisticsReport) -> None:
        rows = [*report.rows, ReportRow(TOTAL_KEY, self.tr("Tổng cộng"), report.totals)]
        self.model.set_rows(rows)
        self.message.setText(self.tr("{n} hồ sơ tiếp nhận trong kỳ và từ kỳ trước.").format(
            n=report.totals.received) if report.rows else self.tr(
            "Không có hồ sơ trong kỳ báo cáo."))
        self.report_shown.emit(report)

    def export(self, format_name: str) -> None:
        from ..services import reports

        fmt = reports.ReportFormat(format_name)
        start, end = self.period()
        by = self.by()
        pattern = "Excel (*.xlsx)" if fmt == reports.ReportFormat.XLSX else "PDF (*.pdf)"
        path = self.ask_save_path(self, f"II06a-{start:%Y%m%d}-{end:%Y%m%d}.{fmt.value}",
                                  pattern)
        if path:
            self._write(lambda c: reports.render(c, start, end, fmt, by).content, Path(path))

    def export_book(self, fmt: str) -> None:
        start, end = self.period()
        pattern = "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)"
        path = self.ask_save_path(self, f"so-theo-doi-{start:%Y%m%d}-{end:%Y%m%d}.{fmt}",
                                  pattern)
        if not path:
            return

        def build(c: Counter) -> bytes:
            from ..services import book_export, documents

            if fmt == "xlsx":
                return book_export.tracking_book_xlsx(c, start, end)[0]
            return documents.tracking_book(c, start, end).pdf

        self._write(build, Path(path))

    def _write(self, build: Callable[[Counter], bytes], path: Path) -> None:
        """Build in the lane, write the file there too (a full disk is reported, not raised)."""

        def job(c: Counter) -> str:
            path.write_bytes(build(c))
            return str(path)

        self.message.setText(self.tr("Đang tạo tệp…"))
        self._lane.call(job, self._on_lane_saved, self._on_lane_failed, context=self)

    def _on_lane_saved(self, path: str) -> None:
        self.message.setText(self.tr("Đã lưu {path}").format(path=path))
        self.file_saved.emit(path)

    def _on_lane_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.message.setText(self.tr("Không ghi được tệp: {reason}").format(
                reason=error.strerror or type(error).__name__))
            return
        self.message.setText(errors.describe(error))

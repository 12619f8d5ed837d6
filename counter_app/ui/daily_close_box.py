"""Chốt sổ cuối ngày: today's figures of this workstation, the close (a loud warning when
changes still wait for the portal) and its sheet saved as PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.daily_close import DayClose
from ..services.counter import Counter
from . import errors
from .lanes import CounterLane

WARNING_STYLE = "color: #b71c1c; font-weight: 700;"


def _money(amount: int) -> str:
    return f"{amount:,} đ".replace(",", ".")


def confirm_unsynced(parent: QWidget, count: int) -> bool:
    """The loud warning: closing with unsent work needs a deliberate click."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate(
        "DailyCloseBox", "Còn dữ liệu chưa gửi"), QCoreApplication.translate(
        "DailyCloseBox", "Còn {n} thay đổi chưa gửi lên cổng dịch vụ công. Nên đồng bộ trước "
        "khi chốt sổ.").format(n=count), parent=parent)
    box.setInformativeText(QCoreApplication.translate(
        "DailyCloseBox", "Nếu mất mạng, có thể vẫn chốt sổ: biên bản sẽ ghi rõ số thay đổi chưa "
        "gửi, và phải đồng bộ ngay khi có mạng."))
    go = box.addButton(QCoreApplication.translate("DailyCloseBox", "Vẫn chốt sổ"),
                       QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(QCoreApplication.translate("DailyCloseBox", "Để sau"),
                          QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(later)
    box.exec()
    return box.clickedButton() is go


class DailyCloseBox(QGroupBox):
    closed = Signal(object)  # the DayClose recorded

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Chốt sổ cuối ngày (máy trạm này)"))
        self._lane = lane
        self.user = ""
        self.summary: DayClose | None = None
        self.confirm_unsynced: Callable[[QWidget, int], bool] = confirm_unsynced  # tests too
        self.ask_save_path: Callable[[QWidget, str, str], str] = lambda *_: ""
        self.figures = QLabel(self.tr("Bấm “Xem số liệu hôm nay”."))
        self.figures.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.refresh_button = QPushButton(self.tr("Xem số liệu hôm nay"))
        self.close_button = QPushButton(self.tr("Chốt sổ và lưu biên bản…"))
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.close_day)
        layout = QHBoxLayout(self)
        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.figures)
        column.addWidget(self.warning)
        layout.addWidget(text, 1)
        layout.addWidget(self.refresh_button)
        layout.addWidget(self.close_button)

    def refresh(self) -> None:
        from ..services import daily_close  # with reportlab: loaded on first use

        self._lane.call(daily_close.summary, self._on_lane_summed, self._on_lane_failed,
                        context=self)

    def _on_lane_summed(self, close: DayClose) -> None:
        self.summary = close
        t = close.totals
        self.figures.setText(self.tr(
            "Ngày {day}: tiếp nhận {received}, trả kết quả {returned}, từ chối {refused}, "
            "hướng dẫn bổ sung {guidance}; phí, lệ phí đã thu {fees}.").format(
            day=close.day.strftime("%d/%m/%Y"), received=t.received, returned=t.returned,
            refused=t.refused, guidance=t.guidance, fees=_money(t.fees_total)))
        self._show_unsynced(close.unsynced)

    def _show_unsynced(self, count: int) -> None:
        self.warning.setVisible(count > 0)
        self.warning.setText(self.tr(
            "⚠ Còn {n} thay đổi chưa gửi lên cổng dịch vụ công.").format(n=count))

    def close_day(self) -> None:
        """Ask the figures again (they move while the page is open), then close."""
        from ..services import daily_close

        self._lane.call(daily_close.summary, self._on_lane_checked, self._on_lane_failed,
                        context=self)

    def _on_lane_checked(self, close: DayClose) -> None:
        self._on_lane_summed(close)
        allow = False
        if close.unsynced:
            allow = self.confirm_unsynced(self, close.unsynced)
            if not allow:
                return
        user = self.user
        from ..services import daily_close

        def job(c: Counter) -> tuple[DayClose, bytes]:
            closed = daily_close.close_day(c, close.day, user=user, allow_unsynced=allow)
            return closed, daily_close.close_pdf(c, closed)

        self._lane.call(job, self._on_lane_closed, self._on_lane_failed, context=self)

    def _on_lane_closed(self, result: tuple[DayClose, bytes]) -> None:
        closed, pdf = result
        assert closed.closed_at is not None
        text = self.tr("Đã chốt sổ lúc {time}.").format(
            time=closed.closed_at.strftime("%H:%M %d/%m/%Y"))
        path = self.ask_save_path(self, f"chot-so-{closed.day:%Y%m%d}.pdf", "PDF (*.pdf)")
        if path:
            try:
                Path(path).write_bytes(pdf)
            except OSError as e:
                text += " " + self.tr("Không ghi được tệp: {reason}").format(
                    reason=e.strerror or type(e).__name__)
            else:
                text += " " + self.tr("Biên bản: {path}").format(path=path)
        self.figures.setText(self.figures.text() + "\n" + text)
        self.closed.emit(closed)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.figures.setText(errors.describe(error))

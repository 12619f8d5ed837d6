"""The supervisor's dashboard page: received per day, status mix, on-time rate per procedure,
due soon and overdue — read in the database lane, drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Status
from ..services import dashboard as dashboard_service
from ..services.dashboard import Dashboard
from . import errors, labels
from .charts import BAD, BAR, GOOD, WARN, Bar, BarList, ColumnChart
from .lanes import CounterLane

STATUS_COLOURS = {Status.RECEIVED: BAR, Status.IN_PROGRESS: BAR, Status.RESOLVED: GOOD,
                  Status.RETURNED: GOOD, Status.WITHDRAWN: WARN, Status.STOPPED: WARN}
TOP_PROCEDURES = 12


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _percent(rate: float) -> str:
    return f"{rate * 100:.1f} %".replace(".", ",")


class DashboardPage(QWidget):
    loaded = Signal(object)  # the Dashboard shown

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.dashboard: Dashboard | None = None
        self._loading = False
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.refresh_button.clicked.connect(self.refresh)
        self.overdue = QLabel("—")
        self.overdue.setObjectName("overdueCount")
        self.due_soon = QLabel("—")
        self.due_soon.setObjectName("dueSoonCount")
        self.received = QLabel("—")
        self.rate = QLabel("—")
        tiles = QHBoxLayout()
        for caption, value, colour in (
                (self.tr("Quá hạn"), self.overdue, "#c62828"),
                (self.tr("Sắp đến hạn (2 ngày tới)"), self.due_soon, "#ef6c00"),
                (self.tr("Tiếp nhận trong 30 ngày"), self.received, "#2f6db5"),
                (self.tr("Giải quyết trước và đúng hạn"), self.rate, "#2e7d32")):
            tiles.addWidget(self._tile(caption, value, colour))
        self.per_day = ColumnChart()
        self.status_mix = BarList()
        self.rates = BarList()
        self.rates.empty_text = self.tr("Chưa có hồ sơ giải quyết xong trong 30 ngày qua.")
        self.message = QLabel()
        self.message.setWordWrap(True)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.refresh_button)
        grid = QGridLayout()
        grid.addWidget(self._box(self.tr("Hồ sơ tiếp nhận mỗi ngày"), self.per_day), 0, 0, 1, 2)
        grid.addWidget(self._box(self.tr("Hồ sơ theo trạng thái"), self.status_mix), 1, 0)
        grid.addWidget(self._box(self.tr(
            "Tỷ lệ giải quyết trước và đúng hạn theo thủ tục (thấp nhất trước; vạch: 80 %)"),
            self.rates), 1, 1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(tiles)
        inner.addLayout(grid)
        inner.addWidget(self.message)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    @staticmethod
    def _tile(caption: str, value: QLabel, colour: str) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        value.setStyleSheet(f"font-size: 26px; font-weight: 700; color: {colour};")
        layout = QVBoxLayout(frame)
        layout.addWidget(value)
        layout.addWidget(QLabel(caption))
        return frame

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        self._lane.call(dashboard_service.dashboard, self._on_lane_loaded,
                        self._on_lane_failed, context=self)

    def _on_lane_failed(self, error: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.message.setText(errors.describe(error))

    def _on_lane_loaded(self, d: Dashboard) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.dashboard = d
        self.message.clear()
        self.title.setText(self.tr("Tổng quan từ {start} đến {end} (cập nhật {time})").format(
            start=d.start.strftime("%d/%m/%Y"), end=d.now.strftime("%d/%m/%Y"),
            time=d.now.strftime("%H:%M")))
        self.overdue.setText(_count(d.overdue))
        self.due_soon.setText(_count(d.due_soon))
        self.received.setText(_count(d.received_total))
        self.rate.setText("—" if d.overall_rate is None else _percent(d.overall_rate))
        self.per_day.set_bars([Bar(day.strftime("%d/%m"), n, str(n))
                               for day, n in d.received_per_day], label_every=5)
        self.status_mix.set_bars([Bar(labels.status_name(s), n, _count(n),
                                      STATUS_COLOURS.get(s, BAR)) for s, n in d.status_mix])
        self.rates.set_bars(
            [Bar(r.name, r.rate * 100, self.tr("{rate} ({n} hồ sơ)").format(
                rate=_percent(r.rate), n=_count(r.resolved)),
                GOOD if r.rate >= dashboard_service.TARGET_RATE else BAD)
             for r in d.rates[:TOP_PROCEDURES]],
            maximum=100.0, target=dashboard_service.TARGET_RATE * 100)
        self.loaded.emit(d)

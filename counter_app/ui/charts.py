"""Small charts drawn with QPainter (QtCharts is not in PySide6-Essentials): day columns and
labelled horizontal bars. They hold plain data; tests read it and grab the pictures."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2f6db5")
GOOD = QColor("#2e7d32")
BAD = QColor("#c62828")
WARN = QColor("#ef6c00")
GRID = QColor("#d0d0d0")
TEXT = QColor("#303030")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # shown at the end of the bar: "12", "75,0 %"
    color: QColor = field(default_factory=lambda: QColor(BAR))


class ColumnChart(QWidget):
    """Vertical columns, one per day; the label of every `label_every`-th column below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.label_every = 5
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: list[Bar], label_every: int = 5) -> None:
        self.bars, self.label_every = bars, max(1, label_every)
        self.setAccessibleDescription(", ".join(f"{b.label}: {b.text}" for b in bars))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        left, bottom, top = fm.horizontalAdvance("0000") + 8, fm.height() + 6, fm.height() + 4
        area = QRectF(left, top, max(1, self.width() - left - 6),
                      max(1, self.height() - top - bottom))
        p.setPen(QPen(GRID))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.bars:
            p.end()
            return
        top_value = max(1.0, max(b.value for b in self.bars))
        p.setPen(TEXT)
        p.drawText(QRectF(0, area.top() - fm.height() / 2, left - 4, fm.height()),
                   Qt.AlignmentFlag.AlignRight, f"{top_value:.0f}")
        p.drawText(QRectF(0, area.bottom() - fm.height() / 2, left - 4, fm.height()),
                   Qt.AlignmentFlag.AlignRight, "0")
        step = area.width() / len(self.bars)
        for i, b in enumerate(self.bars):
            h = area.height() * b.value / top_value
            column = QRectF(area.left() + i * step + step * 0.15, area.bottom() - h,
                            step * 0.7, h)
            p.fillRect(column, b.color)
            if i % self.label_every == 0 or i == len(self.bars) - 1:
                p.setPen(TEXT)
                p.drawText(QRectF(area.left() + i * step - 20, area.bottom() + 2, step + 40,
                                  fm.height()), Qt.AlignmentFlag.AlignHCenter, b.label)
        p.end()


class BarList(QWidget):
    """Horizontal bars with their label on the left and their text on the right; an optional
    target line (e.g. the 80 % of the on-time rate)."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.maximum = 1.0
        self.target: float | None = None
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(self, bars: list[Bar], maximum: float | None = None,
                 target: float | None = None) -> None:
        self.bars = bars
        self.maximum = maximum or max([1.0, *(b.value for b in bars)])
        self.target = target
        self.setAccessibleDescription(", ".join(f"{b.label}: {b.text}" for b in bars))
        self.setMinimumHeight(self.ROW * max(1, len(bars)) + 8)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(500, self.ROW * max(1, len(self.bars)) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        if not self.bars:
            p.setPen(TEXT)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        label_w = min(self.width() * 0.45, max(fm.horizontalAdvance(b.label) for b in self.bars)
                      + 12)
        text_w = max(fm.horizontalAdvance(b.text) for b in self.bars) + 12
        span = max(1.0, self.width() - label_w - text_w)
        for i, b in enumerate(self.bars):
            y = 4 + i * self.ROW
            p.setPen(TEXT)
            label = fm.elidedText(b.label, Qt.TextElideMode.ElideRight, int(label_w) - 8)
            p.drawText(QRectF(0, y, label_w - 8, self.ROW), Qt.AlignmentFlag.AlignVCenter
                       | Qt.AlignmentFlag.AlignRight, label)
            w = span * min(1.0, b.value / self.maximum)
            p.fillRect(QRectF(label_w, y + 4, w, self.ROW - 8), b.color)
            bold = QFont(p.font())
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(label_w + w + 4, y, text_w, self.ROW),
                       Qt.AlignmentFlag.AlignVCenter, b.text)
            p.setFont(QFont(self.font()))
        if self.target is not None:
            x = label_w + span * self.target / self.maximum
            p.setPen(QPen(TEXT, 1, Qt.PenStyle.DashLine))
            p.drawLine(int(x), 0, int(x), self.height())
        p.end()

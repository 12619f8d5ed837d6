"""The thumbnail strip under the checklist: what is attached to the dossier being received."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # pictures are drawn with the first scan, not at start
    from PySide6.QtGui import QImage, QPixmap

    from ..store.attachments import StoredAttachment

HINT_STYLE = "color: #5b5b5b;"
THUMB_WIDTH = 64  # pixels; an A4 page is then about 90 high
STRIP_HEIGHT = 160


@dataclass(frozen=True)
class DraftScan:
    """A scan attached on the reception page, not yet recorded with a dossier."""

    item: str  # checklist item name
    file: StoredAttachment
    thumbnail: QImage | None = None


def format_size(size: int) -> str:
    """"148 KB", "1,2 MB" (Vietnamese decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _framed(image: QImage) -> QPixmap:
    """The page with a thin grey edge, so that a white page shows on a white strip."""
    from PySide6.QtGui import QColor, QPainter, QPixmap

    pixmap = QPixmap.fromImage(image)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#9a9a9a"))
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return pixmap


class _StripList(QListWidget):
    remove_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentRow() >= 0:
            self.remove_requested.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class ScanStrip(QWidget):
    """Small first-page images with the item and page count; Delete removes the chosen one."""

    remove_requested = Signal(int)  # index into the list given to set_scans

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = _StripList()
        self.list.setObjectName("scanStrip")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.list.setGridSize(QSize(160, STRIP_HEIGHT - 20))
        self.list.setFixedHeight(STRIP_HEIGHT)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setToolTip(self.tr("Delete: gỡ bản quét đang chọn khỏi hồ sơ."))
        self.list.remove_requested.connect(self.remove_requested)
        self.hint = QLabel(self.tr(
            "Chưa có bản quét. Ctrl+O: đính kèm tệp PDF, JPEG, PNG cho giấy tờ đang chọn; "
            "bản quét máy quét lưu vào thư mục quét được đính kèm tự động."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.set_scans([])

    def set_scans(self, scans: Sequence[DraftScan]) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for scan in scans:
            item = QListWidgetItem(self.tr("{n} trang · {item}").format(
                item=scan.item, n=scan.file.pages))
            if scan.thumbnail is not None and not scan.thumbnail.isNull():
                from PySide6.QtGui import QIcon

                item.setIcon(QIcon(_framed(scan.thumbnail)))
            item.setToolTip(self.tr("{item}\n{name} — {n} trang, {size}").format(
                item=scan.item, name=scan.file.name, n=scan.file.pages,
                size=format_size(scan.file.size)))
            self.list.addItem(item)
        if scans:
            self.list.setCurrentRow(min(max(current, 0), len(scans) - 1))
        self.list.setVisible(bool(scans))
        self.hint.setVisible(not scans)

    def count(self) -> int:
        return self.list.count()

"""The scans of a dossier in its view: a list (item, pages, size), a page viewer, save a copy."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..services import attachments
from ..services.counter import Counter
from ..store.attachments import DossierAttachment
from . import errors, labels, pdf_pages
from .lanes import CounterLane
from .row_table_model import RowTableModel
from .scan_strip import format_size

VIEW_DPI = 96


class Column(IntEnum):
    ITEM = 0
    PAGES = 1
    SIZE = 2
    ADDED = 3
    SENT = 4


HEADERS: dict[Column, str] = {
    Column.ITEM: QT_TRANSLATE_NOOP("AttachmentTableModel", "Giấy tờ"),
    Column.PAGES: QT_TRANSLATE_NOOP("AttachmentTableModel", "Số trang"),
    Column.SIZE: QT_TRANSLATE_NOOP("AttachmentTableModel", "Dung lượng"),
    Column.ADDED: QT_TRANSLATE_NOOP("AttachmentTableModel", "Đính kèm lúc"),
    Column.SENT: QT_TRANSLATE_NOOP("AttachmentTableModel", "Đã gửi lên cổng"),
}


class AttachmentTableModel(RowTableModel[DossierAttachment]):
    columns = Column
    headers = HEADERS
    context = "AttachmentTableModel"

    def __init__(self, rows: Sequence[DossierAttachment] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(rows, parent)

    def row(self, index: int) -> DossierAttachment:
        return self._rows[index]

    def cell(self, a: DossierAttachment, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.ITEM: a.item_name,
                Column.PAGES: str(a.file.pages),
                Column.SIZE: format_size(a.file.size),
                Column.ADDED: labels.format_datetime(a.added_at),
                Column.SENT: (QCoreApplication.translate("AttachmentTableModel", "Đã gửi")
                              if a.uploaded else
                              QCoreApplication.translate("AttachmentTableModel", "Chưa gửi")),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.ITEM:
            return f"{a.item_name}\n{a.file.name}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.PAGES, Column.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def render_scan(counter: Counter, sha256: str) -> list[QImage]:
    """Runs in the database lane (PDFium): every page of a stored scan."""
    return pdf_pages.render_pages(attachments.read_pdf(counter, sha256), VIEW_DPI)


class ScanViewer(QDialog):
    """The pages of one scan, one under the other."""

    def __init__(self, title: str, pages: Sequence[QImage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        column = QWidget()
        column.setStyleSheet("background: #6f7478;")
        pages_layout = QVBoxLayout(column)
        self.page_labels: list[QLabel] = []
        for image in pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white;")
            pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        available = self.screen().availableGeometry()
        self.resize(min(900, available.width() - 40), min(900, available.height() - 40))


def ask_save_path(parent: QWidget, name: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("AttachmentsTab", "Lưu bản sao bản quét"),
        str(Path(folder) / name), "PDF (*.pdf)")
    return path


class AttachmentsTab(QWidget):
    """Loads the dossier's scans through the lane when created."""

    loaded = Signal(int)  # how many scans
    viewer_opened = Signal(object)  # the ScanViewer
    saved = Signal(str)  # the path written

    def __init__(self, lane: CounterLane, dossier_id: str, reference: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self._reference = reference
        self.ask_save_path: Callable[[QWidget, str], str] = ask_save_path  # tests replace it
        self.model = AttachmentTableModel(parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(Column.ITEM,
                                                          QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda _index: self.open_current())
        self.open_button = QPushButton(self.tr("Xem"))
        self.save_button = QPushButton(self.tr("Lưu bản sao…"))
        self.open_button.clicked.connect(self.open_current)
        self.save_button.clicked.connect(self.save_current)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._enable()
        lane.call(lambda counter: attachments.for_dossier(counter, dossier_id),
                  self._on_lane_listed, self._on_lane_failed, context=self)

    def _enable(self) -> None:
        has = self.model.rowCount() > 0
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)

    def _on_lane_listed(self, rows: list[DossierAttachment]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        self._enable()
        self.loaded.emit(len(rows))

    def _current(self) -> DossierAttachment | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def open_current(self) -> None:
        current = self._current()
        if current is None:
            return
        title = self.tr("{ref} — {item}").format(ref=self._reference, item=current.item_name)
        self._lane.call(lambda counter: render_scan(counter, current.file.sha256),
                        lambda pages: self._on_lane_rendered(title, pages),
                        self._on_lane_failed, context=self)

    def _on_lane_rendered(self, title: str, pages: list[QImage]) -> None:
        viewer = ScanViewer(title, pages, self.window())
        viewer.show()
        self.viewer_opened.emit(viewer)

    def save_current(self) -> None:
        current = self._current()
        if current is None:
            return
        ref = re.sub(r"[^0-9A-Za-z.-]+", "-", self._reference).strip("-") or "ban-quet"
        name = f"{ref}-ban-quet-{current.position}.pdf"
        path = self.ask_save_path(self, name)
        if not path:
            return
        self._lane.call(lambda counter: attachments.save_copy(counter, current.file.sha256,
                                                              path),
                        self._on_lane_saved, self._on_lane_failed, context=self)

    def _on_lane_saved(self, path: Path) -> None:
        self.status.setText(self.tr("Đã lưu bản sao: {path}").format(path=str(path)))
        self.saved.emit(str(path))

    def _on_lane_failed(self, error: BaseException) -> None:
        self.status.setText(errors.describe(error))

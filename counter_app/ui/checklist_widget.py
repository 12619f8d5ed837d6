"""The checklist on the reception page: Space ticks a row, digits set a quantity, Tab leaves."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .checklist_table_model import ChecklistTableModel, Column
from .field_problems import ProblemLabel
from .scan_strip import ScanStrip

HINT_STYLE = "color: #5b5b5b;"


class ChecklistView(QTableView):
    def __init__(self, model: ChecklistTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setTabKeyNavigation(False)  # Tab goes on to the next field; arrows move inside
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)

    def checklist(self) -> ChecklistTableModel:
        model = self.model()
        assert isinstance(model, ChecklistTableModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and current.isValid():
            model = self.checklist()
            model.set_ticked(current.row(), not model.is_ticked(current.row()))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the page moves on to the next field
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self.currentIndex().isValid() and self.model().rowCount():
            self.setCurrentIndex(self.model().index(0, Column.NAME))
        super().focusInEvent(event)


class ChecklistBox(QGroupBox):
    """Thành phần hồ sơ: the table, its scans, what is still missing, and problems from the
    service. The scan buttons are wired by ui/scan_attachments.py."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Thành phần hồ sơ"), parent)
        self.model = ChecklistTableModel(self)
        self.view = ChecklistView(self.model)
        self.missing = QLabel()
        self.missing.setStyleSheet(HINT_STYLE)
        self.missing.setWordWrap(True)
        self.problem = ProblemLabel()
        self.attach_button = QPushButton(self.tr("Đính kèm bản quét… (Ctrl+O)"))
        self.attach_button.setToolTip(self.tr(
            "Tệp PDF, JPEG hoặc PNG cho giấy tờ đang chọn; ảnh thành trang PDF khổ A4."))
        self.folder_button = QPushButton(self.tr("Thư mục máy quét…"))
        self.folder_label = QLabel()
        self.folder_label.setStyleSheet(HINT_STYLE)
        self.folder_label.setWordWrap(True)
        for button in (self.attach_button, self.folder_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard: Ctrl+O
            button.setAutoDefault(False)
        self.strip = ScanStrip()
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.attach_button)
        scan_row.addWidget(self.folder_button)
        scan_row.addWidget(self.folder_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(scan_row)
        layout.addWidget(self.strip)
        layout.addWidget(self.missing)
        layout.addWidget(self.problem)
        self.model.checklist_changed.connect(self._on_model_checklist_changed)
        self._on_model_checklist_changed()

    def _on_model_checklist_changed(self) -> None:
        self.problem.show_problem("")
        if not self.model.rowCount():
            self.missing.setText(self.tr("Chọn thủ tục để hiện danh sách giấy tờ."))
            return
        missing = len(self.model.unticked_mandatory())
        self.missing.setText(
            self.tr("Còn thiếu {n} giấy tờ bắt buộc — F7 in phiếu hướng dẫn bổ sung.").format(
                n=missing) if missing else self.tr("Đủ giấy tờ bắt buộc."))
        if self.view.currentIndex() == QModelIndex() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, Column.NAME))

    def show_scan_folder(self, folder: str) -> None:
        self.folder_label.setText(
            self.tr("Bản quét lưu vào {folder} được đính kèm vào giấy tờ đang chọn.").format(
                folder=folder) if folder else self.tr("Chưa chọn thư mục máy quét."))

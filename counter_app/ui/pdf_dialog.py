"""A PDF that is not a dossier's form (hand-over manifest, address label): preview, print, save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from . import pdf_pages, printers, settings
from .print_preview import DESK_STYLE, PAPER_STYLE, STATUS_STYLE


class PdfDialog(QDialog):
    """Opened with `open()`; the document's own events (manifest made, result sent) are already
    recorded, so printing and saving here record nothing more."""

    saved = Signal(str)
    printed = Signal()

    def __init__(self, title: str, pdf: bytes, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.pdf = pdf
        self.file_name = file_name
        try:
            images = pdf_pages.render_pages(pdf)
        except pdf_pages.RendererMissing:
            images = []
        pages = QWidget()
        pages.setStyleSheet(DESK_STYLE)
        column = QVBoxLayout(pages)
        column.setSpacing(16)
        for image in images:
            paper = QLabel()
            paper.setPixmap(QPixmap.fromImage(image))
            paper.setStyleSheet(PAPER_STYLE)
            column.addWidget(paper, 0, Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        self.status = QLabel(self.tr("Enter: in · Ctrl+S: lưu PDF · Esc: đóng"))
        self.status.setStyleSheet(STATUS_STYLE)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("In"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        save = buttons.addButton(self.tr("Lưu PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)
        self.print_button.setEnabled(bool(images))
        self.print_button.clicked.connect(self.print_now)
        save.clicked.connect(self.save_now)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(900, 700)

    # ----- replaced in tests, which must not open real dialogs -----------------------------

    def choose_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose_path(self) -> Path | None:
        folder = settings.load_text(settings.PDF_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu PDF"),
                                              str(Path(folder) / self.file_name),
                                              self.tr("Tệp PDF (*.pdf)"))
        return Path(path) if path else None

    def print_now(self) -> None:
        printer = self.choose_printer() if self.print_button.isEnabled() else None
        if printer is not None:
            try:
                pdf_pages.print_pdf(self.pdf, printer, Path(self.file_name).stem)
            except printers.PrinterProblem as problem:
                self.status.setText(f"⚠ {printers.describe(problem)}")
                return
            self.printed.emit()
            self.accept()

    def save_now(self) -> None:
        path = self.choose_path()
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self.pdf)
        except OSError as e:
            self.status.setText(self.tr("Không lưu được: {detail}").format(
                detail=e.strerror or str(e)))
            return
        settings.save_text(settings.PDF_FOLDER, str(path.parent))
        self.status.setText(self.tr("Đã lưu {path}").format(path=path))
        self.saved.emit(str(path))

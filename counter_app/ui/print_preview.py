"""The preview of a printed form: its pages on white, then "In" or "Lưu PDF…", each recorded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QHideEvent, QImage, QKeySequence, QPixmap, QShortcut
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

from ..domain.model import Dossier
from ..services import documents
from ..services.counter import Counter
from ..services.documents import Form, Printed
from . import errors, labels, pdf_pages, settings
from .lanes import CounterLane

PAPER_STYLE = "background: white; border: 1px solid #b9b9b9;"
DESK_STYLE = "background: #6f7478;"
STATUS_STYLE = "color: #404040;"


@dataclass(frozen=True)
class Rendered:
    """A form of one dossier ready to preview; `pages` empty when PDFium is missing."""

    dossier: Dossier
    form: Form
    pdf: bytes
    pages: list[QImage] = field(default_factory=list)


def render_for_preview(counter: Counter, dossier: Dossier, form: Form) -> Rendered:
    """Runs in the database lane: the PDF as the next print will be, and its page images."""
    reprint = documents.reprint_count(counter, dossier.id, form)
    pdf = documents.render(counter, dossier, form, reprint=reprint)
    try:
        pages = pdf_pages.render_pages(pdf)
    except pdf_pages.RendererMissing:
        pages = []
    return Rendered(dossier, form, pdf, pages)


def file_name(dossier: Dossier, form: Form) -> str:
    ref = re.sub(r"[^0-9A-Za-z.-]+", "-", documents.reference(dossier)).strip("-")
    return f"{ref}-{form.value}.pdf"


class PrintPreview(QDialog):
    """Non-modal for the lane, window-modal for the clerk: opened with `open()`."""

    printed = Signal(object)  # documents.Printed, after the printer took it
    saved = Signal(str)  # the path written

    def __init__(self, lane: CounterLane, rendered: Rendered, *, user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._lane = lane
        self._user = user
        self.rendered = rendered
        self.dossier, self.form = rendered.dossier, rendered.form
        self.setWindowTitle(self.tr("Xem trước — {form}").format(
            form=labels.form_name(self.form.value)))

        heading = QLabel(self.tr("{form} — {ref} — {n} trang").format(
            form=labels.form_name(self.form.value), ref=documents.reference(self.dossier),
            n=len(rendered.pages)))
        heading.setStyleSheet("font-weight: bold;")
        heading.setWordWrap(True)
        pages = QWidget()
        pages.setStyleSheet(DESK_STYLE)
        column = QVBoxLayout(pages)
        column.setSpacing(16)
        column.setContentsMargins(16, 16, 16, 16)
        for image in rendered.pages:
            paper = QLabel()
            paper.setPixmap(QPixmap.fromImage(image))
            paper.setStyleSheet(PAPER_STYLE)
            column.addWidget(paper, 0, Qt.AlignmentFlag.AlignHCenter)
        if not rendered.pages:
            note = QLabel(self.tr("Không hiển thị được bản xem trước trên máy này;"
                                  " vẫn lưu được tệp PDF."))
            note.setStyleSheet("color: white;")
            column.addWidget(note)
        self.scroll = QScrollArea()
        self.scroll.setWidget(pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.status = QLabel(self.tr("Enter: in · Ctrl+S: lưu PDF · Esc: đóng"))
        self.status.setStyleSheet(STATUS_STYLE)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("In"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = buttons.addButton(self.tr("Lưu PDF…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)
        self.print_button.setEnabled(bool(rendered.pages))
        self.print_button.clicked.connect(self.print_now)
        self.save_button.clicked.connect(self.save_now)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_now)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        geometry = settings.load_bytes(settings.PREVIEW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry()
            self.resize(min(1000, available.width() - 40), available.height() - 60)

    # ----- choosing where: replaced in tests, which must not open real dialogs -------------

    def choose_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose_path(self) -> Path | None:
        folder = settings.load_text(settings.PDF_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu PDF"), str(Path(folder) / file_name(self.dossier, self.form)),
            self.tr("Tệp PDF (*.pdf)"))
        return Path(path) if path else None

    # ----- doing it: every print and save is recorded by print_form ------------------------

    def print_now(self) -> None:
        if not self.print_button.isEnabled():
            return
        printer = self.choose_printer()
        if printer is not None:
            self.print_to(printer)

    def save_now(self) -> None:
        path = self.choose_path()
        if path is not None:
            self.save_to(path)

    def print_to(self, printer: QPrinter) -> None:
        self._run(lambda pdf: pdf_pages.print_pdf(pdf, printer), self._on_lane_printed)

    def save_to(self, path: Path) -> None:
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        settings.save_text(settings.PDF_FOLDER, str(path.parent))
        self._run(path.write_bytes, lambda printed: self._on_lane_saved(path, printed))

    def _run(self, deliver, on_done) -> None:  # type: ignore[no-untyped-def]
        dossier_id, form, user = self.dossier.id, self.form, self._user
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Đang xử lý…"))

        def job(counter: Counter) -> Printed:
            return documents.print_form(counter, dossier_id, form, user=user, deliver=deliver)

        self._lane.call(job, on_done, self._on_lane_failed, context=self)

    def _buttons_back(self) -> None:
        self.print_button.setEnabled(bool(self.rendered.pages))
        self.save_button.setEnabled(True)

    def _on_lane_printed(self, printed: Printed) -> None:
        self._buttons_back()
        self.status.setText(self.tr("Đã gửi tới máy in."))
        self.printed.emit(printed)
        self.accept()

    def _on_lane_saved(self, path: Path, printed: Printed) -> None:
        self._buttons_back()
        self.status.setText(self.tr("Đã lưu {path}").format(path=path))
        self.saved.emit(str(path))
        self.printed.emit(printed)

    def _on_lane_failed(self, error: BaseException) -> None:
        self._buttons_back()
        if isinstance(error, OSError):
            text = self.tr("Không in hoặc lưu được: {detail}").format(
                detail=error.strerror or str(error))
        else:
            text = errors.describe(error)
        self.status.setText(f"⚠ {text}")

    def hideEvent(self, event: QHideEvent) -> None:
        settings.save_bytes(settings.PREVIEW_GEOMETRY, self.saveGeometry())
        super().hideEvent(event)

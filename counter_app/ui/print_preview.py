"""The preview of a printed document: its pages on white, then "In" or "Lưu PDF…".

Forms of a dossier are recorded when printed or saved (PrintPreview); procedure information and
blank forms (SheetPreview) are not: they belong to no dossier."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
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
from . import errors, labels, pdf_pages, printers, settings
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
    printer: str = ""  # the profile's printer for this form ("": ask)


def render_for_preview(counter: Counter, dossier: Dossier, form: Form) -> Rendered:
    """Runs in the database lane: the PDF as the next print will be, and its page images."""
    reprint = documents.reprint_count(counter, dossier.id, form)
    pdf = documents.render(counter, dossier, form, reprint=reprint)
    try:
        pages = pdf_pages.render_pages(pdf)
    except pdf_pages.RendererMissing:
        pages = []
    profile = counter.profile
    printer = profile.label_printer if form == Form.LABEL else profile.a4_printer
    return Rendered(dossier, form, pdf, pages, printer)


def file_name(dossier: Dossier, form: Form) -> str:
    ref = re.sub(r"[^0-9A-Za-z.-]+", "-", documents.reference(dossier)).strip("-")
    return f"{ref}-{form.value}.pdf"


@dataclass(frozen=True)
class Sheet:
    """A document that belongs to no dossier (procedure information, a blank form): printed or
    saved as it is, nothing recorded."""

    title: str  # what the preview's heading names
    file_name: str  # proposed when saving
    pdf: bytes
    pages: list[QImage] = field(default_factory=list)
    printer: str = ""  # the profile's printer for it ("" : ask)


def render_sheet(counter: Counter, title: str, file_name: str, pdf: bytes) -> Sheet:
    """Runs in the database lane (PDFium): the sheet's page images and the A4 printer."""
    try:
        pages = pdf_pages.render_pages(pdf)
    except pdf_pages.RendererMissing:
        pages = []
    return Sheet(title, file_name, pdf, pages, counter.profile.a4_printer)


class Preview(QDialog):
    """Non-modal for the lane, window-modal for the clerk: opened with `open()`."""

    saved = Signal(str)  # the path written

    def __init__(self, lane: CounterLane, pages: list[QImage], title: str, heading: str,
                 printer: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._lane = lane
        self._pages = pages
        self.printer_name = printer
        self.setWindowTitle(self.tr("Xem trước — {form}").format(form=title))

        heading_label = QLabel(heading)
        heading_label.setStyleSheet("font-weight: bold;")
        heading_label.setWordWrap(True)
        paper_column = QWidget()
        paper_column.setStyleSheet(DESK_STYLE)
        column = QVBoxLayout(paper_column)
        column.setSpacing(16)
        column.setContentsMargins(16, 16, 16, 16)
        for image in pages:
            paper = QLabel()
            paper.setPixmap(QPixmap.fromImage(image))
            paper.setStyleSheet(PAPER_STYLE)
            column.addWidget(paper, 0, Qt.AlignmentFlag.AlignHCenter)
        if not pages:
            note = QLabel(self.tr("Không hiển thị được bản xem trước trên máy này;"
                                  " vẫn lưu được tệp PDF."))
            note.setStyleSheet("color: white;")
            column.addWidget(note)
        self.scroll = QScrollArea()
        self.scroll.setWidget(paper_column)
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
        self.print_button.setEnabled(bool(pages))
        self.print_button.clicked.connect(self.print_now)
        self.save_button.clicked.connect(self.save_now)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_now)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        geometry = settings.load_bytes(settings.PREVIEW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry()
            self.resize(min(1000, available.width() - 40), available.height() - 60)

    def file_name(self) -> str:
        raise NotImplementedError

    # ----- choosing where: replaced in tests, which must not open real dialogs -------------

    def choose_printer(self) -> QPrinter | None:
        """The profile's printer when it is installed (no dialog: one key at the counter);
        otherwise the print dialog. None: nothing to print on (see `print_now`)."""
        installed = printers.installed()
        if not installed:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_name in installed:
            printer.setPrinterName(self.printer_name)
            if printer.printerName() == self.printer_name:  # else gone since: Qt took another
                return printer
        if self.printer_name:  # chosen in the profile, gone from this machine: say so, ask
            self.status.setText(printers.missing_note(self.printer_name))
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose_path(self) -> Path | None:
        folder = settings.load_text(settings.PDF_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu PDF"), str(Path(folder) / self.file_name()),
            self.tr("Tệp PDF (*.pdf)"))
        return Path(path) if path else None

    # ----- doing it: every print and save is recorded by print_form ------------------------

    def print_now(self) -> None:
        if not self.print_button.isEnabled():
            return
        printer = self.choose_printer()
        if printer is not None:
            self.print_to(printer)
        elif not printers.installed():
            # No printer on this machine (or none the system shows): save the PDF instead.
            self.status.setText(printers.no_printer_note())
            self.save_now()

    def save_now(self) -> None:
        path = self.choose_path()
        if path is not None:
            self.save_to(path)

    def print_to(self, printer: QPrinter) -> None:
        title = Path(self.file_name()).stem  # what the printer's queue shows
        self._run(lambda pdf: pdf_pages.print_pdf(pdf, printer, title), self._on_lane_printed)

    def save_to(self, path: Path) -> None:
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        settings.save_text(settings.PDF_FOLDER, str(path.parent))
        self._run(path.write_bytes, lambda printed: self._on_lane_saved(path, printed))

    def _run(self, deliver, on_done) -> None:  # type: ignore[no-untyped-def]
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Đang xử lý…"))
        self._lane.call(self.job(deliver), on_done, self._on_lane_failed, context=self)

    def job(self, deliver):  # type: ignore[no-untyped-def]
        """What the lane runs to print or save: (counter) → a result for `delivered`."""
        raise NotImplementedError

    def delivered(self, result: object) -> None:
        """The print or save went through (`result` from `job`)."""

    def _buttons_back(self) -> None:
        self.print_button.setEnabled(bool(self._pages))
        self.save_button.setEnabled(True)

    def _on_lane_printed(self, result: object) -> None:
        self._buttons_back()
        self.status.setText(self.tr("Đã gửi tới máy in."))
        self.delivered(result)
        self.accept()

    def _on_lane_saved(self, path: Path, result: object) -> None:
        self._buttons_back()
        self.status.setText(self.tr("Đã lưu {path}").format(path=path))
        self.saved.emit(str(path))
        self.delivered(result)

    def _on_lane_failed(self, error: BaseException) -> None:
        self._buttons_back()
        if isinstance(error, printers.PrinterProblem):  # nothing printed, nothing recorded
            text = printers.describe(error)
        elif isinstance(error, OSError):
            text = self.tr("Không in hoặc lưu được: {detail}").format(
                detail=error.strerror or str(error))
        else:
            text = errors.describe(error)
        self.status.setText(f"⚠ {text}")

    def hideEvent(self, event: QHideEvent) -> None:
        settings.save_bytes(settings.PREVIEW_GEOMETRY, self.saveGeometry())
        super().hideEvent(event)


class PrintPreview(Preview):
    """A form of one dossier: every print and save is recorded (documents.print_form)."""

    printed = Signal(object)  # documents.Printed, after the printer took it

    def __init__(self, lane: CounterLane, rendered: Rendered, *, user: str = "",
                 parent: QWidget | None = None) -> None:
        name = labels.form_name(rendered.form.value)
        super().__init__(lane, rendered.pages, name, QCoreApplication.translate(
            "Preview", "{form} — {ref} — {n} trang").format(
                form=name, ref=documents.reference(rendered.dossier), n=len(rendered.pages)),
            rendered.printer, parent)
        self._user = user
        self.rendered = rendered
        self.dossier, self.form = rendered.dossier, rendered.form

    def file_name(self) -> str:
        return file_name(self.dossier, self.form)

    def job(self, deliver):  # type: ignore[no-untyped-def]
        dossier_id, form, user = self.dossier.id, self.form, self._user

        def run(counter: Counter) -> Printed:
            return documents.print_form(counter, dossier_id, form, user=user, deliver=deliver)

        return run

    def delivered(self, result: object) -> None:
        self.printed.emit(result)


class SheetPreview(Preview):
    """Procedure information or a blank form: printed or saved as it is."""

    def __init__(self, lane: CounterLane, sheet: Sheet, parent: QWidget | None = None) -> None:
        super().__init__(lane, sheet.pages, sheet.title, QCoreApplication.translate(
            "Preview", "{title} — {n} trang").format(title=sheet.title, n=len(sheet.pages)),
            sheet.printer, parent)
        self.sheet = sheet

    def file_name(self) -> str:
        return self.sheet.file_name

    def job(self, deliver):  # type: ignore[no-untyped-def]
        pdf = self.sheet.pdf

        def run(counter: Counter) -> bool:
            deliver(pdf)
            return True

        return run

"""PDF pages as images, for the preview and for printers (PDFium through pypdfium2)."""

# PySide6-Essentials has no QtPdf module, so PDFium (the engine inside QtPdf) is used through
# pypdfium2. PDFium is not thread-safe: call these functions from the database lane only, which
# runs one job at a time. QImage and painting on a QPrinter are allowed off the GUI thread;
# printers.check_sent must run in the thread that painted (libcups answers per thread).

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from ..printing.options import MAX_SIZE
from . import printers

PREVIEW_DPI = 110  # an A4 page about 910 pixels wide
MAX_PRINT_DPI = 300  # enough for text, barcodes and QR codes; more only costs memory


class RendererMissing(RuntimeError):
    """pypdfium2 is not installed: PDFs can be saved but not shown or printed."""


def _pdfium():  # type: ignore[no-untyped-def]
    try:
        import pypdfium2
    except ImportError as e:
        raise RendererMissing(str(e)) from e
    return pypdfium2


def render_pages(pdf: bytes, dpi: float = PREVIEW_DPI) -> list[QImage]:
    """Every page on white, at `dpi`."""
    document = _pdfium().PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB, white background
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: the buffer goes with the bitmap
            page.close()
        return images
    finally:
        document.close()


def render_thumbnail(pdf: bytes, width_px: int) -> QImage:
    """The first page, `width_px` wide (a thumbnail of a scan)."""
    document = _pdfium().PdfDocument(pdf)
    try:
        page = document[0]
        width_pt = page.get_width()
        bitmap = page.render(scale=width_px / width_pt if width_pt else 0.1, rev_byteorder=True)
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888).copy()
        page.close()
        return image
    finally:
        document.close()


def page_sizes_pt(pdf: bytes) -> list[tuple[float, float]]:
    document = _pdfium().PdfDocument(pdf)
    try:
        return [tuple(document[i].get_size()) for i in range(len(document))]  # type: ignore[misc]
    finally:
        document.close()


# The largest label a profile may set (printing.options.MAX_SIZE, 150 x 150 mm), in points: a
# page no bigger is a label and goes out on its own paper size, anything bigger on A4.
LABEL_MAX_PT = max(MAX_SIZE) / 25.4 * 72 + 0.5


def page_size(width_pt: float, height_pt: float) -> QPageSize:
    """A4 for forms (portrait or landscape); a label's own size, so that a label printer gets
    a page as big as its label instead of an A4 page shrunk onto it."""
    if max(width_pt, height_pt) <= LABEL_MAX_PT:
        return QPageSize(QSizeF(min(width_pt, height_pt), max(width_pt, height_pt)),
                         QPageSize.Unit.Point, "label", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageSize(QPageSize.PageSizeId.A4)


def print_pdf(pdf: bytes, printer: QPrinter, title: str = "") -> int:
    """Print every page on `printer`, each scaled to fit its paper; returns the page count.

    `title` names the job in the printer's queue. Raises printers.PrinterProblem when the
    printer is gone or stopped before the job, cannot start it, or the print system refuses it:
    then nothing was printed (print_form records nothing)."""
    sizes = page_sizes_pt(pdf)
    if not sizes:
        return 0
    printers.check_ready(printer)
    if title:
        printer.setDocName(title)
    width, height = sizes[0]
    printer.setFullPage(True)  # the PDF has its own margins
    printer.setPageSize(page_size(width, height))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if width > height
                               else QPageLayout.Orientation.Portrait)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    images = render_pages(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise printers.PrinterProblem(printers.PrinterProblem.NOT_STARTED,
                                      printer.printerName() or printer.outputFileName())
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            scale = min(paper.width() / image.width(), paper.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
    except BaseException:
        printer.abort()  # no half document on paper
        painter.end()
        raise
    if not painter.end():  # with CUPS the job is submitted here
        raise printers.PrinterProblem(printers.PrinterProblem.REFUSED, printer.printerName())
    printers.check_sent(printer)
    return len(sizes)

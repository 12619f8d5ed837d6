"""Printing on a real printer queue: CUPS with the CUPS-PDF driver, through Qt's CUPS plugin,
exactly as the print preview's "In" does with the printer chosen in the profile. CUPS-PDF
writes each job as a PDF file, so the paper can be read back: page count, paper size, the
barcodes, and every page against the document the clerk previewed.

Skipped unless the queues exist: `sudo python3 -m testkit.cups_printer setup` adds them
(`.ci/run` does it too). The app paints pages as 300 dpi pictures (pdf_pages.print_pdf), so the
paper has no text layer for pdftotext: the text is checked on the source PDF (pypdf) and the
paper is compared with it pixel by pixel, and read with OCR where Tesseract is installed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageFilter
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication

from counter_app.domain.model import Dossier
from counter_app.domain.scan import lookup_url
from counter_app.services.counter import Counter
from counter_app.services.documents import PRINTED, Form
from counter_app.services.profile import Profile
from counter_app.ui import printers
from counter_app.ui.lanes import CounterLane
from counter_app.ui.print_preview import PrintPreview, render_for_preview
from testkit import cups_printer
from testkit.cups_printer import A4_QUEUE, LABEL_QUEUE

from .conftest import CLERK
from .helpers import QT_STRICT, press_enter

PORTAL = "https://dichvucong.khanhhoa.gov.vn"
MM_PER_PT = 25.4 / 72

pytestmark = [*QT_STRICT, pytest.mark.real_printer]


@pytest.fixture(autouse=True)
def _queues() -> None:
    """Skip, saying how to get them, when the test queues are not there."""
    reason = cups_printer.unavailable(A4_QUEUE) or cups_printer.unavailable(LABEL_QUEUE)
    if reason:
        pytest.skip(f"no real printer: {reason}")


# ----- helpers --------------------------------------------------------------------------------


def _set_printers(data_dir: Path, **fields: str) -> None:
    with Counter.open(data_dir) as c:
        c.set_profile(Profile(**{**c.profile.__dict__, "lookup_base_url": PORTAL, **fields}))


def open_lane(qtbot, lane: CounterLane, data_dir: Path) -> None:
    """Open the data in the lane, as the window's start-up does."""
    with qtbot.waitCallback(timeout=5000) as opened:
        lane.open(data_dir, opened)


def open_preview(qtbot, lane: CounterLane, dossier: Dossier, form: Form) -> PrintPreview:
    """The preview as the reception page and "In lại…" open it: rendered in the lane with the
    profile's printer for the form."""
    rendered: list[object] = []
    lane.call(lambda c: render_for_preview(c, c.get_by_id(dossier.id), form), rendered.append)
    qtbot.waitUntil(lambda: bool(rendered), timeout=10000)
    preview = PrintPreview(lane, rendered[0], user=CLERK)  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    preview.open()
    return preview


def print_with_enter(qtbot, preview: PrintPreview, queue: str) -> Path:
    """Enter on the preview (its default button "In"); the file the queue wrote."""
    before = cups_printer.job_ids(queue)
    with qtbot.waitSignal(preview.printed, timeout=30000):
        press_enter(preview.print_button)
    assert preview.status.text() == "Đã gửi tới máy in."
    return cups_printer.wait_printed(queue, before)


def events(data_dir: Path, dossier: Dossier) -> list[str]:
    with Counter.open(data_dir) as c:
        return [e.kind for e in c.events(dossier.id)]


def sizes_mm(pdf: Path) -> list[tuple[int, int]]:
    """Each page's paper, short side first, in whole millimetres."""
    return [tuple(sorted(round(float(v) * MM_PER_PT) for v in (p.mediabox.width,  # type: ignore[misc]
                                                               p.mediabox.height)))
            for p in pypdf.PdfReader(pdf).pages]


def picture(pdf: bytes | Path, page: int, dpi: int, grayscale: bool = False) -> Image.Image:
    """The page rendered by PDFium, whose document and page are closed at once: PDFium is not
    thread-safe, and a document left to the garbage collector may be closed on this thread
    while the database lane renders a preview (that corrupted the heap now and then)."""
    document = pdfium.PdfDocument(pdf)
    try:
        handle = document[page]
        try:
            return handle.render(scale=dpi / 72, grayscale=grayscale).to_pil()
        finally:
            handle.close()
    finally:
        document.close()


def page_count(pdf: bytes | Path) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def symbols(pdf: bytes | Path, page: int, dpi: int) -> list[tuple[str, str]]:
    image = picture(pdf, page, dpi)
    return sorted((r.format.name, r.text) for r in zxingcpp.read_barcodes(image))


def _ink(pdf: bytes | Path, page: int, dpi: int = 300) -> Image.Image:
    """The page's dark pixels (white on black), cropped to where there is ink, upright."""
    image = picture(pdf, page, dpi, grayscale=True).convert("L")
    if image.width > image.height:  # the same page whichever way the driver turned it
        image = image.rotate(90, expand=True)
    mask = image.point(lambda v: 255 if v < 128 else 0)
    box = mask.getbbox()
    assert box is not None, "a blank page"
    return mask.crop(box)


def uncovered(a: Image.Image, b: Image.Image) -> float:
    """Share of a's ink that b has nowhere within a pixel (b scaled onto a)."""
    near = b.resize(a.size, Image.Resampling.NEAREST).filter(ImageFilter.MaxFilter(3))
    return ImageChops.subtract(a, near).histogram()[255] / a.histogram()[255]


def assert_same_pages(source: bytes, paper: Path, *, turned: bool = False) -> None:
    """Every printed page is its source page: at 300 dpi, less than 0.3 % of either one's ink
    is missing from the other. (Two copies of one receipt, which differ only in the line
    "Liên 1" / "Liên 2", differ by 0.7-1.3 %; another applicant's name by about 1 %.)"""
    count = page_count(source)
    assert page_count(paper) == count
    for page in range(count):
        want, got = _ink(source, page), _ink(paper, page)
        if turned and (got.width > got.height) != (want.width > want.height):
            got = got.rotate(90, expand=True)
        worst = max(uncovered(want, got), uncovered(got, want))
        if worst >= 0.003:  # the driver may have turned the page the other way
            got = got.rotate(180)
            worst = min(worst, max(uncovered(want, got), uncovered(got, want)))
        assert worst < 0.003, f"page {page + 1}: {worst:.2%} of the ink differs"


# ----- forms and labels on paper --------------------------------------------------------------


def test_the_receipt_prints_on_the_profiles_a4_printer_as_previewed(qtbot, lane, demo_data):
    """Mẫu 01 on the A4 printer of the profile: no dialog, two A4 pages (two copies), the code
    in Code 128 and the lookup QR on each, every page as in the preview, and the print
    recorded once."""
    _set_printers(demo_data.data_dir, a4_printer=A4_QUEUE, label_printer=LABEL_QUEUE)
    open_lane(qtbot, lane, demo_data.data_dir)
    dossier = demo_data.huong
    assert A4_QUEUE in QPrinterInfo.availablePrinterNames()  # Qt lists the CUPS queue
    preview = open_preview(qtbot, lane, dossier, Form.RECEIPT)
    assert preview.printer_name == A4_QUEUE
    source = preview.rendered.pdf
    source_text = " ".join(" ".join(p.extract_text().split())
                           for p in pypdf.PdfReader(io.BytesIO(source)).pages)
    assert "Nguyễn Thị Hương" in source_text and str(dossier.code) in source_text

    paper = print_with_enter(qtbot, preview, A4_QUEUE)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=2000)
    assert sizes_mm(paper) == [(210, 297), (210, 297)]
    url = lookup_url(PORTAL, str(dossier.code), dossier.lookup_secret)
    for page in range(2):
        assert symbols(paper, page, dpi=200) == [("Code128", str(dossier.code)),
                                                 ("QRCode", url)]
    assert_same_pages(source, paper)
    # The job has the document's name (CUPS-PDF names the file after the job's title), not
    # an empty title: what the queue window shows when a clerk looks for a stuck job.
    assert paper.name.startswith(f"{dossier.code}-receipt")
    assert events(demo_data.data_dir, dossier).count(PRINTED) == 1


@pytest.mark.parametrize("size", ["50x30", "100x150"])
def test_a_label_prints_on_the_label_printer_at_the_label_size(qtbot, lane, demo_data, size):
    """The folder label on the profile's label printer: one page of the label's own size (a
    100 x 150 mm label went out on A4 before), its Code 128 and QR readable at 300 dpi."""
    _set_printers(demo_data.data_dir, a4_printer=A4_QUEUE, label_printer=LABEL_QUEUE,
                  label_size=size)
    open_lane(qtbot, lane, demo_data.data_dir)
    dossier = demo_data.duc
    preview = open_preview(qtbot, lane, dossier, Form.LABEL)
    assert preview.printer_name == LABEL_QUEUE
    paper = print_with_enter(qtbot, preview, LABEL_QUEUE)
    width, height = (int(v) for v in size.split("x"))
    assert sizes_mm(paper) == [tuple(sorted((width, height)))]
    assert symbols(paper, 0, dpi=300) == [("Code128", str(dossier.code)),
                                          ("QRCode", str(dossier.code))]
    assert_same_pages(preview.rendered.pdf, paper, turned=True)


@pytest.mark.skipif(shutil.which("tesseract") is None,
                    reason="no OCR: `apt-get install tesseract-ocr tesseract-ocr-vie` "
                           "(testkit.cups_printer setup does)")
def test_the_printed_receipt_reads_back_with_its_vietnamese_text(qtbot, lane, demo_data,
                                                                 tmp_path):
    """What a person reads on the paper: Tesseract (Vietnamese) finds the applicant's name
    with its diacritics, the dossier code and the dateline on the printed page."""
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    if "vie" not in langs.stdout.split():
        pytest.skip("Tesseract has no Vietnamese: apt-get install tesseract-ocr-vie")
    _set_printers(demo_data.data_dir, a4_printer=A4_QUEUE)
    open_lane(qtbot, lane, demo_data.data_dir)
    preview = open_preview(qtbot, lane, demo_data.huong, Form.RECEIPT)
    paper = print_with_enter(qtbot, preview, A4_QUEUE)
    page1 = tmp_path / "page1.png"
    picture(paper, 0, 300, grayscale=True).save(page1)
    read = subprocess.run(["tesseract", str(page1), "-", "-l", "vie"], capture_output=True,
                          text=True, timeout=120).stdout
    for expected in ("Nguyễn Thị Hương", str(demo_data.huong.code),
                     "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "ngày 20 tháng 11 năm 2026"):
        assert expected in read, expected


# ----- a printer that is stopped, refuses or is gone ------------------------------------------


@pytest.fixture
def spare_queue() -> Iterator[str]:
    """A queue of its own for the test that stops, refuses or removes it."""
    with cups_printer.temporary_queue("QuayMotCua-Tam") as queue:
        yield queue


def _saves_instead(qtbot, preview: PrintPreview, path: Path) -> None:
    """The PDF fallback: "Lưu PDF…" (Ctrl+S) still works and records the print."""
    assert preview.isVisible() and preview.save_button.isEnabled()
    preview.choose_path = lambda: path
    with qtbot.waitSignal(preview.printed, timeout=10000):
        preview.save_button.click()
    assert pypdf.PdfReader(path).pages


def test_a_stopped_printer_is_told_and_nothing_is_lost(qtbot, lane, demo_data, spare_queue,
                                                      tmp_path):
    """A stopped CUPS queue (cupsdisable; CUPS stops a queue whose printer failed) would keep
    the receipt waiting: the clerk is told so in Vietnamese, nothing goes to the queue, nothing
    is recorded, the preview stays open with both buttons; after the queue runs again "In"
    prints."""
    _set_printers(demo_data.data_dir, a4_printer=spare_queue)
    open_lane(qtbot, lane, demo_data.data_dir)
    dossier = demo_data.huong
    preview = open_preview(qtbot, lane, dossier, Form.RECEIPT)
    cups_printer.stop(spare_queue)
    press_enter(preview.print_button)
    qtbot.waitUntil(lambda: preview.status.text().startswith("⚠"), timeout=10000)
    assert preview.status.text() == (
        f"⚠ Máy in «{spare_queue}» đang dừng: chưa in. Kiểm tra máy in (nguồn, giấy, cáp,"
        " hàng đợi in) rồi bấm In lại, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.")
    assert cups_printer.job_ids(spare_queue) == set()  # nothing waits in the queue
    assert PRINTED not in events(demo_data.data_dir, dossier)
    assert preview.print_button.isEnabled()

    subprocess.run(["cupsenable", spare_queue], check=True)
    paper = print_with_enter(qtbot, preview, spare_queue)
    assert len(pypdf.PdfReader(paper).pages) == 2
    assert events(demo_data.data_dir, dossier).count(PRINTED) == 1


def test_a_printer_refusing_jobs_is_told_and_the_pdf_is_offered(qtbot, lane, demo_data,
                                                               spare_queue, tmp_path):
    """A queue that does not accept jobs (cupsreject): Qt reports success, the job is dropped.
    The preview reads CUPS's answer back, says "không nhận lệnh in", records nothing, and the
    clerk saves the PDF instead."""
    _set_printers(demo_data.data_dir, a4_printer=spare_queue)
    open_lane(qtbot, lane, demo_data.data_dir)
    dossier = demo_data.huong
    preview = open_preview(qtbot, lane, dossier, Form.RECEIPT)
    cups_printer.refuse(spare_queue)
    press_enter(preview.print_button)
    qtbot.waitUntil(lambda: preview.status.text().startswith("⚠"), timeout=10000)
    assert preview.status.text() == (
        f"⚠ Máy in «{spare_queue}» không nhận lệnh in: chưa in. Bấm In để thử lại, hoặc"
        " Lưu PDF… (Ctrl+S) để in ở máy khác.")
    assert PRINTED not in events(demo_data.data_dir, dossier)
    _saves_instead(qtbot, preview, tmp_path / "giay-tiep-nhan.pdf")
    assert events(demo_data.data_dir, dossier).count(PRINTED) == 1


def test_a_printer_removed_while_the_preview_is_open(qtbot, lane, demo_data, spare_queue,
                                                     tmp_path):
    """The profile's printer deleted (lpadmin -x) after the preview opened: "In" says it is not
    found and opens the print dialog to choose another one; cancelled, nothing is printed or
    recorded, and the PDF can still be saved."""
    _set_printers(demo_data.data_dir, a4_printer=spare_queue)
    open_lane(qtbot, lane, demo_data.data_dir)
    dossier = demo_data.huong
    preview = open_preview(qtbot, lane, dossier, Form.RECEIPT)
    assert spare_queue in printers.installed()
    cups_printer.remove_queue(spare_queue)
    assert spare_queue not in printers.installed()

    asked: list[str] = []

    def cancel_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        asked.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(500, cancel_the_dialog)
    press_enter(preview.print_button)
    assert asked == ["QPrintDialog"]
    assert preview.status.text() == (
        f"Không thấy máy in «{spare_queue}» đã chọn trong hồ sơ đơn vị: chọn máy in khi in.")
    assert PRINTED not in events(demo_data.data_dir, dossier)
    _saves_instead(qtbot, preview, tmp_path / "giay-tiep-nhan.pdf")


def test_a_printer_gone_between_choosing_and_printing(qtbot, lane, demo_data, spare_queue):
    """The queue disappears after "In" picked it, before the lane sends the job: told in
    Vietnamese, not recorded (and the job is not sent to whatever printer Qt would pick)."""
    _set_printers(demo_data.data_dir, a4_printer=spare_queue)
    open_lane(qtbot, lane, demo_data.data_dir)
    dossier = demo_data.huong
    preview = open_preview(qtbot, lane, dossier, Form.RECEIPT)
    printer = preview.choose_printer()
    assert printer is not None and printer.printerName() == spare_queue
    before = cups_printer.job_ids(A4_QUEUE)
    cups_printer.remove_queue(spare_queue)
    preview.print_to(printer)
    qtbot.waitUntil(lambda: preview.status.text().startswith("⚠"), timeout=10000)
    assert preview.status.text() == (
        f"⚠ Không thấy máy in «{spare_queue}» trên máy này nữa: chưa in. Bấm In để chọn máy in"
        " khác, hoặc Lưu PDF… (Ctrl+S) để in ở máy khác.")
    assert PRINTED not in events(demo_data.data_dir, dossier)
    assert cups_printer.job_ids(A4_QUEUE) == before


def test_qt_prints_to_a_file_only_when_asked(qtbot, tmp_path):
    """With CUPS queues Qt's printers are native ones; the PDF writer is what the dialog's
    "print to file" or a test asks for. print_pdf checks only native printers."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    assert printer.printerName() in QPrinterInfo.availablePrinterNames()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "file.pdf"))
    printers.check_ready(printer)  # a file is always ready

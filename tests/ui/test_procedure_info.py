"""Thông tin thủ tục (F1) and blank forms (F2) from the reception and catalogue pages, and the
printers of the profile: through the real window."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from counter_app.services.counter import Counter
from counter_app.services.demo import seed_catalogue_files
from counter_app.services.profile import Profile
from counter_app.ui.print_preview import SheetPreview
from counter_app.ui.procedure_info import ProcedureInfoDialog

from .conftest import ADMIN, log_in, open_window
from .helpers import QT_STRICT, focused, press_enter, type_text

pytestmark = QT_STRICT


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def seeded(demo_data):
    """The demo workstation with the whole seed catalogue (its typeset forms included)."""
    with Counter.open(demo_data.data_dir) as c:
        c.import_catalogue(seed_catalogue_files())
    return demo_data


@pytest.fixture
def page(qtbot, seeded, window):
    page = window.reception_page
    qtbot.waitUntil(lambda: len(page.picker.procedures()) > 20, timeout=5000)
    return page


def _pick_birth(qtbot, page) -> None:
    assert focused() is page.picker.edit
    with qtbot.waitSignal(page.due_shown, timeout=5000):
        type_text(page.picker.edit, "dang ky khai sinh")
        press_enter(page.picker.edit)
    assert page.picker.chosen.code == "1.001193"


def test_f1_shows_the_procedure_and_prints_its_information(qtbot, page, tmp_path):
    QTest.keyClick(focused(), Qt.Key.Key_F1)  # nothing picked yet: says what to do
    assert "Chọn thủ tục trước" in page.outcome.message.text()
    _pick_birth(qtbot, page)
    assert "F1 Thông tin thủ tục" in page.card.keys.text()
    assert "F2 In tờ khai" in page.card.keys.text()

    with qtbot.waitSignal(page.info_opened, timeout=5000) as opened:
        QTest.keyClick(focused(), Qt.Key.Key_F1)
    dialog = opened.args[0]
    assert isinstance(dialog, ProcedureInfoDialog)
    shown = dialog.browser.toPlainText()
    for expected in ("Thủ tục đăng ký khai sinh", "1.001193", "Hộ tịch", "Cấp xã",
                     "Trong ngày (nhận trước 15:00)", "Trình tự thực hiện",
                     "Thành phần hồ sơ", "Giấy chứng sinh", "Bản chính", "Căn cứ pháp lý",
                     "Luật Hộ tịch số 60/2014/QH13", "Tờ khai đăng ký khai sinh [chưa kiểm chứng]",
                     "Kết quả thực hiện", "Giấy khai sinh"):
        assert expected in shown, expected
    assert "Chưa có trong danh mục" not in shown

    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as previewed:
        QTest.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = previewed.args[0]
    assert isinstance(preview, SheetPreview) and len(preview.sheet.pages) >= 1
    target = tmp_path / "thong-tin.pdf"
    preview.choose_path = lambda: target
    with qtbot.waitSignal(preview.saved, timeout=10000):
        QTest.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    text = _text(target.read_bytes())
    assert "THÔNG TIN THỦ TỤC HÀNH CHÍNH" in text and "Thủ tục đăng ký khai sinh" in text
    preview.close()
    dialog.close()


def test_f2_prints_the_blank_form_on_the_printer(qtbot, page, tmp_path, demo_data):
    with Counter.open(demo_data.data_dir) as before:
        pending = before.pending_count()
    _pick_birth(qtbot, page)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as previewed:
        QTest.keyClick(focused(), Qt.Key.Key_F2)
    preview = previewed.args[0]
    assert isinstance(preview, SheetPreview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    preview.choose_printer = lambda: printer
    with qtbot.waitSignal(preview.finished, timeout=10000):
        press_enter(preview.print_button)  # Enter prints, then the preview closes
    assert len(pypdf.PdfReader(tmp_path / "printer.pdf").pages) == len(preview.sheet.pages)
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in _text(preview.sheet.pdf)
    with Counter.open(demo_data.data_dir) as fresh:  # a blank form belongs to no dossier
        assert fresh.pending_count() == pending


def test_without_a_printer_printing_saves_a_pdf(qtbot, page, tmp_path):
    """Offscreen, like a counter PC with no printer installed: "In" says so and saves."""
    _pick_birth(qtbot, page)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as previewed:
        QTest.keyClick(focused(), Qt.Key.Key_F2)
    preview = previewed.args[0]
    target = tmp_path / "to-khai.pdf"
    preview.choose_path = lambda: target
    with qtbot.waitSignal(preview.saved, timeout=10000):
        press_enter(preview.print_button)
    assert "chưa cài máy in" in preview.status.text() or target.exists()
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in _text(target.read_bytes())
    preview.close()


@pytest.fixture
def admin_window(qtbot, lane, seeded):
    window = open_window(qtbot, lane, seeded.data_dir)
    log_in(qtbot, window, ADMIN)
    yield window
    window.close()


def test_catalogue_page_shows_information_and_attaches_a_province_pdf(
        qtbot, admin_window, seeded, tmp_path):
    admin = admin_window.admin_page
    page = admin.catalogue_page
    admin_window.pages.setCurrentWidget(admin)
    admin.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 20, timeout=5000)
    page.filter_box.setText("1.001612")
    admin_window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus, timeout=5000)
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    procedure = page.selected()
    assert procedure is not None and procedure.code == "1.001612"
    with qtbot.waitSignal(page.info_opened, timeout=5000) as opened:
        QTest.keyClick(page.table, Qt.Key.Key_F1)
    dialog = opened.args[0]
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in dialog.browser.toPlainText()
    dialog.close()

    bad = tmp_path / "to-khai.pdf"
    bad.write_bytes(b"not a pdf at all")
    page.choose_form = lambda _p: (bad, "Tờ khai của tỉnh")
    page.attach_button.click()
    qtbot.waitUntil(lambda: "Không đính kèm được" in page.message.text(), timeout=5000)
    assert "không phải tệp PDF" in page.message.text()

    good = tmp_path / "mau-tinh.pdf"
    good.write_bytes(preview_pdf())
    page.choose_form = lambda _p: (good, "Tờ khai của tỉnh")
    with qtbot.waitSignal(page.form_attached, timeout=5000):
        page.attach_button.click()
    assert "Đã đính kèm «Tờ khai của tỉnh»" in page.message.text()
    with Counter.open(seeded.data_dir) as c:
        names = [f.name for f in c.procedure("1.001612").forms]
    assert names == ["Giấy đề nghị đăng ký hộ kinh doanh", "Tờ khai của tỉnh"]


def preview_pdf() -> bytes:
    from tests.services.scan_files import pdf_file
    return pdf_file(1)


def test_profile_printers_fall_back_to_pdf_when_none_is_installed(qtbot, admin_window, seeded):
    with Counter.open(seeded.data_dir) as c:
        c.set_profile(Profile(**{**c.profile.__dict__, "a4_printer": "HP LaserJet Quầy 1"}))
    admin = admin_window.admin_page
    profile_page = admin.profile_page
    admin_window.pages.setCurrentWidget(admin)
    with qtbot.waitSignal(profile_page.loaded, timeout=5000):
        profile_page.refresh()
    assert profile_page.printer_note.isVisible()
    assert "chưa cài máy in" in profile_page.printer_note.text()
    a4 = profile_page.printer_boxes["a4_printer"]
    assert a4.currentText() == "HP LaserJet Quầy 1 (không thấy trên máy này)"
    label = profile_page.printer_boxes["label_printer"]
    assert label.currentText() == "Không có máy in: lưu PDF"
    a4.setCurrentIndex(0)
    with qtbot.waitSignal(profile_page.saved, timeout=5000) as saved:
        profile_page.save()
    assert saved.args[0].a4_printer == "" and saved.args[0].label_printer == ""


def test_a_label_prints_on_its_own_paper_size_and_forms_on_a4(qtbot, tmp_path):
    """What the label printer chosen in the profile receives: a 50 × 30 mm page; the largest
    label a profile allows (150 mm) on its own size too, not on A4."""
    from counter_app.printing.label import label_pdf
    from counter_app.ui import pdf_pages
    from tests.printing.helpers import dossier

    for pdf, expected_mm in ((label_pdf(dossier(), size_mm=(50, 30)), (50, 30)),
                             (label_pdf(dossier(), size_mm=(100, 150)), (100, 150)),
                             (label_pdf(dossier(), size_mm=(150, 150)), (150, 150)),
                             (preview_pdf(), (210, 297))):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = tmp_path / f"{expected_mm[0]}x{expected_mm[1]}.pdf"
        printer.setOutputFileName(str(out))
        assert pdf_pages.print_pdf(pdf, printer) == 1
        box = pypdf.PdfReader(out).pages[0].mediabox
        size = sorted(round(float(v) / 72 * 25.4) for v in (box.width, box.height))
        assert size == sorted(expected_mm)


def test_the_profile_printer_is_used_without_asking(qtbot, page, monkeypatch, demo_data):
    """The A4 printer chosen in the profile, when installed, prints at once (no dialog)."""
    from counter_app.ui import printers

    with Counter.open(demo_data.data_dir) as c:
        c.set_profile(Profile(**{**c.profile.__dict__, "a4_printer": "HP Quầy 1"}))
    monkeypatch.setattr(printers, "installed", lambda: ["Canon", "HP Quầy 1"])
    _pick_birth(qtbot, page)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as previewed:
        QTest.keyClick(focused(), Qt.Key.Key_F2)
    preview = previewed.args[0]
    assert preview.printer_name == "HP Quầy 1"
    from counter_app.ui import print_preview

    named: list[str] = []

    class Recording(QPrinter):
        """Stands for the installed "HP Quầy 1": QPrinter itself would drop a name that no
        print system knows (and the preview then asks, see choose_printer)."""

        def setPrinterName(self, name: str) -> None:
            named.append(name)
            super().setPrinterName(name)

        def printerName(self) -> str:
            return named[-1] if named else super().printerName()

    monkeypatch.setattr(print_preview, "QPrinter", Recording)
    assert preview.choose_printer() is not None  # no dialog: it would block the test here
    assert named == ["HP Quầy 1"]
    preview.close()

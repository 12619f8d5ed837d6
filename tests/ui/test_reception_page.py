"""Whole receptions through the real window, with the keyboard only: receive, guide, refuse."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from counter_app.domain.model import Channel, Outcome, Status
from counter_app.domain.scan import CccdScan, parse_scan
from counter_app.services.counter import Counter
from counter_app.services.documents import PRINTED
from counter_app.ui.print_preview import PrintPreview
from counter_app.ui.reason_dialog import ReasonDialog

from .conftest import CLERK, DUC_ID
from .helpers import QT_STRICT, focused, press_enter, scan, send_key, type_text

pytestmark = QT_STRICT

NAME = "Nguyễn Thị Hương"
ADDRESS = "Số 12 đường Lê Lợi, thôn Phú Hòa, xã Tân Phú"
ID_NUMBER = "001185012345"  # Hà Nội, female, born 1985


def _pdf_text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


def _tab() -> None:
    send_key(focused(), Qt.Key.Key_Tab, "\t")


def _enter() -> None:
    press_enter(focused())


def _key(key: Qt.Key, text: str = "") -> None:
    send_key(focused(), key, text)


def _type(text: str) -> None:
    type_text(focused(), text)


@pytest.fixture
def page(qtbot, window):
    page = window.reception_page
    qtbot.waitUntil(lambda: len(page.picker.procedures()) == 3, timeout=5000)
    return page


def _pick(qtbot, page, text: str) -> None:
    assert focused() is page.picker.edit
    with qtbot.waitSignal(page.due_shown, timeout=5000):
        _type(text)
        _enter()  # picks the first match and moves on to the applicant's name


def _fill_applicant(page, *, id_number: str = ID_NUMBER) -> None:
    assert focused() is page.applicant.full_name
    _type(NAME)
    _enter()
    assert focused() is page.applicant.id_kind  # "Căn cước công dân" is already chosen
    _tab()
    _type(id_number)
    _enter()
    _type("04/03/1985")
    _enter()
    assert focused() is page.applicant.gender
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Down)  # "", "Nam", "Nữ"
    _enter()
    _type("0912 345 678")
    _enter()
    _enter()  # no e-mail
    _type(ADDRESS)
    _enter()
    assert focused() is page.other_submitter
    _enter()


def _back_to(qtbot, window) -> None:
    """The preview closed: the window manager gives the main window the keyboard again."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def _record(qtbot, page, key: Qt.Key):
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as opened:
        with qtbot.waitSignal(page.outcome_recorded, timeout=5000) as recorded:
            QTest.keyClick(focused(), key)
    return recorded.args[0], opened.args[0]


def test_receive_a_dossier_typed_in_vietnamese_with_the_keyboard_only(
        qtbot, window, page, demo_data, tmp_path):
    _pick(qtbot, page, "khai sinh")
    assert page.picker.chosen.code == "1.001193"
    assert page.card.due.text() != "—"
    assert re.fullmatch(r"\d\d giờ \d\d phút, ngày \d\d/\d\d/\d{4}", page.card.due.text())
    _fill_applicant(page)
    assert focused() is page.checklist.view
    _key(Qt.Key.Key_Space, " ")  # tick "Tờ khai…": 1 original
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Space, " ")  # tick "Giấy chứng sinh"
    # The scanner filter hands a lone key over once the keyboard is quiet for a moment.
    qtbot.waitUntil(lambda: page.checklist.model.unticked_mandatory() == [], timeout=1000)

    dossier, preview = _record(qtbot, page, Qt.Key.Key_F9)
    assert isinstance(preview, PrintPreview)
    assert dossier.outcome == Outcome.RECEIVED
    assert dossier.applicant.full_name == NAME
    assert dossier.applicant.address == ADDRESS
    assert dossier.applicant.phone == "0912345678"
    assert dossier.applicant.gender == "Nữ"
    assert [d.name for d in dossier.documents] == [
        "Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh"]
    # The form is empty again, the cursor back in the procedure box (behind the preview).
    assert page.picker.chosen is None and page.applicant.full_name.text() == ""
    assert dossier.code in window.reception_page.outcome.message.text()

    # "Lưu PDF…" without a file dialog: the path is what the clerk would have chosen.
    target = tmp_path / "out" / "bien-nhan"
    target.parent.mkdir()
    preview.choose_path = lambda: target
    with qtbot.waitSignal(preview.saved, timeout=10000) as saved:
        QTest.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [str(target) + ".pdf"]
    text = _pdf_text((tmp_path / "out" / "bien-nhan.pdf").read_bytes())
    assert NAME in text and dossier.code in text
    preview.close()

    with Counter.open(demo_data.data_dir) as fresh:
        stored = fresh.get(dossier.code)
        procedure = fresh.procedure("1.001193")
        assert stored.applicant.full_name == NAME
        assert stored.status == Status.RECEIVED
        assert stored.code.startswith(f"000.00.06.H56-{stored.received_at:%y%m%d}-")
        assert stored.due_at == fresh.due_at(stored.received_at, procedure.time_limit)
        kinds = [e.kind for e in fresh.events(stored.id)]
        assert kinds == ["received", PRINTED]
        # Both carry the clerk logged in at the window (tests/ui/conftest.py).
        assert [e.user for e in fresh.events(stored.id)] == [CLERK, CLERK]
        assert stored.created_by == CLERK


# A chip ID card's QR: number|old number|name|birth ddMMyyyy|gender|address|issue date.
MAI_ID = "056192001234"  # Khánh Hòa, female, born 1992
MAI_QR = f"{MAI_ID}||Lê Thị Mai|15081992|Nữ|thôn Đồng Xuân, xã Tân Phú, tỉnh Khánh Hòa|10052021"


def test_receive_by_scanning_the_id_card_then_find_it_by_scanning_the_receipt(
        qtbot, window, page, demo_data):
    _pick(qtbot, page, "ho kinh doanh")
    assert page.picker.chosen.code == "1.001612"
    assert "100.000 đ" in page.card.fees.text()
    assert focused() is page.applicant.full_name
    with qtbot.waitSignal(window.scanner.scan_received, timeout=2000) as got:
        scan(focused(), MAI_QR)
    assert isinstance(got.args[0], CccdScan)
    form = page.applicant
    assert form.full_name.text() == "Lê Thị Mai"  # the QR's text never landed in the field
    assert form.id_number.text() == MAI_ID
    assert form.birth_date.text() == "15/08/1992"
    assert form.gender.currentText() == "Nữ"
    assert form.address.text() == "thôn Đồng Xuân, xã Tân Phú, tỉnh Khánh Hòa"
    assert focused() is form.phone  # what the card does not hold
    _type("0903 111 333")
    page.checklist.view.setFocus()
    _key(Qt.Key.Key_Space, " ")
    _tab()  # hands the Space over first, then leaves the table
    assert page.details.fees_paid.isEnabled()
    page.details.fees_paid.setChecked(True)

    dossier, preview = _record(qtbot, page, Qt.Key.Key_F9)
    assert dossier.applicant.full_name == "Lê Thị Mai"
    assert dossier.applicant.id_number == MAI_ID
    assert dossier.applicant.phone == "0903111333"
    assert [(f.amount, f.paid) for f in dossier.fees] == [(100000, True)]
    preview.close()
    _back_to(qtbot, window)
    assert focused() is page.picker.edit

    # Later: the citizen comes back with the receipt; its barcode is the dossier code.
    QTest.keyClick(focused(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.lookup_page
    with qtbot.waitSignal(window.lookup_page.dossier_opened, timeout=5000) as opened:
        scan(focused(), dossier.code)
    view = opened.args[0]
    assert view.dossier.id == dossier.id
    assert window.lookup_page.search_box.text() == dossier.code
    view.close()


def test_a_dossier_code_scanned_on_the_reception_page_opens_in_the_lookup(
        qtbot, window, page, demo_data):
    with qtbot.waitSignal(window.lookup_page.dossier_opened, timeout=5000) as opened:
        scan(focused(), demo_data.duc.code.lower())
    assert opened.args[0].dossier.id == demo_data.duc.id
    assert window.pages.currentWidget() is window.lookup_page
    assert page.picker.edit.text() == ""
    opened.args[0].close()


def test_an_id_card_scanned_on_the_lookup_page_searches_by_its_number(qtbot, window, demo_data):
    window.show_lookup()
    duc_qr = f"{DUC_ID}|123456789|Đặng Văn Đức|04031985|Nam|thôn Phú Hòa, xã Tân Phú|01072021"
    with qtbot.waitSignal(window.lookup_page.search_finished, timeout=5000) as done:
        scan(focused(), duc_qr)
    assert done.args == [DUC_ID]
    assert window.reception_page.applicant.full_name.text() == ""


def test_a_postal_item_scanned_on_the_reception_page_fills_the_postal_fields(qtbot, window, page):
    with qtbot.waitSignal(window.scanner.scan_received, timeout=2000):
        scan(focused(), "EB125966888VN")
    assert page.details.channel.currentData() == Channel.POSTAL
    assert page.details.postal_item.text() == "EB125966888VN"
    assert page.details.postal_item.isEnabled()


def test_a_scan_in_the_wrong_code_page_asks_for_utf8(qtbot, window, page):
    with qtbot.waitSignal(window.scanner.scan_received, timeout=2000):
        scan(focused(), f"{MAI_ID}||LÃª Thá»‹ Mai|15081992|Ná»¯|thÃ´n|10052021")
    assert "UTF-8" in window.statusBar().currentMessage()
    assert page.applicant.full_name.text() == "" and page.picker.edit.text() == ""


def test_guidance_slip_lists_exactly_the_unticked_mandatory_items(qtbot, window, page, demo_data):
    _pick(qtbot, page, "khai sinh")
    _type(NAME)
    page.checklist.view.setFocus()
    _key(Qt.Key.Key_Space, " ")  # the declaration only: the birth certificate is missing
    qtbot.waitUntil(lambda: page.checklist.model.unticked_mandatory() == ["Giấy chứng sinh"],
                    timeout=1000)
    dossier, preview = _record(qtbot, page, Qt.Key.Key_F7)
    assert dossier.outcome == Outcome.GUIDANCE
    assert dossier.code is None
    assert dossier.missing == ("Giấy chứng sinh",)
    assert preview.form.value == "supplement"
    text = _pdf_text(preview.rendered.pdf)
    assert "PHIẾU YÊU CẦU BỔ SUNG" in text and NAME in text
    assert "Giấy chứng sinh" in text
    assert "Tờ khai đăng ký khai sinh theo mẫu" not in text  # received
    assert "Văn bản ủy quyền" not in text  # not mandatory
    preview.close()


def test_refusal_needs_a_reason(qtbot, window, page, demo_data):
    _pick(qtbot, page, "1.001612")  # by code
    assert page.picker.chosen.name == "Đăng ký thành lập hộ kinh doanh"
    _type(NAME)
    QTest.keyClick(focused(), Qt.Key.Key_F8)
    dialog = page.reason_dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: focused() is dialog.reason, timeout=2000)
    _enter()  # no reason yet
    assert dialog.isVisible()
    assert "lý do" in dialog.problem.text()
    reason = "Địa điểm kinh doanh thuộc địa bàn xã khác"
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as opened:
        with qtbot.waitSignal(page.outcome_recorded, timeout=5000) as recorded:
            _type(reason)
            _enter()
    dossier, preview = recorded.args[0], opened.args[0]
    assert dossier.outcome == Outcome.REFUSED and dossier.status == Status.NOT_RECEIVED
    assert dossier.reason == reason
    text = _pdf_text(preview.rendered.pdf)
    assert "TỪ CHỐI" in text and reason in text
    preview.close()


def test_an_id_number_of_11_digits_is_refused_next_to_the_field_and_nothing_is_written(
        qtbot, window, page, demo_data):
    _pick(qtbot, page, "khai sinh")
    _type(NAME)
    _enter()
    _tab()
    _type(ID_NUMBER[:-1])
    _enter()  # leaving the field checks it
    assert page.applicant.problem("id_number") == "Số CCCD phải có đúng 12 chữ số"
    page.checklist.view.setFocus()
    _key(Qt.Key.Key_Space, " ")
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Space, " ")
    _key(Qt.Key.Key_Up)  # hands the last Space over
    with qtbot.assertNotEmitted(page.outcome_recorded, wait=300):
        QTest.keyClick(focused(), Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: not page.busy and "⚠" in page.outcome.message.text(),
                        timeout=5000)
    assert page.applicant.problem("id_number") == "Số CCCD phải có đúng 12 chữ số"
    assert focused() is page.applicant.id_number
    assert page.applicant.full_name.text() == NAME  # nothing lost
    assert page.checklist.model.unticked_mandatory() == []
    with Counter.open(demo_data.data_dir) as fresh:
        assert len(fresh.search_summaries("")) == 3


def test_a_form_with_problems_says_where_and_keeps_what_was_typed(qtbot, window, page):
    page.applicant.phone.setText("0912 345 678")
    QTest.keyClick(focused(), Qt.Key.Key_F9)  # no procedure yet
    qtbot.waitUntil(lambda: page.picker.problem.isVisible(), timeout=5000)
    assert "Chưa nhập" in page.picker.problem.text()
    assert focused() is page.picker.edit
    _pick(qtbot, page, "khai sinh")
    QTest.keyClick(focused(), Qt.Key.Key_F9)  # no name, no ID, no document
    qtbot.waitUntil(lambda: page.applicant.problem("full_name") == "Chưa nhập", timeout=5000)
    assert page.applicant.problem("id_number") == "Chưa nhập số giấy tờ"
    assert "Giấy chứng sinh" in page.checklist.problem.text()
    assert focused() is page.applicant.full_name
    assert page.applicant.phone.text() == "0912 345 678"
    page.applicant.birth_date.setText("31/02/1990")
    QTest.keyClick(focused(), Qt.Key.Key_F9)
    assert "ngày/tháng/năm" in page.applicant.problem("birth_date")
    assert focused() is page.applicant.birth_date


def test_printing_records_the_print_and_closes_the_preview(qtbot, window, page, demo_data,
                                                           tmp_path):
    _pick(qtbot, page, "khai sinh")
    page.applicant.fill_from_scan(parse_scan(MAI_QR))
    for row in range(2):
        page.checklist.model.set_ticked(row, True)
    dossier, preview = _record(qtbot, page, Qt.Key.Key_F9)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    preview.choose_printer = lambda: printer
    with qtbot.waitSignal(preview.printed, timeout=10000) as printed:
        press_enter(preview.print_button)  # the default button: Enter prints
    assert printed.args[0].reprint == 0
    assert len(pypdf.PdfReader(tmp_path / "printer.pdf").pages) == 2  # two copies (liên)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=2000)
    with Counter.open(demo_data.data_dir) as fresh:
        assert [e.kind for e in fresh.events(dossier.id)] == ["received", PRINTED]


def test_ctrl_n_clears_the_form_for_the_next_citizen(qtbot, window, page):
    _pick(qtbot, page, "khai sinh")
    _type(NAME)
    QTest.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.picker.chosen is None
    assert page.applicant.full_name.text() == ""
    assert page.checklist.model.rowCount() == 0
    assert focused() is page.picker.edit

"""Scans on the reception page (Ctrl+O, the scanner's folder, the strip) and in the dossier view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from counter_app.services import attachments
from counter_app.services.counter import Counter
from counter_app.services.scan_folder import IMPORTED
from counter_app.ui.dossier_attachments import ScanViewer
from tests.services.scan_files import pdf_file, picture

from .helpers import QT_STRICT, focused, press_enter, type_text

pytestmark = QT_STRICT

FORM = "Tờ khai đăng ký khai sinh theo mẫu"
CERT = "Giấy chứng sinh"


@pytest.fixture
def page(qtbot, window):
    page = window.reception_page
    qtbot.waitUntil(lambda: len(page.picker.procedures()) == 3, timeout=5000)
    page.picker.edit.setFocus()
    with qtbot.waitSignal(page.due_shown, timeout=5000):
        type_text(page.picker.edit, "khai sinh")
        press_enter(page.picker.edit)
    assert [page.checklist.model.requirement(r).name for r in range(2)] == [FORM, CERT]
    return page


def _choose_row(page, row: int) -> None:
    view = page.checklist.view
    view.setFocus()
    view.setCurrentIndex(page.checklist.model.index(row, 0))


def _fill_applicant(page) -> None:
    form = page.applicant
    form.full_name.setText("Nguyễn Thị Hương")
    form.id_number.setText("001185012345")
    form.birth_date.setText("04/03/1985")
    form.gender.setCurrentText("Nữ")
    form.phone.setText("0912345678")
    form.address.setText("Số 12 đường Lê Lợi, xã Tân Phú")


def test_attach_with_ctrl_o_then_receive_with_f9(qtbot, window, page, demo_data, tmp_path):
    scan = tmp_path / "chứng sinh của bé.png"
    scan.write_bytes(picture("PNG"))
    other = tmp_path / "tờ khai.pdf"
    other.write_bytes(pdf_file(2))
    asked = []
    page.scans.choose_files = lambda parent: asked.append(parent) or [str(scan)]
    strip = page.checklist.strip
    assert not strip.list.isVisible() and strip.hint.isVisible()

    _choose_row(page, 1)
    assert not page.checklist.model.is_ticked(1)
    QTest.keyClick(focused(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: strip.count() == 1, timeout=5000)
    assert asked == [page]
    item = strip.list.item(0)
    assert item.text() == f"1 trang · {CERT}" and not item.icon().isNull()
    assert strip.list.isVisible() and not strip.hint.isVisible()
    assert page.checklist.model.is_ticked(1)  # a scanned paper counts as received
    assert "Đã đính kèm bản quét chứng sinh của bé.png (1 trang) vào «Giấy chứng sinh»" in (
        page.outcome.message.text())

    # A second file for the first item, then removed again before receiving.
    _choose_row(page, 0)
    page.scans.choose_files = lambda parent: [str(other)]
    page.checklist.attach_button.click()
    qtbot.waitUntil(lambda: strip.count() == 2, timeout=5000)
    assert strip.list.item(1).text() == f"2 trang · {FORM}"
    strip.list.setFocus()
    strip.list.setCurrentRow(1)
    QTest.keyClick(strip.list, Qt.Key.Key_Delete)
    assert strip.count() == 1 and [s.item for s in page.scans.scans] == [CERT]

    _fill_applicant(page)
    page.checklist.model.set_ticked(0, True)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as opened:
        with qtbot.waitSignal(page.outcome_recorded, timeout=5000) as recorded:
            QTest.keyClick(page.checklist.view, Qt.Key.Key_F9)
    dossier = recorded.args[0]
    opened.args[0].close()
    assert strip.count() == 0 and page.scans.scans == []  # the next citizen starts clean

    with Counter.open(demo_data.data_dir) as fresh:
        (linked,) = attachments.for_dossier(fresh, dossier.id)
        assert linked.item_name == CERT and linked.file.pages == 1
        assert linked.file.name == "chứng sinh của bé.png"
        (event,) = [e for e in fresh.events(dossier.id) if e.kind == "received"]
        assert [a["sha256"] for a in event.payload["attachments"]] == [linked.file.sha256]


def test_ctrl_o_without_a_procedure_says_what_to_do(qtbot, window):
    page = window.reception_page
    page.scans.choose_files = lambda parent: pytest.fail("no dialog without an item")
    page.picker.edit.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert "Chọn thủ tục và giấy tờ" in page.outcome.message.text()


def test_a_bad_file_is_refused_with_a_clear_message(qtbot, page, tmp_path):
    bad = tmp_path / "ghi chú.txt"
    bad.write_text("không phải bản quét")
    _choose_row(page, 1)
    page.scans.attach_paths([bad], CERT)
    qtbot.waitUntil(lambda: not page.scans.busy, timeout=5000)
    assert "không phải PDF, JPEG hay PNG" in page.outcome.message.text()
    assert page.checklist.strip.count() == 0 and not page.checklist.model.is_ticked(1)


def test_a_page_saved_in_the_scanner_folder_attaches_to_the_chosen_item(
        qtbot, page, tmp_path):
    folder = tmp_path / "may-quet"
    folder.mkdir()
    (folder / "hom-qua.pdf").write_bytes(pdf_file(1))  # yesterday's: not this citizen's
    page.scans.set_poll_interval(50)
    page.scans.choose_folder = lambda parent, current: str(folder)
    page.checklist.folder_button.click()
    assert str(folder) in page.checklist.folder_label.text()
    qtbot.waitUntil(lambda: page.scans.watching, timeout=5000)
    _choose_row(page, 1)
    polls = page.scans.polls
    qtbot.waitUntil(lambda: page.scans.polls > polls, timeout=5000)

    (folder / "scan_0001.jpg").write_bytes(picture("JPEG"))
    qtbot.waitUntil(lambda: page.checklist.strip.count() == 1, timeout=5000)
    assert page.scans.scans[0].item == CERT
    assert page.checklist.model.is_ticked(1)
    assert "vào «Giấy chứng sinh»" in page.outcome.message.text()
    assert (folder / IMPORTED / "scan_0001.jpg").exists()
    assert not (folder / "scan_0001.jpg").exists()
    assert (folder / "hom-qua.pdf").exists()


def test_the_dossier_view_lists_shows_and_saves_scans(qtbot, window, demo_data, tmp_path):
    scan = tmp_path / "a.png"
    scan.write_bytes(picture("PNG"))
    with Counter.open(demo_data.data_dir) as c:
        sha = attachments.import_file(c, scan).sha256
        from counter_app.domain.model import ItemAttachment

        attachments.add_to_dossier(c, demo_data.an.id, [ItemAttachment(CERT, sha)], user="x")
    lookup = window.lookup_page
    with qtbot.waitSignal(lookup.dossier_opened, timeout=5000) as opened:
        lookup.open_id(demo_data.an.id)
    view = opened.args[0]
    tab = view.attachments
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert view.tabs.tabText(2) == "Bản quét (1)"
    assert tab.model.index(0, 0).data() == CERT and tab.model.index(0, 1).data() == "1"
    assert tab.model.index(0, 4).data() == "Chưa gửi"

    with qtbot.waitSignal(tab.viewer_opened, timeout=5000) as shown:
        tab.open_button.click()
    viewer = shown.args[0]
    assert isinstance(viewer, ScanViewer) and len(viewer.page_labels) == 1
    viewer.close()

    target = tmp_path / "ban-sao.pdf"
    tab.ask_save_path = lambda parent, name: str(target)
    with qtbot.waitSignal(tab.saved, timeout=5000):
        tab.save_button.click()
    with Counter.open(demo_data.data_dir) as c:
        assert target.read_bytes() == attachments.read_pdf(c, sha)
    view.close()

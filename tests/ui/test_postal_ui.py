"""The post-office desk through the real window: postal mode by keyboard with a scanned S10,
the hand-over manifest, the agency's intake by scanning, results by post."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from counter_app.domain.accounts import Role
from counter_app.domain.model import Channel, ResultDelivery
from counter_app.domain.postal import Decision, Discrepancy
from counter_app.services.counter import Counter
from counter_app.ui import labels
from counter_app.ui.pdf_dialog import PdfDialog
from counter_app.ui.print_preview import PrintPreview
from tests.conftest import birth_draft
from tests.services.test_postal import s10

from .conftest import PASSWORD, log_in, open_window
from .helpers import QT_STRICT, focused, press_enter, scan, send_key, type_text
from .test_reception_page import _fill_applicant, _key, _pick, _record

pytestmark = QT_STRICT

AGENT = "buudien1"


@pytest.fixture
def postal_window(qtbot, lane, demo_data):
    with Counter.open(demo_data.data_dir) as c:
        c.accounts.create(AGENT, "Lê Thị Bưu", Role.POSTAL_AGENT, PASSWORD)
    win = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, win, AGENT)
    qtbot.waitUntil(lambda: len(win.reception_page.picker.procedures()) == 3, timeout=5000)
    yield win
    win.close()


def _scan(qtbot, win, text: str):
    with qtbot.waitSignal(win.scanner.scan_received, timeout=2000) as got:
        scan(focused(), text)
    return got.args[0]


def test_accept_by_post_hand_over_and_take_in_by_scanning(qtbot, postal_window, demo_data):
    win = postal_window
    page = win.reception_page
    assert page.postal_mode
    details = page.details
    assert details.channel.currentData() == Channel.POSTAL and not details.channel.isEnabled()
    assert details.return_address.isVisible()
    assert page.other_submitter.text() == "Người gửi khác chủ hồ sơ"

    _pick(qtbot, page, "khai sinh")
    _fill_applicant(page)
    _key(Qt.Key.Key_Space, " ")
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Space, " ")
    qtbot.waitUntil(lambda: page.checklist.model.unticked_mandatory() == [], timeout=1000)

    # A label with a wrong check digit: the scan is refused and the field stays empty.
    _scan(qtbot, win, "RR123456789VN")
    assert "chữ số kiểm tra" in win.statusBar().currentMessage()
    assert details.postal_item.text() == ""
    # Without an item the dossier is not accepted, and nothing is written.
    QTest.keyClick(focused(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "Chưa ghi được" in page.outcome.message.text(), timeout=5000)
    assert focused() is details.postal_item  # the cursor goes where the problem is
    assert details._problems["postal_item"].problem() == "Chưa nhập"
    with Counter.open(demo_data.data_dir) as c:
        assert c.postal.waiting() == []

    item = s10(12345678)
    _scan(qtbot, win, item.lower())
    assert details.postal_item.text() == item
    details.return_address.setFocus()
    type_text(details.return_address, "Bưu cục Tân Phú")
    send_key(focused(), Qt.Key.Key_Tab, "\t")
    dossier, preview = _record(qtbot, page, Qt.Key.Key_F9)
    assert isinstance(preview, PrintPreview)  # the receipt, as at the counter
    preview.close()
    assert dossier.channel == Channel.POSTAL and dossier.postal_item == item
    assert page.postal_mode and details.channel.currentData() == Channel.POSTAL
    with Counter.open(demo_data.data_dir) as c:
        events = c.events(dossier.id)
        assert [e.kind for e in events] == ["received", "postal_accepted"]
        assert events[1].payload["return_address"] == "Bưu cục Tân Phú"
        assert events[0].user == AGENT
    assert labels.event_name("postal_accepted") == "Nhận qua bưu điện"

    # The hand-over manifest: Ctrl+B on the postal page.
    postal = win.postal_page
    win.activateWindow()  # the receipt's preview closed: the window has the keyboard again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    win.pages.setCurrentWidget(postal)
    qtbot.waitUntil(lambda: postal.waiting_model.rowCount() == 1, timeout=5000)
    postal.waiting_view.setFocus()
    with qtbot.waitSignal(postal.document_opened, timeout=10000) as opened:
        with qtbot.waitSignal(postal.manifests_made, timeout=10000) as made:
            QTest.keyClick(focused(), Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    (manifest,) = made.args[0]
    dialog = opened.args[0]
    assert isinstance(dialog, PdfDialog) and manifest.code in dialog.windowTitle()
    dialog.close()
    qtbot.waitUntil(lambda: postal.waiting_model.rowCount() == 0, timeout=5000)

    # At the agency: the manifest's bars, then the dossier's.
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    postal.waiting_view.setFocus()
    intake = postal.intake
    with qtbot.waitSignal(intake.started, timeout=5000):
        _scan(qtbot, win, manifest.code)
    assert [r.code for r in intake.model.rows()] == [dossier.code]
    _scan(qtbot, win, dossier.code)
    assert intake.model.rows()[0].decision == Decision.CONFIRMED
    extra = f"{dossier.code[:-4]}9999"
    _scan(qtbot, win, extra)
    assert "thừa" in postal.message.text()
    with qtbot.waitSignal(intake.intake_recorded, timeout=5000) as recorded:
        QTest.keyClick(intake.view, Qt.Key.Key_F9)
    done = recorded.args[0]
    assert [(x.code, x.decision, x.discrepancy) for x in done.lines] == [
        (dossier.code, Decision.CONFIRMED, Discrepancy.NONE),
        (extra, Decision.CONFIRMED, Discrepancy.EXTRA)]
    assert "nhận 2 hồ sơ, 1 sai lệch" in postal.message.text()

    # The same manifest scanned again: refused, nothing changed.
    _scan(qtbot, win, manifest.code)
    qtbot.waitUntil(lambda: "đã được nhận lúc" in postal.message.text(), timeout=5000)
    assert not intake.active
    with Counter.open(demo_data.data_dir) as c:
        assert c.conn.execute("SELECT count(*) FROM manifest_intakes").fetchone()[0] == 1


def test_results_by_post_scanned_label_and_delivery(qtbot, postal_window, demo_data, tmp_path):
    with Counter.open(demo_data.data_dir) as c:
        d = c.postal.accept(birth_draft(postal_item=s10(1), delivery=ResultDelivery.POST,
                                        delivery_address="Thôn 3, xã Tân Phú")).dossier
    win = postal_window
    postal = win.postal_page
    win.pages.setCurrentWidget(postal)
    postal.result_code.setFocus()
    _scan(qtbot, win, d.code)
    assert postal.result_code.text() == d.code
    item = s10(55, "EE")
    _scan(qtbot, win, item)
    assert postal.result_item.text() == item
    assert focused() is postal.result_item  # the item scanned: Enter sends
    with qtbot.waitSignal(postal.document_opened, timeout=10000) as opened:
        press_enter(focused())
    assert item in postal.message.text()
    label = opened.args[0]
    target = tmp_path / "nhan"
    label.choose_path = lambda: target
    with qtbot.waitSignal(label.saved, timeout=5000):
        QTest.keyClick(label, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "nhan.pdf").read_bytes().startswith(b"%PDF")
    label.close()
    with qtbot.waitSignal(postal.changes_applied, timeout=5000):
        postal.delivered.click()
    assert "Đã ghi nhận bưu điện phát kết quả" in postal.message.text()
    postal.delivered.click()
    qtbot.waitUntil(lambda: "đã ghi nhận phát thành công" in postal.message.text(),
                    timeout=5000)


def test_postal_table_models_pass_the_model_tester(qtmodeltester):
    from counter_app.ui.postal_table_models import (
        IntakeRow,
        IntakeTableModel,
        WaitingTableModel,
    )

    waiting = WaitingTableModel([("000.00.06.H56", "000.00.06.H56-261120-90001", s10(1))])
    qtmodeltester.check(waiting)
    intake = IntakeTableModel([IntakeRow("000.00.06.H56-261120-90001", listed=True),
                               IntakeRow("000.00.06.H56-261120-90002", listed=False,
                                         decision=Decision.CONFIRMED)])
    qtmodeltester.check(intake)
    assert intake.index(1, 2).data() == "Thừa (không có trong danh sách)"
    assert intake.index(0, 1).data() == "Chưa thấy"

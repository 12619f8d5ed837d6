"""Return of results through the real window: scan the receipt, scan the receiver's CCCD,
refusals, the authorisation letter, fees, rating and the hand-over slip, by keyboard."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from counter_app.domain.model import Status
from counter_app.services.counter import Counter

from .conftest import DemoData
from .helpers import QT_STRICT, focused, press_enter, scan, send_key, type_text

pytestmark = QT_STRICT

AN_QR = "079090001234||Trần Văn An|01061990|Nam|thôn Phú Hòa, xã Tân Phú|01072021"
DUC_QR = "001085012346|123456789|Đặng Văn Đức|04031985|Nam|thôn Phú Hòa, xã Tân Phú|01072021"


def _pdf_text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


@pytest.fixture
def ready(demo_data: DemoData) -> DemoData:
    """Đức's dossier finished by the back office (status 9) before the window opens."""
    with Counter.open(demo_data.data_dir) as c:
        c.change_status(demo_data.duc.id, Status.RESOLVED, note="Đã ký", user="clerk1")
    return demo_data


def _status(data: DemoData, dossier_id: str) -> tuple[Status | None, list[str]]:
    with Counter.open(data.data_dir) as c:
        return c.get_by_id(dossier_id).status, [e.kind for e in c.events(dossier_id)]


def _open_page(qtbot, window):
    page = window.return_page
    window.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: focused() is page.code_box, timeout=2000)
    return page


def _scan_code(qtbot, page, code: str):
    with qtbot.waitSignal(page.dossier_loaded, timeout=5000) as loaded:
        scan(focused(), code)
    return loaded.args[0]


def _f9(qtbot, page) -> None:
    QTest.keyClick(focused(), Qt.Key.Key_F9)


def test_a_dossier_not_done_is_refused_at_once(qtbot, ready, window):
    page = _open_page(qtbot, window)
    before = _status(ready, ready.an.id)
    dossier = _scan_code(qtbot, page, ready.an.code)
    assert dossier.id == ready.an.id
    assert page.dossier_problem.isVisible()
    assert page.dossier_problem.problem() == (
        f"Chưa trả được kết quả hồ sơ {ready.an.code}: hồ sơ đang ở trạng thái 2 "
        "(Được tiếp nhận), chưa ở trạng thái 9 (Đã xử lý xong).")
    assert not page.submit_button.isEnabled()
    _f9(qtbot, page)
    qtbot.wait(100)
    assert _status(ready, ready.an.id) == before


def test_an_unknown_code_says_so(qtbot, ready, window):
    page = _open_page(qtbot, window)
    assert _scan_code(qtbot, page, "000.00.06.H56-261120-0999") is None
    assert "Không tìm thấy hồ sơ 000.00.06.H56-261120-0999" in page.dossier_problem.problem()


def test_return_to_someone_else_with_authorisation_by_keyboard(qtbot, ready, window, tmp_path):
    page = _open_page(qtbot, window)
    duc = ready.duc
    _scan_code(qtbot, page, duc.code)
    assert duc.code in page.dossier_info.text() and "Đã xử lý xong" in page.dossier_info.text()
    assert focused() is page.receiver_name

    # Trần Văn An comes for Đức's result: his CCCD is scanned, the letter is asked for.
    scan(focused(), AN_QR)
    qtbot.waitUntil(lambda: page.receiver_id.text() == "079090001234", timeout=2000)
    assert page.receiver_name.text() == "Trần Văn An"
    assert page.auth_hint.isVisible() and focused() is page.auth_number
    type_text(page.items_edit, "Giấy khai sinh (bản chính); 2")
    type_text(page.fee_edit, "abc")
    send_key(page.fee_edit, Qt.Key.Key_Tab, "\t")
    before = _status(ready, duc.id)

    # Without the authorisation letter, with garbage for a fee: refused, nothing changed.
    _f9(qtbot, page)
    qtbot.waitUntil(lambda: page.problem.isVisible(), timeout=5000)
    assert "Giấy ủy quyền: người nhận không phải chủ hồ sơ" in page.problem.problem()
    assert "Phí, lệ phí đã thu: không phải số tiền" in page.problem.problem()
    assert _status(ready, duc.id) == before == (Status.RESOLVED, before[1])

    # A date that is not dd/mm/yyyy is refused before anything is sent.
    type_text(page.auth_number, "UQ-15/2026")
    type_text(page.auth_date, "18-11")
    send_key(page.auth_date, Qt.Key.Key_Tab, "\t")
    _f9(qtbot, page)
    assert "Ngày ủy quyền: Không đúng dạng ngày/tháng/năm" in page.problem.problem()

    page.auth_date.clear()
    type_text(page.auth_date, "18/11/2026")
    page.fee_edit.clear()
    type_text(page.fee_edit, "8.000")
    page.payment.setFocus()
    send_key(page.payment, Qt.Key.Key_Down)  # Tiền mặt
    QTest.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # chấp nhận được
    qtbot.waitUntil(page.rating_buttons["acceptable"].isChecked, timeout=2000)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as opened:
        with qtbot.waitSignal(page.result_returned, timeout=5000) as returned:
            _f9(qtbot, page)
    done = returned.args[0]
    assert done.dossier.status == Status.RETURNED
    assert done.record.receiver.full_name == "Trần Văn An"
    assert done.record.authorisation.number == "UQ-15/2026"
    assert [(i.name, i.quantity) for i in done.record.items] == [("Giấy khai sinh (bản chính)", 2)]
    assert (done.record.fee, done.record.payment.value) == (8000, "cash")
    assert done.record.rating.value == "acceptable"
    status, kinds = _status(ready, duc.id)
    assert status == Status.RETURNED and kinds[-1] == "result_returned"
    assert duc.code in page.status.text()
    assert page.dossier is None and page.receiver_name.text() == ""

    preview = opened.args[0]
    target = tmp_path / "ban-giao"
    preview.choose_path = lambda: target
    with qtbot.waitSignal(preview.saved, timeout=10000):
        QTest.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    text = _pdf_text((tmp_path / "ban-giao.pdf").read_bytes())
    for expected in ("PHIẾU BÀN GIAO KẾT QUẢ", duc.code, "Trần Văn An", "Đặng Văn Đức",
                     "UQ-15/2026", "8.000 đ", "Chấp nhận được"):
        assert expected in text, expected
    preview.close()
    assert _status(ready, duc.id)[1][-1] == "printed"


def test_the_applicant_in_person_needs_no_letter(qtbot, ready, window):
    page = _open_page(qtbot, window)
    _scan_code(qtbot, page, ready.duc.code)
    scan(focused(), DUC_QR)
    qtbot.waitUntil(lambda: page.receiver_id.text() == "001085012346", timeout=2000)
    assert not page.auth_hint.isVisible() and not page.auth_number.isEnabled()
    assert focused() is page.items_edit
    type_text(page.items_edit, "Giấy khai sinh")
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as opened:
        _f9(qtbot, page)
    opened.args[0].close()
    status, _ = _status(ready, ready.duc.id)
    assert status == Status.RETURNED


def test_f6_takes_the_applicant_from_the_dossier(qtbot, ready, window):
    page = _open_page(qtbot, window)
    _scan_code(qtbot, page, ready.duc.code)
    QTest.keyClick(focused(), Qt.Key.Key_F6)
    assert page.receiver_name.text() == "Đặng Văn Đức"
    assert page.receiver_id.text() == "001085012346"
    assert focused() is page.items_edit
    press_enter(page.code_box)  # nothing typed: stays

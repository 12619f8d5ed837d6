"""The "Cần xử lý" page through the real window, by keyboard: lists, Mẫu 02, supplement,
apology once, online acceptance, withdrawal, a stop's reason."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from counter_app.domain.model import Status
from counter_app.services.counter import Counter
from counter_app.services.followup import Category
from counter_app.ui.act_on_page import ActOnPage
from counter_app.ui.act_on_table_model import Column
from counter_app.ui.followup_dialogs import ApologyDialog, ChecklistDialog, ReasonOnlyDialog
from tests.conftest import FakeClock
from tests.services.followup_helpers import online_dossier, portal_sets

from .conftest import CLERK, log_in, open_window
from .helpers import QT_STRICT, type_text

pytestmark = QT_STRICT


def _pdf_text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


@pytest.fixture
def life(qtbot, lane, demo_data):
    """Back offices answered: Hương's dossier needs papers, Đức's was stopped, An owes a fee;
    one dossier waits online. Then the window, the clerk logged in, on the page."""
    clock = FakeClock(dt.datetime(2026, 11, 20, 14, 0))
    with Counter.open(demo_data.data_dir, clock) as c:
        portal_sets(c, demo_data.huong, Status.SUPPLEMENT_REQUESTED,
                    "Bản sao giấy xác nhận cư trú; Giấy tờ chứng minh quan hệ cha con")
        portal_sets(c, demo_data.duc, Status.STOPPED, "Giấy chứng sinh bị tẩy xóa")
        portal_sets(c, demo_data.an, Status.FINANCIAL_OBLIGATION, "Nộp lệ phí 50.000 đồng")
        online = online_dossier(c, name="Lê Văn Tâm")
    win = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, win, CLERK)
    page: ActOnPage = win.act_on_page
    win.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.lists is not None and page.lists.counts[Category.ONLINE] == 1,
                    timeout=5000)
    page.table.setFocus()
    yield win, page, online
    win.close()


def _choose(qtbot, page: ActOnPage, number: int, rows: int = 1) -> None:
    QTest.keyClick(page.table, Qt.Key.Key_0 + number, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == rows, timeout=5000)


def _back(qtbot, page: ActOnPage) -> None:
    """A dialog or preview closed: the window manager gives the main window the keyboard."""
    page.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window(), timeout=2000)
    page.table.setFocus()


def _dialog(qtbot, page: ActOnPage, key: Qt.Key):
    _back(qtbot, page)
    with qtbot.waitSignal(page.dialog_opened, timeout=5000) as opened:
        QTest.keyClick(page.table, key)
    return opened.args[0]


def test_lists_and_counts(qtbot, life):
    _, page, online = life
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())][:5] == [
        "Nộp trực tuyến chờ tiếp nhận (1)", "Yêu cầu bổ sung (1)", "Nghĩa vụ tài chính (1)",
        "Có kết quả, chờ trả (0)", "Dừng xử lý (1)"]
    _choose(qtbot, page, 5)
    assert page.model.index(0, Column.NOTE).data() == "Giấy chứng sinh bị tẩy xóa (Phòng Tư pháp)"
    assert not any(b.isEnabled() for b in page.buttons.values())  # a stop: nothing to do here
    _choose(qtbot, page, 1)
    assert page.model.index(0, Column.APPLICANT).data() == "Lê Văn Tâm"
    assert [n for n, b in page.buttons.items() if b.isEnabled()] == ["accept"]


def test_stop_reason_in_the_dossier_view(qtbot, life, demo_data):
    win, page, _ = life
    _choose(qtbot, page, 5)
    with qtbot.waitSignal(win.lookup_page.dossier_opened, timeout=5000) as opened:
        QTest.keyClick(page.table, Qt.Key.Key_Return)
    view = opened.args[0]
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert "Lý do dừng xử lý" in texts and "Giấy chứng sinh bị tẩy xóa" in texts
    view.close()


def test_supplement_request_print_apology_once_and_papers_brought(qtbot, life, demo_data):
    _, page, _ = life
    _choose(qtbot, page, 2)
    _back(qtbot, page)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as shown:  # F6: Mẫu 02
        QTest.keyClick(page.table, Qt.Key.Key_F6)
    text = _pdf_text(shown.args[0].rendered.pdf)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Bản sao giấy xác nhận cư trú" in text and "quan hệ cha con" in text
    shown.args[0].close()

    dialog = _dialog(qtbot, page, Qt.Key.Key_F8)  # the apology, Mẫu 04
    assert isinstance(dialog, ApologyDialog)
    type_text(dialog.reason, "Chờ ý kiến của Sở Tư pháp")
    qtbot.wait(100)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as shown:
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    text = _pdf_text(shown.args[0].rendered.pdf)
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Chờ ý kiến của Sở Tư pháp" in text
    shown.args[0].close()
    assert "Đã hẹn lại hồ sơ" in page.done_label.text()

    dialog = _dialog(qtbot, page, Qt.Key.Key_F8)  # a second apology is refused
    type_text(dialog.reason, "Lần nữa")
    qtbot.wait(100)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "chỉ được hẹn lại một lần" in page.problem.text(), timeout=5000)

    dialog = _dialog(qtbot, page, Qt.Key.Key_F7)  # the papers arrive
    assert isinstance(dialog, ChecklistDialog)
    assert [dialog.model.requirement(r).name for r in range(dialog.model.rowCount())] == [
        "Bản sao giấy xác nhận cư trú", "Giấy tờ chứng minh quan hệ cha con"]
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)  # nothing ticked: the dialog says so
    assert dialog.problem.text().endswith("Chưa đánh dấu giấy tờ nào.") and dialog.isVisible()
    QTest.keyClick(dialog.view, Qt.Key.Key_Space)
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Đã ghi nhận bổ sung" in page.done_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: page.lists is not None
                    and page.lists.counts[Category.SUPPLEMENT] == 0, timeout=5000)
    with Counter.open(demo_data.data_dir) as c:
        d = c.get_by_id(demo_data.huong.id)
        kinds = [(e.kind, e.user) for e in c.events(d.id)]
    assert d.status == Status.IN_PROGRESS
    assert ("delay_apology", CLERK) in kinds and ("supplement_received", CLERK) in kinds
    assert kinds.count(("delay_apology", CLERK)) == 1


def test_accepting_an_online_dossier_by_keyboard(qtbot, life, demo_data):
    _, page, online = life
    _choose(qtbot, page, 1)
    dialog = _dialog(qtbot, page, Qt.Key.Key_F9)
    assert isinstance(dialog, ChecklistDialog)
    assert dialog.model.is_ticked(0) and not dialog.model.is_ticked(1)  # as submitted online
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)  # Giấy chứng sinh not checked: refused
    qtbot.waitUntil(lambda: "Giấy chứng sinh" in page.problem.text(), timeout=5000)
    with Counter.open(demo_data.data_dir) as c:
        assert c.get_by_id(online.id).status == Status.REGISTERED

    dialog = _dialog(qtbot, page, Qt.Key.Key_F9)
    dialog.view.setCurrentIndex(dialog.model.index(1, 0))
    QTest.keyClick(dialog.view, Qt.Key.Key_Space)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as shown:
        QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    preview = shown.args[0]
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in _pdf_text(preview.rendered.pdf)
    preview.close()
    with Counter.open(demo_data.data_dir) as c:
        d = c.get_by_id(online.id)
    assert d.status == Status.RECEIVED and d.created_by == CLERK and d.book_sequence
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)


def test_withdrawal_needs_a_reason(qtbot, life, demo_data):
    _, page, _ = life
    _choose(qtbot, page, 3)
    dialog = _dialog(qtbot, page, Qt.Key.Key_F10)
    assert isinstance(dialog, ReasonOnlyDialog)
    qtbot.wait(100)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Hãy nhập lý do" in dialog.problem.text(), timeout=2000)
    assert dialog.isVisible()
    type_text(dialog.reason, "Công dân không còn nhu cầu")
    qtbot.wait(100)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as shown:
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    text = _pdf_text(shown.args[0].rendered.pdf)
    assert "PHIẾU XÁC NHẬN RÚT HỒ SƠ" in text and "Công dân không còn nhu cầu" in text
    shown.args[0].close()
    with Counter.open(demo_data.data_dir) as c:
        assert c.get_by_id(demo_data.an.id).status == Status.WITHDRAWN


def test_the_table_model(qtmodeltester, life):
    _, page, _ = life
    qtmodeltester.check(page.model)


def test_follow_ups_from_the_dossier_view(qtbot, window, demo_data):
    """A dossier on none of the lists (received, not yet due soon) can still be withdrawn."""
    lookup = window.lookup_page
    with qtbot.waitSignal(lookup.dossier_opened, timeout=5000) as opened:
        lookup.open_id(demo_data.an.id)
    view = opened.args[0]
    button = view.followup
    assert [a.text() for a in button.menu().actions()] == [
        "Xin lỗi, hẹn lại ngày trả (Mẫu 04)…", "Công dân rút hồ sơ…"]
    with qtbot.waitSignal(button.dialog_opened, timeout=5000) as shown:
        button.menu().actions()[1].trigger()
    dialog = shown.args[0]
    type_text(dialog.reason, "Công dân đổi ý")
    qtbot.wait(100)
    with qtbot.waitSignal(button.preview_opened, timeout=10000) as previewed:
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert "PHIẾU XÁC NHẬN RÚT HỒ SƠ" in _pdf_text(previewed.args[0].rendered.pdf)
    previewed.args[0].close()
    assert view.followup_done.text() == f"Hồ sơ {demo_data.an.code} đã được rút."
    with Counter.open(demo_data.data_dir) as c:
        assert c.get_by_id(demo_data.an.id).status == Status.WITHDRAWN
    view.close()

"""Kết nối cổng: the administrator enrols the workstation from the window, against the real
portal on loopback; a wrong code or address says why in Vietnamese and stores nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from counter_app.ui import sync_lane
from counter_app.ui.lanes import CounterLane
from tests.conftest import AGENCY

from .conftest import ADMIN, DemoData, log_in, open_window
from .helpers import QT_STRICT, type_text
from .portal_server import ServedPortal, served_portal  # noqa: F401 (fixture)

pytestmark = QT_STRICT


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_lane, "MAX_SECONDS", 0.0)
    monkeypatch.setattr(sync_lane, "MANUAL_SECONDS", 0.0)


def _state(data: DemoData) -> str:
    with Counter.open(data.data_dir) as counter:
        return sync_service.status(counter).state


def test_the_administrator_enrols_from_the_window(
        qtbot, lane: CounterLane, demo_data: DemoData,
        served_portal: ServedPortal) -> None:  # noqa: F811
    win = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, win, ADMIN)
    admin = win.admin_page
    assert admin is not None and admin.portal_page is not None
    assert "Kết nối cổng" in [admin.tabText(i) for i in range(admin.count())]
    page = admin.portal_page
    win.pages.setCurrentWidget(admin)
    admin.setCurrentWidget(page)
    qtbot.waitUntil(lambda: "chưa đăng ký" in page.current.text(), timeout=5000)

    # No code: said at once, nothing sent.
    page.url.clear()
    type_text(page.url, served_portal.url)
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    assert "mã đăng ký máy" in page.message.text()

    # A wrong code: the portal's own sentence, nothing stored.
    type_text(page.code, "AAAA-BBBB-CCCC-DDDD")
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.enrol_button.isEnabled() and "⚠" in page.message.text(),
                    timeout=10_000)
    assert "Mã đăng ký máy không đúng hoặc đã được dùng" in page.message.text()
    assert _state(demo_data) == "not_enrolled"

    # Nobody listening at that address: offline, in Vietnamese.
    page.url.clear()
    type_text(page.url, "http://127.0.0.1:9")
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.enrol_button.isEnabled() and "⚠" in page.message.text()
                    and "Không kết nối được" in page.message.text(), timeout=15_000)
    assert _state(demo_data) == "not_enrolled"

    # The right address and code: enrolled, and the first sync sends the dossiers.
    page.url.clear()
    type_text(page.url, served_portal.url)
    page.code.clear()
    type_text(page.code, served_portal.enrolment_code())
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã đăng ký máy: quầy 1" in page.message.text(), timeout=10_000)
    assert page.code.text() == ""  # spent
    qtbot.waitUntil(lambda: "Đã đăng ký: quầy 1 của đơn vị " + AGENCY in page.current.text(),
                    timeout=5000)
    qtbot.waitUntil(lambda: len(served_portal.listing()) == 3, timeout=15_000)
    qtbot.waitUntil(lambda: not win.sync_lane.running and win.sync_lane.status is not None
                    and win.sync_lane.status.state == "up_to_date", timeout=15_000)
    win.close()
    assert win.sync_lane.pool.activeThreadCount() == 0

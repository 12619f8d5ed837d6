"""Starting the app: the window's title and status bar, geometry kept, a clear first-run stop."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.ui import settings
from counter_app.ui.first_run import FirstRunWizard
from counter_app.ui.main import Startup, run
from counter_app.ui.main_window import MainWindow

from .conftest import AGENCY_NAME
from .helpers import QT_STRICT

pytestmark = QT_STRICT


def test_title_names_agency_and_workstation_and_status_says_offline(window):
    assert AGENCY_NAME in window.windowTitle()
    assert "Máy trạm 01" in window.windowTitle()
    assert "Ngoại tuyến" in window.sync_label.text()
    assert window.statusBar().isAncestorOf(window.sync_label)
    # Reception first, the cursor in its procedure box; look-up second.
    assert window.pages.currentWidget() is window.reception_page
    assert window.pages.tabText(0) == "Tiếp nhận hồ sơ"
    assert window.pages.tabText(1) == "Tra cứu hồ sơ"
    assert "Bưu chính" in [window.pages.tabText(i) for i in range(window.pages.count())]
    assert window.lookup_page.search_box.placeholderText() == (
        "Tìm theo mã hồ sơ, tên (không cần dấu), số CCCD, số điện thoại")


def test_window_geometry_is_remembered(qtbot, window, lane):
    window.resize(700, 500)  # the offscreen screen is 800×600
    window.close()
    assert QSettings().value(settings.MAIN_WINDOW_GEOMETRY) is not None
    again = MainWindow(lane, window.profile)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_a_workstation_not_set_up_opens_the_first_run_wizard(qtbot, lane, tmp_path):
    startup = Startup(lane, tmp_path / "empty")
    with qtbot.waitSignal(startup.wizard_opened, timeout=5000) as opened:
        startup.start()
    wizard = opened.args[0]
    qtbot.addWidget(wizard)
    assert isinstance(wizard, FirstRunWizard) and wizard.isVisible()
    assert wizard.currentPage() is wizard.agency
    assert startup.window is None
    with qtbot.waitSignal(startup.start_cancelled, timeout=2000):
        wizard.reject()


def test_run_exits_with_0_when_the_wizard_is_closed(qapp, tmp_path):
    shown: list[str] = []

    def close_the_wizard() -> None:
        wizard = QApplication.activeModalWidget() or QApplication.activeWindow()
        if isinstance(wizard, FirstRunWizard):
            shown.append(wizard.windowTitle())
            wizard.reject()
        else:
            QTimer.singleShot(20, close_the_wizard)

    QTimer.singleShot(20, close_the_wizard)
    assert run(tmp_path / "empty") == 0
    assert shown == ["Quầy Một Cửa — Thiết lập máy trạm"]


def test_run_exits_with_1_when_the_database_cannot_be_opened(qapp, tmp_path):
    (tmp_path / "bad").mkdir()
    with sqlite3.connect(tmp_path / "bad" / "counter.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 999")  # written by a newer version of the app
    shown: list[str] = []

    def close_the_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.reject()
        else:
            QTimer.singleShot(20, close_the_message)

    QTimer.singleShot(20, close_the_message)
    try:
        assert run(tmp_path / "bad") == 1
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert "phiên bản mới hơn" in shown[0]


def test_status_bar_counts_the_dossiers_that_wait_for_the_portal(qtbot, window):
    # Three receptions and one status change were recorded, and nothing has been sent:
    # three dossiers to the clerk, four events to the engine.
    label = window.pending_label
    qtbot.waitUntil(lambda: label.text() == "Chờ đồng bộ: 3 hồ sơ", timeout=5000)
    assert label.toolTip().splitlines() == [
        "Đã lưu trên máy này, chưa có trên cổng dịch vụ công:",
        "• 3 hồ sơ có thay đổi chưa gửi",
        "Tổng cộng 4 thay đổi chờ gửi.",
    ]

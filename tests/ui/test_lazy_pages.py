"""The window starts with the login screen and the reception page; the other pages are made
when a clerk first opens their tab, in their place, and work as if they had always been there."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from .conftest import CLERK, log_in, open_window
from .helpers import QT_STRICT, focused, type_text

pytestmark = QT_STRICT

TITLES = ["Tiếp nhận hồ sơ", "Tra cứu hồ sơ", "Cần xử lý", "Bưu chính", "Trả kết quả"]


def _titles(window) -> list[str]:
    return [window.pages.tabText(i) for i in range(window.pages.count())]


def _open_tab(window, title: str) -> None:
    """As a click on the tab does: the tab bar changes the current index."""
    window.pages.tabBar().setCurrentIndex(_titles(window).index(title))


def test_a_tab_opened_for_the_first_time_shows_its_page_in_place(qtbot, lane, demo_data):
    window = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, window, CLERK)
    assert _titles(window)[:5] == TITLES
    type_text(focused(), "khai")  # the procedure box has the keyboard after log-in
    picker = window.reception_page.picker
    qtbot.waitUntil(lambda: picker.edit.text() == "khai", timeout=2000)  # the scanner let go

    _open_tab(window, "Tra cứu hồ sơ")
    page = window.lookup_page
    assert window.pages.currentWidget() is page and page.isVisible()
    assert QApplication.focusWidget() is page.search_box  # ready for typing at once
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)  # the newest dossiers
    assert _titles(window)[:5] == TITLES  # same places, same names

    _open_tab(window, "Cần xử lý")
    assert window.pages.currentWidget() is window.act_on_page
    _open_tab(window, "Trả kết quả")
    assert QApplication.focusWidget() is window.return_page.code_box

    _open_tab(window, "Tiếp nhận hồ sơ")  # what was typed there is still there
    assert picker.edit.text() == "khai"
    assert _titles(window)[:5] == TITLES
    window.close()


def test_ctrl_f_from_the_reception_page_opens_the_look_up_page_for_typing(qtbot, lane,
                                                                         demo_data):
    window = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, window, CLERK)
    QTest.keyClick(focused(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.lookup_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page, timeout=2000)
    assert QApplication.focusWidget() is page.search_box
    window.close()


def test_the_garbage_collector_is_back_on_once_the_counter_is_ready(qtbot, lane, demo_data):
    gc.disable()  # as `python -m counter_app` starts
    try:
        window = open_window(qtbot, lane, demo_data.data_dir)
        qtbot.waitUntil(gc.isenabled, timeout=5000)
        assert window.reception_page.picker.procedures()  # by then the counter was ready
        window.close()
    finally:
        gc.unfreeze()
        gc.enable()

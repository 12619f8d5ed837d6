"""Who works at the window: log-in messages, the idle lock that keeps the form, scans ignored
while locked, a supervisor taking over, log-out; every event carries the logged-in user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from counter_app.domain.accounts import Role
from counter_app.services.accounts import MAX_FAILED_ATTEMPTS
from counter_app.services.counter import Counter

from .conftest import (
    ADMIN,
    CLERK,
    CLERK_NAME,
    PASSWORD,
    SUPERVISOR,
    log_in,
    open_window,
)
from .helpers import QT_STRICT, focused, press_enter, scan, type_text

pytestmark = QT_STRICT

NAME = "Phạm Thị Thu Hà"
MAI_QR = ("056192001234||Lê Thị Mai|15081992|Nữ|thôn Đồng Xuân, xã Tân Phú, tỉnh Khánh Hòa"
          "|10052021")


def _try(qtbot, window, username: str, password: str) -> str:
    """A log-in that fails: the sentence the screen shows."""
    screen = window.guard.login_screen
    screen.username.setText(username)
    screen.password.setFocus()
    with qtbot.waitSignal(screen.attempt_failed, timeout=5000) as failed:
        type_text(screen.password, password)
        press_enter(screen.password)
    assert screen.message.problem() == failed.args[0]
    assert window.guard.locked and screen.password.text() == ""
    return failed.args[0]


def _unlock(qtbot, window, username: str, password: str = PASSWORD):
    screen = window.guard.login_screen
    screen.username.setText(username)
    screen.password.setFocus()
    with qtbot.waitSignal(window.guard.session_changed, timeout=5000) as changed:
        type_text(screen.password, password)
        press_enter(screen.password)
    return changed.args[0]


def test_the_window_opens_on_the_login_screen(qtbot, lane, demo_data):
    window = open_window(qtbot, lane, demo_data.data_dir)
    guard = window.guard
    assert guard.locked and guard.stack.currentWidget() is guard.login_screen
    assert not window.pages.isVisible()
    assert guard.user_label.text() == "Chưa đăng nhập"
    assert not guard.lock_action.isEnabled() and not guard.logout_action.isEnabled()
    assert QApplication.focusWidget() is guard.login_screen.username
    session = log_in(qtbot, window, CLERK.upper())  # names are not case-sensitive
    assert session.username == CLERK and session.role == Role.CLERK
    assert window.pages.isVisible() and guard.user_label.text() == (
        f"{CLERK_NAME} — Cán bộ tiếp nhận")
    assert window.reception_page.user == CLERK
    assert focused() is window.reception_page.picker.edit
    window.close()


def test_wrong_password_locked_out_and_inactive_accounts_are_told_apart(
        qtbot, lane, demo_data):
    with Counter.open(demo_data.data_dir) as c:
        c.accounts.create("cu", "Người Đã Nghỉ", Role.CLERK, PASSWORD)
        c.accounts.deactivate("cu")
    window = open_window(qtbot, lane, demo_data.data_dir)
    assert _try(qtbot, window, CLERK, "sai-mat-khau") == "Sai tên đăng nhập hoặc mật khẩu."
    assert _try(qtbot, window, "ai-do", PASSWORD) == "Sai tên đăng nhập hoặc mật khẩu."
    assert _try(qtbot, window, "cu", PASSWORD) == (
        "Tài khoản cu đã ngừng hoạt động: hãy liên hệ quản trị viên.")
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        _try(qtbot, window, CLERK, "sai-mat-khau")
    text = _try(qtbot, window, CLERK, PASSWORD)  # the right one, too late
    assert text.startswith(f"Tài khoản {CLERK} tạm bị khóa vì nhập sai mật khẩu nhiều lần")
    assert window.guard.session is None
    window.close()


def test_idle_lock_keeps_the_form_ignores_scans_and_unlocks_with_the_password(
        qtbot, window, demo_data):
    page = window.reception_page
    page.applicant.full_name.setFocus()
    type_text(page.applicant.full_name, NAME)
    qtbot.waitUntil(lambda: page.applicant.full_name.text() == NAME, timeout=1000)
    guard = window.guard
    with qtbot.waitSignal(guard.locked_changed, timeout=3000) as locked:
        guard.idle.set_timeout_ms(150)  # ten minutes by default
    assert locked.args == [True]
    screen = guard.login_screen
    assert guard.stack.currentWidget() is screen and not page.isVisible()
    assert screen.title.text() == "Máy trạm đang khóa"
    assert screen.username.text() == CLERK and CLERK_NAME in screen.hint.text()
    assert QApplication.focusWidget() is screen.password
    assert not guard.lock_action.isEnabled() and not guard.logout_action.isEnabled()

    # Scans are ignored while locked, and Ctrl+N cannot clear the form behind the screen.
    screen.username.setFocus()
    with qtbot.waitSignal(window.scanner.scan_received, timeout=2000):
        scan(screen.username, MAI_QR)
    assert "đang khóa" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.scanner.scan_received, timeout=2000):
        scan(screen.username, demo_data.duc.code)
    assert window.pages.currentWidget() is page
    QTest.keyClick(screen.username, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.applicant.full_name.text() == NAME
    assert screen.username.text() == CLERK

    assert _try(qtbot, window, CLERK, "sai-mat-khau") == "Sai tên đăng nhập hoặc mật khẩu."
    session = _unlock(qtbot, window, CLERK)
    assert session.username == CLERK and not guard.locked
    assert page.applicant.full_name.text() == NAME  # nothing typed was lost
    assert page.applicant.id_number.text() == ""
    assert focused() is page.applicant.full_name  # the cursor back where it was
    # Activity keeps the lock away; the timer runs again after the unlock.
    guard.idle.set_timeout_ms(60_000)
    assert guard.idle._timer.isActive()


def test_ctrl_l_locks_and_another_clerk_cannot_take_over_but_a_supervisor_can(
        qtbot, window, demo_data):
    page = window.reception_page
    type_text(page.picker.edit, "khai sinh")
    qtbot.waitUntil(lambda: page.picker.edit.text() == "khai sinh", timeout=1000)
    with Counter.open(demo_data.data_dir) as c:
        c.accounts.create("clerk2", "Vũ Văn Hai", Role.CLERK, PASSWORD)
    with qtbot.waitSignal(window.guard.locked_changed, timeout=2000):
        QTest.keyClick(page.picker.edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.guard.locked
    text = _try(qtbot, window, "clerk2", PASSWORD)
    assert text == "Tài khoản clerk2 không có quyền làm việc này."
    session = _unlock(qtbot, window, SUPERVISOR)
    assert session.username == SUPERVISOR and session.role == Role.SUPERVISOR
    assert page.picker.edit.text() == "khai sinh"  # the form carries on under the supervisor
    assert page.user == SUPERVISOR
    assert "Tổ trưởng" in window.guard.user_label.text()
    with Counter.open(demo_data.data_dir) as c:
        assert c.accounts.audit(CLERK)[-1].kind == "taken_over"


def test_the_lock_puts_dialogs_away_and_brings_them_back(qtbot, window):
    dialog = QDialog(window)
    dialog.setWindowTitle("Hồ sơ")
    dialog.show()
    window.guard.lock()
    assert not dialog.isVisible()
    _unlock(qtbot, window, CLERK)
    assert dialog.isVisible()
    dialog.close()


def test_log_out_clears_the_form_and_the_next_user_records_the_events(
        qtbot, window, demo_data):
    page = window.reception_page
    type_text(page.picker.edit, "khai sinh")
    qtbot.waitUntil(lambda: page.picker.edit.text() == "khai sinh", timeout=1000)
    window.show_lookup()
    with qtbot.waitSignal(window.guard.session_changed, timeout=2000) as changed:
        window.guard.logout_action.trigger()
    assert changed.args == [None]
    assert window.guard.locked and window.guard.login_screen.username.text() == ""
    assert page.picker.edit.text() == "" and page.user == ""
    assert window.pages.currentWidget() is page
    log_in(qtbot, window, ADMIN)
    assert page.user == ADMIN
    # A status change recorded now would carry the administrator: the page's user is the one
    # every draft and print takes (ReceptionPage._draft, PrintPreview).
    with Counter.open(demo_data.data_dir) as c:
        kinds = [(e.kind, e.username) for e in c.accounts.audit()][-3:]
        assert kinds == [("login", CLERK), ("logout", CLERK), ("login", ADMIN)]

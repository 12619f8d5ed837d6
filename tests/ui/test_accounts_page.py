"""Tài khoản: the administrator's page (model checked, add, reset, role, deactivate); hidden from
everyone else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.accounts import Role
from counter_app.services.counter import Counter
from counter_app.ui.account_form import AccountDialog
from counter_app.ui.account_table_model import USER_ROLE, AccountTableModel, Column
from counter_app.ui.accounts_page import RoleDialog

from .conftest import ADMIN, CLERK, PASSWORD, SUPERVISOR, log_in, open_window
from .helpers import QT_STRICT, press_enter, type_text

pytestmark = QT_STRICT


@pytest.fixture
def admin_window(qtbot, lane, demo_data):
    window = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, window, ADMIN)
    page = window.accounts_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    yield window
    window.close()


def _select(page, username: str) -> None:
    page.table.selectRow(page.model.row_of(username))
    assert page.selected().username == username


def _open(qtbot, page, button):
    with qtbot.waitSignal(page.dialog_opened, timeout=2000) as opened:
        button.click()
    return opened.args[0]


def test_account_table_model(qtmodeltester, demo_data):
    with Counter.open(demo_data.data_dir) as c:
        users = c.accounts.users()
        c.accounts.deactivate(CLERK)
        inactive = c.accounts.get(CLERK)
    model = AccountTableModel()
    qtmodeltester.check(model)  # empty
    model.set_users(users)
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "Tên đăng nhập", "Họ và tên", "Vai trò", "Trạng thái", "Đăng nhập lần cuối"]
    row = model.row_of(ADMIN)
    assert model.index(row, Column.ROLE).data() == "Quản trị viên"
    assert model.index(row, Column.ACTIVE).data() == "Đang hoạt động"
    assert model.index(row, Column.LAST_LOGIN).data() == "Chưa đăng nhập"
    assert model.index(row, 0).data(USER_ROLE).username == ADMIN
    model.set_users([inactive])
    qtmodeltester.check(model)
    assert model.index(0, Column.ACTIVE).data() == "Ngừng hoạt động"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


def _tabs(window) -> list[str]:
    return [window.pages.tabText(i) for i in range(window.pages.count())]


def test_only_administrators_see_the_accounts_page(qtbot, window, demo_data):
    assert "Tài khoản" not in _tabs(window) and window.accounts_page is None
    window.guard.log_out()
    log_in(qtbot, window, SUPERVISOR)
    assert "Tài khoản" not in _tabs(window)
    window.guard.log_out()
    log_in(qtbot, window, ADMIN)
    assert "Tài khoản" in _tabs(window)
    window.guard.log_out()
    log_in(qtbot, window, CLERK)
    assert "Tài khoản" not in _tabs(window)
    assert window.accounts_page.session is None


def test_add_an_account_typed_in_vietnamese(qtbot, admin_window, demo_data):
    window = admin_window
    page = window.accounts_page
    window.pages.setCurrentWidget(page)
    dialog = _open(qtbot, page, page.add_button)
    assert isinstance(dialog, AccountDialog)
    form = dialog.form
    type_text(form.username, "Hương")
    type_text(form.full_name, "Nguyễn Thị Hương")
    form.role.setCurrentIndex(list(Role).index(Role.POSTAL_AGENT))
    type_text(form.password, PASSWORD)
    type_text(form.repeat, PASSWORD + "x")
    press_enter(form.repeat)  # refused: the two passwords differ
    assert dialog.isVisible()
    assert form.problem("repeat") == "Hai lần nhập mật khẩu không khớp nhau"
    form.repeat.setText(PASSWORD)
    with qtbot.waitSignal(page.account_changed, timeout=5000) as changed:
        dialog.confirm.click()
    user = changed.args[0]
    assert (user.username, user.full_name, user.role) == (
        "Hương", "Nguyễn Thị Hương", Role.POSTAL_AGENT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    assert page.selected().username == "Hương"
    with Counter.open(demo_data.data_dir) as c:
        assert c.accounts.audit("Hương")[0].actor == ADMIN
        assert c.accounts.authenticate("huong", PASSWORD).role == Role.POSTAL_AGENT


def test_a_taken_name_is_said_under_the_field(qtbot, admin_window):
    page = admin_window.accounts_page
    dialog = _open(qtbot, page, page.add_button)
    form = dialog.form
    form.username.setText("CLERK1")
    form.full_name.setText("Người Khác")
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD)
    dialog.confirm.click()
    qtbot.waitUntil(lambda: form.problem("username") != "", timeout=5000)
    assert form.problem("username") == "Tên đăng nhập CLERK1 đã có người dùng"
    assert dialog.isVisible()
    dialog.reject()


def test_reset_password_change_role_and_deactivate(qtbot, admin_window, demo_data):
    page = admin_window.accounts_page
    _select(page, CLERK)
    dialog = _open(qtbot, page, page.password_button)
    assert dialog.form.username.isHidden()  # the account is known: only its new password
    qtbot.waitUntil(lambda: dialog.form.password.hasFocus(), timeout=2000)
    type_text(dialog.form.password, "mật khẩu mới!")
    type_text(dialog.form.repeat, "mật khẩu mới!")
    with qtbot.waitSignal(page.account_changed, timeout=5000):
        press_enter(dialog.form.repeat)

    _select(page, CLERK)
    dialog = _open(qtbot, page, page.role_button)
    assert isinstance(dialog, RoleDialog)
    dialog.role.setCurrentIndex(list(Role).index(Role.SUPERVISOR))
    with qtbot.waitSignal(page.account_changed, timeout=5000) as changed:
        dialog.accept()
    assert changed.args[0].role == Role.SUPERVISOR

    _select(page, CLERK)
    assert page.active_button.text() == "Ngừng hoạt động"
    with qtbot.waitSignal(page.account_changed, timeout=5000) as changed:
        page.active_button.click()
    assert changed.args[0].active is False
    qtbot.waitUntil(lambda: page.active_button.text() == "Cho hoạt động lại", timeout=5000)
    row = page.model.row_of(CLERK)
    assert page.model.index(row, Column.ACTIVE).data() == "Ngừng hoạt động"
    with Counter.open(demo_data.data_dir) as c:
        assert [e.kind for e in c.accounts.audit(CLERK)][-3:] == [
            "password_changed", "role_changed", "deactivated"]
        assert c.accounts.get(CLERK).active is False


def test_the_last_administrator_cannot_deactivate_themselves(qtbot, admin_window):
    page = admin_window.accounts_page
    _select(page, ADMIN)
    page.active_button.click()
    qtbot.waitUntil(lambda: page.message.problem() != "", timeout=5000)
    assert "quản trị viên cuối cùng" in page.message.problem()

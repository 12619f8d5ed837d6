"""The first run: the wizard on an empty data directory, then the login, then a reception whose
events carry the new administrator; a workstation set up with `init` asks for its first account."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from counter_app.domain.accounts import Role
from counter_app.services.counter import Counter
from counter_app.services.profile import Profile
from counter_app.ui.account_form import AccountDialog
from counter_app.ui.main import Startup

from .conftest import AGENCY, log_in, open_window
from .helpers import QT_STRICT, focused, press_enter, type_text
from .test_reception_page import _fill_applicant as fill_applicant

pytestmark = QT_STRICT

USERNAME = "huong.nt"
FULL_NAME = "Nguyễn Thị Hương"
PASSWORD = "Mật khẩu tốt 2026"


def _next(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    button.click()


def _fill_wizard(qtbot, wizard) -> None:
    agency = wizard.agency
    assert not agency.isComplete()
    type_text(agency.agency_code, "000.00.06.h5")  # lower case is taken as upper case
    assert "Đúng dạng" not in agency.code_state.text()
    agency.agency_name.setFocus()  # leaving the field: what is wrong is said
    assert agency.code_problem.problem().startswith("Không đúng dạng QCVN 102:2016")
    agency.agency_code.setFocus()
    type_text(agency.agency_code, "6")
    qtbot.waitUntil(lambda: agency.agency_code.text() == "000.00.06.h56", timeout=1000)
    assert agency.code_state.text().startswith("✓ Đúng dạng")
    assert not agency.code_problem.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no name yet
    type_text(agency.agency_name, "Bộ phận Một cửa UBND xã Tân Phú")
    type_text(agency.governing_body, "UBND TỈNH KHÁNH HÒA")
    type_text(agency.place_name, "Tân Phú")
    qtbot.waitUntil(lambda: agency.place_name.text() == "Tân Phú", timeout=1000)
    _next(wizard)

    station = wizard.station
    assert wizard.currentPage() is station
    station.workstation.setValue(2)
    type_text(station.portal_url, "dichvucong.gov.vn")
    qtbot.waitUntil(lambda: station.url_problem.isVisible(), timeout=1000)
    assert "http://" in station.url_problem.problem()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    station.portal_url.clear()  # left empty: the workstation works offline
    assert station.isComplete()
    _next(wizard)

    admin = wizard.admin
    form = admin.form
    assert wizard.currentPage() is admin
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    type_text(form.username, USERNAME)
    type_text(form.full_name, FULL_NAME)
    type_text(form.password, "ngắn")
    type_text(form.repeat, "ngắn")
    form.password.setFocus()
    form.repeat.setFocus()  # the password field left: what is wrong with it is said
    qtbot.waitUntil(lambda: form.problem("password") != "", timeout=1000)
    assert "ít nhất 8 ký tự" in form.problem("password")
    assert not finish.isEnabled()
    form.password.clear()
    form.repeat.clear()
    type_text(form.password, PASSWORD)
    type_text(form.repeat, PASSWORD)
    qtbot.waitUntil(lambda: finish.isEnabled(), timeout=1000)
    assert form.problem("password") == ""


def test_first_run_wizard_then_login_then_a_reception_by_the_new_administrator(
        qtbot, lane, tmp_path):
    data_dir = tmp_path / "new-workstation"
    startup = Startup(lane, data_dir)
    with qtbot.waitSignal(startup.wizard_opened, timeout=5000) as opened:
        startup.start()
    wizard = opened.args[0]
    qtbot.addWidget(wizard)
    _fill_wizard(qtbot, wizard)
    with qtbot.waitSignal(startup.window_opened, timeout=10000) as shown:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    window = shown.args[0]
    qtbot.addWidget(window)
    assert not wizard.isVisible()

    # The login screen, the new name filled in, the cursor in the password.
    screen = window.guard.login_screen
    assert window.guard.stack.currentWidget() is screen
    assert screen.username.text() == USERNAME
    assert "Máy trạm 02" in window.windowTitle()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.password, timeout=2000)
    with qtbot.waitSignal(window.guard.session_changed, timeout=5000) as logged_in:
        type_text(screen.password, PASSWORD)
        press_enter(screen.password)
    session = logged_in.args[0]
    assert session.username == USERNAME and session.role == Role.ADMINISTRATOR
    assert window.guard.user_label.text() == f"{FULL_NAME} — Quản trị viên"
    assert "Tài khoản" in [window.pages.tabText(i) for i in range(window.pages.count())]

    # A reception: the seed catalogue was imported, and the event names the administrator.
    page = window.reception_page
    qtbot.waitUntil(lambda: len(page.picker.procedures()) > 20, timeout=5000)
    qtbot.waitUntil(lambda: focused() is page.picker.edit, timeout=2000)
    with qtbot.waitSignal(page.due_shown, timeout=5000):
        type_text(focused(), "1.001193")
        press_enter(focused())
    assert page.picker.chosen.code == "1.001193"
    fill_applicant(page)  # typed in Vietnamese, one key at a time
    model = page.checklist.model
    for row in range(model.rowCount()):
        if model.requirement(row).mandatory:
            model.set_ticked(row, True)
    with qtbot.waitSignal(page.preview_opened, timeout=10000) as preview:
        with qtbot.waitSignal(page.outcome_recorded, timeout=5000) as recorded:
            QTest.keyClick(focused(), Qt.Key.Key_F9)
    preview.args[0].close()
    dossier = recorded.args[0]
    assert dossier.code.startswith(f"{AGENCY}-") and dossier.code.endswith("-1001")
    assert dossier.created_by == USERNAME

    with Counter.open(data_dir) as fresh:
        profile = fresh.profile
        assert (profile.agency_code, profile.agency_name, profile.workstation,
                profile.governing_body, profile.place_name, profile.portal_url) == (
            AGENCY, "Bộ phận Một cửa UBND xã Tân Phú", 2, "UBND TỈNH KHÁNH HÒA", "Tân Phú", "")
        assert fresh.calendar_exceptions()
        assert [e.user for e in fresh.events(dossier.id)] == [USERNAME]
        assert [(u.username, u.full_name, u.role) for u in fresh.accounts.users()] == [
            (USERNAME, FULL_NAME, Role.ADMINISTRATOR)]
    window.close()


def test_a_refused_account_keeps_the_wizard_open_and_says_why(qtbot, lane, tmp_path):
    startup = Startup(lane, tmp_path / "new")
    with qtbot.waitSignal(startup.wizard_opened, timeout=5000) as opened:
        startup.start()
    wizard = opened.args[0]
    qtbot.addWidget(wizard)
    _fill_wizard(qtbot, wizard)
    wizard.admin.form.password.setText("huong.nt")  # the username itself: refused
    wizard.admin.form.repeat.setText("huong.nt")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.admin.form.problem("password") == "Không được trùng với tên đăng nhập"
    wizard.reject()


def test_a_workstation_set_up_with_init_asks_for_its_first_administrator(qtbot, lane, tmp_path):
    data_dir = tmp_path / "init-only"
    with Counter.open(data_dir) as c:
        c.set_profile(Profile(agency_code=AGENCY, agency_name="UBND xã A", workstation=1))
    window = open_window(qtbot, lane, data_dir)
    dialog = window.guard.first_admin_dialog
    assert isinstance(dialog, AccountDialog) and dialog.isVisible()
    form = dialog.form
    type_text(form.username, "quantri")
    type_text(form.full_name, "Lê Văn Quản")
    type_text(form.password, PASSWORD)
    type_text(form.repeat, PASSWORD)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        press_enter(form.repeat)
    screen = window.guard.login_screen
    assert screen.username.text() == "quantri"
    session = log_in(qtbot, window, "quantri", PASSWORD)
    assert session.role == Role.ADMINISTRATOR
    window.close()

"""UI fixtures: a data directory with a few dossiers, and the real window opened on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from counter_app.domain.accounts import Role, Session
from counter_app.domain.model import Dossier, Status
from counter_app.services.counter import Counter
from counter_app.services.profile import Profile
from counter_app.ui.lanes import CounterLane
from counter_app.ui.main import Startup, configure_application
from counter_app.ui.main_window import MainWindow
from tests.conftest import AGENCY, SMALL_CATALOGUE, FakeClock, applicant, birth_draft

from .helpers import press_enter, type_text

AGENCY_NAME = "Bộ phận Một cửa xã Tân Phú"
# Accounts of the demo workstation: the clerk the window fixture logs in as, an administrator.
CLERK, CLERK_NAME = "clerk1", "Nguyễn Thị Cán Bộ"
ADMIN, ADMIN_NAME = "quantri", "Lê Văn Quản"
SUPERVISOR, SUPERVISOR_NAME = "totruong", "Đỗ Thị Tổ Trưởng"
PASSWORD = "mật-khẩu-2026"
DUC_ID = "001085012346"  # Đặng Văn Đức, male, born 1985


@dataclass(frozen=True)
class DemoData:
    data_dir: Path
    duc: Dossier
    huong: Dossier
    an: Dossier


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """QSettings in the test's own folder, never the developer's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    configure_application(qapp)
    yield


@pytest.fixture(autouse=True)
def _no_printers(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every UI test sees a counter PC without printers, whatever this machine has: with a CUPS
    queue installed, "In" would open the system's print dialog and wait for a click. Tests
    marked `real_printer` (tests/ui/test_real_printer.py) see the machine's printers."""
    if request.node.get_closest_marker("real_printer") is None:
        monkeypatch.setattr("counter_app.ui.printers.installed", lambda: [])


@pytest.fixture
def demo_data(tmp_path: Path) -> DemoData:
    """A set-up workstation with three dossiers (Đức's newest but one) and one status change."""
    clock = FakeClock(dt.datetime(2026, 11, 20, 9, 32))
    data_dir = tmp_path / "data"
    with Counter.open(data_dir, clock) as c:
        c.set_profile(Profile(agency_code=AGENCY, agency_name=AGENCY_NAME, workstation=1,
                              place_name="Tân Phú"))
        c.import_catalogue([SMALL_CATALOGUE])
        huong = c.receive(birth_draft()).dossier
        clock.advance(minutes=7)
        duc = c.receive(birth_draft(applicant=applicant(
            full_name="Đặng Văn Đức", gender="Nam", id_number=DUC_ID,
            birth_date=dt.date(1985, 3, 4), phone="0987654321"))).dossier
        clock.advance(minutes=9)
        an = c.receive(birth_draft(applicant=applicant(
            full_name="Trần Văn An", gender="Nam", id_number="079090001234",
            birth_date=dt.date(1990, 6, 1), phone="0903111222"))).dossier
        clock.advance(hours=2)
        c.change_status(duc.id, Status.IN_PROGRESS, note="chuyển phòng Tư pháp", user="clerk1")
        duc = c.get_by_id(duc.id)
        c.accounts.create_first_administrator(ADMIN, ADMIN_NAME, PASSWORD)
        c.accounts.create(CLERK, CLERK_NAME, Role.CLERK, PASSWORD)
        c.accounts.create(SUPERVISOR, SUPERVISOR_NAME, Role.SUPERVISOR, PASSWORD)
    return DemoData(data_dir, duc, huong, an)


@pytest.fixture
def lane() -> Iterator[CounterLane]:
    lane = CounterLane()
    yield lane
    lane.shutdown()  # closes the database in the lane and waits: no thread left running
    assert lane.pool.activeThreadCount() == 0


def open_window(qtbot, lane: CounterLane, data_dir: Path) -> MainWindow:
    """The real start-up path: open the Counter in the lane, then show the window (its login
    screen in front)."""
    startup = Startup(lane, data_dir)
    with qtbot.waitSignal(startup.window_opened, timeout=5000) as opened:
        startup.start()
    win = opened.args[0]
    qtbot.addWidget(win)
    return win


def log_in(qtbot, win: MainWindow, username: str, password: str = PASSWORD) -> Session:
    """Type the name and password as a clerk does (Enter moves on, Enter again logs in)."""
    screen = win.guard.login_screen
    assert win.guard.locked and win.guard.stack.currentWidget() is screen
    screen.username.clear()
    type_text(screen.username, username)
    press_enter(screen.username)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.password, timeout=2000)
    with qtbot.waitSignal(win.guard.session_changed, timeout=5000) as changed:
        type_text(screen.password, password)
        press_enter(screen.password)
    return changed.args[0]


@pytest.fixture
def window(qtbot, lane: CounterLane, demo_data: DemoData) -> Iterator[MainWindow]:
    """The window opened on the demo data, the clerk logged in."""
    win = open_window(qtbot, lane, demo_data.data_dir)
    log_in(qtbot, win, CLERK)
    # The window lists the newest dossiers at once.
    qtbot.waitUntil(lambda: win.lookup_page.model.rowCount() == 3, timeout=5000)
    yield win
    win.close()

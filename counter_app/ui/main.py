"""Starting the window: application set-up, opening the database in its lane, the first run."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from ..launch import resume_gc
from ..services.profile import Profile
from . import app_log, appearance, crash, errors, settings, startup_probe
from .lanes import CounterLane
from .main_window import MainWindow
from .upgrade_progress import UpgradeProgress

if TYPE_CHECKING:  # only a data directory without a profile needs the wizard
    from .first_run import FirstRunWizard

log = logging.getLogger(__name__)


class Startup(QObject):
    """Opens the Counter in the lane, then the window (its login screen first); on a data
    directory with no profile, the first-run wizard before it. Or says why it cannot."""

    window_opened = Signal(object)  # the MainWindow, shown
    wizard_opened = Signal(object)  # the FirstRunWizard, shown
    start_failed = Signal(str)  # the reason, one paragraph for the clerk
    start_cancelled = Signal()  # the wizard was closed: nothing was written

    def __init__(self, lane: CounterLane, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lane = lane
        self.data_dir = Path(data_dir)
        self.window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.upgrade = UpgradeProgress(self)  # shown only while an upgrade runs

    def start(self) -> None:
        self.lane.open(self.data_dir, self._on_lane_opened, self._on_lane_failed, context=self,
                       progress=self.upgrade.report)

    def _on_lane_opened(self, profile: Profile) -> None:
        self.upgrade.finish()
        if not profile.is_set_up:
            from .first_run import FirstRunWizard

            self.wizard = FirstRunWizard(self.lane)
            self.wizard.setup_finished.connect(self._on_wizard_setup_finished)
            self.wizard.rejected.connect(self.start_cancelled)
            self.wizard.show()
            resume_gc()
            self.wizard_opened.emit(self.wizard)
            return
        self.lane.call(lambda counter: counter.accounts.has_users(),
                       lambda has_users: self._open_window(profile, "", has_users),
                       self._on_lane_failed, context=self)

    def _on_wizard_setup_finished(self, profile: Profile, username: str) -> None:
        self._open_window(profile, username, has_users=True)

    def _open_window(self, profile: Profile, username: str, has_users: bool) -> None:
        self.window = MainWindow(self.lane, profile)
        self.window.counter_ready.connect(resume_gc)
        self.window.show()
        self.window.start(username)
        if not has_users:  # set up with `init`: the first administrator is made here
            self.window.guard.ask_first_administrator()
        self.window_opened.emit(self.window)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.upgrade.finish()
        resume_gc()
        self.start_failed.emit(errors.describe(error))


def configure_application(app: QApplication) -> None:
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName(QCoreApplication.translate("main", "Quầy Một Cửa"))
    appearance.load_fonts(app)


def run(data_dir: Path) -> int:
    """The window over `data_dir`; returns the process exit code."""
    started = time.perf_counter()
    app_log.install(data_dir)
    crash.install(data_dir)  # uncaught errors: a report without personal data and a dialog
    log.info("starting")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    appearance.install_translators(app)
    configure_application(app)
    lane = CounterLane()
    startup = Startup(lane, data_dir)

    def on_start_failed(reason: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        app.setQuitOnLastWindowClosed(False)  # the exit code is ours to give, not 0
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("main", "Không mở được ứng dụng"), reason)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(QCoreApplication.translate("main", "Đóng"),
                      QMessageBox.ButtonRole.RejectRole)
        box.exec()
        app.exit(1)

    startup.start_failed.connect(on_start_failed)
    startup.start_cancelled.connect(lambda: app.exit(0))
    if startup_probe.wanted():
        startup_probe.report_when_ready(app, startup, started)
    startup.start()
    try:
        return app.exec()
    finally:
        lane.shutdown()
        log.info("stopped")

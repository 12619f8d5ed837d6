"""The status bar of the main window in each sync state, one strip per state, a supervisor
logged in, for a screenshot under Xvfb (docs/screenshots/sync-status.png):

    D=$(mktemp -d); .venv/bin/python -m counter_app --data-dir $D/data demo-setup
    echo to-truong-2026 | .venv/bin/python -m counter_app --data-dir $D/data users add \
        --username thuha --full-name "Trần Thị Thu Hà" --role supervisor --password-stdin
    XDG_CONFIG_HOME=$D/config ../shared/tools/xshot docs/screenshots/sync-status.png \
        --wait 8 --size 1280x233 -- .venv/bin/python docs/screenshots/shoot_sync_status.py \
        $D/data thuha to-truong-2026

Each strip is a real MainWindow over the demo data directory with its pages hidden: its own
status bar (the user corner, the pending label, SyncStatusBar), the log-in typed into its
login screen. No sync runs: the window's network lane is never started, and what it would
say is emitted on its signals instead, real SyncStatus values (the demo directory's own
counts where things wait, 300 dossiers) and Progress values. Not part of the test run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from counter_app.services import sync as sync_service
from counter_app.services.profile import Profile
from counter_app.services.sync import SyncStatus
from counter_app.sync.summary import Progress
from counter_app.ui import appearance
from counter_app.ui.lanes import CounterLane
from counter_app.ui.main import configure_application
from counter_app.ui.main_window import MainWindow

WIDTH = 1280
GAP = 5  # the darker band between two strips
URL = "https://dichvucong.khanhhoa.gov.vn"


def states(demo: SyncStatus) -> list[tuple[SyncStatus, list[Progress]]]:
    """(the status read, what the running sync reported after it) for each strip, top down;
    `demo` is the demo directory's own status (never enrolled, all of it waiting). Two
    events refused and one conflict make "⚠ 3 sự kiện cần xử lý" once it has synced."""
    today = dt.date.today().isoformat()
    enrolled = dataclasses.replace(demo, enrolled=True, portal_url=URL,
                                   last_attempt_at=f"{today}T10:40:00",
                                   last_success_at=f"{today}T10:40:00")

    def waiting(error: str, events: int, dossiers: int, manifests: int = 0, scans: int = 0,
                message: str = "") -> SyncStatus:
        return dataclasses.replace(
            enrolled, last_error=error, last_error_message=message, pending=events,
            pending_dossiers=dossiers, pending_manifests=manifests, scans_pending=scans,
            pending_forms=0, form_files_pending=0, quarantined=2, conflicts=1,
            last_attempt_at=f"{today}T10:52:00", last_success_at=f"{today}T07:32:00")

    return [
        # The first start after enrolment, the portal out of reach: everything still waits.
        (dataclasses.replace(enrolled, last_attempt_at=f"{today}T07:05:00",
                             last_success_at=None, last_error="sync.offline"),
         [Progress("wait", 0, demo.pending, delay=2.0, error="sync.offline")]),
        (dataclasses.replace(enrolled, pending=0, pending_dossiers=0, pending_manifests=0,
                             scans_pending=0, pending_forms=0, form_files_pending=0,
                             quarantined=2, conflicts=1), []),
        (dataclasses.replace(enrolled, quarantined=2, conflicts=1),
         [Progress("push", 500, demo.pending - 500)]),
        (waiting("sync.offline", 9, 3, scans=2),
         [Progress("wait", 0, 9, delay=3.0, error="sync.offline")]),
        (waiting("sync.offline", 41, 12, manifests=1, scans=8), []),
        (waiting("sync.server_error", 14, 5, message="Cổng đang bảo trì."), []),
        (waiting("sync.unauthorized", 80, 27), []),
    ]


def main() -> int:
    data_dir = Path(sys.argv[1])
    username, password = sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    appearance.install_translators(app)
    configure_application(app)
    lane = CounterLane()
    root = QWidget()
    root.setStyleSheet("background: #c4c4c4;")
    column = QVBoxLayout(root)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(GAP)
    windows: list[MainWindow] = []

    def show(window: MainWindow, status: SyncStatus, progress: list[Progress]) -> None:
        network = window.sync_lane  # made as the background work makes it, never started
        network.status = status
        network.status_read.emit(status)  # the pending label and the sync corner
        if progress:
            network.running = True
            network.sync_started.emit()
            for step in progress:
                network.sync_progressed.emit(step)

    def strip(profile: Profile, status: SyncStatus, progress: list[Progress]) -> None:
        window = MainWindow(lane, profile)
        window.setWindowFlags(Qt.WindowType.Widget)  # a strip of `root`, not a window
        window.setStyleSheet("background: none;")
        window.setAutoFillBackground(True)
        window.guard.stack.hide()  # the pages and the login screen: only the status bar is shown
        window.setFixedHeight(window.statusBar().sizeHint().height())
        column.addWidget(window)
        windows.append(window)

        def on_session(session: object) -> None:
            if session is not None:
                show(window, status, progress)

        window.guard.session_changed.connect(on_session)
        screen = window.guard.login_screen
        screen.username.setText(username)
        screen.password.setText(password)
        screen.submit.click()

    def on_status(profile: Profile, demo: SyncStatus) -> None:
        for status, progress in states(demo):
            strip(profile, status, progress)
        root.setFixedWidth(WIDTH)
        root.move(0, 0)
        root.show()

    def on_opened(profile: Profile) -> None:
        lane.call(sync_service.status, lambda demo: on_status(profile, demo))

    lane.open(data_dir, on_opened)
    QTimer.singleShot(60_000, app.quit)
    try:
        return app.exec()
    finally:
        for window in windows:
            window.shut_down()
        lane.shutdown()


if __name__ == "__main__":
    sys.exit(main())

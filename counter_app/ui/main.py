"""Starting the window: application set-up, opening the database in its lane, the first check."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ..resources import program_name
from ..services.profile import Profile
from . import appearance, errors, settings
from .lanes import CounterLane
from .main_window import MainWindow


def not_set_up_text(data_dir: Path) -> str:
    # TODO: a first-run wizard replaces this message.
    command = (f'{program_name()} --data-dir "{data_dir}" init --agency-code MÃ_CƠ_QUAN'
               ' --agency-name "TÊN ĐƠN VỊ" --workstation SỐ_MÁY_TRẠM')
    return "\n\n".join([
        QCoreApplication.translate("main", "Máy trạm chưa được khai báo cơ quan và số máy trạm."),
        QCoreApplication.translate("main", "Hãy chạy lệnh sau rồi mở lại ứng dụng:"),
        command,
    ])


class Startup(QObject):
    """Opens the Counter in the lane, then the window; or says why it cannot."""

    window_opened = Signal(object)  # the MainWindow, shown
    start_failed = Signal(str)  # the reason, one paragraph for the clerk

    def __init__(self, lane: CounterLane, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lane = lane
        self.data_dir = Path(data_dir)
        self.window: MainWindow | None = None

    def start(self) -> None:
        self.lane.open(self.data_dir, self._on_lane_opened, self._on_lane_failed, context=self)

    def _on_lane_opened(self, profile: Profile) -> None:
        if not profile.is_set_up:
            self.start_failed.emit(not_set_up_text(self.data_dir))
            return
        self.window = MainWindow(self.lane, profile)
        self.window.show()
        self.window.start()
        self.window_opened.emit(self.window)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.start_failed.emit(errors.describe(error))


def configure_application(app: QApplication) -> None:
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName(QCoreApplication.translate("main", "Quầy Một Cửa"))
    appearance.load_fonts(app)


def run(data_dir: Path) -> int:
    """The window over `data_dir`; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    appearance.install_translators(app)
    configure_application(app)
    lane = CounterLane()
    startup = Startup(lane, data_dir)

    def on_start_failed(reason: str) -> None:
        app.setQuitOnLastWindowClosed(False)  # the exit code is ours to give, not 0
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("main", "Không mở được ứng dụng"), reason)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(QCoreApplication.translate("main", "Đóng"),
                      QMessageBox.ButtonRole.RejectRole)
        box.exec()
        app.exit(1)

    startup.start_failed.connect(on_start_failed)
    startup.start()
    try:
        return app.exec()
    finally:
        lane.shutdown()

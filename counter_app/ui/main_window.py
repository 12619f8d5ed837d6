"""The counter's main window: pages in a tab bar, and the sync state in the status bar."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from ..services.profile import Profile
from . import settings
from .lanes import CounterLane
from .lookup_page import LookupPage

OFFLINE_STYLE = "color: #6b6b6b; padding: 0 8px;"  # calm grey: offline is normal, not an alarm


class MainWindow(QMainWindow):
    def __init__(self, lane: CounterLane, profile: Profile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.profile = profile
        self.setWindowTitle(self.tr("{agency} — Máy trạm {workstation:02d}").format(
            agency=profile.agency_name, workstation=profile.workstation))

        self.lookup_page = LookupPage(lane, self)
        # The reception page (issue "reception") joins as the first tab.
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.lookup_page, self.tr("Tra cứu hồ sơ"))
        self.setCentralWidget(self.pages)
        # Which counter this is, in view even when the title bar is not (maximised, kiosk).
        self.place_label = QLabel(self.tr("{agency} — Máy trạm {workstation:02d}").format(
            agency=profile.agency_name, workstation=profile.workstation))
        self.place_label.setStyleSheet("color: #404040; padding: 0 10px;")
        self.pages.setCornerWidget(self.place_label)

        self.sync_label = QLabel("● " + self.tr("Ngoại tuyến"))
        self.sync_label.setObjectName("syncState")
        self.sync_label.setStyleSheet(OFFLINE_STYLE)
        self.sync_label.setToolTip(self.tr(
            "Máy trạm làm việc ngoại tuyến: mọi hồ sơ được lưu trên máy này."))
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingCount")
        self.pending_label.setStyleSheet(OFFLINE_STYLE)
        self.pending_label.setToolTip(self.tr(
            "Số thay đổi đã lưu trên máy này, chưa gửi lên cổng dịch vụ công."))
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().setSizeGripEnabled(True)

        geometry = settings.load_bytes(settings.MAIN_WINDOW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)

    def start(self) -> None:
        self.lookup_page.start()
        self.refresh_pending()

    def refresh_pending(self) -> None:
        """Ask the database lane how many events wait for the portal."""
        self._lane.call(lambda counter: counter.pending_count(), self._on_pending_counted)

    def _on_pending_counted(self, count: int) -> None:
        self.pending_label.setText(self.tr("Chờ đồng bộ: {count}").format(
            count=f"{count:,}".replace(",", ".")))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_bytes(settings.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self.lookup_page.save_state()
        super().closeEvent(event)

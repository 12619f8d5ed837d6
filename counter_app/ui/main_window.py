"""The counter's main window: pages in a tab bar, scans routed to them, sync state below."""

from __future__ import annotations

import getpass

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from .. import messages
from ..domain.scan import (
    CccdScan,
    DossierCodeScan,
    LookupUrlScan,
    PostalItemScan,
    ScanResult,
    UnknownScan,
)
from ..services.counter import Changes
from ..services.profile import Profile
from . import settings
from .lanes import CounterLane
from .lookup_page import LookupPage
from .reception_page import ReceptionPage
from .scanner import ScannerFilter

OFFLINE_STYLE = "color: #6b6b6b; padding: 0 8px;"  # calm grey: offline is normal, not an alarm
STATUS_MESSAGE_MS = 10_000


def current_user() -> str:
    """Who records the events until there are accounts (issue 4: login): the OS user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class MainWindow(QMainWindow):
    def __init__(self, lane: CounterLane, profile: Profile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.profile = profile
        self.setWindowTitle(self.tr("{agency} — Máy trạm {workstation:02d}").format(
            agency=profile.agency_name, workstation=profile.workstation))

        self.reception_page = ReceptionPage(lane, current_user(), self)
        self.lookup_page = LookupPage(lane, self)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.reception_page, self.tr("Tiếp nhận hồ sơ"))
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

        self.scanner = ScannerFilter(self)
        self.scanner.scan_received.connect(self._on_scanner_scan_received)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_reception)
        QShortcut(QKeySequence.StandardKey.Find, self, self.show_lookup)
        self.reception_page.changes_applied.connect(self._on_reception_page_changes_applied)
        self.pages.currentChanged.connect(self._on_pages_current_changed)

        geometry = settings.load_bytes(settings.MAIN_WINDOW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)

    def start(self) -> None:
        self.reception_page.start()
        self.lookup_page.start()
        self.scanner.install()
        self.refresh_pending()
        self.reception_page.picker.edit.setFocus()

    # ----- pages ---------------------------------------------------------------------------

    def new_reception(self) -> None:
        """Ctrl+N: a blank reception form."""
        self.pages.setCurrentWidget(self.reception_page)
        self.reception_page.new_reception()

    def show_lookup(self) -> None:
        """Ctrl+F: the look-up page, its box ready for typing."""
        self.pages.setCurrentWidget(self.lookup_page)
        self.lookup_page.search_box.setFocus()
        self.lookup_page.search_box.selectAll()

    def _on_pages_current_changed(self, _index: int) -> None:
        page = self.pages.currentWidget()
        focused = QApplication.focusWidget()
        if focused is None or not page.isAncestorOf(focused):
            target = (self.reception_page.picker.edit if page is self.reception_page
                      else self.lookup_page.search_box)
            target.setFocus()

    def _on_reception_page_changes_applied(self, changes: Changes) -> None:
        if changes.dossiers:
            self.lookup_page.refresh()
        self.refresh_pending()

    # ----- scans ---------------------------------------------------------------------------

    def _on_scanner_scan_received(self, scan: ScanResult) -> None:
        """Route a scan by its kind; never show or log its content (personal data)."""
        if QApplication.activeModalWidget() is not None:
            self.statusBar().showMessage(self.tr(
                "Đang mở một hộp thoại: đóng hộp thoại rồi quét lại."), STATUS_MESSAGE_MS)
            return
        on_reception = self.pages.currentWidget() is self.reception_page
        if isinstance(scan, DossierCodeScan | LookupUrlScan):
            self.show_lookup()
            self.lookup_page.show_code(scan.code)
        elif isinstance(scan, CccdScan) and on_reception:
            self.reception_page.fill_person(scan)
        elif isinstance(scan, CccdScan):
            self.show_lookup()
            self.lookup_page.search_for(scan.id_number)
        elif isinstance(scan, PostalItemScan) and on_reception:
            self.reception_page.set_postal_item(scan.item_number)
        elif isinstance(scan, PostalItemScan):
            self.show_lookup()
            self.lookup_page.search_for(scan.item_number)
        elif isinstance(scan, UnknownScan):
            self.statusBar().showMessage(self.tr("Mã vừa quét không dùng được: {reason}").format(
                reason=messages.text(scan.reason)), STATUS_MESSAGE_MS)

    # ----- status bar ----------------------------------------------------------------------

    def refresh_pending(self) -> None:
        """Ask the database lane how many events wait for the portal."""
        self._lane.call(lambda counter: counter.pending_count(), self._on_pending_counted,
                        context=self)

    def _on_pending_counted(self, count: int) -> None:
        self.pending_label.setText(self.tr("Chờ đồng bộ: {count}").format(
            count=f"{count:,}".replace(",", ".")))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scanner.uninstall()
        settings.save_bytes(settings.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self.lookup_page.save_state()
        super().closeEvent(event)


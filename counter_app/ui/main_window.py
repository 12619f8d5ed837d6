"""The counter's main window: pages in a tab bar, scans routed to them, sync state below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from ..domain.accounts import Action, Role, Session
from ..services.counter import Changes
from ..services.profile import Profile
from . import errors, settings
from .daily_backup import DailyBackup
from .lanes import CounterLane
from .lazy_pages import LazyPages
from .reception_page import ReceptionPage
from .report_tabs import ReportTabs
from .scanner import ScannerFilter
from .session_guard import SessionGuard

if TYPE_CHECKING:  # built when first shown or asked for, not before the window shows
    from ..domain.scan import ScanResult
    from ..services.sync import SyncStatus
    from .accounts_page import AccountsPage
    from .act_on_page import ActOnPage
    from .admin_page import AdminPage
    from .lookup_page import LookupPage
    from .postal_page import PostalPage
    from .return_page import ReturnPage
    from .sync_lane import SyncLane
    from .sync_status import SyncStatusBar

OFFLINE_STYLE = "color: #6b6b6b; padding: 0 8px;"  # calm grey: offline is normal, not an alarm
STATUS_MESSAGE_MS = 10_000
# The background work starts when the reception page has its catalogue, or after this long
# if that never comes (the lane failed: the page says why).
BACKGROUND_AT_THE_LATEST_MS = 3_000


class MainWindow(QMainWindow):
    counter_ready = Signal()  # once: the reception page has its catalogue, the rest may start

    def __init__(self, lane: CounterLane, profile: Profile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.profile = profile
        self._shut_down = False
        self._background_started = False
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shut_down)
        self.setWindowTitle(self.tr("{agency} — Máy trạm {workstation:02d}").format(
            agency=profile.agency_name, workstation=profile.workstation))

        self.reception_page = ReceptionPage(lane, "", self)  # the user: set at log-in
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.reception_page, self.tr("Tiếp nhận hồ sơ"))
        # The other pages are made when first shown (or when a scan is routed to them).
        self._lookup: LookupPage | None = None
        self._act_on: ActOnPage | None = None
        self._postal: PostalPage | None = None
        self._return: ReturnPage | None = None
        self.lazy = LazyPages(self.pages)
        self.lazy.add("lookup", self.tr("Tra cứu hồ sơ"), self._make_lookup_page)
        self.lazy.add("act_on", self.tr("Cần xử lý"), self._make_act_on_page)
        self.lazy.add("postal", self.tr("Bưu chính"), self._make_postal_page)  # docs/postal.md
        self.lazy.add("return", self.tr("Trả kết quả"), self._make_return_page)
        self.accounts_page: AccountsPage | None = None  # administrators only
        self.admin_page: AdminPage | None = None  # "Quản trị": profile, catalogue, calendar
        self.report_tabs = ReportTabs(lane, self.pages, self)  # "Tổng quan", "Báo cáo"
        # Log-in, lock and log-out: the login screen takes the pages' place, keeping them.
        self.guard = SessionGuard(self, lane, profile, self.pages)
        self.setCentralWidget(self.guard.stack)
        # Which counter this is, in view even when the title bar is not (maximised, kiosk).
        self.place_label = QLabel(self.tr("{agency} — Máy trạm {workstation:02d}").format(
            agency=profile.agency_name, workstation=profile.workstation))
        self.place_label.setStyleSheet("color: #404040; padding: 0 10px;")
        self.pages.setCornerWidget(self.place_label)

        # Sync with the portal (the network lane, its corner of the status bar): made with the
        # background work, once the counter is ready for input (_make_sync).
        self._sync_lane: SyncLane | None = None
        self._sync_status: SyncStatusBar | None = None
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingCount")
        self.pending_label.setStyleSheet(OFFLINE_STYLE)  # text and tooltip: the first status
        self.statusBar().addPermanentWidget(self.guard.corner)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().setSizeGripEnabled(True)

        self.scanner = ScannerFilter(self)
        self.scanner.scan_received.connect(self._on_scanner_scan_received)
        self._shortcuts = [QShortcut(QKeySequence.StandardKey.New, self, self.new_reception),
                           QShortcut(QKeySequence.StandardKey.Find, self, self.show_lookup)]
        self.guard.session_changed.connect(self._on_guard_session_changed)
        self.guard.locked_changed.connect(self._on_guard_locked_changed)
        self.reception_page.changes_applied.connect(self._on_reception_page_changes_applied)
        self.pages.currentChanged.connect(self._on_pages_current_changed)
        self.daily_backup = DailyBackup(self)  # first start of the day, its own connection
        self.daily_backup.backup_made.connect(lambda _path: self.statusBar().showMessage(
            self.tr("Đã sao lưu dữ liệu hôm nay."), STATUS_MESSAGE_MS))
        self.daily_backup.backup_failed.connect(lambda reason: self.statusBar().showMessage(
            self.tr("Chưa sao lưu được dữ liệu hôm nay: {reason}").format(reason=reason)))

        geometry = settings.load_bytes(settings.MAIN_WINDOW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)

    def start(self, username: str = "") -> None:
        """Load the reception page behind the login screen (`username` typed in already, if
        known); the other pages load when they are first shown. What nobody waits for (the
        scanner's filter, the pending count, sync, the day's backup) starts once the counter
        is ready for input."""
        self.reception_page.procedures_loaded.connect(self._soon_start_background)
        QTimer.singleShot(BACKGROUND_AT_THE_LATEST_MS, self, self._start_background)
        self.reception_page.start()
        self.guard.start(username)

    def _soon_start_background(self) -> None:
        QTimer.singleShot(0, self, self._start_background)  # after what is pending on screen

    def _start_background(self) -> None:
        """Once: the status bar's count and sync state, the first sync, the daily backup."""
        if self._background_started or self._shut_down:
            return
        self._background_started = True
        self.counter_ready.emit()
        self.scanner.install()  # an application-wide filter: every event passes through it
        self.refresh_pending()
        self.sync_lane.start()
        self._lane.call(lambda counter: counter.data_dir, self.daily_backup.start, context=self)

    # ----- the pages made on first use -----------------------------------------------------

    @property
    def lookup_page(self) -> LookupPage:
        self.lazy.page("lookup")
        assert self._lookup is not None
        return self._lookup

    @property
    def act_on_page(self) -> ActOnPage:
        self.lazy.page("act_on")
        assert self._act_on is not None
        return self._act_on

    @property
    def postal_page(self) -> PostalPage:
        self.lazy.page("postal")
        assert self._postal is not None
        return self._postal

    @property
    def return_page(self) -> ReturnPage:
        self.lazy.page("return")
        assert self._return is not None
        return self._return

    def _make_lookup_page(self) -> QWidget:
        from .lookup_page import LookupPage

        page = self._lookup = LookupPage(self._lane, self)
        page.user = self.reception_page.user
        page.dossier_opened.connect(  # follow-ups recorded from a dossier view
            lambda view: view.followup and view.followup.changes_applied.connect(
                self._on_reception_page_changes_applied))
        page.search_now()  # the newest dossiers; the keyboard goes where the window says
        return page

    def _make_act_on_page(self) -> QWidget:
        from .act_on_page import ActOnPage

        page = self._act_on = ActOnPage(self._lane, self)  # after the receipt: what needs us
        page.user = self.reception_page.user
        page.dossier_requested.connect(self._open_dossier)
        page.changes_applied.connect(self._on_reception_page_changes_applied)
        page.start()
        return page

    def _make_postal_page(self) -> QWidget:
        from .postal_page import PostalPage

        page = self._postal = PostalPage(self._lane, self)
        page.user = page.intake.user = self.reception_page.user
        page.changes_applied.connect(self._on_reception_page_changes_applied)
        page.refresh()
        return page

    def _make_return_page(self) -> QWidget:
        from .return_page import ReturnPage

        page = self._return = ReturnPage(self._lane, self)
        page.user = self.reception_page.user
        page.changes_applied.connect(self._on_reception_page_changes_applied)
        return page

    # ----- sync with the portal ------------------------------------------------------------

    @property
    def sync_lane(self) -> SyncLane:
        self._make_sync()
        assert self._sync_lane is not None
        return self._sync_lane

    @property
    def sync_status(self) -> SyncStatusBar:
        """The status bar's corner: state, last sync, "Đồng bộ ngay" (F5) and, for
        supervisors, the page of refused events."""
        self._make_sync()
        assert self._sync_status is not None
        return self._sync_status

    @property
    def sync_label(self) -> QLabel:
        return self.sync_status.state_label

    def _make_sync(self) -> None:
        if self._sync_lane is not None:
            return
        from .sync_lane import SyncLane
        from .sync_status import SyncStatusBar

        sync_lane = self._sync_lane = SyncLane(self._lane, self.profile, self)
        status = self._sync_status = SyncStatusBar(sync_lane, self._lane, self.guard, self)
        self.statusBar().addPermanentWidget(status)
        sync_lane.status_read.connect(self._on_pending_counted)
        sync_lane.changes_applied.connect(self._on_sync_lane_changes_applied)
        status.dossier_requested.connect(self._open_dossier)

    def _open_dossier(self, dossier_id: str) -> None:
        self.lookup_page.open_id(dossier_id)

    def _showing(self, page: QWidget | None) -> bool:
        return page is not None and self.pages.currentWidget() is page

    # ----- who is working ------------------------------------------------------------------

    def _on_guard_session_changed(self, session: Session | None) -> None:
        """Every event from now on carries this user; administrators get the accounts page."""
        user = self.reception_page.user = session.username if session else ""
        if self._lookup is not None:
            self._lookup.user = user
        if self._act_on is not None:
            self._act_on.user = user
        if self._return is not None:
            self._return.user = user
        if self._postal is not None:
            self._postal.user = self._postal.intake.user = user
        # A postal agent accepts at the post office: the reception page in its postal mode.
        self.reception_page.set_postal_mode(session is not None
                                            and session.role == Role.POSTAL_AGENT)
        admin = session is not None and session.can(Action.MANAGE_ACCOUNTS)
        if admin and self.accounts_page is None:
            from .accounts_page import AccountsPage

            self.accounts_page = AccountsPage(self._lane, self)
        page = self.accounts_page
        if page is not None:
            page.session = session if admin else None
            if admin and self.pages.indexOf(page) < 0:
                self.pages.addTab(page, self.tr("Tài khoản"))
                page.refresh()
            elif not admin and self.pages.indexOf(page) >= 0:
                self.pages.removeTab(self.pages.indexOf(page))
        self._show_admin_page(session)
        self.report_tabs.set_session(session)
        if session is None:
            self.reception_page.new_reception()
            self.pages.setCurrentWidget(self.reception_page)
        else:
            self._on_pages_current_changed(self.pages.currentIndex())

    def _show_admin_page(self, session: Session | None) -> None:
        from .admin_page import AdminPage, may_administer

        allowed = may_administer(session)
        if allowed and self.admin_page is None:
            self.admin_page = AdminPage(self._lane, self, sync_lane=self.sync_lane)
            self.admin_page.changes_applied.connect(self._on_admin_page_changes_applied)
        page = self.admin_page
        if page is not None:
            page.set_session(session if allowed else None)
            if allowed and self.pages.indexOf(page) < 0:
                self.pages.addTab(page, self.tr("Quản trị"))
            elif not allowed and self.pages.indexOf(page) >= 0:
                self.pages.removeTab(self.pages.indexOf(page))

    def _on_admin_page_changes_applied(self, changes: Changes) -> None:
        """A new catalogue reloads the picker; a new calendar or profile moves the due time."""
        self._on_sync_lane_changes_applied(changes)
        if changes.calendar or changes.profile:
            self.reception_page.refresh_due()

    def _on_guard_locked_changed(self, locked: bool) -> None:
        for shortcut in self._shortcuts:
            shortcut.setEnabled(not locked)

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
                      else self.lookup_page.search_box if self._showing(self._lookup)
                      else self.return_page.code_box if self._showing(self._return) else page)
            target.setFocus()

    def _on_reception_page_changes_applied(self, changes: Changes) -> None:
        if changes.dossiers:
            self._refresh_made(self._lookup, self._act_on, self._postal)
        self.sync_lane.schedule()  # changes leave soon when the portal is reachable
        self.refresh_pending()

    @staticmethod
    def _refresh_made(*pages: LookupPage | ActOnPage | PostalPage | None) -> None:
        """Pages not made yet load fresh when they are."""
        for page in pages:
            if page is not None:
                page.refresh()

    def _on_sync_lane_changes_applied(self, changes: Changes) -> None:
        """The pull changed dossiers (back-office statuses, online dossiers) or the catalogue."""
        if changes.dossiers:
            self._refresh_made(self._lookup, self._act_on)
        if changes.catalogue:
            self._lane.call(lambda counter: counter.procedures(),
                            self.reception_page.picker.set_procedures, context=self)

    # ----- scans ---------------------------------------------------------------------------

    def _on_scanner_scan_received(self, scan: ScanResult) -> None:
        """Route a scan by its kind; never show or log its content (personal data)."""
        from ..domain.scan import (  # loaded by the scanner with the first scan
            CccdScan,
            DossierCodeScan,
            LookupUrlScan,
            ManifestScan,
            PostalItemScan,
            UnknownScan,
        )

        if self.guard.locked:  # nothing behind the login screen may change
            self.statusBar().showMessage(self.tr("Máy trạm đang khóa: mã vừa quét bị bỏ qua."),
                                         STATUS_MESSAGE_MS)
            return
        if QApplication.activeModalWidget() is not None:
            self.statusBar().showMessage(self.tr(
                "Đang mở một hộp thoại: đóng hộp thoại rồi quét lại."), STATUS_MESSAGE_MS)
            return
        on_reception = self.pages.currentWidget() is self.reception_page
        on_return = self._showing(self._return)
        on_postal = self._showing(self._postal)
        if isinstance(scan, ManifestScan):  # a pack from the post office: take it in
            self.pages.setCurrentWidget(self.postal_page)
            self.postal_page.intake.start(scan)
        elif isinstance(scan, DossierCodeScan) and on_postal and self.postal_page.intake.active:
            self.postal_page.intake.add_code(scan.code)
        elif isinstance(scan, DossierCodeScan) and on_postal:
            self.postal_page.set_result_code(scan.code)
        elif isinstance(scan, PostalItemScan) and on_postal:
            self.postal_page.set_result_item(scan.item_number)
        elif isinstance(scan, DossierCodeScan | LookupUrlScan) and on_return:
            self.return_page.load_code(scan.code)
        elif isinstance(scan, CccdScan) and on_return:
            self.return_page.fill_receiver(scan)
        elif isinstance(scan, DossierCodeScan | LookupUrlScan):
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
                reason=errors.text(scan.reason)), STATUS_MESSAGE_MS)

    # ----- status bar ----------------------------------------------------------------------

    def refresh_pending(self) -> None:
        """Ask the database lane how many events wait for the portal (and the sync state)."""
        self.sync_lane.refresh_status()

    def _on_pending_counted(self, status: SyncStatus) -> None:
        from .sync_status import pending_look

        shown = pending_look(status)  # dossiers and scans still to send, not events
        self.pending_label.setText(shown.text)
        self.pending_label.setStyleSheet(shown.style)
        self.pending_label.setToolTip(shown.tooltip)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Stop what runs beside the window; once, whether the window was closed or the
        application quit without closing it (crash dialog's "close", the start-up probe):
        a worker thread still running while Python tears down would crash the process."""
        if self._shut_down:
            return
        self._shut_down = True
        self.scanner.uninstall()
        self.guard.stop()
        if self._sync_lane is not None:
            self._sync_lane.shutdown()  # no sync thread outlives the window
        self.daily_backup.shutdown()
        settings.save_bytes(settings.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        if self._lookup is not None:
            self._lookup.save_state()


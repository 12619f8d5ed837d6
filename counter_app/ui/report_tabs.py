"""The "Tổng quan" (dashboard) and "Báo cáo" (reports, daily close) tabs: made on first use,
shown to the roles that may use them, kept in step with the session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from ..domain.accounts import Action, Session
from .lanes import CounterLane

if TYPE_CHECKING:  # built at the first log-in that may see them, not before the window shows
    from .dashboard_page import DashboardPage
    from .reports_page import ReportsPage


class ReportTabs:
    def __init__(self, lane: CounterLane, pages: QTabWidget, parent: QWidget) -> None:
        self._lane = lane
        self._pages = pages
        self._parent = parent
        self.dashboard_page: DashboardPage | None = None
        self.reports_page: ReportsPage | None = None

    def set_session(self, session: Session | None) -> None:
        dashboard = session is not None and session.can(Action.VIEW_DASHBOARD)
        reports = session is not None and session.can(Action.CLOSE_DAY)
        if dashboard and self.dashboard_page is None:
            from .dashboard_page import DashboardPage

            self.dashboard_page = DashboardPage(self._lane, self._parent)
        if reports and self.reports_page is None:
            from .reports_page import ReportsPage

            self.reports_page = ReportsPage(self._lane, self._parent)
        if self.reports_page is not None:
            self.reports_page.daily_close.user = session.username if session else ""
        self._show(self.dashboard_page, dashboard,
                   QCoreApplication.translate("ReportTabs", "Tổng quan"))
        self._show(self.reports_page, reports,
                   QCoreApplication.translate("ReportTabs", "Báo cáo"))

    def _show(self, page: QWidget | None, allowed: bool, title: str) -> None:
        if page is None:
            return
        index = self._pages.indexOf(page)
        if allowed and index < 0:
            self._pages.addTab(page, title)
        elif not allowed and index >= 0:
            self._pages.removeTab(index)

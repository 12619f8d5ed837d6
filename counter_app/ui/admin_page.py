"""Quản trị: the administrator's pages (profile, catalogue, calendar), each shown by permission."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ..domain.accounts import Action, Session
from .admin_calendar import CalendarPage
from .admin_catalogue import CataloguePage
from .admin_portal import PortalPage
from .admin_profile import ProfilePage
from .lanes import CounterLane
from .sync_lane import SyncLane

ADMIN_ACTIONS = (Action.MANAGE_PROFILE, Action.MANAGE_CATALOGUE, Action.MANAGE_CALENDAR)


def may_administer(session: Session | None) -> bool:
    """Whether the "Quản trị" tab is shown at all (the permission table decides)."""
    return session is not None and any(session.can(a) for a in ADMIN_ACTIONS)


class AdminPage(QTabWidget):
    changes_applied = Signal(object)  # services.counter.Changes, from any of the pages

    def __init__(self, lane: CounterLane, parent: QWidget | None = None,
                 sync_lane: SyncLane | None = None) -> None:
        super().__init__(parent)
        self.profile_page = ProfilePage(lane, self)
        self.catalogue_page = CataloguePage(lane, self)
        self.calendar_page = CalendarPage(lane, parent=self)
        self._pages: list[tuple[Action, ProfilePage | CataloguePage | CalendarPage | PortalPage,
                                str]] = [
            (Action.MANAGE_PROFILE, self.profile_page, self.tr("Hồ sơ đơn vị")),
            (Action.MANAGE_CATALOGUE, self.catalogue_page, self.tr("Danh mục thủ tục")),
            (Action.MANAGE_CALENDAR, self.calendar_page, self.tr("Lịch làm việc"))]
        self.portal_page: PortalPage | None = None
        if sync_lane is not None:  # enrolment runs on the network lane
            self.portal_page = PortalPage(lane, sync_lane, self)
            self._pages.append((Action.MANAGE_PROFILE, self.portal_page,
                                self.tr("Kết nối cổng")))
        for _action, page, _title in self._pages:
            page.changes_applied.connect(self.changes_applied)

    def set_session(self, session: Session | None) -> None:
        """Show the pages this user may manage, and read them afresh."""
        self.clear()
        self.catalogue_page.user = session.username if session is not None else ""
        for action, page, title in self._pages:
            if session is not None and session.can(action):
                self.addTab(page, title)
                page.refresh()
            else:
                page.hide()

"""Who works at the window: log-in, "Khóa" and the idle lock, "Đăng xuất" — and the status-bar
corner that names them. The pages stay as they are behind the lock: nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from ..domain.accounts import Session, User
from ..services.counter import Counter
from ..services.profile import Profile
from . import labels, settings
from .idle import IdleWatcher
from .lanes import CounterLane
from .login_screen import LoginScreen

if TYPE_CHECKING:  # the first administrator's dialog: only after `init` without one
    from .account_form import AccountDialog, Values

USER_STYLE = "color: #404040; padding: 0 6px;"


class SessionGuard(QObject):
    """Puts the login screen in place of `work` until someone logs in, and again on lock."""

    session_changed = Signal(object)  # the Session now working, or None after "Đăng xuất"
    locked_changed = Signal(bool)  # True while the login screen hides the pages

    def __init__(self, window: QMainWindow, lane: CounterLane, profile: Profile,
                 work: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._lane = lane
        self.session: Session | None = None
        self.locked = True  # nobody has logged in yet
        self._work = work
        self._hidden: list[QWidget] = []  # dialogs put away by the lock, shown again after
        self._focus: QWidget | None = None  # where the cursor was when the lock came
        self.first_admin_dialog: AccountDialog | None = None

        self.login_screen = LoginScreen(lane, profile)
        self.login_screen.session_started.connect(self._on_login_screen_session_started)
        self.stack = QStackedWidget()
        self.stack.addWidget(work)
        self.stack.addWidget(self.login_screen)
        self.stack.setCurrentWidget(self.login_screen)
        self.idle = IdleWatcher(settings.lock_after_minutes() * 60_000, self)
        self.idle.idle_timed_out.connect(self._on_idle_timed_out)

        self.lock_action = QAction(self.tr("Khóa máy"), window)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setToolTip(self.tr("Khóa máy khi rời quầy (Ctrl+L): hồ sơ đang nhập "
                                            "vẫn được giữ nguyên."))
        self.lock_action.triggered.connect(self.lock)
        self.logout_action = QAction(self.tr("Đăng xuất"), window)
        self.logout_action.setToolTip(self.tr("Kết thúc phiên làm việc; hồ sơ đang nhập dở "
                                              "bị bỏ."))
        self.logout_action.triggered.connect(self.log_out)
        window.addAction(self.lock_action)
        window.addAction(self.logout_action)

        self.user_label = QLabel()
        self.user_label.setObjectName("currentUser")
        self.user_label.setStyleSheet(USER_STYLE)
        self.corner = QWidget()
        row = QHBoxLayout(self.corner)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.user_label)
        for action in (self.lock_action, self.logout_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
        self._show_state()

    def start(self, username: str = "") -> None:
        """The login screen, the name filled in when known. The idle watch listens only while
        someone is logged in and the counter is not locked (an application-wide event filter
        costs a call into Python for every event)."""
        self.login_screen.show_login(username)
        self.login_screen.focus_first_empty()

    def stop(self) -> None:
        self.idle.uninstall()

    def ask_first_administrator(self) -> AccountDialog:
        """A workstation set up with `init` has no account yet: the first administrator is
        made here (closing the question closes the window)."""

        from .account_form import AccountDialog

        def change(values: Values) -> Callable[[Counter], User]:
            username, full_name, _role, password = values
            return lambda c: c.accounts.create_first_administrator(username, full_name,
                                                                   password)

        dialog = AccountDialog(
            self.tr("Tạo quản trị viên đầu tiên"),
            self.tr("Máy trạm đã được khai báo nhưng chưa có tài khoản nào. Hãy tạo tài khoản "
                    "quản trị viên đầu tiên; sau đó đăng nhập bằng tài khoản này."),
            self._lane, change, confirm=self.tr("Tạo tài khoản"), parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_first_administrator_saved)
        dialog.rejected.connect(self._window.close)
        dialog.open()
        self.first_admin_dialog = dialog
        return dialog

    def _on_first_administrator_saved(self, user: object) -> None:
        assert isinstance(user, User)
        self.login_screen.show_login(user.username)
        self._window.activateWindow()
        self.login_screen.focus_first_empty()

    # ----- locking and logging out -----------------------------------------------------------

    def lock(self) -> None:
        """The login screen over the pages, for the same person (or a supervisor)."""
        if self.session is None or self.locked:
            return
        focused = QApplication.focusWidget()
        self._focus = focused if focused is not None and self._work.isAncestorOf(focused) \
            else None
        self._hidden = [w for w in self._dialogs() if w.isVisible()]
        for dialog in self._hidden:
            dialog.hide()
        self.login_screen.show_locked(self.session)
        self._set_locked(True)

    def log_out(self) -> None:
        """End the session: dialogs closed, the login screen for anyone."""
        session = self.session
        if session is None:
            return
        self._lane.call(lambda counter: counter.accounts.log_out(session), context=self)
        for dialog in self._dialogs():
            dialog.close()
        self._hidden, self._focus = [], None
        self.session = None
        self.login_screen.show_login()
        self._set_locked(True)
        self.session_changed.emit(None)

    def _on_idle_timed_out(self) -> None:
        if QApplication.activePopupWidget() is not None:  # a list is open: it must close first
            QApplication.activePopupWidget().close()
        self.lock()

    def _on_login_screen_session_started(self, session: Session) -> None:
        self.session = session
        self._set_locked(False)
        for dialog in self._hidden:
            if shiboken6.isValid(dialog):
                dialog.show()
        self._hidden = []
        if self._focus is not None and shiboken6.isValid(self._focus):
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus = None
        self.session_changed.emit(session)

    def _set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.stack.setCurrentWidget(self.login_screen if locked else self._work)
        if locked:
            self.idle.uninstall()
            self.login_screen.focus_first_empty()
        else:
            self.idle.install()
        self._show_state()
        self.locked_changed.emit(locked)

    def _dialogs(self) -> list[QWidget]:
        """The window's own dialogs (previews, dossiers, questions): they show personal data."""
        found: list[QWidget] = []
        for widget in QApplication.topLevelWidgets():
            owner = widget.parentWidget()
            while owner is not None and owner is not self._window:
                owner = owner.parentWidget()
            if isinstance(widget, QDialog) and owner is self._window:
                found.append(widget)
        return found

    def _show_state(self) -> None:
        s = self.session
        self.lock_action.setEnabled(s is not None and not self.locked)
        self.logout_action.setEnabled(s is not None and not self.locked)
        if s is None:
            self.user_label.setText(self.tr("Chưa đăng nhập"))
        else:
            self.user_label.setText(self.tr("{name} — {role}").format(
                name=s.user.full_name, role=labels.role_name(s.role)))

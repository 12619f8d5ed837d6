"""Đăng nhập: the screen in front of the counter's pages at start, after "Đăng xuất", and when
the workstation locks itself (then for the same person, or a supervisor taking over)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.accounts import Session
from ..services.counter import Counter
from ..services.profile import Profile
from . import errors, labels
from .field_problems import ProblemLabel
from .lanes import CounterLane

SCREEN_STYLE = "#loginScreen { background: #eef1f4; }"
CARD_STYLE = ("#loginCard { background: white; border: 1px solid #d5dae0; border-radius: 6px; }"
              " QLabel#loginTitle { font-size: 17pt; font-weight: 600; color: #1f3b57; }")
HINT_STYLE = "color: #5b5b5b;"


class LoginScreen(QWidget):
    """`session_started` once the lane accepted a name and password; nothing else is shown or
    reachable meanwhile (the window puts this screen in place of its pages)."""

    session_started = Signal(object)  # domain.accounts.Session
    attempt_failed = Signal(str)  # the sentence shown

    def __init__(self, lane: CounterLane, profile: Profile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.locked_session: Session | None = None  # set while the workstation is locked
        self.busy = False
        self.setObjectName("loginScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(SCREEN_STYLE)

        card = QFrame()
        card.setObjectName("loginCard")
        card.setStyleSheet(CARD_STYLE)
        card.setFixedWidth(440)
        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        self.place = QLabel(self.tr("{agency} — Máy trạm {workstation:02d}").format(
            agency=profile.agency_name, workstation=profile.workstation))
        self.place.setWordWrap(True)
        self.place.setStyleSheet(HINT_STYLE)
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.message = ProblemLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.submit = QPushButton()
        self.submit.setDefault(True)
        self.submit.setAutoDefault(True)
        self.submit.clicked.connect(self._on_submit_clicked)
        self.username.returnPressed.connect(self._on_username_return_pressed)
        self.password.returnPressed.connect(self._on_submit_clicked)
        for field in (self.username, self.password):
            field.textEdited.connect(lambda _text: self.message.show_problem(""))

        grid = QGridLayout()
        user_label = QLabel(self.tr("Tên đăng nhập"))
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("Mật khẩu"))
        password_label.setBuddy(self.password)
        grid.addWidget(user_label, 0, 0)
        grid.addWidget(self.username, 0, 1)
        grid.addWidget(password_label, 1, 0)
        grid.addWidget(self.password, 1, 1)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(self.title)
        inner.addWidget(self.place)
        inner.addSpacing(8)
        inner.addLayout(grid)
        inner.addWidget(self.message)
        inner.addWidget(self.submit, 0, Qt.AlignmentFlag.AlignRight)
        inner.addWidget(self.hint)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)
        self.show_login()

    # ----- the two uses --------------------------------------------------------------------

    def show_login(self, username: str = "") -> None:
        """Anyone with an account; the name typed already when it is known (after set-up)."""
        self.locked_session = None
        self.title.setText(self.tr("Đăng nhập"))
        self.submit.setText(self.tr("Đăng nhập"))
        self.hint.setText(self.tr("Quên mật khẩu: nhờ quản trị viên đặt lại."))
        self._reset(username)

    def show_locked(self, session: Session) -> None:
        """The same person unlocks with their password; a supervisor or administrator may log
        in instead and carry on with the form as it is."""
        self.locked_session = session
        self.title.setText(self.tr("Máy trạm đang khóa"))
        self.submit.setText(self.tr("Mở khóa"))
        self.hint.setText(self.tr(
            "Đang làm việc: {name} ({role}). Tổ trưởng hoặc quản trị viên có thể đăng nhập "
            "bằng tài khoản của mình để tiếp tục.").format(
                name=session.user.full_name, role=labels.role_name(session.role)))
        self._reset(session.username)

    def _reset(self, username: str) -> None:
        self.username.setText(username)
        self.password.clear()
        self.message.show_problem("")
        self._set_busy(False)

    def focus_first_empty(self) -> None:
        target = self.password if self.username.text() else self.username
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- trying ----------------------------------------------------------------------------

    def _on_username_return_pressed(self) -> None:
        self.password.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_submit_clicked(self) -> None:
        if self.busy:
            return
        username, password = self.username.text(), self.password.text()
        if not username.strip():
            self.username.setFocus()
            return
        if not password:
            self.password.setFocus()
            return
        locked = self.locked_session

        def job(counter: Counter) -> Session:
            if locked is None:
                return counter.accounts.authenticate(username, password)
            return counter.accounts.unlock(locked, username, password)

        self._set_busy(True)
        self._lane.call(job, self._on_lane_authenticated, self._on_lane_failed, context=self)

    def _on_lane_authenticated(self, session: Session) -> None:
        self._set_busy(False)
        self.password.clear()
        self.session_started.emit(session)

    def _on_lane_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        text = errors.describe(error)
        self.message.show_problem(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.attempt_failed.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.submit.setEnabled(not busy)

"""Tài khoản: the administrator's page of this workstation's accounts (add, reset a password,
change a role, deactivate). Accounts are never deleted: the events name their users."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.accounts import Role, Session, User
from ..services.counter import Counter
from . import errors, labels
from .account_form import AccountDialog, Values
from .account_table_model import AccountTableModel, Column
from .field_problems import ProblemLabel
from .lanes import CounterLane

HINT_STYLE = "color: #5b5b5b;"


class RoleDialog(QDialog):
    role_chosen = Signal(object)  # the Role picked, when it differs

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đổi vai trò"))
        intro = QLabel(self.tr("Vai trò của {name} ({username}):").format(
            name=user.full_name, username=user.username))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(labels.role_name(role), role)
        self.role.setCurrentIndex(list(Role).index(user.role))
        intro.setBuddy(self.role)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Đổi vai trò"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.role)
        layout.addWidget(buttons)
        self._current = user.role

    def accept(self) -> None:
        super().accept()
        chosen = Role(self.role.currentData())
        if chosen != self._current:
            self.role_chosen.emit(chosen)


class AccountsPage(QWidget):
    """Every change goes through the lane as the logged-in administrator (`session`)."""

    accounts_loaded = Signal()
    account_changed = Signal(object)  # the User as saved
    dialog_opened = Signal(object)  # the QDialog just shown (tests, screenshots)

    def __init__(self, lane: CounterLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lane = lane
        self.session: Session | None = None
        intro = QLabel(self.tr(
            "Tài khoản làm việc trên máy trạm này. Tài khoản không bị xóa (nhật ký hồ sơ ghi tên "
            "người thực hiện): khi một người thôi việc, hãy cho ngừng hoạt động."))
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.model = AccountTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()  # role, state, last log-in: never cut short
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.FULL_NAME, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Thêm tài khoản…"))
        self.password_button = QPushButton(self.tr("Đặt lại mật khẩu…"))
        self.role_button = QPushButton(self.tr("Đổi vai trò…"))
        self.active_button = QPushButton(self.tr("Ngừng hoạt động"))
        self.message = ProblemLabel()
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.password_button.clicked.connect(self._on_password_button_clicked)
        self.role_button.clicked.connect(self._on_role_button_clicked)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.role_button,
                       self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._update_buttons()

    # ----- list ----------------------------------------------------------------------------

    def refresh(self, select: str = "") -> None:
        self._lane.call(lambda counter: counter.accounts.users(),
                        lambda users: self._on_lane_listed(users, select), self._on_lane_failed,
                        context=self)

    def _on_lane_listed(self, users: Sequence[User], select: str) -> None:
        current = self.selected()
        self.model.set_users(users)
        row = self.model.row_of(select or (current.username if current else ""))
        if row >= 0:
            self.table.selectRow(row)
        self.accounts_loaded.emit()

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.password_button, self.role_button, self.active_button):
            button.setEnabled(user is not None)
        self.active_button.setText(self.tr("Cho hoạt động lại") if user and not user.active
                                   else self.tr("Ngừng hoạt động"))

    # ----- changes -------------------------------------------------------------------------

    def _on_add_button_clicked(self) -> None:
        session = self.session

        def change(values: Values) -> Callable[[Counter], User]:
            username, full_name, role, password = values
            return lambda c: c.accounts.create(username, full_name, role, password, by=session)

        self._open(AccountDialog(self.tr("Thêm tài khoản"), self.tr(
            "Người dùng đổi được mật khẩu sau khi đăng nhập; hãy trao mật khẩu trực tiếp, "
            "không gửi qua tin nhắn."), self._lane, change, role=True,
            confirm=self.tr("Thêm tài khoản"), parent=self))

    def _on_password_button_clicked(self) -> None:
        user, session = self.selected(), self.session
        if user is None:
            return

        def change(values: Values) -> Callable[[Counter], User]:
            password = values[3]
            return lambda c: c.accounts.change_password(user.username, password, by=session)

        self._open(AccountDialog(self.tr("Đặt lại mật khẩu"), self.tr(
            "Mật khẩu mới cho {name} ({username}). Tài khoản đang tạm khóa sẽ được mở.").format(
                name=user.full_name, username=user.username), self._lane, change,
            identity=False, username=user.username, confirm=self.tr("Đặt mật khẩu"),
            parent=self))

    def _on_role_button_clicked(self) -> None:
        user, session = self.selected(), self.session
        if user is None:
            return
        dialog = RoleDialog(user, self)
        dialog.role_chosen.connect(lambda role: self._lane.call(
            lambda c: c.accounts.set_role(user.username, role, by=session),
            self._on_lane_saved, self._on_lane_failed, context=self))
        self._open(dialog)

    def _on_active_button_clicked(self) -> None:
        user, session = self.selected(), self.session
        if user is None:
            return
        self._lane.call(lambda c: c.accounts.set_active(user.username, not user.active,
                                                        by=session),
                        self._on_lane_saved, self._on_lane_failed, context=self)

    def _open(self, dialog: QDialog) -> None:
        self.message.show_problem("")
        if isinstance(dialog, AccountDialog):
            dialog.saved.connect(self._on_lane_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_lane_saved(self, user: object) -> None:
        assert isinstance(user, User)
        self.message.show_problem("")
        self.refresh(select=user.username)
        self.account_changed.emit(user)

    def _on_lane_failed(self, error: BaseException) -> None:
        self.message.show_problem(errors.describe(error))

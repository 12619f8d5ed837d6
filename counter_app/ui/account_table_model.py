"""The accounts of this workstation, one row each, for the administrator's "Tài khoản" page."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from ..domain.accounts import User
from ..services.counter import local_now
from . import labels
from .row_table_model import RowTableModel

USER_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's domain.accounts.User
INACTIVE_COLOUR = QColor("#8a8a8a")


class Column(IntEnum):
    USERNAME = 0  # tên đăng nhập
    FULL_NAME = 1  # họ và tên
    ROLE = 2  # vai trò
    ACTIVE = 3  # trạng thái
    LAST_LOGIN = 4  # đăng nhập lần cuối


HEADERS: dict[Column, str] = {
    Column.USERNAME: QT_TRANSLATE_NOOP("AccountTableModel", "Tên đăng nhập"),
    Column.FULL_NAME: QT_TRANSLATE_NOOP("AccountTableModel", "Họ và tên"),
    Column.ROLE: QT_TRANSLATE_NOOP("AccountTableModel", "Vai trò"),
    Column.ACTIVE: QT_TRANSLATE_NOOP("AccountTableModel", "Trạng thái"),
    Column.LAST_LOGIN: QT_TRANSLATE_NOOP("AccountTableModel", "Đăng nhập lần cuối"),
}


class AccountTableModel(RowTableModel[User]):
    columns = Column
    headers = HEADERS
    context = "AccountTableModel"

    def __init__(self, users: Sequence[User] = (), parent: QObject | None = None) -> None:
        super().__init__(users, parent)

    def set_users(self, users: Sequence[User]) -> None:
        self.set_rows(users)

    def user(self, row: int) -> User | None:
        return self.row_at(row)

    def row_of(self, username: str) -> int:
        return next((i for i, u in enumerate(self._rows) if u.username == username), -1)

    def cell(self, user: User, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.USERNAME:
                return user.username
            if column == Column.FULL_NAME:
                return user.full_name
            if column == Column.ROLE:
                return labels.role_name(user.role)
            if column == Column.ACTIVE:
                if not user.active:
                    return QCoreApplication.translate("AccountTableModel", "Ngừng hoạt động")
                if user.locked_until is not None and user.locked_until > local_now():
                    return QCoreApplication.translate("AccountTableModel", "Tạm khóa")
                return QCoreApplication.translate("AccountTableModel", "Đang hoạt động")
            if user.last_login_at is None:
                return QCoreApplication.translate("AccountTableModel", "Chưa đăng nhập")
            return labels.format_datetime(user.last_login_at)
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return INACTIVE_COLOUR
        if role == USER_ROLE:
            return user
        return None

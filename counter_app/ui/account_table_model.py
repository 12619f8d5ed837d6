"""The accounts of this workstation, one row each, for the administrator's "Tài khoản" page."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor

from ..domain.accounts import User
from ..services.counter import local_now
from . import labels
from .dossier_table_model import ModelIndex

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountTableModel", text)


class AccountTableModel(QAbstractTableModel):
    def __init__(self, users: Sequence[User] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(users)

    def set_users(self, users: Sequence[User]) -> None:
        self.beginResetModel()
        self._rows = list(users)
        self.endResetModel()

    def user(self, row: int) -> User | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, username: str) -> int:
        return next((i for i, u in enumerate(self._rows) if u.username == username), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        user = self._rows[index.row()]
        column = Column(index.column())
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

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return _tr(HEADERS[Column(section)])
        return None

"""The messages sent to the citizen about one dossier, with what the portal says of them."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from ..domain.notices import NoticeChannel, NoticeKind, NoticeState
from ..store.notices import NoticeLine
from . import labels
from .row_table_model import RowTableModel

CONTEXT = "NoticeTableModel"


class Column(IntEnum):
    QUEUED = 0  # lúc tạo
    KIND = 1  # loại tin
    CHANNEL = 2  # kênh
    TO = 3  # gửi tới
    STATE = 4  # tình trạng
    SENT = 5  # lúc gửi
    TEXT = 6  # nội dung


HEADERS: dict[Column, str] = {
    Column.QUEUED: QT_TRANSLATE_NOOP("NoticeTableModel", "Lúc tạo"),
    Column.KIND: QT_TRANSLATE_NOOP("NoticeTableModel", "Loại tin"),
    Column.CHANNEL: QT_TRANSLATE_NOOP("NoticeTableModel", "Kênh"),
    Column.TO: QT_TRANSLATE_NOOP("NoticeTableModel", "Gửi tới"),
    Column.STATE: QT_TRANSLATE_NOOP("NoticeTableModel", "Tình trạng"),
    Column.SENT: QT_TRANSLATE_NOOP("NoticeTableModel", "Lúc gửi"),
    Column.TEXT: QT_TRANSLATE_NOOP("NoticeTableModel", "Nội dung"),
}
KINDS: dict[NoticeKind, str] = {
    NoticeKind.RECEIVED: QT_TRANSLATE_NOOP("NoticeTableModel", "Đã tiếp nhận"),
    NoticeKind.SUPPLEMENT: QT_TRANSLATE_NOOP("NoticeTableModel", "Cần bổ sung"),
    NoticeKind.RESULT_READY: QT_TRANSLATE_NOOP("NoticeTableModel", "Đã có kết quả"),
    NoticeKind.DELAY: QT_TRANSLATE_NOOP("NoticeTableModel", "Trễ hẹn, xin lỗi"),
}
CHANNELS: dict[NoticeChannel, str] = {
    NoticeChannel.SMS: QT_TRANSLATE_NOOP("NoticeTableModel", "SMS"),
    NoticeChannel.EMAIL: QT_TRANSLATE_NOOP("NoticeTableModel", "Thư điện tử"),
    NoticeChannel.ZALO: QT_TRANSLATE_NOOP("NoticeTableModel", "Zalo"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def state_text(line: NoticeLine) -> str:
    if line.state == NoticeState.SENT:
        return QCoreApplication.translate("NoticeTableModel", "Đã gửi")
    if line.state == NoticeState.FAILED:
        return QCoreApplication.translate("NoticeTableModel", "Gửi không được")
    if line.attempts:
        return QCoreApplication.translate(
            "NoticeTableModel", "Chưa gửi được, cổng đang thử lại (lần {n})").format(
                n=line.attempts)
    return QCoreApplication.translate("NoticeTableModel", "Chờ gửi")


class NoticeTableModel(RowTableModel[NoticeLine]):
    columns = Column
    headers = HEADERS
    context = CONTEXT

    def cell(self, row: NoticeLine, column: Any, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            Column.QUEUED: lambda: labels.format_datetime(row.queued_at),
            Column.KIND: lambda: _tr(KINDS[row.kind]),
            Column.CHANNEL: lambda: _tr(CHANNELS[row.channel]),
            Column.TO: lambda: row.to,
            Column.STATE: lambda: state_text(row),
            Column.SENT: lambda: labels.format_datetime(row.sent_at),
            Column.TEXT: lambda: row.text,
        }
        return values[column]()

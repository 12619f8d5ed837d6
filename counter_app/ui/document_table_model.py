"""The documents (thành phần hồ sơ) received with one dossier, for the detail view."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from ..domain.model import ReceivedDocument
from .row_table_model import RowTableModel


class Column(IntEnum):
    NAME = 0  # tên giấy tờ
    ORIGINAL = 1  # bản chính
    CERTIFIED_COPY = 2  # bản sao chứng thực
    PHOTOCOPY = 3  # bản photo
    MANDATORY = 4  # bắt buộc


HEADERS: dict[Column, str] = {
    Column.NAME: QT_TRANSLATE_NOOP("DocumentTableModel", "Tên giấy tờ"),
    Column.ORIGINAL: QT_TRANSLATE_NOOP("DocumentTableModel", "Bản chính"),
    Column.CERTIFIED_COPY: QT_TRANSLATE_NOOP("DocumentTableModel", "Bản sao chứng thực"),
    Column.PHOTOCOPY: QT_TRANSLATE_NOOP("DocumentTableModel", "Bản photo"),
    Column.MANDATORY: QT_TRANSLATE_NOOP("DocumentTableModel", "Bắt buộc"),
}


class DocumentTableModel(RowTableModel[ReceivedDocument]):
    columns = Column
    headers = HEADERS
    context = "DocumentTableModel"

    def __init__(self, documents: Sequence[ReceivedDocument] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(documents, parent)

    def cell(self, doc: ReceivedDocument, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.NAME:
                return doc.name
            if column == Column.MANDATORY:
                return QCoreApplication.translate("DocumentTableModel", "Có") \
                    if doc.mandatory else ""
            count = {Column.ORIGINAL: doc.original, Column.CERTIFIED_COPY: doc.certified_copy,
                     Column.PHOTOCOPY: doc.photocopy}[column]
            return str(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME:
            return doc.name
        return None

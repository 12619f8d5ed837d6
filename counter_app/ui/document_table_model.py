"""The documents (thành phần hồ sơ) received with one dossier, for the detail view."""

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

from ..domain.model import ReceivedDocument
from .dossier_table_model import ModelIndex


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


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, documents: Sequence[ReceivedDocument] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(documents)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc = self._rows[index.row()]
        column = Column(index.column())
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

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return QCoreApplication.translate("DocumentTableModel", HEADERS[Column(section)])
        return None

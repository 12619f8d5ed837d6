"""Events the portal refused or holds differently (quarantine, conflicts), for the supervisor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from ..store.sync import Problem
from . import labels
from .row_table_model import RowTableModel

CONTEXT = "SyncProblemTableModel"
PROBLEM_ROLE = Qt.ItemDataRole.UserRole  # the store.sync.Problem of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


class Column(IntEnum):
    CODE = 0  # mã hồ sơ
    KIND = 1  # sự kiện
    AT = 2  # thời điểm của sự kiện
    RESULT = 3  # bị từ chối / xung đột
    MESSAGE = 4  # lời của cổng
    ATTEMPTS = 5  # số lần gửi


HEADERS: dict[Column, str] = {
    Column.CODE: QT_TRANSLATE_NOOP("SyncProblemTableModel", "Mã hồ sơ"),
    Column.KIND: QT_TRANSLATE_NOOP("SyncProblemTableModel", "Sự kiện"),
    Column.AT: QT_TRANSLATE_NOOP("SyncProblemTableModel", "Thời điểm"),
    Column.RESULT: QT_TRANSLATE_NOOP("SyncProblemTableModel", "Tình trạng"),
    Column.MESSAGE: QT_TRANSLATE_NOOP("SyncProblemTableModel", "Cổng trả lời"),
    Column.ATTEMPTS: QT_TRANSLATE_NOOP("SyncProblemTableModel", "Số lần gửi"),
}

RESULTS: dict[str, str] = {
    "rejected": QT_TRANSLATE_NOOP("SyncProblemTableModel", "Bị từ chối"),
    "conflict": QT_TRANSLATE_NOOP("SyncProblemTableModel", "Xung đột"),
}


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def _when(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def result_name(result: str) -> str:
    return _tr(RESULTS[result]) if result in RESULTS else result


def portal_message(p: Problem) -> str:
    """The portal's own Vietnamese sentence; its reason code when it sent none."""
    return p.message or p.reason


def problem_detail(p: Problem) -> str:
    """Everything the portal said about the event, for the tooltip and the detail pane."""
    lines = [portal_message(p)]
    if p.reason:
        lines.append(translate("SyncProblemTableModel", "Mã lý do: {reason}").format(
            reason=p.reason))
    for item in p.problems:
        if not isinstance(item, dict):
            continue
        field = str(item.get("field") or item.get("loc") or "")
        code = str(item.get("code") or item.get("type") or item.get("msg") or "")
        lines.append(f"• {field}: {code}" if field else f"• {code}")
    answered = _when(p.answered_at)
    if answered is not None:
        lines.append(translate(
            "SyncProblemTableModel", "Cổng trả lời lúc {at}, sau {n} lần gửi.").format(
            at=labels.format_datetime(answered), n=p.attempts))
    return "\n".join(line for line in lines if line)


class SyncProblemTableModel(RowTableModel[Problem]):
    columns = Column
    headers = HEADERS
    context = CONTEXT

    def __init__(self, rows: Sequence[Problem] = (), parent: QObject | None = None) -> None:
        super().__init__(rows, parent)

    def set_problems(self, rows: Sequence[Problem]) -> None:
        self.set_rows(rows)

    def problem(self, row: int) -> Problem:
        return self._rows[row]

    def cell(self, p: Problem, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, column)
        if role == SORT_ROLE:
            if column == Column.AT:
                return p.seq
            if column == Column.ATTEMPTS:
                return p.attempts
            return self._display(p, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.MESSAGE, Column.RESULT):
            return problem_detail(p)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PROBLEM_ROLE:
            return p
        return None

    @staticmethod
    def _display(p: Problem, column: Column) -> str:
        if column == Column.CODE:
            return p.dossier_code or "—"
        if column == Column.KIND:
            return labels.event_name(p.kind)
        if column == Column.AT:
            return labels.format_datetime(_when(p.at))
        if column == Column.RESULT:
            return result_name(p.result)
        if column == Column.MESSAGE:
            return portal_message(p)
        return str(p.attempts)

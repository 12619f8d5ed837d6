"""Timeline lines and list names of the follow-ups after the receipt (services/followup.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain import followup as rules
from ..services.followup import Category
from . import labels

CONTEXT = "followup"

CATEGORY_NAMES: dict[Category, str] = {
    Category.ONLINE: QT_TRANSLATE_NOOP("followup", "Nộp trực tuyến chờ tiếp nhận"),
    Category.SUPPLEMENT: QT_TRANSLATE_NOOP("followup", "Yêu cầu bổ sung"),
    Category.FINANCIAL: QT_TRANSLATE_NOOP("followup", "Nghĩa vụ tài chính"),
    Category.DONE: QT_TRANSLATE_NOOP("followup", "Có kết quả, chờ trả"),
    Category.STOPPED: QT_TRANSLATE_NOOP("followup", "Dừng xử lý"),
    Category.DUE_SOON: QT_TRANSLATE_NOOP("followup", "Sắp đến hạn"),
    Category.OVERDUE: QT_TRANSLATE_NOOP("followup", "Quá hạn"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def category_name(category: Category) -> str:
    return _tr(CATEGORY_NAMES[category])


def _when(text: Any) -> str:
    try:
        return labels.format_datetime(dt.datetime.fromisoformat(str(text)))
    except ValueError:
        return ""


def _documents(payload: dict[str, Any]) -> str:
    docs = payload.get("documents")
    if not isinstance(docs, list):
        return ""
    return ", ".join(str(d.get("name", "")) for d in docs if isinstance(d, dict))


def followup_detail(kind: str, payload: dict[str, Any]) -> str:
    """One line of the dossier's timeline for a follow-up event."""
    due = _when(payload.get("due_at"))
    reason = str(payload.get("reason") or "")
    if kind == rules.ACCEPTED:
        return QCoreApplication.translate(
            "followup", "Hẹn trả {due}; giấy tờ: {items}").format(
            due=due, items=_documents(payload))
    if kind == rules.SUPPLEMENT_RECEIVED:
        line = QCoreApplication.translate(
            "followup", "Đã nhận: {items}; hẹn trả mới {due}").format(
            items=_documents(payload), due=due)
        if payload.get("repeat_request"):
            line += " — " + QCoreApplication.translate(
                "followup", "⚠ yêu cầu bổ sung lần thứ hai của cùng cơ quan")
        return line
    if kind == rules.DELAY_APOLOGY:
        return QCoreApplication.translate(
            "followup", "Hẹn lại {due} (trước: {old}); lý do: {reason}").format(
            due=due, old=_when(payload.get("previous_due_at")), reason=reason)
    if kind == rules.WITHDRAWN:
        return QCoreApplication.translate(
            "followup", "Lý do: {reason}").format(reason=reason)
    return ""

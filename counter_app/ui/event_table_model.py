"""The events of one dossier (its timeline, oldest first), for the detail view."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from ..domain.followup import FOLLOWUP_KINDS
from ..domain.model import Status
from ..store.events import Event
from . import labels
from .followup_labels import followup_detail
from .row_table_model import RowTableModel


class Column(IntEnum):
    AT = 0  # thời điểm
    KIND = 1  # sự kiện
    DETAIL = 2  # nội dung
    USER = 3  # người thực hiện
    WORKSTATION = 4  # máy trạm


HEADERS: dict[Column, str] = {
    Column.AT: QT_TRANSLATE_NOOP("EventTableModel", "Thời điểm"),
    Column.KIND: QT_TRANSLATE_NOOP("EventTableModel", "Sự kiện"),
    Column.DETAIL: QT_TRANSLATE_NOOP("EventTableModel", "Nội dung"),
    Column.USER: QT_TRANSLATE_NOOP("EventTableModel", "Người thực hiện"),
    Column.WORKSTATION: QT_TRANSLATE_NOOP("EventTableModel", "Máy trạm"),
}


def event_detail(event: Event) -> str:
    """One line about what the event changed, from its payload."""
    payload = event.payload
    if event.kind == "status_changed":
        try:
            old, new = Status(payload["from"]), Status(payload["to"])
        except (KeyError, ValueError):
            return ""
        line = f"{labels.status_name(old)} → {labels.status_name(new)}"
        note = str(payload.get("note") or "")
        return f"{line} ({note})" if note else line
    if event.kind == "portal_status":  # set by a back office (or another counter) at the portal
        return portal_status_detail(payload)
    if event.kind in FOLLOWUP_KINDS:  # after the receipt: services/followup.py
        return followup_detail(event.kind, payload)
    if event.kind == "printed":
        form = labels.form_name(str(payload.get("form", "")))
        reprint = payload.get("reprint")
        if isinstance(reprint, int) and reprint > 0:
            return QCoreApplication.translate("EventTableModel", "{form} (in lại lần {n})").format(
                form=form, n=reprint)
        return form
    scans = payload.get("attachments")
    if isinstance(scans, list) and scans and event.kind in ("received", "attachments_added"):
        items = ", ".join(sorted({str(a.get("name", "")) for a in scans if isinstance(a, dict)}))
        return QCoreApplication.translate("EventTableModel", "{n} bản quét: {items}").format(
            n=len(scans), items=items)
    if event.kind == "guidance" and payload.get("missing"):
        missing = payload["missing"]
        items = ", ".join(map(str, missing)) if isinstance(missing, list) else str(missing)
        return QCoreApplication.translate("EventTableModel", "Còn thiếu: {items}").format(
            items=items)
    return ""


def portal_status_detail(payload: dict[str, Any]) -> str:
    """"Đang xử lý → Đã xử lý xong (ghi chú; phòng ban)"; the old status may be unknown."""
    try:
        new = Status(payload["to"])
        old = Status(payload["from"]) if payload.get("from") is not None else None
    except (KeyError, TypeError, ValueError):
        return ""
    line = labels.status_name(new) if old is None else \
        f"{labels.status_name(old)} → {labels.status_name(new)}"
    said = "; ".join(str(payload[k]) for k in ("note", "department") if payload.get(k))
    return f"{line} ({said})" if said else line


class EventTableModel(RowTableModel[Event]):
    columns = Column
    headers = HEADERS
    context = "EventTableModel"

    def __init__(self, events: Sequence[Event] = (), parent: QObject | None = None) -> None:
        super().__init__(events, parent)

    def cell(self, event: Event, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.AT:
                return labels.format_datetime(event.at)
            if column == Column.KIND:
                return labels.event_name(event.kind)
            if column == Column.DETAIL:
                return event_detail(event)
            if column == Column.USER:
                return event.user
            return f"{event.workstation:02d}" if event.workstation else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.DETAIL:
            return event_detail(event) or None
        return None

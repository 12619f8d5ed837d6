"""Applying pulled changes to the local store: one page and its cursor in one transaction.

Every change is a "set to", and applying one twice is harmless: procedures, the agency's forms
and calendar exceptions are upserted (a pulled entry that says nothing about forms keeps the
forms the local entry had: docs/catalogue-format.md), a status record is recognised by its time
and status, an online dossier already held is left alone. So a repeated page (after a crash)
or a full replay (after 410) changes nothing that was already right.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..domain.errors import DomainError
from ..domain.model import Dossier, Status
from ..domain.records import dossier_to_dict, iso
from ..domain.status import can_move
from ..store import agency_forms, db, events
from ..store import catalogue as catalogue_store
from ..store import dossiers as dossier_store
from ..store import notices as notice_store
from ..store import sync as sync_store
from . import wire

log = logging.getLogger(__name__)


@dataclass
class Applied:
    """What one page did locally."""

    changes: int = 0  # applied (or already in place)
    ignored: int = 0  # about dossiers this workstation does not hold
    skipped: int = 0  # unreadable: a newer portal's kind or data (logged)
    rechecks: int = 0  # status changes that did not follow from the local status
    dossiers: set[str] = field(default_factory=set)
    catalogue: bool = False
    calendar: bool = False


@dataclass(frozen=True)
class Context:
    agency_code: str
    workstation: int
    now: dt.datetime


def apply_page(conn: sqlite3.Connection, items: list[dict[str, Any]], next_cursor: str,
               ctx: Context) -> Applied:
    """Apply a page of changes and store `next_cursor`, all in one transaction."""
    out = Applied()
    with db.transaction(conn):
        for item in items:
            conn.execute("SAVEPOINT change")
            try:
                _apply(conn, item, ctx, out)
            except (KeyError, TypeError, ValueError, DomainError, sqlite3.IntegrityError) as e:
                conn.execute("ROLLBACK TO change")
                out.skipped += 1
                log.warning("pulled change %s (%s) skipped: %s", item.get("seq"),
                            item.get("kind"), type(e).__name__)
            conn.execute("RELEASE change")
        sync_store.set_cursor(conn, next_cursor)
    return out


def _apply(conn: sqlite3.Connection, item: dict[str, Any], ctx: Context, out: Applied) -> None:
    kind, data = item["kind"], item["data"]
    if not isinstance(data, dict):
        raise TypeError("data")
    if kind == "procedure":
        procedure = wire.procedure_of(data)
        if "forms" not in data:  # the portal says nothing about forms: keep the entry's own
            procedure = dataclasses.replace(
                procedure, forms=catalogue_store.entry_forms(conn, procedure.code))
        catalogue_store.upsert_procedures(conn, [procedure], ctx.now)
        out.catalogue = True
    elif kind == "agency_form":
        _agency_form(conn, wire.agency_form_of(data), ctx, out)
        return
    elif kind == "calendar_exception":
        catalogue_store.put_calendar_exceptions(conn, [wire.calendar_exception_of(data)],
                                                ctx.now)
        out.calendar = True
    elif kind == "calendar_exception_removed":
        catalogue_store.delete_calendar_exception(conn, wire.removed_day(data))
        out.calendar = True
    elif kind == "status":
        _status(conn, wire.status_update_of(data), ctx, out)
        return
    elif kind == "dossier":
        _online_dossier(conn, data, ctx, out)
        return
    elif kind == "notice":  # a message's sending status (docs/sync-protocol.md §4)
        dossier_id = notice_store.apply_status(conn, data, at=ctx.now,
                                               workstation=ctx.workstation)
        if dossier_id is None:
            out.ignored += 1
        else:
            out.dossiers.add(dossier_id)
            out.changes += 1
        return
    else:
        raise ValueError(f"unknown kind {kind!r}")
    out.changes += 1


def _agency_form(conn: sqlite3.Connection, form: agency_forms.AgencyForm, ctx: Context,
                 out: Applied) -> None:
    """A form attached or detached at another workstation of the agency. A choice made here
    and not yet answered by the portal wins: it reaches the portal after this one, and the
    portal keeps the latest. The PDF is fetched by hash after the pull (sync/files.py)."""
    out.changes += 1
    if sync_store.has_pending(conn, agency_forms.slot_id(form.procedure_code, form.code)):
        return
    agency_forms.put(conn, form, event_id=None, uploaded_at=ctx.now)
    out.catalogue = True


def _status(conn: sqlite3.Connection, u: wire.StatusUpdate, ctx: Context,
            out: Applied) -> None:
    d = dossier_store.get_by_id(conn, u.dossier_id)
    if d is None or d.status is None:
        out.ignored += 1
        return
    out.changes += 1
    if _already(conn, u):
        return
    if d.status != u.status and not can_move(d.status, u.status):
        # The local status is ahead of this record (this counter's own change went out after
        # it, and its own changes are not sent back) or disagrees with it: ask the portal
        # for the dossier's current status once nothing of it waits to be sent.
        sync_store.add_recheck(conn, d.id, ctx.now)
        out.rechecks += 1
        return
    _set_status(conn, d, u.status, ctx, due_at=u.due_at, user=u.by,
                extra={"note": u.note, "department": u.department,
                       "at": iso(u.at), "key": u.key})
    notice = notice_store.kind_for_status(int(u.status))
    if notice is not None and d.status != u.status:
        notice_store.queue(conn, d, notice, at=ctx.now, user="", workstation=ctx.workstation)
    out.dossiers.add(d.id)


def _already(conn: sqlite3.Connection, u: wire.StatusUpdate) -> bool:
    row = conn.execute(
        "SELECT 1 FROM dossier_events WHERE dossier_id = ? AND kind = ?"
        " AND json_extract(payload, '$.key') = ? LIMIT 1",
        (u.dossier_id, sync_store.PORTAL_STATUS, u.key)).fetchone()
    return row is not None


def _set_status(conn: sqlite3.Connection, d: Dossier, status: Status, ctx: Context, *,
                due_at: dt.datetime | None, user: str, extra: dict[str, Any]) -> None:
    """The portal's status on the local dossier, recorded as a local-only event."""
    updated = dataclasses.replace(d, status=status, due_at=due_at or d.due_at,
                                  updated_at=ctx.now)
    dossier_store.update_state(conn, updated)
    events.append(conn, dossier_id=d.id, kind=sync_store.PORTAL_STATUS, at=ctx.now, user=user,
                  workstation=ctx.workstation,
                  payload={"from": int(d.status) if d.status is not None else None,
                           "to": int(status), **extra})


def _online_dossier(conn: sqlite3.Connection, data: dict[str, Any], ctx: Context,
                    out: Applied) -> None:
    d = wire.online_dossier_of(data, ctx.agency_code, ctx.now)
    out.changes += 1
    if dossier_store.get_by_id(conn, d.id) is not None:
        return
    dossier_store.insert(conn, d)
    events.append(conn, dossier_id=d.id, kind=sync_store.ONLINE_RECEIVED, at=ctx.now, user="",
                  workstation=ctx.workstation, payload={"dossier": dossier_to_dict(d)})
    out.dossiers.add(d.id)


def apply_remote_status(conn: sqlite3.Connection, dossier_id: str,
                        remote: dict[str, Any] | None, ctx: Context) -> bool:
    """After a recheck: take the portal's current status of the dossier (one transaction).
    Returns whether the local dossier changed."""
    changed = False
    with db.transaction(conn):
        d = dossier_store.get_by_id(conn, dossier_id)
        text = str((remote or {}).get("TrangThaiHoSo") or "")
        if d is not None and text.isdigit() and 1 <= int(text) <= 10 \
                and d.status != Status(int(text)):
            _set_status(conn, d, Status(int(text)), ctx, due_at=None, user="",
                        extra={"note": "", "recheck": True})
            changed = True
        sync_store.drop_recheck(conn, dossier_id)
    return changed

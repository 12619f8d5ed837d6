"""The change feed devices pull: a monotonic sequence, opaque cursors, pages."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, or_, select, text, update

from . import schema as s
from .db import Database
from .errors import PortalError
from .timefmt import iso

# Kinds of change, as sent to devices.
PROCEDURE = "procedure"  # data: one catalogue entry (counter_app.domain.catalogue format)
CALENDAR = "calendar_exception"  # data: one row of the exceptions file format
CALENDAR_REMOVED = "calendar_exception_removed"  # data: {"date": "YYYY-MM-DD"}
STATUS = "status"  # data: CapNhatTienDoHoSoMC record + dossier_id
DOSSIER = "dossier"  # data: DongBoHoSoMC record of a dossier submitted online + id
AGENCY_FORM = "agency_form"  # data: a form attached (or detached) at the agency (forms.py)


@dataclass(frozen=True)
class Change:
    kind: str
    key: str
    data: dict[str, Any]
    agency_code: str | None = None  # None: for every agency
    origin_device_id: str | None = None  # not sent back to the device it came from


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str
    more: bool


def record(conn: Connection, items: list[Change], now: dt.datetime) -> None:
    """Append changes in the caller's transaction. Call it last, just before commit.

    The UPDATE of the `changes` counter row locks that row until commit, so sequence numbers
    become visible in order: a reader can never see seq n+1 while n is still uncommitted
    (which a plain SQL sequence would allow, and a cursor would then skip n forever).
    """
    if not items:
        return
    conn.execute(update(s.counters).where(s.counters.c.name == "changes")
                 .values(value=s.counters.c.value + len(items)))
    last = int(conn.execute(select(s.counters.c.value)
                            .where(s.counters.c.name == "changes")).scalar_one())
    first = last - len(items) + 1
    _compact(conn, items, first)
    conn.execute(s.changes.insert(), [
        {"seq": first + i, "agency_code": c.agency_code, "origin_device_id": c.origin_device_id,
         "kind": c.kind, "item_key": c.key, "at": iso(now),
         "data": json.dumps(c.data, ensure_ascii=False, sort_keys=True)}
        for i, c in enumerate(items)
    ])


# Kinds whose newest change replaces every older one of the same key ("set to" whole items):
# their older rows are deleted when a newer one is recorded, so that a new device pulls each
# procedure, each calendar date and each form of an agency once, not its whole history (an
# agency form's key names the agency, so one agency's change never removes another's). Never
# status or dossier changes: those are a dossier's progress, each row a step the counters see.
_FAMILIES = ((PROCEDURE,), (CALENDAR, CALENDAR_REMOVED), (AGENCY_FORM,))


def _compact(conn: Connection, items: list[Change], before: int) -> None:
    """Delete the changes that `items` supersede (same family, same key, lower seq). Safe for
    every cursor: the newest row of a key always stays, after any cursor that had not yet
    reached the deleted ones."""
    c = s.changes.c
    for family in _FAMILIES:
        keys = sorted({i.key for i in items if i.kind in family})
        for start in range(0, len(keys), 500):
            conn.execute(delete(s.changes).where(
                c.kind.in_(family), c.item_key.in_(keys[start:start + 500]), c.seq < before))


def instance_id(db: Database) -> str:
    """A random id of this portal database, written once; cursors carry it."""
    with db.write() as conn:
        db.insert_if_absent(conn, s.portal_info, {"name": "instance", "value": uuid.uuid4().hex})
        return str(conn.execute(select(s.portal_info.c.value)
                                .where(s.portal_info.c.name == "instance")).scalar_one())


def encode_cursor(instance: str, seq: int) -> str:
    return base64.urlsafe_b64encode(f"{instance}:{seq}".encode()).decode().rstrip("=")


def decode_cursor(instance: str, cursor: str | None) -> int:
    """Sequence number after which to continue; "" or None = from the beginning."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        owner, _, number = raw.partition(":")
        seq = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise PortalError("invalid_cursor", 400) from None
    if seq < 0 or len(owner) != 32:
        raise PortalError("invalid_cursor", 400)
    if owner != instance:
        raise PortalError("cursor_unknown", 410)
    return seq


def page(conn: Connection, instance: str, *, agency_code: str, device_id: str,
         cursor: str | None, limit: int) -> Page:
    after = decode_cursor(instance, cursor)
    last = int(conn.execute(text("SELECT value FROM counters WHERE name = 'changes'")).scalar_one())
    if after > last:
        raise PortalError("cursor_unknown", 410)
    c = s.changes.c
    rows = conn.execute(
        select(c.seq, c.kind, c.item_key, c.data, c.at)
        .where(c.seq > after,
               or_(c.agency_code.is_(None), c.agency_code == agency_code),
               or_(c.origin_device_id.is_(None), c.origin_device_id != device_id))
        .order_by(c.seq).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    # With no more rows for this device, jump to the newest seq so that later pulls skip
    # the rows filtered out here (other agencies', its own).
    end = rows[-1].seq if more else max(last, after, rows[-1].seq if rows else 0)
    items = [{"seq": r.seq, "kind": r.kind, "key": r.item_key, "at": r.at,
              "data": json.loads(r.data)} for r in rows]
    return Page(items, encode_cursor(instance, end), more)

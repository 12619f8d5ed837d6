"""Catalogue procedures and calendar exceptions held by the portal, published as changes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, select, update

from counter_app.domain.calendar import CalendarException, parse_exceptions
from counter_app.domain.catalogue import load_catalogue_file, procedure_to_dict
from counter_app.domain.errors import ValidationFailed
from counter_app.domain.model import Procedure

from . import changes
from . import schema as s
from .db import Database
from .errors import PortalError
from .timefmt import iso


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def read_catalogue_files(paths: list[Path]) -> list[Procedure]:
    """Parse every file first, so that one bad file imports nothing."""
    out: list[Procedure] = []
    for path in paths:
        try:
            out += load_catalogue_file(path)
        except OSError:
            raise PortalError("file_unreadable", 422, path=str(path)) from None
        except ValidationFailed as e:
            detail = "; ".join(f"{p.field}: {p.code}" for p in e.problems[:5])
            raise PortalError("catalogue_invalid", 422, path=str(path), detail=detail) from None
    return out


def import_procedures(db: Database, procedures: list[Procedure], now: dt.datetime) -> int:
    """Insert or update procedures; only those that changed become changes. Returns that count."""

    def work(conn: Connection) -> int:
        pending: list[changes.Change] = []
        for p in procedures:
            data = procedure_to_dict(p)
            text = _dump(data)
            old = conn.execute(select(s.procedures.c.data)
                               .where(s.procedures.c.code == p.code)).scalar()
            if old == text:
                continue
            if old is None:
                conn.execute(s.procedures.insert().values(code=p.code, data=text,
                                                          updated_at=iso(now)))
            else:
                conn.execute(update(s.procedures).where(s.procedures.c.code == p.code)
                             .values(data=text, updated_at=iso(now)))
            pending.append(changes.Change(changes.PROCEDURE, p.code, data))
        changes.record(conn, pending, now)
        return len(pending)

    return db.write_retry(work)


def remove_calendar_exception(db: Database, day: dt.date, now: dt.datetime) -> bool:
    """Delete one exception; False if the portal had none for that date."""
    key = day.isoformat()

    def work(conn: Connection) -> bool:
        gone = conn.execute(delete(s.calendar_exceptions)
                            .where(s.calendar_exceptions.c.day == key)).rowcount
        if gone:
            changes.record(conn, [changes.Change(changes.CALENDAR_REMOVED, key,
                                                 {"date": key})], now)
        return bool(gone)

    return db.write_retry(work)


def procedure(conn: Connection, code: str) -> dict[str, Any] | None:
    raw = conn.execute(select(s.procedures.c.data).where(s.procedures.c.code == code)).scalar()
    return json.loads(raw) if raw else None


def read_calendar_file(path: Path) -> list[CalendarException]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        raise PortalError("file_unreadable", 422, path=str(path)) from None
    try:
        return parse_exceptions(text, path.name)
    except ValueError as e:
        raise PortalError("calendar_invalid", 422, detail=str(e)) from None


def exception_row(item: CalendarException) -> dict[str, Any]:
    """One row of the exceptions file format (counter_app.domain.calendar)."""
    return {"date": item.day.isoformat(), "kind": item.kind.value, "note": item.note,
            "legal_ref": item.legal_ref}


def import_calendar(db: Database, items: list[CalendarException], now: dt.datetime) -> int:
    def work(conn: Connection) -> int:
        pending: list[changes.Change] = []
        for item in items:
            data = exception_row(item)
            text = _dump(data)
            key = data["date"]
            old = conn.execute(select(s.calendar_exceptions.c.data)
                               .where(s.calendar_exceptions.c.day == key)).scalar()
            if old == text:
                continue
            if old is None:
                conn.execute(s.calendar_exceptions.insert().values(day=key, data=text,
                                                                   updated_at=iso(now)))
            else:
                conn.execute(update(s.calendar_exceptions)
                             .where(s.calendar_exceptions.c.day == key)
                             .values(data=text, updated_at=iso(now)))
            pending.append(changes.Change(changes.CALENDAR, key, data))
        changes.record(conn, pending, now)
        return len(pending)

    return db.write_retry(work)

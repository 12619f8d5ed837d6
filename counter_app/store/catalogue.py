"""Procedure catalogue and calendar-exception rows.

A procedure read here comes with the forms the counter offers: the entry's own, overlaid by the
agency's attached and detached forms (store/agency_forms.py), which no catalogue write touches.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable

from ..domain.calendar import CalendarException, DayKind
from ..domain.catalogue import procedure_from_dict, procedure_to_dict
from ..domain.model import Procedure, ProcedureForm
from ..domain.records import iso
from ..domain.text import fold
from . import agency_forms


def upsert_procedures(
    conn: sqlite3.Connection, procedures: Iterable[Procedure], now: dt.datetime
) -> int:
    """Insert or replace procedures by code; returns how many were written."""
    rows = [
        (p.code, p.name, fold(f"{p.code} {p.name} {p.field_name}"), p.field_name, p.level.value,
         int(p.active), json.dumps(procedure_to_dict(p), ensure_ascii=False), iso(now))
        for p in procedures
    ]
    conn.executemany(
        "INSERT INTO procedures (code, name, name_folded, field_name, level, active, data,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
        " name_folded = excluded.name_folded, field_name = excluded.field_name,"
        " level = excluded.level, active = excluded.active, data = excluded.data,"
        " updated_at = excluded.updated_at",
        rows,
    )
    return len(rows)


def get_entry(conn: sqlite3.Connection, code: str) -> Procedure | None:
    """The catalogue entry as imported or pulled, with its own forms only."""
    row = conn.execute("SELECT data FROM procedures WHERE code = ?", (code.strip(),)).fetchone()
    return procedure_from_dict(json.loads(row["data"])) if row else None


def entry_forms(conn: sqlite3.Connection, code: str) -> tuple[ProcedureForm, ...]:
    """The forms the stored entry names (none when there is no entry)."""
    entry = get_entry(conn, code)
    return entry.forms if entry is not None else ()


def get_procedure(conn: sqlite3.Connection, code: str) -> Procedure | None:
    """The procedure with the forms the counter offers (the agency's layer applied)."""
    entry = get_entry(conn, code)
    if entry is None:
        return None
    return agency_forms.overlay(entry, agency_forms.for_procedure(conn, entry.code))


def list_procedures(
    conn: sqlite3.Connection, text: str = "", *, active_only: bool = True
) -> list[Procedure]:
    """Procedures whose folded code, name or field contains every folded word of `text`."""
    sql = "SELECT data FROM procedures WHERE 1 = 1"
    params: list[str] = []
    if active_only:
        sql += " AND active = 1"
    for word in fold(text).split():
        sql += " AND instr(name_folded, ?) > 0"
        params.append(word)
    rows = conn.execute(sql + " ORDER BY field_name, name", params)
    return agency_forms.overlay_all((procedure_from_dict(json.loads(r["data"])) for r in rows),
                                    agency_forms.by_procedure(conn))


def calendar_exceptions(conn: sqlite3.Connection) -> list[CalendarException]:
    rows = conn.execute("SELECT day, kind, note, legal_ref FROM calendar_exceptions ORDER BY day")
    return [
        CalendarException(dt.date.fromisoformat(r["day"]), DayKind(r["kind"]), r["note"],
                          r["legal_ref"])
        for r in rows
    ]


def put_calendar_exceptions(
    conn: sqlite3.Connection, items: Iterable[CalendarException], now: dt.datetime
) -> int:
    rows = [(e.day.isoformat(), e.kind.value, e.note, e.legal_ref, iso(now)) for e in items]
    conn.executemany(
        "INSERT INTO calendar_exceptions (day, kind, note, legal_ref, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET kind = excluded.kind,"
        " note = excluded.note, legal_ref = excluded.legal_ref, updated_at = excluded.updated_at",
        rows,
    )
    return len(rows)


def delete_calendar_exception(conn: sqlite3.Connection, day: dt.date) -> bool:
    cur = conn.execute("DELETE FROM calendar_exceptions WHERE day = ?", (day.isoformat(),))
    return cur.rowcount > 0

"""Daily closes: the day's events of a workstation, and the append-only record of closes."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from ..domain.daily_close import KINDS, ClerkDay, DayClose
from ..domain.records import iso


def day_events(conn: sqlite3.Connection, day: dt.date,
               workstation: int) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, user, payload) of the events this workstation recorded on `day` that a daily
    close reads, in order (index on `at`)."""
    start = dt.datetime.combine(day, dt.time())
    marks = ", ".join("?" for _ in KINDS)
    rows = conn.execute(
        f"SELECT kind, user, payload FROM dossier_events WHERE at >= ? AND at < ?"
        f" AND workstation = ? AND kind IN ({marks}) ORDER BY seq",
        (iso(start), iso(start + dt.timedelta(days=1)), workstation, *KINDS))
    return [(r[0], r[1], _payload(r[2])) for r in rows]


def _payload(text: str) -> dict[str, Any]:
    """A damaged payload (the sync engine quarantines those) counts as an empty one."""
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def record(conn: sqlite3.Connection, close: DayClose) -> int:
    """Append a close (call inside a transaction); returns its sequence number."""
    cur = conn.execute(
        "INSERT INTO daily_closes (day, workstation, closed_at, closed_by, unsynced, forced,"
        " summary) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (close.day.isoformat(), close.workstation, iso(close.closed_at), close.closed_by,
         close.unsynced, int(close.forced), json.dumps(close.as_dict(), ensure_ascii=False)))
    return int(cur.lastrowid or 0)


def _close(summary: str) -> DayClose:
    d = json.loads(summary)
    return DayClose(
        day=dt.date.fromisoformat(d["day"]), workstation=int(d["workstation"]),
        clerks=tuple(ClerkDay.from_dict(c) for c in d["clerks"]),
        totals=ClerkDay.from_dict(d["totals"]), unsynced=int(d["unsynced"]),
        closed_at=dt.datetime.fromisoformat(d["closed_at"]) if d["closed_at"] else None,
        closed_by=str(d["closed_by"]), forced=bool(d["forced"]))


def closes_of(conn: sqlite3.Connection, day: dt.date, workstation: int) -> list[DayClose]:
    """The closes recorded for that day and workstation, oldest first."""
    return [_close(r[0]) for r in conn.execute(
        "SELECT summary FROM daily_closes WHERE day = ? AND workstation = ? ORDER BY seq",
        (day.isoformat(), workstation))]

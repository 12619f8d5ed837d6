"""The append-only dossier event log: audit trail and sync outbox."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from ..domain.records import iso


@dataclass(frozen=True)
class Event:
    seq: int
    id: str
    dossier_id: str
    kind: str
    at: dt.datetime
    user: str
    workstation: int
    payload: dict[str, Any]


def append(
    conn: sqlite3.Connection,
    *,
    dossier_id: str,
    kind: str,
    at: dt.datetime,
    user: str,
    workstation: int,
    payload: dict[str, Any],
    event_id: str | None = None,
) -> str:
    """Write one event row; returns its UUID."""
    event_id = event_id or str(uuid.uuid4())
    conn.execute(
        "INSERT INTO dossier_events (id, dossier_id, kind, at, user, workstation, payload)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            event_id,
            dossier_id,
            kind,
            iso(at),
            user,
            workstation,
            json.dumps(payload, ensure_ascii=False, sort_keys=True),
        ),
    )
    return event_id


def _row(r: sqlite3.Row) -> Event:
    return Event(
        seq=r["seq"],
        id=r["id"],
        dossier_id=r["dossier_id"],
        kind=r["kind"],
        at=dt.datetime.fromisoformat(r["at"]),
        user=r["user"],
        workstation=r["workstation"],
        payload=json.loads(r["payload"]),
    )


def for_dossier(conn: sqlite3.Connection, dossier_id: str) -> list[Event]:
    rows = conn.execute(
        "SELECT * FROM dossier_events WHERE dossier_id = ? ORDER BY seq", (dossier_id,)
    )
    return [_row(r) for r in rows]


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM dossier_events").fetchone()[0])

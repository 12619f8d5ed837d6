"""Queries of the "to act on" lists (Cần xử lý): dossiers by status and by due date, read from
indexed columns only, each list walked in index order and cut at a limit."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..domain.model import DossierCode, DossierId, DossierSummary, Outcome, ProcedureCode, Status
from ..domain.records import iso
from .dossiers import SUMMARY_COLUMNS
from .sync import PORTAL_STATUS

_COLUMNS = SUMMARY_COLUMNS + ", updated_at"


def summary(r: sqlite3.Row) -> DossierSummary:
    return DossierSummary(
        id=DossierId(r["id"]),
        code=DossierCode(r["code"]) if r["code"] else None,
        outcome=Outcome(r["outcome"]),
        status=Status(r["status"]) if r["status"] is not None else None,
        procedure_code=ProcedureCode(r["procedure_code"]),
        procedure_name=r["procedure_name"],
        applicant_name=r["applicant_name"],
        received_at=dt.datetime.fromisoformat(r["received_at"]),
        due_at=dt.datetime.fromisoformat(r["due_at"]) if r["due_at"] else None,
    )


def by_status(conn: sqlite3.Connection, status: Status, limit: int, *,
              since: dt.datetime | None = None) -> list[sqlite3.Row]:
    """Dossiers in `status`, longest waiting first (index dossiers_status_updated)."""
    if since is None:
        return conn.execute(
            f"SELECT {_COLUMNS} FROM dossiers WHERE status = ? ORDER BY updated_at LIMIT ?",
            (int(status), limit)).fetchall()
    return conn.execute(
        f"SELECT {_COLUMNS} FROM dossiers WHERE status = ? AND updated_at >= ?"
        " ORDER BY updated_at LIMIT ?", (int(status), iso(since), limit)).fetchall()


def count_status(conn: sqlite3.Connection, status: Status, *,
                 since: dt.datetime | None = None) -> int:
    if since is None:
        row = conn.execute("SELECT count(*) FROM dossiers WHERE status = ?", (int(status),))
    else:
        row = conn.execute("SELECT count(*) FROM dossiers WHERE status = ? AND updated_at >= ?",
                           (int(status), iso(since)))
    return int(row.fetchone()[0])


def due_between(conn: sqlite3.Connection, statuses: Iterable[Status], start: dt.datetime | None,
                end: dt.datetime, limit: int) -> list[sqlite3.Row]:
    """Dossiers of `statuses` due in [start, end) (no lower bound for None), soonest due first.

    One index range per status (dossiers_status_due), merged here: a single query with
    `status IN (…)` would sort every match before the limit.
    """
    rows: list[sqlite3.Row] = []
    low = iso(start) if start is not None else ""
    for status in statuses:
        rows += conn.execute(
            f"SELECT {_COLUMNS} FROM dossiers WHERE status = ? AND due_at >= ? AND due_at < ?"
            " ORDER BY due_at LIMIT ?", (int(status), low, iso(end), limit)).fetchall()
    rows.sort(key=lambda r: str(r["due_at"]))
    return rows[:limit]


def count_due_between(conn: sqlite3.Connection, statuses: Iterable[Status],
                      start: dt.datetime | None, end: dt.datetime) -> int:
    low = iso(start) if start is not None else ""
    return sum(int(conn.execute(
        "SELECT count(*) FROM dossiers WHERE status = ? AND due_at >= ? AND due_at < ?",
        (int(s), low, iso(end))).fetchone()[0]) for s in statuses)


def portal_statuses(conn: sqlite3.Connection, dossier_id: str) -> list[dict[str, Any]]:
    """The status records the portal sent for a dossier, oldest first (payloads)."""
    rows = conn.execute("SELECT payload FROM dossier_events WHERE dossier_id = ? AND kind = ?"
                        " ORDER BY seq", (dossier_id, PORTAL_STATUS))
    return [json.loads(r["payload"]) for r in rows]


def portal_statuses_of(conn: sqlite3.Connection,
                       dossier_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """`portal_statuses` of many dossiers at once (one indexed look-up per chunk of ids)."""
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in dossier_ids}
    for start in range(0, len(dossier_ids), 500):
        chunk = dossier_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT dossier_id, payload FROM dossier_events WHERE dossier_id IN ({marks})"
            " AND kind = ? ORDER BY seq", (*chunk, PORTAL_STATUS))
        for r in rows:
            out[r["dossier_id"]].append(json.loads(r["payload"]))
    return out


def events_of_kind(conn: sqlite3.Connection, dossier_id: str, kind: str) -> list[dict[str, Any]]:
    """Payloads (with `at` added) of one kind of event of a dossier, oldest first."""
    rows = conn.execute("SELECT at, payload FROM dossier_events WHERE dossier_id = ?"
                        " AND kind = ? ORDER BY seq", (dossier_id, kind))
    return [{**json.loads(r["payload"]), "_at": r["at"]} for r in rows]


def set_received_at(conn: sqlite3.Connection, dossier_id: str, at: dt.datetime) -> None:
    """The indexed reception time of an online dossier, set when the counter accepts it."""
    conn.execute("UPDATE dossiers SET received_at = ? WHERE id = ?", (iso(at), dossier_id))

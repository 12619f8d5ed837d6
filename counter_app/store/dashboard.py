"""The dashboard's queries: each reads an index (or a short index range), never the records."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ..domain.records import iso

OPEN_STATUSES = (2, 4, 5, 6)  # received, not finished, not stopped


def received_per_day(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """Dossiers received per day of `start`…`end` (index on received_at: the range only)."""
    rows = conn.execute(
        "SELECT substr(received_at, 1, 10), count(*) FROM dossiers"
        " WHERE received_at >= ? AND received_at < ? AND outcome = 'received'"
        " GROUP BY substr(received_at, 1, 10)",
        (start.isoformat(), (end + dt.timedelta(days=1)).isoformat()))
    return {dt.date.fromisoformat(day): int(n) for day, n in rows}


def status_mix(conn: sqlite3.Connection) -> dict[int, int]:
    """How many dossiers are in each status (the (status, due_at) index alone). Status 1 (not
    yet received) and 3 (refusal records) are not received dossiers: left out."""
    rows = conn.execute("SELECT status, count(*) FROM dossiers INDEXED BY dossiers_status_due"
                        " WHERE status IS NOT NULL AND status NOT IN (1, 3) GROUP BY status")
    return {int(s): int(n) for s, n in rows}


def due_counts(conn: sqlite3.Connection, now: dt.datetime, soon: dt.datetime) -> tuple[int, int]:
    """(overdue, due soon) among open dossiers: due before `now`, due from `now` to `soon`."""
    row = conn.execute(
        "SELECT coalesce(sum(due_at < :now), 0),"
        " coalesce(sum(due_at >= :now AND due_at < :soon), 0)"
        " FROM dossiers INDEXED BY dossiers_status_due"
        " WHERE status IN (2, 4, 5, 6) AND due_at IS NOT NULL",
        {"now": iso(now), "soon": iso(soon)}).fetchone()
    return int(row[0]), int(row[1])


def on_time_by_procedure(conn: sqlite3.Connection, start: dt.date,
                         end: dt.date) -> dict[str, tuple[int, int]]:
    """Procedure code → (resolved, early or on time) for dossiers finished in `start`…`end`
    (the day of their first move to 9/10, schema REPORT_COLUMNS), by the II.06a rule: the
    finished day compared with the due day; no due day counts as on time."""
    rows = conn.execute(
        "SELECT procedure_code, count(*),"
        " sum(due_at IS NULL OR finished_on <= substr(due_at, 1, 10))"
        " FROM dossiers INDEXED BY dossiers_finished_on"
        " WHERE finished_on >= ? AND finished_on <= ? AND status IN (9, 10)"
        " GROUP BY procedure_code",
        (start.isoformat(), end.isoformat()))
    return {str(code): (int(n), int(ok)) for code, n, ok in rows}

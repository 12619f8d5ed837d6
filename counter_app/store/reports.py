"""The SQL of Biểu II.06a: the counts of a period per procedure in one aggregate query."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ..domain.reports import Counts

# The status events: a clerk's change (status_changed) and the portal's, pulled by the sync
# engine (portal_status). The portal's payload carries when the change happened there ("at");
# the event's own `at` is when this workstation pulled it, possibly days later.
STATUS_KINDS = ("status_changed", "portal_status")

# Per dossier: the day it was received, its channel (only needed when received in the period),
# its due day, and the day of its FIRST move to 9/10 (finished) or to 7/8 (stopped) — columns
# kept by triggers from the status events (schema REPORT_COLUMNS), read only while the status
# says the dossier is there; a dossier with no such event (imported already finished) falls back
# to the day its row last changed. Dossiers received before the period and last changed before
# it are finished or stopped before it: skipped.
_PER_DOSSIER = """
SELECT d.procedure_code AS proc,
       substr(d.received_at, 1, 10) AS rday,
       substr(d.due_at, 1, 10) AS dday,
       CASE WHEN d.received_at >= :start THEN d.channel END AS channel,
       CASE WHEN d.status IN (9, 10) THEN coalesce(d.finished_on,
            substr(d.updated_at, 1, 10)) END AS fday,
       CASE WHEN d.status IN (7, 8) THEN coalesce(d.stopped_on,
            substr(d.updated_at, 1, 10)) END AS sday
FROM dossiers d
WHERE d.outcome = 'received' AND d.status IN (2, 4, 5, 6, 7, 8, 9, 10)
  AND d.received_at < :after
  AND (d.received_at >= :start OR d.status IN (2, 4, 5, 6) OR d.updated_at >= :start)
"""

# The same rules as domain.reports.count_dossier, as sums over the dossiers of the period.
_AGGREGATE = """
WITH x AS ({per_dossier}),
y AS (SELECT *, coalesce(fday, sday) AS cday FROM x
      WHERE rday >= :start OR cday IS NULL OR cday >= :start)
SELECT proc,
  sum(rday >= :start AND channel = 2) AS online,
  sum(rday >= :start AND coalesce(channel, 1) <> 2) AS direct_postal,
  sum(rday >= :start AND channel = 3) AS postal,
  sum(rday < :start) AS carried_over,
  sum(fday <= :end AND fday < dday) AS early,
  sum(fday <= :end AND (dday IS NULL OR fday = dday)) AS on_time,
  sum(fday <= :end AND fday > dday) AS late,
  sum((cday IS NULL OR cday > :end) AND (dday IS NULL OR dday >= :end)) AS within_time,
  sum((cday IS NULL OR cday > :end) AND dday < :end) AS overdue,
  sum(sday <= :end) AS withdrawn_stopped
FROM y GROUP BY proc
"""

SQL = _AGGREGATE.format(per_dossier=_PER_DOSSIER)

_COLUMNS = ("online", "direct_postal", "postal", "carried_over", "early", "on_time", "late",
            "within_time", "overdue", "withdrawn_stopped")


def counts_by_procedure(conn: sqlite3.Connection, start: dt.date,
                        end: dt.date) -> dict[str, Counts]:
    """II.06a counts of `start`…`end` (both included) per procedure code; procedures without
    a dossier in the period are absent."""
    params = {"start": start.isoformat(), "end": end.isoformat(),
              "after": (end + dt.timedelta(days=1)).isoformat()}
    out: dict[str, Counts] = {}
    for row in conn.execute(SQL, params):
        values = {c: int(row[c] or 0) for c in _COLUMNS}
        if any(values.values()):
            out[str(row["proc"])] = Counts(**values)
    return out


def procedure_names(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Procedure code → (name, field name) from the catalogue and, for codes the catalogue no
    longer holds, the name stored with the dossiers."""
    names: dict[str, tuple[str, str]] = {}
    for r in conn.execute("SELECT code, name, field_name FROM procedures"):
        names[r["code"]] = (r["name"], r["field_name"])
    return names


def stored_procedure_name(conn: sqlite3.Connection, code: str) -> str:
    row = conn.execute("SELECT procedure_name FROM dossiers WHERE procedure_code = ?"
                       " ORDER BY received_at DESC LIMIT 1", (code,)).fetchone()
    return str(row[0]) if row else ""

"""Sync tables (schema V3): the enrolment, the pull cursor and status, the portal's answer to
each pushed event, and the outbox query over the append-only event log."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..domain.followup import FOLLOWUP_KINDS
from ..domain.records import iso
from .agency_forms import FORM_ATTACHED, FORM_DETACHED

# Event kinds the portal knows (docs/sync-protocol.md §3). Every other kind is local only and
# never pushed: "printed" (a print of a form), and what the pull itself records:
PUSHED_KINDS = ("received", "guidance", "refused", "redirected", "status_changed",
                "attachments_added", *FOLLOWUP_KINDS,
                # the post-office desk (docs/postal.md); manifest and intake events name the
                # manifest's or the intake's UUID as their dossier_id
                "postal_accepted", "manifest_created", "manifest_taken_in", "result_posted",
                "result_delivered", "result_returned", "notice_queued",
                # blank forms attached or detached by the agency's administrator; dossier_id
                # names the form's slot (store/agency_forms.py)
                FORM_ATTACHED, FORM_DETACHED)
PORTAL_STATUS = "portal_status"  # a status set by the portal (back office, another counter)
ONLINE_RECEIVED = "online_received"  # a dossier submitted online, as the portal announced it

# What the events of a pushed kind name as their dossier_id, when it is not a dossier: a postal
# manifest (or its intake at the agency), a form's slot. Kept in the schema too (sync_kinds).
MANIFEST_KINDS = ("manifest_created", "manifest_taken_in")
FORM_KINDS = (FORM_ATTACHED, FORM_DETACHED)

_KINDS = ", ".join(f"'{k}'" for k in PUSHED_KINDS)
_PENDING = (f" FROM dossier_events e LEFT JOIN sync_answers a ON a.event_id = e.id"
            f" WHERE e.seq > ? AND e.kind IN ({_KINDS})"
            f" AND (a.event_id IS NULL OR a.resolution = 'retry')")


def subject(kind: str) -> str:
    """What an event of this pushed kind is about: "dossier", "manifest" or "form"."""
    return "manifest" if kind in MANIFEST_KINDS else "form" if kind in FORM_KINDS else "dossier"


@dataclass(frozen=True)
class Pending:
    """What still has to reach the portal: events, and the dossiers, postal manifests and
    agency forms they belong to. Quarantined and conflicting events are not in it (only a
    person can move them)."""

    events: int
    dossiers: int
    manifests: int = 0
    forms: int = 0


@dataclass(frozen=True)
class Enrolment:
    portal_url: str
    token: str
    device_id: str
    device_name: str
    agency_code: str
    workstation: int
    range_size: int
    enrolled_at: str


@dataclass(frozen=True)
class State:
    cursor: str
    outbox_mark: int
    last_attempt_at: str | None
    last_success_at: str | None
    last_error: str
    last_error_message: str
    last_error_at: str | None


@dataclass(frozen=True)
class Answer:
    """The portal's answer to one event, as stored (or a local quarantine of a whole-request
    refusal, with the portal's error code as `reason`)."""

    event_id: str
    result: str  # applied | duplicate | conflict | rejected
    reason: str = ""
    message: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    """A quarantined (`rejected`) or conflicting event, for the supervisor's list."""

    event_id: str
    seq: int
    kind: str
    dossier_id: str
    dossier_code: str | None
    applicant_name: str
    at: str
    user: str
    result: str
    reason: str
    message: str
    params: dict[str, Any]
    problems: list[dict[str, Any]]
    answered_at: str
    attempts: int
    resolution: str | None
    resolved_at: str | None
    resolved_by: str
    note: str


# ----- enrolment and state ---------------------------------------------------------------------


def get_enrolment(conn: sqlite3.Connection) -> Enrolment | None:
    r = conn.execute("SELECT * FROM sync_enrolment WHERE id = 1").fetchone()
    if r is None:
        return None
    return Enrolment(r["portal_url"], r["token"], r["device_id"], r["device_name"],
                     r["agency_code"], r["workstation"], r["range_size"], r["enrolled_at"])


def put_enrolment(conn: sqlite3.Connection, e: Enrolment) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sync_enrolment (id, portal_url, token, device_id, device_name,"
        " agency_code, workstation, range_size, enrolled_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
        (e.portal_url, e.token, e.device_id, e.device_name, e.agency_code, e.workstation,
         e.range_size, e.enrolled_at))


def get_state(conn: sqlite3.Connection) -> State:
    r = conn.execute("SELECT * FROM sync_state WHERE id = 1").fetchone()
    return State(r["cursor"], r["outbox_mark"], r["last_attempt_at"], r["last_success_at"],
                 r["last_error"], r["last_error_message"], r["last_error_at"])


def set_cursor(conn: sqlite3.Connection, cursor: str) -> None:
    conn.execute("UPDATE sync_state SET cursor = ? WHERE id = 1", (cursor,))


def mark_attempt(conn: sqlite3.Connection, now: dt.datetime) -> None:
    conn.execute("UPDATE sync_state SET last_attempt_at = ? WHERE id = 1", (iso(now),))


def mark_success(conn: sqlite3.Connection, now: dt.datetime) -> None:
    conn.execute("UPDATE sync_state SET last_success_at = ?, last_error = '',"
                 " last_error_message = '', last_error_at = NULL WHERE id = 1", (iso(now),))


def clear_error(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE sync_state SET last_error = '', last_error_message = '',"
                 " last_error_at = NULL WHERE id = 1")


def mark_error(conn: sqlite3.Connection, code: str, message: str, now: dt.datetime) -> None:
    conn.execute("UPDATE sync_state SET last_error = ?, last_error_message = ?,"
                 " last_error_at = ? WHERE id = 1", (code, message, iso(now)))


# ----- the outbox ------------------------------------------------------------------------------


def outbox(conn: sqlite3.Connection, limit: int) -> list[sqlite3.Row]:
    """Event rows without a final answer (or sent back by a supervisor), oldest first."""
    mark = get_state(conn).outbox_mark
    return conn.execute(
        "SELECT e.seq, e.id, e.dossier_id, e.kind, e.at, e.user, e.workstation, e.payload"
        + _PENDING + " ORDER BY e.seq LIMIT ?", (mark, limit)).fetchall()


def pending(conn: sqlite3.Connection) -> Pending:
    """What the outbox holds, as the schema's triggers keep it (three rows read, whatever the
    size of the log)."""
    return _pending(conn.execute("SELECT subject, items, events FROM sync_pending_totals"))


def pending_count(conn: sqlite3.Connection) -> int:
    """Events the portal has not answered for good: what still has to be sent."""
    return pending(conn).events


def recount_pending(conn: sqlite3.Connection) -> Pending:
    """`pending` counted from the log by the outbox query (reads the whole unsent tail: for
    checks and tests, not for the status bar)."""
    mark = get_state(conn).outbox_mark
    r = conn.execute(
        "SELECT count(*),"
        f" count(DISTINCT CASE WHEN e.kind NOT IN ({_in(MANIFEST_KINDS + FORM_KINDS)})"
        " THEN e.dossier_id END),"
        f" count(DISTINCT CASE WHEN e.kind IN ({_in(MANIFEST_KINDS)}) THEN e.dossier_id END),"
        f" count(DISTINCT CASE WHEN e.kind IN ({_in(FORM_KINDS)}) THEN e.dossier_id END)"
        + _PENDING, (mark,)).fetchone()
    return Pending(int(r[0]), int(r[1]), int(r[2]), int(r[3]))


def _in(kinds: Iterable[str]) -> str:
    return ", ".join(f"'{k}'" for k in kinds)


def _pending(rows: Iterable[tuple[str, int, int]]) -> Pending:
    items: dict[str, int] = {}
    events = 0
    for name, n_items, n_events in rows:
        items[name] = int(n_items)
        events += int(n_events)
    return Pending(events, items.get("dossier", 0), items.get("manifest", 0),
                   items.get("form", 0))


def has_pending(conn: sqlite3.Connection, dossier_id: str) -> bool:
    mark = get_state(conn).outbox_mark
    row = conn.execute("SELECT 1" + _PENDING + " AND e.dossier_id = ? LIMIT 1",
                       (mark, dossier_id)).fetchone()
    return row is not None


def advance_mark(conn: sqlite3.Connection) -> None:
    """Move the high-water mark up to just before the oldest pending event."""
    mark = get_state(conn).outbox_mark
    first = conn.execute("SELECT min(e.seq)" + _PENDING, (mark,)).fetchone()[0]
    if first is None:
        first = int(conn.execute("SELECT coalesce(max(seq), 0) FROM dossier_events")
                    .fetchone()[0]) + 1
    if first - 1 > mark:
        conn.execute("UPDATE sync_state SET outbox_mark = ? WHERE id = 1", (first - 1,))


def record_answers(conn: sqlite3.Connection, answers: Iterable[Answer],
                   now: dt.datetime) -> None:
    """Store the answers (a new answer replaces an earlier one) and advance the mark.
    Call inside a transaction."""
    conn.executemany(
        "INSERT INTO sync_answers (event_id, result, reason, message, params, problems,"
        " answered_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET"
        " result = excluded.result, reason = excluded.reason, message = excluded.message,"
        " params = excluded.params, problems = excluded.problems,"
        " answered_at = excluded.answered_at, attempts = attempts + 1, resolution = NULL,"
        " resolved_at = NULL, resolved_by = '', note = ''",
        [(a.event_id, a.result, a.reason, a.message,
          json.dumps(a.params, ensure_ascii=False), json.dumps(a.problems, ensure_ascii=False),
          iso(now)) for a in answers])
    advance_mark(conn)
    _recheck_status_changes(conn, [a.event_id for a in answers], now)


def _recheck_status_changes(conn: sqlite3.Connection, event_ids: list[str],
                            now: dt.datetime) -> None:
    """A refused status change, or an applied one the local dossier no longer shows (a retry,
    a later local change): the local status is to be taken from the portal once nothing of
    the dossier is pending."""
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        conn.execute(
            "INSERT OR IGNORE INTO sync_recheck (dossier_id, since)"
            " SELECT DISTINCT e.dossier_id, ? FROM dossier_events e"
            " JOIN sync_answers a ON a.event_id = e.id JOIN dossiers d ON d.id = e.dossier_id"
            f" WHERE e.id IN ({', '.join('?' * len(chunk))})"
            " AND e.kind IN ('status_changed', 'result_returned')"
            " AND (a.result IN ('rejected', 'conflict')"
            "      OR d.status IS NOT json_extract(e.payload, '$.to'))",
            (iso(now), *chunk))


def newest_acknowledged_dossier(conn: sqlite3.Connection) -> str | None:
    """The dossier of the newest creation event the portal acknowledged: if the portal no
    longer has it, the portal lost data (restored from a backup)."""
    row = conn.execute(
        "SELECT e.dossier_id FROM dossier_events e JOIN sync_answers a ON a.event_id = e.id"
        " WHERE e.kind IN ('received', 'guidance', 'refused', 'redirected')"
        " AND a.result IN ('applied', 'duplicate') ORDER BY e.seq DESC LIMIT 1").fetchone()
    return str(row[0]) if row is not None else None


def forget_acknowledgements(conn: sqlite3.Connection) -> int:
    """Make every applied/duplicate event pending again (the portal's database was restored
    from a backup and may have lost them; sending them again is harmless). Quarantined and
    conflicting events keep their state."""
    n = conn.execute("DELETE FROM sync_answers WHERE result IN ('applied', 'duplicate')"
                     " AND resolution IS NULL").rowcount
    conn.execute("UPDATE sync_state SET outbox_mark = 0 WHERE id = 1")
    return int(n)


# ----- quarantine and conflicts ----------------------------------------------------------------


def problems(conn: sqlite3.Connection, *, include_resolved: bool = False,
             limit: int = 1000) -> list[Problem]:
    """Rejected and conflicting events, oldest first; unresolved only unless asked."""
    where = "a.result IN ('rejected', 'conflict')"
    if not include_resolved:
        where += " AND a.resolution IS NULL"
    rows = conn.execute(
        "SELECT a.*, e.seq, e.kind, e.dossier_id, e.at, e.user, d.code, d.applicant_name"
        " FROM sync_answers a JOIN dossier_events e ON e.id = a.event_id"
        f" LEFT JOIN dossiers d ON d.id = e.dossier_id WHERE {where}"
        " ORDER BY e.seq LIMIT ?", (limit,))
    return [Problem(r["event_id"], r["seq"], r["kind"], r["dossier_id"], r["code"],
                    r["applicant_name"] or "", r["at"], r["user"], r["result"], r["reason"],
                    r["message"], json.loads(r["params"]), json.loads(r["problems"]),
                    r["answered_at"], r["attempts"], r["resolution"], r["resolved_at"],
                    r["resolved_by"], r["note"]) for r in rows]


def open_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """{"rejected": n, "conflict": m} of the unresolved ones."""
    rows = conn.execute("SELECT result, count(*) AS n FROM sync_answers"
                        " WHERE result IN ('conflict', 'rejected') AND resolution IS NULL"
                        " GROUP BY result")
    out = {"rejected": 0, "conflict": 0}
    out.update({r["result"]: r["n"] for r in rows})
    return out


def _open_rows(conn: sqlite3.Connection, event_ids: Iterable[str]) -> list[sqlite3.Row]:
    rows = []
    for event_id in event_ids:
        r = conn.execute(
            "SELECT a.event_id, e.seq, e.kind, e.dossier_id FROM sync_answers a"
            " JOIN dossier_events e ON e.id = a.event_id WHERE a.event_id = ?"
            " AND a.result IN ('rejected', 'conflict') AND a.resolution IS NULL",
            (event_id,)).fetchone()
        if r is not None:
            rows.append(r)
    return rows


def retry(conn: sqlite3.Connection, event_ids: Iterable[str], now: dt.datetime,
          by: str = "", note: str = "") -> list[str]:
    """Send these quarantined/conflicting events again, unchanged. Returns those found."""
    rows = _open_rows(conn, event_ids)
    for r in rows:
        conn.execute("UPDATE sync_answers SET resolution = 'retry', resolved_at = ?,"
                     " resolved_by = ?, note = ? WHERE event_id = ?",
                     (iso(now), by, note, r["event_id"]))
    if rows:
        lowest = min(r["seq"] for r in rows) - 1
        conn.execute("UPDATE sync_state SET outbox_mark = min(outbox_mark, ?) WHERE id = 1",
                     (lowest,))
    return [r["event_id"] for r in rows]


def resolve(conn: sqlite3.Connection, event_ids: Iterable[str], now: dt.datetime,
            by: str = "", note: str = "") -> list[sqlite3.Row]:
    """The supervisor dealt with these events another way: never send them again.
    Returns the rows found (event_id, seq, kind, dossier_id)."""
    rows = _open_rows(conn, event_ids)
    conn.executemany("UPDATE sync_answers SET resolution = 'dismissed', resolved_at = ?,"
                     " resolved_by = ?, note = ? WHERE event_id = ?",
                     [(iso(now), by, note, r["event_id"]) for r in rows])
    return rows


# ----- dossiers whose status must be asked of the portal ----------------------------------------


def add_recheck(conn: sqlite3.Connection, dossier_id: str, now: dt.datetime) -> None:
    conn.execute("INSERT OR IGNORE INTO sync_recheck (dossier_id, since) VALUES (?, ?)",
                 (dossier_id, iso(now)))


def rechecks(conn: sqlite3.Connection, limit: int = 500) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT dossier_id FROM sync_recheck ORDER BY since, dossier_id LIMIT ?", (limit,))]


def drop_recheck(conn: sqlite3.Connection, dossier_id: str) -> None:
    conn.execute("DELETE FROM sync_recheck WHERE dossier_id = ?", (dossier_id,))

"""Messages to citizens: the queue the counters fill ("notice_queued"), a pluggable sender,
and delivery with retries; every outcome goes back to the agency's counters as a "notice"
change. A message is never deleted: a failing sender leaves it queued for the next round.

The reference sender (`SpoolSender`) appends each message to a JSON-lines spool file that an
SMS / e-mail / Zalo gateway (or a person) picks up. That file holds phone numbers and e-mail
addresses on purpose: protect it like the database. The portal's log never names them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select, update

from . import changes
from . import schema as s
from .db import Database
from .payloads import NoticePayload
from .timefmt import iso, national, vn_now

log = logging.getLogger(__name__)

NOTICE = "notice"  # kind of change: data {notice_id, dossier_id, state, attempts, sent_at, …}
FIRST_RETRY = dt.timedelta(minutes=1)
LAST_RETRY = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Outgoing:
    """One message as a sender gets it."""

    id: str
    channel: str  # sms | email | zalo
    to: str
    subject: str
    text: str


class Sender(Protocol):
    """Sends one message or raises; whatever it raises makes the message wait and retry."""

    def send(self, message: Outgoing) -> None: ...


class SpoolSender:
    """Appends one JSON line per message to `path` (created with its folder)."""

    def __init__(self, path: Path | str, clock: Any = vn_now) -> None:
        self.path = Path(path)
        self.clock = clock

    def send(self, message: Outgoing) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"at": iso(self.clock()), "id": message.id,
                           "channel": message.channel, "to": message.to,
                           "subject": message.subject, "text": message.text},
                          ensure_ascii=False)
        with self.path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()


def notice_row(p: Any, payload: NoticePayload, agency_code: str, device_id: str,
               now: dt.datetime) -> dict[str, Any]:
    """The `notices` row of a pushed "notice_queued" event (`p` is validate.Prepared)."""
    return {"id": payload.notice_id, "agency_code": agency_code,
            "dossier_id": p.event.dossier_id, "device_id": device_id, "event_id": p.event.id,
            "kind": payload.kind, "channel": payload.channel, "recipient": payload.to,
            "subject": payload.subject, "body": payload.text, "state": "queued",
            "attempts": 0, "last_error": "", "next_attempt_at": iso(now),
            "created_at": iso(now), "sent_at": None}


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4 … minutes after the n-th failure, at most an hour."""
    wait: dt.timedelta = FIRST_RETRY * (2 ** min(max(attempts - 1, 0), 10))
    return min(wait, LAST_RETRY)


@dataclass
class Delivered:
    sent: int = 0
    failed: int = 0  # attempts that failed this round (the messages wait for the next)


def _change(row: Any, state: str, attempts: int, sent_at: dt.datetime | None,
            error: str) -> changes.Change:
    data = {"notice_id": row.id, "dossier_id": row.dossier_id, "state": state,
            "attempts": attempts, "sent_at": iso(sent_at) if sent_at else None,
            "NgayGui": national(sent_at) if sent_at else "", "error": error}
    return changes.Change(NOTICE, row.id, data, agency_code=row.agency_code)


def deliver_due(db: Database, sender: Sender, now: dt.datetime, limit: int = 200) -> Delivered:
    """Send what is due, oldest first; each outcome is written (and announced) at once."""
    with db.read() as conn:
        rows = conn.execute(select(s.notices).where(
            s.notices.c.state == "queued", s.notices.c.next_attempt_at <= iso(now))
            .order_by(s.notices.c.created_at, s.notices.c.id).limit(limit)).all()
    out = Delivered()
    for row in rows:
        attempts = row.attempts + 1
        try:
            sender.send(Outgoing(row.id, row.channel, row.recipient, row.subject, row.body))
        except Exception as e:  # any failure of the gateway: retry later, never lose it
            error = type(e).__name__
            log.warning("notice %s not sent (attempt %d): %s", row.id, attempts, error)
            values: dict[str, Any] = {"attempts": attempts, "last_error": error,
                                      "next_attempt_at": iso(now + backoff(attempts))}
            change = _change(row, "queued", attempts, None, error) if attempts == 1 else None
            out.failed += 1
        else:
            values = {"attempts": attempts, "state": "sent", "sent_at": iso(now),
                      "last_error": ""}
            change = _change(row, "sent", attempts, now, "")
            out.sent += 1

        def work(conn: Any, values: dict[str, Any] = values,
                 change: changes.Change | None = change, key: str = row.id) -> None:
            conn.execute(update(s.notices).where(s.notices.c.id == key).values(**values))
            changes.record(conn, [change] if change else [], now)

        db.write_retry(work)
    if rows:
        log.info("notices: %d sent, %d to retry", out.sent, out.failed)
    return out


def list_for_agency(db: Database, agency_code: str) -> list[dict[str, Any]]:
    """The agency's messages with their state (for administrators; holds contact details)."""
    with db.read() as conn:
        rows = conn.execute(select(s.notices).where(s.notices.c.agency_code == agency_code)
                            .order_by(s.notices.c.created_at, s.notices.c.id)).all()
    return [{"id": r.id, "dossier_id": r.dossier_id, "kind": r.kind, "channel": r.channel,
             "to": r.recipient, "subject": r.subject, "text": r.body, "state": r.state,
             "attempts": r.attempts, "last_error": r.last_error, "created_at": r.created_at,
             "sent_at": r.sent_at} for r in rows]


def start_worker(db_url: str, sender: Sender, interval: float) -> threading.Event:
    """`serve --notice-spool`: deliver every `interval` seconds in a daemon thread; set the
    returned event to stop it."""
    stop = threading.Event()

    def loop() -> None:
        db = Database(db_url)
        while not stop.wait(interval):
            try:
                deliver_due(db, sender, vn_now())
            except Exception:  # the database may be away for a while: try next round
                log.exception("notice delivery round failed")

    threading.Thread(target=loop, name="notices", daemon=True).start()
    return stop

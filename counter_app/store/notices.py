"""Messages to citizens at the counter: queued as pushed events, their sending status pulled
back as local events; both in the append-only dossier log (no table of their own)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..domain import notices as n
from ..domain.model import Dossier
from . import events

# The profile field `notice_channels` (services/profile.py), read here because the pull
# (counter_app/sync) queues messages too and may not import the services.
CHANNELS_KEY = "profile.notice_channels"


def channels(conn: sqlite3.Connection) -> tuple[n.NoticeChannel, ...]:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (CHANNELS_KEY,)).fetchone()
    return n.parse_channels(row[0]) if row is not None else ()


def queue(conn: sqlite3.Connection, dossier: Dossier, kind: n.NoticeKind, *, at: dt.datetime,
          user: str, workstation: int, agency: str = "",
          new_due: dt.datetime | None = None) -> list[str]:
    """One "notice_queued" event per enabled channel that reaches the applicant; none for a
    record without a code. Call inside the transaction of what the message tells."""
    if not dossier.code:
        return []
    if not agency:
        row = conn.execute("SELECT value FROM settings WHERE key = 'profile.agency_name'"
                           ).fetchone()
        agency = row[0] if row is not None else ""
    subject, text = n.compose(kind, dossier, agency=agency, new_due=new_due)
    out = []
    for channel, to in n.recipients(dossier, channels(conn)):
        body = text if channel == n.NoticeChannel.EMAIL else n.fit_sms(text)
        payload = {"notice_id": str(uuid.uuid4()), "kind": kind.value,
                   "channel": channel.value, "to": to, "subject": subject, "text": body,
                   "dossier_code": dossier.code}
        out.append(events.append(conn, dossier_id=dossier.id, kind=n.EVENT_KIND, at=at,
                                 user=user, workstation=workstation, payload=payload))
    return out


def kind_for_status(status: int) -> n.NoticeKind | None:
    """The message a new national status calls for: 5 supplement, 9 result ready."""
    return {5: n.NoticeKind.SUPPLEMENT, 9: n.NoticeKind.RESULT_READY}.get(status)


def apply_status(conn: sqlite3.Connection, data: dict[str, Any], *, at: dt.datetime,
                 workstation: int) -> str | None:
    """A status pulled from the portal: recorded once per (notice, state, attempts); returns
    the dossier id, or None when this workstation does not hold the dossier."""
    notice_id = str(data["notice_id"])
    state = n.NoticeState(str(data["state"]))
    row = conn.execute(
        "SELECT dossier_id FROM dossier_events WHERE kind = ?"
        " AND json_extract(payload, '$.notice_id') = ? LIMIT 1",
        (n.EVENT_KIND, notice_id)).fetchone()
    if row is None:
        return None
    dossier_id = str(row[0])
    attempts = int(data.get("attempts") or 0)
    seen = conn.execute(
        "SELECT 1 FROM dossier_events WHERE dossier_id = ? AND kind = ?"
        " AND json_extract(payload, '$.notice_id') = ? AND json_extract(payload, '$.state') = ?"
        " AND json_extract(payload, '$.attempts') = ? LIMIT 1",
        (dossier_id, n.STATUS_KIND, notice_id, state.value, attempts)).fetchone()
    if seen is None:
        events.append(conn, dossier_id=dossier_id, kind=n.STATUS_KIND, at=at, user="",
                      workstation=workstation,
                      payload={"notice_id": notice_id, "state": state.value,
                               "attempts": attempts, "sent_at": data.get("sent_at"),
                               "error": str(data.get("error") or "")[:200]})
    return dossier_id


@dataclass(frozen=True)
class NoticeLine:
    """What the dossier view shows of one message."""

    id: str
    kind: n.NoticeKind
    channel: n.NoticeChannel
    to: str
    text: str
    queued_at: dt.datetime
    state: n.NoticeState
    sent_at: dt.datetime | None
    attempts: int


def for_dossier(conn: sqlite3.Connection, dossier_id: str) -> list[NoticeLine]:
    return lines(events.for_dossier(conn, dossier_id))


def lines(log: Iterable[events.Event]) -> list[NoticeLine]:
    """The messages of a dossier's event log, each with its latest state."""
    lines: dict[str, NoticeLine] = {}
    for e in log:
        p = e.payload
        if e.kind == n.EVENT_KIND:
            lines[p["notice_id"]] = NoticeLine(
                p["notice_id"], n.NoticeKind(p["kind"]), n.NoticeChannel(p["channel"]), p["to"],
                p["text"], e.at, n.NoticeState.QUEUED, None, 0)
        elif e.kind == n.STATUS_KIND and p.get("notice_id") in lines:
            old = lines[p["notice_id"]]
            if old.state == n.NoticeState.SENT:
                continue  # a late "failed" of an earlier attempt does not undo a sending
            sent = p.get("sent_at")
            lines[old.id] = NoticeLine(
                old.id, old.kind, old.channel, old.to, old.text, old.queued_at,
                n.NoticeState(p["state"]), dt.datetime.fromisoformat(sent) if sent else None,
                int(p.get("attempts") or 0))
    return list(lines.values())

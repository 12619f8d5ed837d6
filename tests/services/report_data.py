"""A hand-built set of dossiers whose II.06a counts for 02–13/11/2026 are known (see EXPECTED)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from counter_app.domain.model import Channel, ReceivedDocument, Status
from counter_app.store import db, events
from counter_app.store import dossiers as dossier_store
from counter_app.store.sync import PORTAL_STATUS
from tests.conftest import birth_draft

START, END = dt.date(2026, 11, 2), dt.date(2026, 11, 13)
CIVIL, CERT = "Hộ tịch", "Chứng thực"
CERT_DOCS = (ReceivedDocument("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao",
                              original=1), ReceivedDocument("Bản sao cần chứng thực", photocopy=1))


def _t(day: int, hour: int = 9, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, 0)


def build(counter, clock) -> dict[str, str]:
    """Receive and move the dossiers; returns their codes by letter (a … n)."""
    codes: dict[str, str] = {}

    def receive(name, at, channel=Channel.DIRECT, procedure="1.001193", due=None):
        clock.now = at
        extra = {"procedure_code": procedure, "documents": CERT_DOCS} \
            if procedure == "2.000815" else {}
        d = counter.receive(birth_draft(received_at=at, channel=channel, **extra)).dossier
        if due is not None:
            assert d.due_at is not None and d.due_at.date() == due, (name, d.due_at)
        codes[name] = d.id
        return d

    def move(name, at, status):
        clock.now = at
        counter.change_status(codes[name], status, user="clerk1")

    D = dt.date
    receive("a", _t(2), due=D(2026, 11, 3))
    move("a", _t(3, 16), Status.RESOLVED)  # finished on the due date, later in the day: on time
    receive("b", _t(2), Channel.ONLINE)
    move("b", _t(4), Status.RESOLVED)  # the day after the due date: late
    receive("c", _t(2), Channel.POSTAL)
    move("c", _t(2, 15), Status.RESOLVED)  # early
    receive("d", _t(28, month=10), due=D(2026, 10, 29))  # carried over, open: overdue
    receive("e", _t(29, month=10), due=D(2026, 10, 30))
    move("e", _t(3), Status.IN_PROGRESS)
    move("e", _t(3, 10), Status.RESOLVED)  # carried over, finished in the period: late
    receive("f", _t(26, month=10))
    move("f", _t(27, month=10), Status.RESOLVED)  # finished before the period: not counted
    move("f", _t(3), Status.RETURNED)
    receive("g", _t(12), due=D(2026, 11, 13))  # open, due = end: within time
    receive("h", _t(10), due=D(2026, 11, 11))  # open, due < end: overdue
    receive("i", _t(5))
    move("i", _t(6), Status.WITHDRAWN)
    receive("j", _t(16))  # after the period
    receive("k", _t(9), due=D(2026, 11, 10))
    move("k", _t(9, 14), Status.RESOLVED)  # early; returned later: the first move counts
    move("k", _t(12), Status.RETURNED)
    receive("l", _t(3), due=D(2026, 11, 4))
    move("l", _t(17), Status.RESOLVED)  # finished after the period: overdue at its end
    receive("m", _t(5), Channel.ONLINE, procedure="2.000815", due=D(2026, 11, 5))
    move("m", _t(5, 14), Status.RESOLVED)  # same day: on time
    receive("n", _t(5, 16), procedure="2.000815", due=D(2026, 11, 6))
    portal_finished("n", counter, pulled=_t(18), at=_t(6, 8), ids=codes)
    clock.now = _t(11)
    counter.record_guidance(birth_draft(documents=()))  # not a received dossier
    clock.now = _t(20, 10)
    return codes


def portal_finished(name, counter, *, pulled, at, ids) -> None:
    """What the sync engine writes when the portal says the dossier is finished (apply.py):
    the event is written when pulled; its payload says when it happened."""
    d = counter.get_by_id(ids[name])
    with db.transaction(counter.conn):
        dossier_store.update_state(counter.conn, dataclasses.replace(
            d, status=Status.RESOLVED, updated_at=pulled))
        events.append(counter.conn, dossier_id=d.id, kind=PORTAL_STATUS, at=pulled, user="",
                      workstation=1, payload={"from": 2, "to": 9, "at": at.isoformat(),
                                              "key": "x", "note": "", "department": ""})


def counts(received, online, direct_postal, carried_over, resolved, early, on_time, late,
           in_progress, within_time, overdue, on_time_rate, online_share, postal_share,
           withdrawn_stopped=0):
    return {
        "received": {"total": received, "online": online, "direct_postal": direct_postal,
                     "carried_over": carried_over},
        "resolved": {"total": resolved, "early": early, "on_time": on_time, "late": late},
        "in_progress": {"total": in_progress, "within_time": within_time, "overdue": overdue},
        "withdrawn_stopped": withdrawn_stopped,
        "on_time_rate": on_time_rate, "online_share": online_share,
        "postal_share": postal_share,
    }


EXPECTED_ROWS = {
    CERT: counts(2, 1, 1, 0, 2, 0, 2, 0, 0, 0, 0, 1.0, 0.5, 0.0),
    CIVIL: counts(10, 1, 7, 2, 5, 2, 1, 2, 4, 1, 3, 0.6, 0.125, 0.125, withdrawn_stopped=1),
}
EXPECTED_TOTALS = counts(12, 2, 8, 2, 7, 2, 3, 2, 4, 1, 3, 0.7143, 0.2, 0.1,
                         withdrawn_stopped=1)

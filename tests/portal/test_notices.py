"""Messages to citizens at the portal: accepted from the counter, sent through a pluggable
sender, retried after a failure without being lost, and their state pulled back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from counter_app.domain import notices as n
from counter_app.domain.model import Status
from counter_app.store import notices as notice_store
from counter_app.sync.apply import Context, apply_page
from portal import notify
from tests.conftest import applicant, birth_draft
from tests.portal.conftest import AGENCY, Harness
from tests.portal.test_interop import outbox


class Broken:
    """A gateway that is down."""

    def __init__(self) -> None:
        self.calls = 0

    def send(self, message: notify.Outgoing) -> None:
        self.calls += 1
        raise ConnectionError("gateway down")


def _counter_with_messages(counter: Any) -> str:
    counter.set_profile(dataclasses.replace(counter.profile, notice_channels="sms,email"))
    d = counter.receive(birth_draft(applicant=applicant(email="huong@example.vn"))).dossier
    counter.change_status(d.id, Status.IN_PROGRESS)
    counter.change_status(d.id, Status.RESOLVED)
    return d.id


def _pull_into(counter: Any, device: Any, cursor: str | None = None) -> str:
    items, cursor = device.pull_all(cursor, limit=50)
    apply_page(counter.conn, items, cursor, Context(AGENCY, 1, counter.clock()))
    return cursor


def test_queued_sent_and_shown_at_the_counter(harness: Harness, counter: Any,
                                              tmp_path: Path) -> None:
    device = harness.device()
    dossier_id = _counter_with_messages(counter)
    events = outbox(counter)
    assert [e["kind"] for e in events].count("notice_queued") == 4  # 2 × received, 2 × ready
    assert {r["result"] for r in device.push(events)} == {"applied"}
    assert {r["result"] for r in device.push(events)} == {"duplicate"}
    queued = notify.list_for_agency(harness.db, AGENCY)
    assert sorted((q["kind"], q["channel"], q["state"]) for q in queued) == [
        ("received", "email", "queued"), ("received", "sms", "queued"),
        ("result_ready", "email", "queued"), ("result_ready", "sms", "queued")]

    spool = tmp_path / "spool" / "messages.jsonl"
    now = dt.datetime(2026, 11, 20, 10, 0)
    done = notify.deliver_due(harness.db, notify.SpoolSender(spool, clock=lambda: now), now)
    assert (done.sent, done.failed) == (4, 0)
    lines = [json.loads(x) for x in spool.read_text(encoding="utf-8").splitlines()]
    assert sorted((x["channel"], x["to"]) for x in lines) == [
        ("email", "huong@example.vn")] * 2 + [("sms", "0912345678")] * 2
    assert sum("đã có kết quả" in x["text"] for x in lines) == 2
    assert {q["state"] for q in notify.list_for_agency(harness.db, AGENCY)} == {"sent"}
    assert notify.deliver_due(harness.db, notify.SpoolSender(spool), now).sent == 0  # once

    _pull_into(counter, device)
    shown = notice_store.for_dossier(counter.conn, dossier_id)
    assert [(x.kind, x.channel, x.state) for x in shown] == [
        (n.NoticeKind.RECEIVED, n.NoticeChannel.SMS, n.NoticeState.SENT),
        (n.NoticeKind.RECEIVED, n.NoticeChannel.EMAIL, n.NoticeState.SENT),
        (n.NoticeKind.RESULT_READY, n.NoticeChannel.SMS, n.NoticeState.SENT),
        (n.NoticeKind.RESULT_READY, n.NoticeChannel.EMAIL, n.NoticeState.SENT)]
    assert {x.sent_at for x in shown} == {now}


def test_a_failing_sender_retries_later_without_losing_anything(harness: Harness, counter: Any,
                                                                tmp_path: Path) -> None:
    device = harness.device()
    dossier_id = _counter_with_messages(counter)
    device.push(outbox(counter))
    t0 = dt.datetime(2026, 11, 20, 10, 0)
    broken = Broken()
    assert notify.deliver_due(harness.db, broken, t0).failed == 4
    rows = notify.list_for_agency(harness.db, AGENCY)
    assert {(r["state"], r["attempts"], r["last_error"]) for r in rows} == {
        ("queued", 1, "ConnectionError")}
    cursor = _pull_into(counter, device)
    shown = notice_store.for_dossier(counter.conn, dossier_id)
    assert {(x.state, x.attempts) for x in shown} == {(n.NoticeState.QUEUED, 1)}

    # Not due again before the back-off, then failing once more, then the gateway is back.
    assert notify.deliver_due(harness.db, broken, t0 + dt.timedelta(seconds=30)).failed == 0
    assert notify.deliver_due(harness.db, broken, t0 + dt.timedelta(minutes=1)).failed == 4
    assert broken.calls == 8
    later = t0 + dt.timedelta(minutes=5)
    spool = tmp_path / "messages.jsonl"
    assert notify.deliver_due(harness.db, notify.SpoolSender(spool), later).sent == 4
    assert len(spool.read_text(encoding="utf-8").splitlines()) == 4
    rows = notify.list_for_agency(harness.db, AGENCY)
    assert {(r["state"], r["attempts"]) for r in rows} == {("sent", 3)}
    _pull_into(counter, device, cursor)
    shown = notice_store.for_dossier(counter.conn, dossier_id)
    assert {(x.state, x.sent_at) for x in shown} == {(n.NoticeState.SENT, later)}


def test_bad_notice_events_are_rejected(harness: Harness, counter: Any) -> None:
    device = harness.device()
    _counter_with_messages(counter)
    events = outbox(counter)
    device.push([e for e in events if e["kind"] != "notice_queued"])
    notice = next(e for e in events if e["kind"] == "notice_queued")
    bad = []
    for i, change in enumerate(({"channel": "fax"}, {"text": ""}, {"notice_id": "x" * 36})):
        e = json.loads(json.dumps(notice))
        e["id"] = e["id"][:-4] + f"{i:04d}"
        e["payload"].update(change)
        bad.append(e)
    found = device.push(bad)
    assert [r["reason"] for r in found] == ["invalid_payload", "invalid_payload", "invalid_id"]
    assert notify.list_for_agency(harness.db, AGENCY) == []

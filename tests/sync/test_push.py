"""Pushing the outbox: per-event answers, unknown outcomes, quarantine, conflicts, 401, limits."""

from __future__ import annotations

import json
import uuid

from counter_app.domain.model import Status
from counter_app.services import sync as sync_service
from counter_app.store import db, events
from counter_app.store import sync as sync_store
from counter_app.sync.engine import Limits
from tests.conftest import birth_draft
from tests.sync.conftest import make_engine


def _receive(counter, n):
    return [r.dossier for r in counter.receive_many([birth_draft() for _ in range(n)])]


def test_every_event_is_sent_once_and_answered(enrolled, portal):
    dossiers = _receive(enrolled, 3)
    enrolled.change_status(dossiers[0].id, Status.IN_PROGRESS, note="Chuyển xử lý")
    assert enrolled.pending_count() == 4
    s = make_engine(enrolled, portal).sync_once()
    assert (s.error, s.pushed, s.applied, s.pending) == ("", 4, 4, 0)
    assert enrolled.pending_count() == 0
    codes = sorted(d["MaHoSo"] for d in portal.listing())
    assert codes == sorted(d.code for d in dossiers)
    assert {d["TrangThaiHoSo"] for d in portal.listing() if d["id"] == dossiers[0].id} == {"4"}
    # Nothing left: a second pass sends nothing.
    before = len(portal.adapter.pushed_ids())
    assert make_engine(enrolled, portal).sync_once().pushed == 0
    assert len(portal.adapter.pushed_ids()) == before


def test_local_only_events_are_not_sent(enrolled, portal):
    d = _receive(enrolled, 1)[0]
    with db.transaction(enrolled.conn):
        events.append(enrolled.conn, dossier_id=d.id, kind="printed", at=enrolled.clock(),
                      user="", workstation=1, payload={"form": "receipt", "reprint": 0})
    assert enrolled.pending_count() == 1
    make_engine(enrolled, portal).sync_once()
    assert [len(b) for b in portal.adapter.pushed_ids()] == [1]


def test_a_lost_answer_resends_the_same_events_which_come_back_duplicate(enrolled, portal):
    _receive(enrolled, 5)
    portal.adapter.fail("lost")  # the portal applies the batch; the answer never arrives
    portal.adapter.fail("garbled")  # the second answer arrives cut in half
    s = make_engine(enrolled, portal).run_until_idle(60)
    assert s.idle and s.pending == 0
    sent = portal.adapter.pushed_ids()
    assert len(sent) == 3 and sent[0] == sent[1] == sent[2]  # the same UUIDs every time
    assert (s.applied, s.duplicate) == (0, 5)
    assert len(portal.listing()) == 5
    stored = [r["event_id"] for r in enrolled.conn.execute("SELECT event_id FROM sync_answers")]
    assert sorted(stored) == sorted(sent[0])


def test_the_same_bytes_are_sent_on_every_retry(enrolled, portal):
    _receive(enrolled, 2)
    portal.adapter.fail("lost")
    make_engine(enrolled, portal).run_until_idle(60)
    bodies = [b for m, p, b in portal.adapter.sent if p == "/api/v1/events"]
    assert len(bodies) == 2 and bodies[0] == bodies[1]


def _craft(counter, dossier_id, kind, payload, *, workstation=1):
    """An event written straight to the log, as a buggy or older client might have."""
    with db.transaction(counter.conn):
        return events.append(counter.conn, dossier_id=dossier_id, kind=kind, at=counter.clock(),
                             user="clerk1", workstation=workstation, payload=payload)


def test_a_rejected_event_is_quarantined_with_the_portals_message_and_the_rest_go(
        enrolled, portal):
    good = _receive(enrolled, 1)[0]
    bad = _craft(enrolled, str(uuid.uuid4()), "status_changed", {"from": 2, "to": 4,
                                                                 "colour": "red"})
    later = _receive(enrolled, 1)[0]
    s = make_engine(enrolled, portal).sync_once()
    assert (s.applied, s.rejected, s.pending, s.quarantined) == (2, 1, 0, 1)
    assert {d["id"] for d in portal.listing()} == {good.id, later.id}
    [problem] = sync_service.problems(enrolled)
    assert problem.event_id == bad and problem.result == "rejected"
    assert problem.reason == "invalid_payload"
    assert problem.message.startswith("Nội dung sự kiện không hợp lệ")
    assert [(p["field"], p["code"]) for p in problem.problems] == [("colour", "unknown_field")]
    # Never retried automatically.
    make_engine(enrolled, portal).sync_once()
    assert [bad in batch for batch in portal.adapter.pushed_ids()].count(True) == 1


def test_resolve_takes_an_event_off_the_list_for_good(enrolled, portal):
    bad = _craft(enrolled, str(uuid.uuid4()), "status_changed", {"to": 99})
    make_engine(enrolled, portal).sync_once()
    assert sync_service.resolve(enrolled, [bad], user="giamsat", note="Sự kiện lỗi") == [bad]
    assert sync_service.problems(enrolled) == []
    [done] = sync_service.problems(enrolled, include_resolved=True)
    assert (done.resolution, done.resolved_by, done.note) == ("dismissed", "giamsat",
                                                              "Sự kiện lỗi")
    assert enrolled.pending_count() == 0
    assert sync_service.status(enrolled).state == "up_to_date"


def test_retry_after_the_back_office_fixed_the_cause(enrolled, portal):
    """A return (9 → 10) sent while the portal still had 2 is refused; once the back office
    has resolved the dossier (9), the supervisor's retry goes through."""
    d = _receive(enrolled, 1)[0]
    early = _craft(enrolled, d.id, "status_changed", {"from": 9, "to": 10, "note": "Đã trả"})
    s = make_engine(enrolled, portal).sync_once()
    assert s.rejected == 1
    [problem] = sync_service.problems(enrolled)
    assert (problem.reason, problem.params) == ("invalid_transition", {"current": 2, "new": 10})
    assert problem.dossier_code == d.code
    portal.set_status(d.code, 9, "Đã xử lý xong")
    assert sync_service.retry(enrolled, [early], user="giamsat") == [early]
    assert enrolled.pending_count() == 1
    s = make_engine(enrolled, portal).sync_once()
    assert (s.applied, s.pending, s.quarantined) == (1, 0, 0)
    [row] = [x for x in portal.listing() if x["id"] == d.id]
    assert row["TrangThaiHoSo"] == "10"
    attempts = enrolled.conn.execute("SELECT attempts, result FROM sync_answers WHERE"
                                     " event_id = ?", (early,)).fetchone()
    assert tuple(attempts) == (2, "applied")
    assert enrolled.get_by_id(d.id).status == Status.RETURNED  # the portal's, after a recheck


def test_a_conflict_goes_to_the_conflict_list(enrolled, portal):
    d = _receive(enrolled, 1)[0]
    [row] = enrolled.conn.execute("SELECT * FROM dossier_events").fetchall()
    # Another content under the same event UUID already reached the portal.
    other = json.loads(row["payload"])
    other["dossier"]["notes"] = "khác"
    client = sync_service.client_for(enrolled, session=portal.session())
    body = json.dumps({"events": [{"id": row["id"], "dossier_id": d.id, "kind": "received",
                                   "at": row["at"], "user": "x", "workstation": 1,
                                   "payload": other}]}).encode()
    assert client.push(body, [row["id"]])[0].result == "applied"
    s = make_engine(enrolled, portal).sync_once()
    assert (s.conflicts, s.open_conflicts, s.pending) == (1, 1, 0)
    [problem] = sync_service.problems(enrolled)
    assert (problem.result, problem.reason) == ("conflict", "event_conflict")


def test_401_stops_and_asks_for_re_enrolment(enrolled, portal):
    _receive(enrolled, 2)
    portal.revoke()
    s = make_engine(enrolled, portal).run_until_idle(60)
    assert s.error == "sync.unauthorized" and s.needs_enrolment and not s.retryable
    assert s.attempts == 1 and s.pending == 2  # no retry loop on 401
    st = sync_service.status(enrolled)
    assert st.state == "needs_enrolment" and st.pending == 2
    # A new code for the same workstation number brings it back.
    sync_service.enrol(enrolled, "http://portal.test", portal.code(), client=portal.client())
    assert sync_service.status(enrolled).state == "pending"
    assert make_engine(enrolled, portal).run_until_idle(60).idle


def test_over_the_portals_batch_limit_the_engine_splits(make_portal, counter, clock):
    from portal import agencies, catalogue
    from tests.conftest import AGENCY, SMALL_CATALOGUE

    small = make_portal(max_batch_events=3)
    agencies.create_agency(small.db, AGENCY, "UBND", 1000, clock())
    catalogue.import_procedures(small.db, catalogue.read_catalogue_files([SMALL_CATALOGUE]),
                                clock())
    sync_service.enrol(counter, "http://portal.test", small.code(), client=small.client())
    _receive(counter, 8)
    s = make_engine(counter, small).sync_once()
    assert (s.applied, s.rejected, s.pending) == (8, 0, 0)
    first, *rest = small.adapter.pushed_ids()
    assert len(first) == 8  # refused with 413 too_many_events, limit 3
    assert max(len(b) for b in rest) <= 3 and len(rest) == 3


def test_batches_are_bounded_by_count_and_bytes(enrolled, portal):
    _receive(enrolled, 12)
    make_engine(enrolled, portal, limits=Limits(batch_events=5)).sync_once()
    assert [len(b) for b in portal.adapter.pushed_ids()] == [5, 5, 2]
    portal.adapter.sent.clear()
    _receive(enrolled, 6)
    one = len(enrolled.conn.execute("SELECT payload FROM dossier_events ORDER BY seq DESC")
              .fetchone()[0])
    make_engine(enrolled, portal, limits=Limits(batch_bytes=int(one * 2.5))).sync_once()
    assert [len(b) for b in portal.adapter.pushed_ids()] == [2, 2, 2]


def test_an_event_the_envelope_refuses_is_isolated_and_quarantined(enrolled, portal):
    """A whole-request 422 names the event in detail[].loc: that one is quarantined with the
    portal's message, the others are sent again and applied."""
    _receive(enrolled, 2)
    bad = _craft(enrolled, str(uuid.uuid4()), "status_changed", {"to": 4}, workstation=150)
    _receive(enrolled, 2)
    s = make_engine(enrolled, portal).sync_once()
    assert (s.applied, s.rejected, s.pending) == (4, 1, 0)
    [problem] = sync_service.problems(enrolled)
    assert (problem.event_id, problem.reason) == (bad, "invalid_request")
    assert "workstation" in problem.message


def test_a_payload_that_is_not_json_is_found_by_bisection(enrolled, portal):
    _receive(enrolled, 3)
    bad = str(uuid.uuid4())
    with db.transaction(enrolled.conn):
        enrolled.conn.execute(
            "INSERT INTO dossier_events (id, dossier_id, kind, at, user, workstation, payload)"
            " VALUES (?, ?, 'status_changed', '2026-11-20T10:00:00', '', 1, '{broken')",
            (bad, str(uuid.uuid4())))
    _receive(enrolled, 3)
    s = make_engine(enrolled, portal).sync_once()
    assert (s.applied, s.rejected, s.pending) == (6, 1, 0)
    assert [p.reason for p in sync_service.problems(enrolled)] == ["malformed_json"]


def test_the_outbox_mark_follows_answers_and_retries(enrolled, portal):
    _receive(enrolled, 3)
    make_engine(enrolled, portal).sync_once()
    top = enrolled.conn.execute("SELECT max(seq) FROM dossier_events").fetchone()[0]
    assert sync_store.get_state(enrolled.conn).outbox_mark == top
    bad = _craft(enrolled, str(uuid.uuid4()), "status_changed", {"to": 99})
    _receive(enrolled, 1)
    make_engine(enrolled, portal).sync_once()
    assert sync_store.get_state(enrolled.conn).outbox_mark == top + 2
    sync_service.retry(enrolled, [bad])
    assert sync_store.get_state(enrolled.conn).outbox_mark == top
    assert enrolled.pending_count() == 1

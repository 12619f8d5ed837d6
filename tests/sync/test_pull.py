"""Pulling changes: applied with their cursor in one transaction, idempotent, 410 restarts."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from counter_app.domain.calendar import DayKind
from counter_app.domain.model import Channel, Status
from counter_app.services import sync as sync_service
from counter_app.store import sync as sync_store
from counter_app.sync import apply as apply_module
from portal import catalogue
from portal.catalogue import read_calendar_file
from tests.conftest import SMALL_CATALOGUE, birth_draft
from tests.sync.conftest import make_engine


def _kinds(counter, dossier_id):
    return [e.kind for e in counter.events(dossier_id)]


def test_back_office_status_comes_back_to_the_local_dossier(enrolled, portal):
    d = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    portal.set_status(d.code, 4, "Chuyển Phòng Tư pháp")
    portal.clock.advance(hours=1)
    portal.set_status(d.code, 9, "Đã xử lý xong")
    s = make_engine(enrolled, portal).sync_once()
    assert s.error == "" and d.id in s.dossiers
    local = enrolled.get_by_id(d.id)
    assert local.status == Status.RESOLVED
    portal_events = [e for e in enrolled.events(d.id) if e.kind == "portal_status"]
    assert [(e.payload["from"], e.payload["to"], e.payload["note"]) for e in portal_events] == [
        (2, 4, "Chuyển Phòng Tư pháp"), (4, 9, "Đã xử lý xong")]
    assert portal_events[0].user == "Trần Văn B"
    # Recorded locally, never pushed back.
    assert enrolled.pending_count() == 0
    assert make_engine(enrolled, portal).sync_once().pushed == 0


def test_a_page_applied_twice_changes_nothing(enrolled, portal):
    d = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    portal.set_status(d.code, 4, "Xử lý")
    make_engine(enrolled, portal).sync_once()
    with enrolled.conn:
        sync_store.set_cursor(enrolled.conn, "")  # as after a crash before the cursor moved
    s = make_engine(enrolled, portal).sync_once()
    assert s.pulled >= 1
    assert _kinds(enrolled, d.id) == ["received", "portal_status"]


def test_catalogue_and_calendar_come_down(enrolled, portal, tmp_path):
    path = tmp_path / "cal.json"
    path.write_text(json.dumps({"exceptions": [
        {"date": "2026-12-24", "kind": "off", "note": "Nghỉ bù", "legal_ref": "CV 1"},
        {"date": "2026-12-26", "kind": "working", "note": "Làm bù"}]}), encoding="utf-8")
    catalogue.import_calendar(portal.db, read_calendar_file(path), portal.clock())
    data = json.loads(SMALL_CATALOGUE.read_text(encoding="utf-8"))
    data["procedures"][0]["name"] = "Thủ tục đăng ký khai sinh (sửa đổi)"
    changed = tmp_path / "cat.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    catalogue.import_procedures(portal.db, catalogue.read_catalogue_files([changed]),
                                portal.clock())
    enrolled.calendar()  # cached before the pull
    s = make_engine(enrolled, portal).sync_once()
    assert s.catalogue and s.calendar and s.skipped == 0
    result = sync_service.sync_once(enrolled, make_engine(enrolled, portal))
    assert result.changes.dossiers == frozenset()
    code = data["procedures"][0]["code"]
    assert enrolled.procedure(code).name.endswith("(sửa đổi)")
    days = {e.day: e.kind for e in enrolled.calendar_exceptions()}
    assert days[dt.date(2026, 12, 24)] == DayKind.OFF
    catalogue.remove_calendar_exception(portal.db, dt.date(2026, 12, 24), portal.clock())
    result = sync_service.sync_once(enrolled, make_engine(enrolled, portal))
    assert result.changes.calendar
    assert dt.date(2026, 12, 24) not in {e.day for e in enrolled.calendar_exceptions()}
    assert enrolled.calendar().is_working_day(dt.date(2026, 12, 24))  # cache was dropped


def test_online_dossiers_arrive_and_another_counter_learns_who_took_one(
        enrolled, portal, make_portal, tmp_path, clock):
    from counter_app.services.counter import Counter
    from counter_app.services.profile import Profile
    from tests.conftest import AGENCY

    online = portal.online("Lê Văn Cường")
    two = Counter.open(tmp_path / "two", clock)
    two.set_profile(Profile(agency_code=AGENCY, agency_name="Xã", workstation=2))
    sync_service.enrol(two, "http://portal.test", portal.code(), client=portal.client())
    for c in (enrolled, two):
        make_engine(c, portal).sync_once()
        d = c.get(online["MaHoSo"])
        assert (d.id, d.status, d.channel) == (online["id"], Status.REGISTERED, Channel.ONLINE)
        assert [x.id for x in c.search("le van cuong")] == [online["id"]]
        assert _kinds(c, d.id) == ["online_received"]
        assert c.pending_count() == 0
    enrolled.change_status(online["id"], Status.RECEIVED, note="Tiếp nhận hồ sơ trực tuyến")
    assert make_engine(enrolled, portal).sync_once().applied == 1
    make_engine(two, portal).sync_once()
    assert two.get_by_id(online["id"]).status == Status.RECEIVED
    two.close()


def test_a_status_the_counter_already_moved_past_is_checked_with_the_portal(enrolled, portal):
    """Back office: 2 → 4. Meanwhile the clerk records a withdrawal (2 → 7). The portal
    applies 7 after 4; the pulled 4 does not follow from the local 7: the engine asks the
    portal, which says 7, and the local dossier stays at 7."""
    d = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    portal.set_status(d.code, 4, "Xử lý")
    enrolled.change_status(d.id, Status.WITHDRAWN, note="Công dân rút hồ sơ")
    s = make_engine(enrolled, portal).sync_once()
    assert (s.applied, s.rechecked) == (1, 1)
    assert enrolled.get_by_id(d.id).status == Status.WITHDRAWN
    assert [x["TrangThaiHoSo"] for x in portal.listing()] == ["7"]
    assert sync_store.rechecks(enrolled.conn) == []


def test_dismissing_a_refused_status_change_takes_the_portals_status(enrolled, portal):
    d = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    portal.set_status(d.code, 4, "Xử lý")
    portal.set_status(d.code, 8, "Dừng xử lý")
    enrolled.change_status(d.id, Status.RESOLVED)  # the clerk did not know
    s = make_engine(enrolled, portal).sync_once()
    # Refused (8 → 9 is no transition): the local dossier shows the portal's status, the
    # clerk's change waits in the supervisor's list.
    assert s.rejected == 1 and enrolled.get_by_id(d.id).status == Status.STOPPED
    [problem] = sync_service.problems(enrolled)
    assert (problem.reason, problem.params) == ("invalid_transition", {"current": 8, "new": 9})
    sync_service.resolve(enrolled, [problem.event_id], user="giamsat")
    make_engine(enrolled, portal).sync_once()
    assert enrolled.get_by_id(d.id).status == Status.STOPPED
    assert sync_service.problems(enrolled) == []


def test_a_retried_status_change_shows_locally_once_applied(enrolled, portal):
    d = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    portal.set_status(d.code, 5, "Bổ sung giấy tờ")
    make_engine(enrolled, portal).sync_once()
    enrolled.change_status(d.id, Status.WITHDRAWN)
    portal.set_status(d.code, 4, "Đã bổ sung")  # 4 → 7 is fine: no refusal
    s = make_engine(enrolled, portal).sync_once()
    assert s.applied == 1 and enrolled.get_by_id(d.id).status == Status.WITHDRAWN


def test_a_crash_while_applying_a_page_keeps_the_old_cursor(enrolled, portal, monkeypatch):
    d = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    cursor = sync_store.get_state(enrolled.conn).cursor
    portal.set_status(d.code, 4, "Xử lý")

    def power_cut(conn, value):
        raise KeyboardInterrupt

    monkeypatch.setattr(apply_module.sync_store, "set_cursor", power_cut)
    with pytest.raises(KeyboardInterrupt):
        make_engine(enrolled, portal).pull_all()
    monkeypatch.undo()
    assert sync_store.get_state(enrolled.conn).cursor == cursor
    assert enrolled.get_by_id(d.id).status == Status.RECEIVED  # rolled back with it
    make_engine(enrolled, portal).sync_once()
    assert enrolled.get_by_id(d.id).status == Status.IN_PROGRESS


def test_410_pulls_from_the_beginning_and_sends_everything_again(enrolled, portal):
    d = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    portal.set_status(d.code, 4, "Xử lý")
    stranger = base64.urlsafe_b64encode(b"f" * 32 + b":3").decode().rstrip("=")
    with enrolled.conn:
        sync_store.set_cursor(enrolled.conn, stranger)
    s = make_engine(enrolled, portal).run_until_idle(60)
    assert s.idle and s.resent == 1 and s.duplicate == 1
    assert enrolled.get_by_id(d.id).status == Status.IN_PROGRESS
    assert _kinds(enrolled, d.id) == ["received", "portal_status"]


def test_a_change_this_version_cannot_read_is_skipped_not_fatal(enrolled, portal):
    from portal import changes

    with portal.db.write() as conn:
        changes.record(conn, [changes.Change("procedure", "9.999999", {"code": "bad"}),
                              changes.Change("calendar_exception", "x", {"date": "hôm qua"})],
                       portal.clock())
    s = make_engine(enrolled, portal).sync_once()
    assert (s.error, s.skipped) == ("", 2)
    assert make_engine(enrolled, portal).sync_once().skipped == 0  # the cursor moved on


def test_status_changes_of_dossiers_held_elsewhere_are_ignored(enrolled, portal, tmp_path,
                                                                clock):
    from counter_app.services.counter import Counter
    from counter_app.services.profile import Profile
    from tests.conftest import AGENCY

    d = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    two = Counter.open(tmp_path / "two", clock)
    two.set_profile(Profile(agency_code=AGENCY, agency_name="Xã", workstation=2))
    sync_service.enrol(two, "http://portal.test", portal.code(), client=portal.client())
    portal.set_status(d.code, 4, "Xử lý")
    s = make_engine(two, portal).sync_once()
    assert s.ignored == 1 and s.error == ""
    two.close()


def test_a_portal_that_lost_acknowledged_dossiers_gets_everything_again(enrolled, portal):
    """A portal restored from a backup taken before the last push, with no change recorded
    since: the cursor cannot tell. The engine's look-up of the newest acknowledged dossier
    can; everything is sent again and the portal keeps each dossier once."""
    from sqlalchemy import text

    kept = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    lost = enrolled.receive(birth_draft()).dossier
    make_engine(enrolled, portal).sync_once()
    with portal.db.write() as conn:  # what restoring the backup does to the second dossier
        for table in ("progress", "events", "dossiers"):
            column = "id" if table == "dossiers" else "dossier_id"
            conn.execute(text(f"DELETE FROM {table} WHERE {column} = :d"), {"d": lost.id})
    s = make_engine(enrolled, portal).run_until_idle(60)
    assert s.idle and s.resent == 2 and (s.applied, s.duplicate) == (1, 1)
    assert sorted(d["id"] for d in portal.listing()) == sorted([kept.id, lost.id])

"""Enrolment of devices: one-time codes that expire, distinct workstations, revocation."""

from __future__ import annotations

from portal import agencies
from tests.portal.conftest import AGENCY, OTHER_AGENCY, Harness


def _enrol(h: Harness, code: str, workstation: int = 1):
    return h.client.post("/api/v1/enrol",
                         json={"code": code, "workstation": workstation, "device_name": "A"})


def test_enrolment_returns_a_token_and_the_agency(harness: Harness) -> None:
    r = _enrol(harness, harness.code(), 2)
    assert r.status_code == 201
    body = r.json()
    assert body["agency_code"] == AGENCY and body["agency_name"] == "UBND xã Tân Phú"
    assert body["range_size"] == 1000 and body["workstation"] == 2
    assert len(body["token"]) >= 43
    me = harness.client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200 and me.json()["workstation"] == 2


def test_tokens_and_codes_are_stored_only_as_hashes(harness: Harness) -> None:
    code = harness.code()
    token = _enrol(harness, code).json()["token"]
    with harness.db.read() as conn:
        dump = "\n".join(str(tuple(row)) for table in ("devices", "enrolment_codes")
                         for row in conn.exec_driver_sql(f"SELECT * FROM {table}"))
    assert token not in dump
    assert code not in dump and code.replace("-", "") not in dump


def test_a_code_works_once(harness: Harness) -> None:
    code = harness.code()
    assert _enrol(harness, code, 1).status_code == 201
    replay = _enrol(harness, code, 2)
    assert replay.status_code == 403
    assert replay.json()["error"] == "enrolment_code_invalid"


def test_a_code_is_typed_loosely_but_not_guessed(harness: Harness) -> None:
    code = harness.code()
    assert _enrol(harness, "AAAA-BBBB-CCCC-DDDD").status_code == 403
    assert _enrol(harness, code.lower().replace("-", " ")).status_code == 201


def test_an_expired_code_is_refused(harness: Harness) -> None:
    code = harness.code(hours=1)
    harness.clock.advance(hours=2)
    r = _enrol(harness, code)
    assert r.status_code == 403 and r.json()["error"] == "enrolment_code_expired"
    assert "hết hạn" in r.json()["message"]


def test_two_devices_cannot_share_a_workstation_number(harness: Harness) -> None:
    harness.enrol(workstation=3)
    code = harness.code()
    r = _enrol(harness, code, 3)
    assert r.status_code == 409 and r.json()["error"] == "workstation_taken"
    # The refused code was not spent: it still enrols another number.
    assert _enrol(harness, code, 4).status_code == 201


def test_the_same_number_in_another_agency_is_fine(harness: Harness) -> None:
    harness.agency(OTHER_AGENCY, "UBND xã Tân An")
    harness.enrol(AGENCY, 1)
    harness.enrol(OTHER_AGENCY, 1)


def test_workstation_number_is_checked(harness: Harness) -> None:
    for bad in (0, 100):
        r = _enrol(harness, harness.code(), bad)
        assert r.status_code == 422 and r.json()["error"] == "workstation_range"
    r = harness.client.post("/api/v1/enrol", json={"code": harness.code(), "workstation": "1"})
    assert r.status_code == 422


def test_revocation_gives_401_and_frees_the_number(harness: Harness) -> None:
    device = harness.device(workstation=5)
    assert device.pull()["changes"]
    agencies.revoke(harness.db, harness.clock(), agency_code=AGENCY, workstation=5)
    for r in (harness.client.get("/api/v1/changes", headers=device.auth),
              harness.client.post("/api/v1/events", json={"events": []}, headers=device.auth)):
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"
        assert r.json()["error"] == "unauthorized"
    assert _enrol(harness, harness.code(), 5).status_code == 201


def test_no_token_or_a_wrong_token_is_401(harness: Harness) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic eDp5"}):
        r = harness.client.get("/api/v1/changes", headers=headers)
        assert r.status_code == 401, headers
        r = harness.client.post("/api/v1/events", json={"events": []}, headers=headers)
        assert r.status_code == 401, headers


def test_list_devices(harness: Harness) -> None:
    harness.enrol(workstation=1)
    harness.enrol(workstation=2)
    listed = agencies.list_devices(harness.db, AGENCY)
    assert [d["workstation"] for d in listed] == [1, 2]
    assert all(d["revoked_at"] is None for d in listed)
    assert "token" not in str(listed)


def test_enrolment_tells_the_highest_sequence_of_the_workstation_today(
        harness: Harness) -> None:
    first = _enrol(harness, harness.code(), 4).json()
    assert (first["today"], first["highest_sequence"]) == ("2026-11-20", 0)
    old = harness.device(workstation=2)  # numbers 1001-2000
    other = harness.device(workstation=3)
    assert {r["result"] for r in old.push([old.receive(0), old.receive(3)])
            + other.push([other.receive(7)])} == {"applied"}
    agencies.revoke(harness.db, harness.clock(), agency_code=AGENCY, workstation=2)
    body = _enrol(harness, harness.code(), 2).json()
    # 1004 (its own range only: workstation 3's 2008 does not count)
    assert (body["today"], body["highest_sequence"]) == ("2026-11-20", 1004)
    harness.clock.now = harness.clock.now.replace(day=21)
    agencies.revoke(harness.db, harness.clock(), agency_code=AGENCY, workstation=2)
    assert _enrol(harness, harness.code(), 2).json()["highest_sequence"] == 0  # a new day

"""Push: idempotent per event UUID, per-event validation, one transaction, bounded batches."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import pytest

from portal import agencies
from tests.portal import builders
from tests.portal.conftest import AGENCY, OTHER_AGENCY, Harness


def count(h: Harness, table: str) -> int:
    with h.db.read() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def results(found: list[dict[str, Any]]) -> list[str]:
    return [r["result"] for r in found]


def test_applied_then_duplicate_then_conflict(harness: Harness) -> None:
    device = harness.device()
    event = device.receive()
    assert results(device.push([event])) == ["applied"]
    assert results(device.push([event])) == ["duplicate"]
    changed = copy.deepcopy(event)
    changed["payload"]["dossier"]["applicant"]["phone"] = "0987654321"
    [r] = device.push([changed])
    assert r["result"] == "conflict" and r["reason"] == "event_conflict"
    assert r["message"]
    assert count(harness, "dossiers") == 1 and count(harness, "events") == 1


def test_the_same_event_twice_in_one_batch(harness: Harness) -> None:
    device = harness.device()
    event = device.receive()
    assert results(device.push([event, event])) == ["applied", "duplicate"]


def test_a_received_dossier_is_stored_in_national_field_names(harness: Harness) -> None:
    device = harness.device()
    event = device.receive(attachments=[{"sha256": "ab" * 32, "name": "Giấy chứng sinh.pdf",
                                         "size": 10, "media_type": "application/pdf"}])
    device.push([event])
    r = harness.client.get(f"/api/v1/dossiers/{event['dossier_id']}", headers=device.auth)
    assert r.status_code == 200
    d = r.json()
    assert d["id"] == event["dossier_id"]
    assert d["MaHoSo"] == f"{AGENCY}-261120-0001"
    assert d["MaTTHC"] == "1.001193" and d["TenTTHC"] == "Thủ tục đăng ký khai sinh"
    assert d["TenLinhVuc"] == "Hộ tịch"  # from the portal's catalogue
    assert d["ChuHoSo"] == builders.NAME
    assert d["SoGiayToChuHoSo"] == builders.ID_NUMBER
    assert d["SoDienThoai"] == "0912345678"
    assert d["NgayTiepNhan"] == "20261120093200" and d["NgayHenTra"] == "20261121093200"
    assert d["TrangThaiHoSo"] == "2" and d["KenhThucHien"] == "1" and d["HinhThuc"] == "0"
    assert d["DonViXuLy"] == "UBND xã Tân Phú"
    assert d["TaiLieuNop"][1]["TenTepDinhKem"] == "Giấy chứng sinh"
    assert d["DanhSachLePhi"] == [{"TenPhiLePhi": "Lệ phí đăng ký khai sinh", "Gia": 0,
                                   "DaThu": True}]
    assert d["attachments"] == [{"sha256": "ab" * 32, "name": "Giấy chứng sinh.pdf",
                                 "size": 10, "received": False}]
    assert d["complete"] is False
    [progress] = d["TienDoXuLy"]
    assert progress["TrangThai"] == "2" and progress["ThoiDiemXuLy"] == "20261120093200"
    assert progress["NguoiXuLy"] == "clerk1"


def test_status_changes_update_the_dossier_and_its_progress(harness: Harness) -> None:
    device = harness.device()
    event = device.receive()
    did = event["dossier_id"]
    found = device.push([event, builders.status_event(did, 2, 4, "Chuyển phòng Tư pháp"),
                         builders.status_event(did, 4, 9, "Đã ký"),
                         builders.status_event(did, 9, 10, "Đã trả")])
    assert results(found) == ["applied"] * 4
    d = harness.client.get(f"/api/v1/dossiers/{did}", headers=device.auth).json()
    assert d["TrangThaiHoSo"] == "10" and d["NgayTra"] == "20261120103200"
    assert [p["TrangThai"] for p in d["TienDoXuLy"]] == ["2", "4", "9", "10"]
    assert d["TienDoXuLy"][1]["NoiDungXuLy"] == "Chuyển phòng Tư pháp"


def test_a_bad_event_is_rejected_and_the_others_applied(harness: Harness) -> None:
    device = harness.device()
    good1, good2 = device.receive(1), device.receive(2)
    bad = builders.received_event(agency=OTHER_AGENCY, sequence=7)
    found = device.push([good1, bad, good2])
    assert [r["id"] for r in found] == [good1["id"], bad["id"], good2["id"]]
    assert results(found) == ["applied", "rejected", "applied"]
    assert found[1]["reason"] == "wrong_agency"
    assert OTHER_AGENCY in found[1]["message"]
    assert count(harness, "dossiers") == 2 and count(harness, "events") == 2
    # A rejected event stays rejected when sent again: nothing was stored for it.
    assert results(device.push([bad])) == ["rejected"]


def _mutate(event: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    event = copy.deepcopy(event)
    *parents, last = path.split(".")
    target = event
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return event


@pytest.mark.parametrize(("path", "value", "reason"), [
    ("kind", "teleported", "unknown_kind"),
    ("id", "not-a-uuid", "invalid_id"),
    ("at", "2026-02-30T10:00:00", "bad_date"),
    ("payload.dossier.received_at", "20/11/2026", "bad_date"),
    ("payload.dossier.code", KeyError, "invalid_payload"),
    ("payload.dossier.applicant.full_name", KeyError, "invalid_payload"),
    ("payload.dossier.applicant.shoe_size", 42, "invalid_payload"),
    ("payload.dossier.status", "2", "invalid_payload"),
    ("payload.dossier.code", None, "code_required"),
    ("payload.dossier.code", "XYZ-1", "code_format"),
    ("payload.dossier.code", f"{AGENCY}-261120-1001", "code_outside_range"),
    ("payload.dossier.id", str(uuid.uuid4()), "dossier_id_mismatch"),
    ("payload.dossier.outcome", "refused", "outcome_mismatch"),
    ("payload.dossier.agency_code", OTHER_AGENCY, "wrong_agency"),
    ("payload.dossier.lookup_secret", "ab", "lookup_secret_format"),
    ("payload.dossier.applicant.full_name", "Nguyễn\x00Hương", "invalid_text"),
    ("payload.dossier.notes", "\ud800", "invalid_text"),
    ("user", "clerk\x00", "invalid_text"),
    ("payload.dossier.procedure_code", "1.001193\x00", "invalid_text"),
])
def test_rejection_reasons(harness: Harness, path: str, value: Any, reason: str) -> None:
    device = harness.device()
    [r] = device.push([_mutate(device.receive(), path, value)])
    assert (r["result"], r["reason"]) == ("rejected", reason), r
    assert r["message"]
    if reason == "invalid_payload":
        assert r["problems"] and r["problems"][0]["field"].startswith("dossier.")
    assert count(harness, "dossiers") == 0


def test_status_change_rules(harness: Harness) -> None:
    device = harness.device()
    event = device.receive()
    did = event["dossier_id"]
    found = device.push([
        builders.status_event(str(uuid.uuid4()), 2, 4),  # no such dossier
        event,
        builders.status_event(did, 2, 10),  # 2 → 10 skips "resolved"
        builders.status_event(did, 2, 4),
    ])
    assert results(found) == ["rejected", "applied", "rejected", "applied"]
    assert found[0]["reason"] == "dossier_not_found"
    assert found[2]["reason"] == "invalid_transition"
    assert found[2]["params"] == {"current": 2, "new": 10}


def test_guidance_and_refusal_records(harness: Harness) -> None:
    from counter_app.domain.model import Outcome

    device = harness.device()
    guidance = builders.received_event(outcome=Outcome.GUIDANCE, sequence=None)
    guidance["payload"]["missing"] = ["Giấy chứng sinh"]
    refused = builders.received_event(outcome=Outcome.REFUSED, sequence=None)
    assert results(device.push([guidance, refused])) == ["applied", "applied"]
    listed = {d["outcome"]: d for d in _dossiers(harness)}
    assert listed["guidance"]["MaHoSo"] == "" and listed["guidance"]["TrangThaiHoSo"] == ""
    assert listed["refused"]["TrangThaiHoSo"] == "3"


def _dossiers(h: Harness) -> list[dict[str, Any]]:
    from portal import dossiers

    return dossiers.list_for_agency(h.db, AGENCY)


def test_the_same_code_from_a_second_device_is_a_conflict(harness: Harness) -> None:
    first = harness.device(workstation=1)
    assert results(first.push([first.receive()])) == ["applied"]
    agencies.revoke(harness.db, harness.clock(), agency_code=AGENCY, workstation=1)
    replacement = harness.device(workstation=1)  # a new PC, numbering restarted
    [r] = replacement.push([replacement.receive()])
    assert (r["result"], r["reason"]) == ("conflict", "dossier_code_taken")
    # where the replacement's numbering of that day must continue
    assert r["params"]["highest_sequence"] == 1
    assert r["params"]["day"] == harness.clock().date().isoformat()
    assert count(harness, "dossiers") == 1 and count(harness, "events") == 1


def test_a_replacement_device_replaying_the_outbox_gets_duplicates(harness: Harness) -> None:
    first = harness.device(workstation=1)
    event = first.receive()
    first.push([event])
    agencies.revoke(harness.db, harness.clock(), agency_code=AGENCY, workstation=1)
    again = harness.device(workstation=1)
    assert results(again.push([event])) == ["duplicate"]


def test_another_agencys_dossier_is_not_found(harness: Harness) -> None:
    harness.agency(OTHER_AGENCY, "UBND xã Tân An")
    mine, theirs = harness.device(AGENCY), harness.device(OTHER_AGENCY)
    event = mine.receive()
    mine.push([event])
    did = event["dossier_id"]
    r = harness.client.get(f"/api/v1/dossiers/{did}", headers=theirs.auth)
    assert r.status_code == 404 and r.json()["error"] == "dossier_not_found"
    [found] = theirs.push([builders.status_event(did, 2, 4)])
    assert (found["result"], found["reason"]) == ("rejected", "dossier_not_found")
    # Same event id from another agency: never a duplicate of the first agency's event.
    replay = copy.deepcopy(event)
    assert theirs.push([replay])[0]["result"] in ("conflict", "rejected")


def test_batch_limits(make_portal: Any) -> None:
    h: Harness = make_portal()
    h.agency()
    device = h.device()
    too_many = [device.receive(i) for i in range(501)]
    r = h.client.post("/api/v1/events", json={"events": too_many}, headers=device.auth)
    assert r.status_code == 413 and r.json()["error"] == "too_many_events"
    assert "500" in r.json()["message"]
    big = device.receive()
    big["payload"]["dossier"]["notes"] = "x" * 3000
    body = json.dumps({"events": [big] * 800})
    assert len(body) > 2 * 1024 * 1024
    r = h.client.post("/api/v1/events", content=body, headers={
        **device.auth, "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"] == "body_too_large"
    assert count(h, "events") == 0


def test_body_limit_without_content_length(make_portal: Any) -> None:
    h: Harness = make_portal(max_batch_bytes=4000)
    h.agency()
    device = h.device()
    body = json.dumps({"events": [device.receive(i) for i in range(5)]}).encode()

    def chunks():
        for i in range(0, len(body), 1000):
            yield body[i:i + 1000]

    r = h.client.post("/api/v1/events", content=chunks(), headers={
        **device.auth, "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"] == "body_too_large"


@pytest.mark.parametrize(("body", "status", "error"), [
    (b'{"events": [', 400, "malformed_json"),
    (b"\xff\xfe", 400, "malformed_json"),
    (b'{"events": {}}', 422, "invalid_request"),
    (b'{"events": [], "extra": 1}', 422, "invalid_request"),
    (b'[]', 422, "invalid_request"),
])
def test_malformed_requests(harness: Harness, body: bytes, status: int, error: str) -> None:
    device = harness.device()
    r = harness.client.post("/api/v1/events", content=body,
                            headers={**device.auth, "Content-Type": "application/json"})
    assert r.status_code == status, r.text
    assert r.json()["error"] == error and r.json()["message"]


@pytest.mark.parametrize(("field", "value"), [
    ("workstation", "1"), ("workstation", True), ("payload", "{}"), ("id", 5),
    ("colour", "blue"),
])
def test_envelope_errors_refuse_the_whole_batch(harness: Harness, field: str, value: Any) -> None:
    device = harness.device()
    good, bad = device.receive(1), device.receive(2)
    bad[field] = value
    r = harness.client.post("/api/v1/events", json={"events": [good, bad]}, headers=device.auth)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail[0]["loc"][:3] == ["body", "events", 1]  # names the bad event
    assert count(harness, "dossiers") == 0


def test_a_batch_is_one_transaction(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    from portal import ingest

    device = harness.device()
    events = [device.receive(1), device.receive(2)]
    real = ingest._Batch._create
    calls = []

    def failing(self: Any, p: Any, payload: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(self, p, payload)

    monkeypatch.setattr(ingest._Batch, "_create", failing)
    with pytest.raises(RuntimeError):
        device.push(events)
    assert count(harness, "dossiers") == 0 and count(harness, "events") == 0

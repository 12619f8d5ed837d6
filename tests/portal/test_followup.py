"""Push of the follow-up kinds (accepted, supplement_received, delay_apology, withdrawn):
what each does to the national record, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import pytest

from portal.cli import main as portal_cli
from tests.portal import builders
from tests.portal.conftest import AGENCY, Device, Harness

DOC = {"name": "Bản sao giấy xác nhận cư trú", "original": 0, "certified_copy": 1,
       "photocopy": 0, "mandatory": True}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code = portal_cli(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def record(device: Device, dossier_id: str) -> dict[str, Any]:
    r = device.client.get(f"/api/v1/dossiers/{dossier_id}", headers=device.auth)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def _received(harness: Harness) -> tuple[Device, str, str]:
    device = harness.device()
    event = device.receive()
    assert device.push([event])[0]["result"] == "applied"
    d = event["payload"]["dossier"]
    return device, d["id"], d["code"]


def test_supplement_moves_status_and_due_date(harness: Harness,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    device, dossier_id, code = _received(harness)
    cli(capsys, "set-status", "--db", harness.url, code, "5", "--note",
        "Bản sao giấy xác nhận cư trú")
    event = builders.event("supplement_received", dossier_id, {
        "from": 5, "to": 4, "documents": [DOC], "rule": "restart",
        "requested_at": "2026-11-20T09:40:00", "requested": ["Bản sao giấy xác nhận cư trú"],
        "department": "Tư pháp", "repeat_request": False,
        "previous_due_at": "2026-11-21T09:32:00", "due_at": "2026-11-26T08:00:00",
        "note": ""})
    assert device.push([event])[0]["result"] == "applied"
    assert device.push([event])[0]["result"] == "duplicate"
    r = record(device, dossier_id)
    assert r["TrangThaiHoSo"] == "4" and r["NgayHenTra"] == "20261126080000"
    [extra] = r["DanhSachHoSoBoSung"]
    assert extra["NgayHenTraMoi"] == "20261126080000"
    assert extra["TaiLieuBoSung"][0]["TenTepDinhKem"] == "Bản sao giấy xác nhận cư trú"
    assert extra["NoiDungYeuCau"] == "Bản sao giấy xác nhận cư trú"
    assert r["TienDoXuLy"][-1]["NoiDungXuLy"] == "Công dân nộp bổ sung hồ sơ"
    # Not waiting for a supplement any more: a second one is refused with its reason.
    again = builders.event("supplement_received", dossier_id,
                           {"from": 5, "to": 4, "documents": [DOC]})
    [result] = device.push([again])
    assert result["result"] == "rejected" and result["reason"] == "invalid_transition"


def test_apology_once_at_the_portal_too(harness: Harness) -> None:
    device, dossier_id, _ = _received(harness)
    payload = {"previous_due_at": "2026-11-21T09:32:00", "due_at": "2026-11-26T09:32:00",
               "reason": "Chờ ý kiến của Sở Tư pháp"}
    assert device.push([builders.event("delay_apology", dossier_id, payload)])[0]["result"] \
        == "applied"
    r = record(device, dossier_id)
    assert r["NgayHenTra"] == "20261126093200" and r["TrangThaiHoSo"] == "2"
    assert r["XinLoiHenLai"]["LyDo"] == "Chờ ý kiến của Sở Tư pháp"
    [second] = device.push([builders.event("delay_apology", dossier_id,
                                           {**payload, "due_at": "2026-11-30T09:32:00"})])
    assert second["result"] == "rejected" and second["reason"] == "apology_once"
    assert "chỉ được hẹn lại một lần" in second["message"]
    assert record(device, dossier_id)["NgayHenTra"] == "20261126093200"
    [bad] = device.push([builders.event("delay_apology", dossier_id, {"reason": ""})])
    assert bad["result"] == "rejected" and bad["reason"] == "invalid_payload"


def test_withdrawal_and_acceptance_of_an_online_dossier(
        harness: Harness, capsys: pytest.CaptureFixture[str]) -> None:
    device, dossier_id, _ = _received(harness)
    event = builders.event("withdrawn", dossier_id,
                           {"from": 2, "to": 7, "reason": "Công dân không còn nhu cầu"})
    assert device.push([event])[0]["result"] == "applied"
    r = record(device, dossier_id)
    assert r["TrangThaiHoSo"] == "7" and r["LyDoRutHoSo"] == "Công dân không còn nhu cầu"

    other = harness.device(workstation=2)
    _, cursor = other.pull_all(limit=50)
    online = cli(capsys, "create-online-dossier", "--db", harness.url, "--agency", AGENCY,
                 "--procedure", "1.001193", "--name", "Lê Văn Tám")
    accept = builders.event("accepted", online["id"], {
        "from": 1, "to": 2, "due_at": "2026-11-23T09:32:00",
        "submitted_at": "2026-11-19T20:00:00", "book_number": "01/2026", "book_sequence": 7,
        "documents": [{"name": "Tờ khai đăng ký khai sinh theo mẫu", "original": 1},
                      {"name": "Giấy chứng sinh", "original": 1}], "note": ""})
    assert device.push([accept])[0]["result"] == "applied"
    r = record(device, online["id"])
    assert r["TrangThaiHoSo"] == "2" and r["NgayHenTra"] == "20261123093200"
    assert r["NgayTiepNhan"] == "20261120093200" and r["SoThuTu"] == 7
    assert [x["TenTepDinhKem"] for x in r["TaiLieuNop"]] == [
        "Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh"]
    # The other counters learn that this one took it.
    changes, _ = other.pull_all(cursor, limit=50)
    status = [c for c in changes if c["kind"] == "status"]
    assert status[-1]["data"]["TrangThai"] == "2"
    assert status[-1]["data"]["NoiDungXuLy"] == "Tiếp nhận hồ sơ nộp trực tuyến"


def test_bad_follow_up_events_are_rejected(harness: Harness) -> None:
    device, dossier_id, _ = _received(harness)
    cases = [
        ("withdrawn", {"from": 2, "to": 7}, "invalid_payload"),  # no reason
        ("supplement_received", {"from": 5, "to": 4, "documents": []}, "invalid_payload"),
        ("supplement_received", {"from": 5, "to": 4, "documents": [DOC]},
         "invalid_transition"),  # nothing was asked for: the dossier is at 2, not 5
        ("delay_apology", {"reason": "x", "due_at": "mai"}, "bad_date"),
        ("accepted", {"from": 1, "to": 2}, "invalid_transition"),  # not an online dossier at 1
        ("returned_by_magic", {}, "unknown_kind"),
    ]
    results = device.push([builders.event(kind, dossier_id, payload)
                           for kind, payload, _ in cases])
    assert [(r["result"], r["reason"]) for r in results] == [
        ("rejected", reason) for _, _, reason in cases]
    r = record(device, dossier_id)
    assert r["TrangThaiHoSo"] == "2" and r["DanhSachHoSoBoSung"] == []

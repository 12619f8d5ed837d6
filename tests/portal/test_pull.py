"""Pull: every kind of change, in pages, after an opaque cursor; back-office statuses return."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counter_app.domain.calendar import parse_exceptions
from counter_app.domain.catalogue import procedure_from_dict
from portal.cli import main as portal_cli
from tests.portal import builders
from tests.portal.conftest import AGENCY, OTHER_AGENCY, Harness

CALENDAR = Path(__file__).resolve().parents[2] / "resources" / "calendar" / "exceptions.json"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code = portal_cli(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_all_kinds_of_change_arrive_in_pages(harness: Harness,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    url = harness.url
    device = harness.device()
    cli(capsys, "import-calendar", "--db", url, str(CALENDAR))
    cli(capsys, "remove-calendar-exception", "--db", url, "2024-05-04")
    event = device.receive()
    device.push([event])
    code = event["payload"]["dossier"]["code"]
    cli(capsys, "set-status", "--db", url, code, "4", "--note", "Chuyển Phòng Tư pháp",
        "--by", "Trần Văn B", "--department", "Tư pháp - Hộ tịch")
    online = cli(capsys, "create-online-dossier", "--db", url, "--agency", AGENCY,
                 "--procedure", "2.000815", "--name", "Lê Văn Tám", "--phone", "0901234567")

    items, cursor = device.pull_all(limit=3)
    seqs = [c["seq"] for c in items]
    assert seqs == sorted(set(seqs))
    kinds = [c["kind"] for c in items]
    assert set(kinds) == {"procedure", "calendar_exception", "calendar_exception_removed",
                          "status", "dossier"}

    for c in items:
        if c["kind"] == "procedure":
            assert procedure_from_dict(c["data"]).code == c["key"]
    rows = [c["data"] for c in items if c["kind"] == "calendar_exception"]
    # 8 imported; 2024-05-04's was then removed, and its removal replaces it (compaction)
    assert len(parse_exceptions(json.dumps({"exceptions": rows}))) == 7
    assert "2024-05-04" not in {row["date"] for row in rows}
    removed = [c for c in items if c["kind"] == "calendar_exception_removed"]
    assert removed[0]["data"] == {"date": "2024-05-04"}

    [status] = [c["data"] for c in items if c["kind"] == "status"]
    assert status["dossier_id"] == event["dossier_id"] and status["MaHoSo"] == code
    assert status["TrangThai"] == "4" and status["NoiDungXuLy"] == "Chuyển Phòng Tư pháp"
    assert status["NguoiXuLy"] == "Trần Văn B"
    assert len(status["ThoiDiemXuLy"]) == 14

    [submitted] = [c["data"] for c in items if c["kind"] == "dossier"]
    assert submitted["id"] == online["id"] and submitted["MaHoSo"] == online["MaHoSo"]
    assert submitted["KenhThucHien"] == "2" and submitted["TrangThaiHoSo"] == "1"
    assert submitted["TenTTHC"].startswith("Thủ tục chứng thực")
    assert "lookup_secret" not in submitted

    again = device.pull(cursor)
    assert again["changes"] == [] and again["more"] is False
    cli(capsys, "set-status", "--db", url, code, "9", "--note", "Đã ký giấy khai sinh")
    newer = device.pull(cursor)
    assert [(c["kind"], c["data"]["TrangThai"]) for c in newer["changes"]] == [("status", "9")]


def test_status_set_at_the_portal_is_checked(harness: Harness,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    device = harness.device()
    event = device.receive()
    device.push([event])
    code = event["payload"]["dossier"]["code"]
    for status, note in (("10", "x"), ("3", "x"), ("4", " ")):
        assert portal_cli(["set-status", "--db", harness.url, code, status, "--note", note]) == 2
        err = capsys.readouterr().err
        assert err.startswith("Lỗi: ") and err.count("\n") == 1
    assert portal_cli(["set-status", "--db", harness.url, f"{AGENCY}-261120-0999", "4",
                       "--note", "x"]) == 2
    assert "Không tìm thấy hồ sơ" in capsys.readouterr().err
    cli(capsys, "set-status", "--db", harness.url, code, "5", "--note", "Thiếu giấy chứng sinh")
    assert portal_cli(["set-status", "--db", harness.url, code, "9", "--note", "x"]) == 2
    assert "không thể chuyển" in capsys.readouterr().err.lower()


def test_agencies_see_only_their_own_dossier_changes(harness: Harness,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    harness.agency(OTHER_AGENCY, "UBND xã Tân An")
    mine, theirs = harness.device(AGENCY), harness.device(OTHER_AGENCY)
    event = mine.receive()
    mine.push([event])
    cli(capsys, "set-status", "--db", harness.url, event["payload"]["dossier"]["code"], "4",
        "--note", "Đang xử lý")
    cli(capsys, "create-online-dossier", "--db", harness.url, "--agency", AGENCY,
        "--procedure", "1.001193", "--name", "Lê Văn Tám")
    their_items, _ = theirs.pull_all(limit=50)
    assert {c["kind"] for c in their_items} == {"procedure"}
    my_items, _ = mine.pull_all(limit=50)
    assert {"status", "dossier"} <= {c["kind"] for c in my_items}


def test_an_online_dossier_taken_by_one_counter_is_announced_to_the_others(
        harness: Harness, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = harness.device(workstation=1), harness.device(workstation=2)
    online = cli(capsys, "create-online-dossier", "--db", harness.url, "--agency", AGENCY,
                 "--procedure", "1.001193", "--name", "Lê Văn Tám")
    _, c1 = first.pull_all()
    _, c2 = second.pull_all()
    accept = builders.event("status_changed", online["id"],
                            {"from": 1, "to": 2, "note": "Tiếp nhận hồ sơ trực tuyến",
                             "due_at": "2026-11-23T09:32:00"}, workstation=1)
    assert first.push([accept])[0]["result"] == "applied"
    assert first.pull(c1)["changes"] == []  # not echoed to the device that made it
    [change] = second.pull(c2)["changes"]
    assert change["kind"] == "status" and change["data"]["TrangThai"] == "2"
    assert change["data"]["NgayKetThucTheoQuyDinh"] == "20261123093200"
    # The second counter, unaware, accepts too: same status again is applied, not an error.
    late = builders.event("status_changed", online["id"], {"from": 1, "to": 2, "note": ""},
                          workstation=2)
    assert second.push([late])[0]["result"] == "applied"


def test_cursor_errors(harness: Harness, make_portal: Any) -> None:
    device = harness.device()
    for bad in ("%%%", "bm90IGEgY3Vyc29y", "x" * 150):
        r = harness.client.get("/api/v1/changes", params={"cursor": bad}, headers=device.auth)
        assert r.status_code == 400 and r.json()["error"] == "invalid_cursor", bad
    page = device.pull(limit=1)
    assert page["more"] is True
    # A cursor from another portal database (e.g. after a restore): 410, start again.
    from portal import changes

    foreign = changes.encode_cursor("0" * 32, 1)
    r = harness.client.get("/api/v1/changes", params={"cursor": foreign}, headers=device.auth)
    assert r.status_code == 410 and r.json()["error"] == "cursor_unknown"
    r = harness.client.get("/api/v1/changes", params={"limit": 0}, headers=device.auth)
    assert r.status_code == 422
    r = harness.client.get("/api/v1/changes", params={"limit": 10**6}, headers=device.auth)
    assert r.status_code == 200 and r.json()["more"] is False


def test_reimporting_an_unchanged_catalogue_adds_no_change(
        harness: Harness, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.portal.conftest import SMALL_CATALOGUE

    device = harness.device()
    _, cursor = device.pull_all(limit=100)
    out = cli(capsys, "import-catalogue", "--db", harness.url, str(SMALL_CATALOGUE))
    assert out["changed"] == 0
    assert device.pull(cursor)["changes"] == []

"""The citizen's status page: status, dates and initials once the secret matches; no oracle."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from portal.cli import main as portal_cli
from tests.portal import builders
from tests.portal.conftest import AGENCY, Harness

SECRET = "s3cr3t-K"
PERSONAL = (builders.ID_NUMBER, builders.ADDRESS, builders.NAME, "0912345678", "Hương")


@pytest.fixture
def received(harness: Harness) -> dict[str, Any]:
    device = harness.device()
    event = device.receive(secret=SECRET)
    assert device.push([event])[0]["result"] == "applied"
    return event


def _code(event: dict[str, Any]) -> str:
    code: str = event["payload"]["dossier"]["code"]
    return code


def test_the_page_shows_status_dates_and_initials(harness: Harness,
                                                  received: dict[str, Any]) -> None:
    r = harness.client.get(f"/tra-cuu/{_code(received)}", params={"k": SECRET})
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["referrer-policy"] == "no-referrer"
    page = r.text
    assert '<meta charset="utf-8">' in page and '<html lang="vi">' in page
    assert "Được tiếp nhận" in page
    assert "N.T.H." in page
    assert "Thủ tục đăng ký khai sinh" in page
    assert "09 giờ 32 phút, ngày 20/11/2026" in page
    assert "09 giờ 32 phút, ngày 21/11/2026" in page
    for secret_thing in PERSONAL:
        assert secret_thing not in page


def test_status_set_by_the_back_office_shows(harness: Harness, received: dict[str, Any],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert portal_cli(["set-status", "--db", harness.url, _code(received), "4",
                       "--note", "Chuyển xử lý"]) == 0
    capsys.readouterr()
    r = harness.client.get(f"/tra-cuu/{_code(received)}", params={"k": SECRET, "format": "json"})
    assert r.status_code == 200
    body = r.json()
    assert body == {
        "MaHoSo": _code(received), "TenTTHC": "Thủ tục đăng ký khai sinh", "ChuHoSo": "N.T.H.",
        "TrangThaiHoSo": "4", "TenTrangThai": "Đang xử lý", "NgayTiepNhan": "20261120093200",
        "NgayHenTra": "20261121093200", "NgayTra": "", "DonViXuLy": "UBND xã Tân Phú",
    }


def test_wrong_or_missing_secret_is_the_same_404(harness: Harness,
                                                 received: dict[str, Any]) -> None:
    code = _code(received)
    pages = [
        harness.client.get(f"/tra-cuu/{code}", params={"k": "wrong-secret"}),
        harness.client.get(f"/tra-cuu/{code}"),
        harness.client.get(f"/tra-cuu/{code}", params={"k": ""}),
        harness.client.get(f"/tra-cuu/{AGENCY}-261120-0002", params={"k": SECRET}),
        harness.client.get("/tra-cuu/not-a-code", params={"k": SECRET}),
    ]
    assert {p.status_code for p in pages} == {404}
    assert len({p.text for p in pages}) == 1
    assert "Không tìm thấy hồ sơ" in pages[0].text
    assert "N.T.H." not in pages[0].text
    r = harness.client.get(f"/tra-cuu/{code}", params={"k": "nope12", "format": "json"})
    assert r.status_code == 404 and r.json()["error"] == "not_found"


def test_the_code_is_case_insensitive(harness: Harness, received: dict[str, Any]) -> None:
    r = harness.client.get(f"/tra-cuu/{_code(received).lower()}", params={"k": SECRET})
    assert r.status_code == 200


def test_an_online_dossier_has_its_own_secret(harness: Harness,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert portal_cli(["create-online-dossier", "--db", harness.url, "--agency", AGENCY,
                       "--procedure", "1.001193", "--name", "Đặng Văn Đức",
                       "--public-url", "http://testserver"]) == 0
    made = json.loads(capsys.readouterr().out)
    r = harness.client.get(made["lookup_url"])
    assert r.status_code == 200 and "Đ.V.Đ." in r.text and "Mới đăng ký" in r.text
    assert "Không có ngày hẹn trả cụ thể" in r.text


def test_personal_data_and_tokens_never_reach_the_logs(
        harness: Harness, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.INFO)
    device = harness.device()
    event = device.receive(secret=SECRET)
    bad = builders.received_event(agency="000.00.09.H56", sequence=3)
    device.push([event, event, bad])
    device.pull()
    harness.client.get(f"/tra-cuu/{_code(event)}", params={"k": SECRET})
    harness.client.get(f"/tra-cuu/{_code(event)}", params={"k": "wrong-secret"})
    portal_cli(["set-status", "--db", harness.url, _code(event), "4", "--note", "x"])
    capsys.readouterr()
    ours = [r for r in caplog.records
            if r.name.split(".")[0] in ("portal", "sqlalchemy", "uvicorn", "fastapi")]
    assert any(r.name == "portal.access" for r in ours)
    text = "\n".join(r.getMessage() for r in ours)
    for secret_thing in (*PERSONAL, device.token, SECRET):
        assert secret_thing not in text

"""After the receipt, end to end with the real portal process and the command line: the back
office asks for papers, the counter sees it, records the supplement, the portal shows it; an
online dossier accepted; one apology only; a withdrawal."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.e2e.conftest import AGENCY

pytestmark = pytest.mark.parametrize("portal_db_url", ["sqlite", "postgresql"], indirect=True)


def _json(done: Any) -> Any:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _portal(server, dossier_id: str) -> dict[str, Any]:
    listed = json.loads(server.cli("dossiers", "--agency", AGENCY, "--progress").stdout)
    return next(d for d in listed if d["id"] == dossier_id)


def test_supplement_requested_at_the_portal_and_recorded_at_the_counter(portal_server, station):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    [dossier_id] = ws.receive(1)
    with ws.open() as counter:
        code = counter.get_by_id(dossier_id).code
    assert ws.sync()[0] == 0

    server.cli("set-status", code, "5", "--note",
               "Bản sao giấy xác nhận cư trú; Giấy tờ chứng minh quan hệ cha con",
               "--department", "Phòng Tư pháp")
    assert ws.sync()[0] == 0
    lists = _json(ws.cli("act-on"))
    [item] = lists["lists"]["supplement"]
    assert item["code"] == code and item["department"] == "Phòng Tư pháp"
    assert item["note"].startswith("Bản sao giấy xác nhận cư trú")

    refused = ws.cli("supplement", code)  # nothing brought
    assert refused.returncode == 2 and "chưa đánh dấu giấy tờ nào" in refused.stderr
    done = _json(ws.cli("--user", "lan", "supplement", code, "--doc",
                        "Bản sao giấy xác nhận cư trú=certified_copy", "--doc",
                        "Giấy tờ chứng minh quan hệ cha con"))
    assert done["status"] == 4
    code_, summary, err = ws.sync()
    assert code_ == 0 and summary["applied"] == 1, err

    record = _portal(server, dossier_id)
    assert record["TrangThaiHoSo"] == "4"
    due = done["due_at"].replace("-", "").replace("T", "").replace(":", "")
    assert record["NgayHenTra"] == due
    [extra] = record["DanhSachHoSoBoSung"]
    assert extra["NgayHenTraMoi"] == due and extra["DonViYeuCau"] == "Phòng Tư pháp"
    assert [d["TenTepDinhKem"] for d in extra["TaiLieuBoSung"]] == [
        "Bản sao giấy xác nhận cư trú", "Giấy tờ chứng minh quan hệ cha con"]
    assert record["TienDoXuLy"][-1]["NoiDungXuLy"] == "Công dân nộp bổ sung hồ sơ"
    assert record["TienDoXuLy"][-1]["NguoiXuLy"] == "lan"

    # Delay: one apology, a second refused at the counter with nothing changed.
    _json(ws.cli("apology", code, "--new-date", "2027-01-15T09:30", "--reason",
                 "Chờ ý kiến của Sở Tư pháp"))
    again = ws.cli("apology", code, "--new-date", "2027-01-20T09:30", "--reason", "Lần nữa")
    assert again.returncode == 2 and "chỉ được hẹn lại một lần" in again.stderr
    assert ws.sync()[0] == 0
    record = _portal(server, dossier_id)
    assert record["NgayHenTra"] == "20270115093000"
    assert record["XinLoiHenLai"]["LyDo"] == "Chờ ý kiến của Sở Tư pháp"

    # Withdrawal at the citizen's request: status 7 at the portal too.
    _json(ws.cli("withdraw", code, "--reason", "Công dân không còn nhu cầu"))
    assert ws.sync()[0] == 0
    assert _portal(server, dossier_id)["TrangThaiHoSo"] == "7"


def test_an_online_dossier_accepted_at_the_counter(portal_server, station):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    online = json.loads(server.cli("create-online-dossier", "--agency", AGENCY, "--procedure",
                                   "1.001193", "--name", "Lê Văn Tám").stdout)
    assert ws.sync()[0] == 0
    [item] = _json(ws.cli("act-on"))["lists"]["online"]
    assert item["code"] == online["MaHoSo"]
    missing = ws.cli("accept-online", online["MaHoSo"], "--doc",
                     "Tờ khai đăng ký khai sinh theo mẫu")
    assert missing.returncode == 2 and "Giấy chứng sinh" in missing.stderr
    done = _json(ws.cli("accept-online", online["MaHoSo"], "--doc",
                        "Tờ khai đăng ký khai sinh theo mẫu", "--doc", "Giấy chứng sinh"))
    assert done["status"] == 2 and done["due_at"]
    printed = ws.cli("print", online["MaHoSo"], "--form", "receipt", "--out",
                     str(ws.data_dir / "r.pdf"))
    assert printed.returncode == 0, printed.stderr
    assert ws.sync()[0] == 0
    record = _portal(server, online["id"])
    assert record["TrangThaiHoSo"] == "2" and record["SoThuTu"] == 1
    assert record["TienDoXuLy"][-1]["NoiDungXuLy"] == "Tiếp nhận hồ sơ nộp trực tuyến"

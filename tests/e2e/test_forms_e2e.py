"""A province's PDF attached at one workstation prints at the agency's other one, and a
catalogue update from the portal leaves it in place (real portal process, command lines)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SMALL_CATALOGUE
from tests.e2e.conftest import AGENCY
from tests.services.scan_files import titled_pdf

BIRTH = "1.001193"


def _ok(done):
    assert done.returncode == 0, done.stderr
    return done


def test_an_attached_form_travels_to_the_other_workstation_and_survives_updates(
        portal_server, station, tmp_path: Path):
    server = portal_server
    server.start()
    one, two = station("one"), station("two")
    for n, ws in enumerate((one, two), start=1):
        ws.init(n)
        ws.enrol(server)
    pdf = titled_pdf("To khai dang ky khai sinh - mau cua So Tu phap", pages=2)
    (tmp_path / "tinh.pdf").write_bytes(pdf)
    attached = json.loads(_ok(one.cli(
        "attach-form", BIRTH, "--file", str(tmp_path / "tinh.pdf"), "--name",
        "Tờ khai (mẫu của tỉnh)", "--form", "tinh")).stdout)
    sha = attached["forms"][0]["sha256"]

    code, summary, err = one.sync("--until-idle", "--max-seconds", "60")
    assert code == 0, err
    assert summary["uploaded"] == 1 and summary["uploads_pending"] == 0 and summary["idle"]
    held = json.loads(server.cli("forms", "--agency", AGENCY).stdout)
    assert [(f["procedure_code"], f["code"], f["name"], f["sha256"]) for f in held] == [
        (BIRTH, "tinh", "Tờ khai (mẫu của tỉnh)", sha)]

    code, summary, err = two.sync()
    assert code == 0, err
    assert summary["forms_fetched"] == 1 and summary["catalogue_changed"]
    out = tmp_path / "two.pdf"
    printed = json.loads(_ok(two.cli("blank-form", BIRTH, "--form", "tinh", "--out",
                                     str(out))).stdout)
    assert printed["form"] == "tinh" and out.read_bytes() == pdf

    # The portal's administrator updates the catalogue; the entry says nothing about forms.
    data = json.loads(SMALL_CATALOGUE.read_text(encoding="utf-8"))
    data["procedures"][0]["name"] = "Thủ tục đăng ký khai sinh (cập nhật)"
    (tmp_path / "cat.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    server.cli("import-catalogue", str(tmp_path / "cat.json"))
    for ws in (one, two):
        code, summary, err = ws.sync()
        assert code == 0 and summary["catalogue_changed"], err
        info = json.loads(_ok(ws.cli("procedure-info", BIRTH, "--out",
                                     str(tmp_path / "info.pdf"))).stdout)
        assert info["forms"] == [{"code": "tinh", "name": "Tờ khai (mẫu của tỉnh)"}]
        out = tmp_path / "again.pdf"
        _ok(ws.cli("blank-form", BIRTH, "--out", str(out)))
        assert out.read_bytes() == pdf
    with two.open() as counter:
        assert counter.procedure(BIRTH).name == "Thủ tục đăng ký khai sinh (cập nhật)"

"""The issue's postal end-to-end test: 20 dossiers accepted offline at a post-office desk, the
manifest printed, a clerk's workstation scans it offline, both sync, the portal shows the
hand-over times."""

from __future__ import annotations

import json

import pytest

from counter_app.domain.model import ResultDelivery
from tests.conftest import birth_draft
from tests.printing.helpers import page_sizes_mm, symbols
from tests.services.test_postal import s10

pytestmark = pytest.mark.parametrize("portal_db_url", ["sqlite"], indirect=True)


def test_twenty_dossiers_by_post_handed_over_and_taken_in_offline(portal_server, station,
                                                                  tmp_path):
    server = portal_server
    server.start()
    post, clerk = station("post"), station("clerk")
    post.init(91)  # the post office's desk: workstation 91 of the agency (docs/postal.md)
    clerk.init(1)
    post.enrol(server)
    clerk.enrol(server)
    server.stop()  # from here on both ends work offline

    with post.open() as counter:
        accepted = [counter.postal.accept(birth_draft(
            user="buudien1", postal_item=s10(1000 + i),
            delivery=ResultDelivery.POST if i % 2 else ResultDelivery.COUNTER)).dossier
            for i in range(20)]
    codes = [d.code for d in accepted]
    assert codes[0].endswith("-270001")  # workstation 91's range at 3000 a day

    done = post.cli("--user", "buudien1", "postal", "hand-over", "--out-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    (manifest,) = json.loads(done.stdout)
    assert [d["code"] for d in manifest["dossiers"]] == codes
    pdf = (tmp_path / f"{manifest['code']}.pdf").read_bytes()
    found = [s for page in range(len(page_sizes_mm(pdf))) for s in symbols(pdf, page)]
    assert sorted(t for f, t in found if f == "Code128") == sorted([*codes, manifest["code"]])
    (list_qr,) = [t for f, t in found if f == "QRCode"]  # what the clerk's scanner types

    damaged = f"{codes[3]}:damaged:Bì thư rách"
    done = clerk.cli("--user", "clerk1", "postal", "take-in", list_qr, "--all",
                     "--reject", damaged)
    assert done.returncode == 0, done.stderr
    intake = json.loads(done.stdout)
    assert sum(x["decision"] == "confirmed" for x in intake["lines"]) == 19

    again = clerk.cli("postal", "take-in", manifest["code"], "--all")  # scanned twice
    assert again.returncode == 2
    assert again.stderr.startswith(f"Lỗi: Danh sách bàn giao {manifest['code']} đã được nhận lúc")
    assert "không ghi nhận lại" in again.stderr

    server.start()
    for ws in (post, clerk):
        code, summary, err = ws.sync()
        assert code == 0, err
        assert summary["rejected"] == 0 and summary["quarantined"] == 0 and \
            summary["pending"] == 0, summary
    listed = {d["MaHoSo"]: d for d in server.dossiers()}
    assert set(listed) == set(codes)
    for i, code in enumerate(codes):
        d = listed[code]
        assert d["KenhThucHien"] == "3"  # national records hold codes as text
        assert d["BuuGuiDen"]["SoHieuBuuGui"] == s10(1000 + i)
        hand = d["BanGiaoBuuChinh"]
        assert hand["MaDanhSach"] == manifest["code"]
        assert hand["ThoiDiemBanGiao"] == manifest["created_at"]
        assert hand["ThoiDiemNhan"] == intake["taken_in_at"]
        expected = ("rejected", "damaged") if i == 3 else ("confirmed", "none")
        assert (hand["KetQua"], hand["SaiLech"]) == expected
    (listed_manifest,) = json.loads(server.cli("manifests", "--agency", "000.00.06.H56").stdout)
    assert listed_manifest["MaDanhSach"] == manifest["code"]
    assert listed_manifest["SoHoSo"] == 20 and len(listed_manifest["HoSo"]) == 20

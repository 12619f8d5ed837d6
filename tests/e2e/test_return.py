"""The issue's end-to-end path with the real portal: receive → back office sets 5 → supplement
→ back office sets 9 → return to a scanned receiver → status 10 at the portal."""

from __future__ import annotations

import pytest

from counter_app.domain.model import Person, ReceivedDocument, Status
from counter_app.domain.returns import PaymentMethod, Rating, ReturnDraft, ReturnedItem
from counter_app.domain.scan import CccdScan, parse_scan
from counter_app.services import returns

pytestmark = pytest.mark.parametrize("portal_db_url", ["sqlite", "postgresql"], indirect=True)

HUONG_QR = ("001185012345||Nguyễn Thị Hương|04031985|Nữ|Số 12 đường Lê Lợi, xã Tân Phú|"
            "01072021")


def _status(ws, dossier_id: str) -> Status | None:
    with ws.open() as counter:
        return counter.get_by_id(dossier_id).status


def test_receive_supplement_done_return_reaches_the_portal(portal_server, station):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    [dossier_id] = ws.receive(1)
    with ws.open() as counter:
        code = counter.get_by_id(dossier_id).code
        assert code is not None
    assert ws.sync()[0] == 0

    server.cli("set-status", code, "5", "--note", "Thiếu giấy chứng sinh bản chính")
    assert ws.sync()[0] == 0
    assert _status(ws, dossier_id) == Status.SUPPLEMENT_REQUESTED
    # The citizen brings the missing paper: recorded at the counter (5 → 4), synced.
    with ws.open() as counter:
        counter.followup.record_supplement(
            dossier_id, [ReceivedDocument("Giấy chứng sinh", original=1)], user="clerk1")
    assert ws.sync()[0] == 0
    assert [d for d in server.dossiers() if d["id"] == dossier_id][0]["TrangThaiHoSo"] == "4"
    server.cli("set-status", code, "9", "--note", "Đã ký giấy khai sinh")
    assert ws.sync()[0] == 0
    assert _status(ws, dossier_id) == Status.RESOLVED

    scanned = parse_scan(HUONG_QR)
    assert isinstance(scanned, CccdScan)
    with ws.open() as counter:
        returns.record_return(counter, ReturnDraft(
            dossier_id=dossier_id,
            receiver=Person(full_name=scanned.full_name, id_number=scanned.id_number),
            items=(ReturnedItem("Giấy khai sinh (bản chính)", 1),), fee_text="8.000",
            payment=PaymentMethod.CASH, rating=Rating.SATISFIED, user="clerk1"))
        returned_at = counter.events(dossier_id)[-1].at
    code_, summary, err = ws.sync()
    assert code_ == 0, err
    assert summary["pending"] == 0 and summary["quarantined"] == 0
    [d] = [x for x in server.dossiers() if x["id"] == dossier_id]
    assert d["TrangThaiHoSo"] == "10"
    assert d["NgayTra"] == returned_at.strftime("%Y%m%d%H%M%S")
    assert d["NguoiNhanKetQua"]["LaChuHoSo"] is True
    assert d["DanhGiaHaiLong"] == "satisfied"
    assert _status(ws, dossier_id) == Status.RETURNED

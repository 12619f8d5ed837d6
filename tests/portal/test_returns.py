"""The portal applies a counter's return of results: status 10, NgayTra, what was handed over."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from counter_app.domain.model import Person, Status
from counter_app.domain.returns import (
    Authorisation,
    PaymentMethod,
    Rating,
    ReturnDraft,
    ReturnedItem,
)
from counter_app.services import returns
from tests.conftest import birth_draft
from tests.portal.conftest import Harness
from tests.portal.test_interop import outbox


def _returned_at_the_counter(counter: Any, clock: Any) -> tuple[str, list[dict[str, Any]]]:
    d = counter.receive(birth_draft(user="clerk1")).dossier
    counter.change_status(d.id, Status.IN_PROGRESS, user="clerk1")
    counter.change_status(d.id, Status.RESOLVED, user="clerk1")
    clock.advance(days=1, hours=1)
    returns.record_return(counter, ReturnDraft(
        dossier_id=d.id, receiver=Person(full_name="Trần Văn Bình", id_number="079090001234"),
        authorisation=Authorisation("UQ-15/2026", dt.date(2026, 11, 18)),
        items=(ReturnedItem("Giấy khai sinh (bản chính)", 1),), fee_text="8.000",
        payment=PaymentMethod.TRANSFER, rating=Rating.ACCEPTABLE, user="clerk1"))
    return d.id, outbox(counter)


def test_a_return_sets_status_10_with_the_national_return_time(harness: Harness, counter: Any,
                                                              clock: Any) -> None:
    harness.import_catalogue()
    device = harness.device()
    dossier_id, events = _returned_at_the_counter(counter, clock)
    assert [e["kind"] for e in events] == ["received", "status_changed", "status_changed",
                                          "result_returned"]
    assert [r["result"] for r in device.push(events)] == ["applied"] * 4
    assert [r["result"] for r in device.push(events[-1:])] == ["duplicate"]
    d = harness.client.get(f"/api/v1/dossiers/{dossier_id}", headers=device.auth).json()
    assert d["TrangThaiHoSo"] == "10"
    assert d["NgayTra"] == "20261121103200"  # yyyyMMddHHmmss, Vietnam time
    assert d["DanhSachGiayToKetQua"] == [{"TenGiayTo": "Giấy khai sinh (bản chính)",
                                          "SoLuong": 1}]
    assert d["NguoiNhanKetQua"] == {"HoTen": "Trần Văn Bình", "SoGiayTo": "079090001234",
                                    "LoaiGiayTo": "cccd", "LaChuHoSo": False}
    assert d["GiayUyQuyen"] == {"SoGiayUyQuyen": "UQ-15/2026", "NgayKy": "2026-11-18"}
    assert d["LePhiKhiTra"] == {"SoTien": 8000, "HinhThucThanhToan": "transfer"}
    assert d["DanhGiaHaiLong"] == "acceptable"
    last = d["TienDoXuLy"][-1]
    assert last["TrangThai"] == "10" and last["ThoiDiemXuLy"] == "20261121103200"
    assert last["NoiDungXuLy"] == "Trả kết quả tại Bộ phận Một cửa"
    assert "Bình" not in str(d["TienDoXuLy"])  # the receiver is not in the progress notes


def test_a_return_before_the_result_is_done_is_rejected(harness: Harness, counter: Any,
                                                        clock: Any) -> None:
    device = harness.device()
    dossier_id, events = _returned_at_the_counter(counter, clock)
    # The portal only has the reception: its status is 2, not 9.
    found = device.push([events[0], events[-1]])
    assert [r["result"] for r in found] == ["applied", "rejected"]
    assert found[1]["reason"] == "invalid_transition"
    d = harness.client.get(f"/api/v1/dossiers/{dossier_id}", headers=device.auth).json()
    assert d["TrangThaiHoSo"] == "2" and d["NgayTra"] == ""


def test_bad_return_payloads_are_rejected(harness: Harness, counter: Any, clock: Any) -> None:
    device = harness.device()
    _, events = _returned_at_the_counter(counter, clock)
    device.push(events[:3])
    bad = []
    for change in ({"fee": {"amount": -1, "method": "cash"}}, {"rating": "great"}, {"items": []},
                   {"returned_at": "yesterday"},
                   {"authorisation": {"number": "UQ", "signed_on": "2026-13-45"}}):
        e = copy.deepcopy(events[-1])
        e["id"] = e["id"][:-4] + f"{len(bad):04d}"
        e["payload"].update(change)
        bad.append(e)
    found = device.push(bad)
    assert [r["result"] for r in found] == ["rejected"] * 5
    assert [r["reason"] for r in found] == ["invalid_payload"] * 3 + ["bad_date"] * 2


def test_the_payload_model_knows_every_field_the_counter_writes(counter: Any,
                                                                clock: Any) -> None:
    from portal.payloads import ReturnPayload

    _, events = _returned_at_the_counter(counter, clock)
    written = events[-1]["payload"]
    assert set(written) == {f.alias or name for name, f in ReturnPayload.model_fields.items()}

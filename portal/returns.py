"""Return of results (status 10) as the portal records it: NgayTra, result documents, fees,
the receiver and the citizen's rating, kept in the dossier's national record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .dossiers import DossierState, apply_status
from .payloads import ReturnPayload
from .timefmt import national, parse_local

RETURN_NOTE = "Trả kết quả tại Bộ phận Một cửa"


def returned_at(payload: ReturnPayload) -> dt.datetime:
    """The moment of the hand-over (ValueError when it is not an ISO local time)."""
    return parse_local(payload.returned_at)


def apply_return(state: DossierState, payload: ReturnPayload) -> dt.datetime:
    """Status 10, NgayTra in the national format, and what was handed over; the receiver's ID
    number is stored like the applicant's (never shown publicly). Returns the hand-over time."""
    at = returned_at(payload)
    apply_status(state, 10, at)
    r, a = payload.receiver, payload.authorisation
    record: dict[str, Any] = state.record
    record["NgayTra"] = national(at)
    record["DanhSachGiayToKetQua"] = [{"TenGiayTo": i.name, "SoLuong": i.quantity}
                                      for i in payload.items]
    # Fields of ours, beyond the national lists (docs/sync-protocol.md §7).
    record["NguoiNhanKetQua"] = {"HoTen": r.full_name, "SoGiayTo": r.id_number,
                                 "LoaiGiayTo": r.id_kind, "LaChuHoSo": r.is_applicant}
    record["GiayUyQuyen"] = (None if a is None else
                             {"SoGiayUyQuyen": a.number, "NgayKy": a.signed_on})
    record["LePhiKhiTra"] = {"SoTien": payload.fee.amount, "HinhThucThanhToan": payload.fee.method}
    record["DanhGiaHaiLong"] = payload.rating or ""
    record["PhieuBanGiao"] = payload.slip_number
    return at

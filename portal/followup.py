"""Follow-up events of a dossier after its reception (counter_app/domain/followup.py):
their payloads and what each does to the DongBoHoSoMC record.

Every kind here is a `FollowupPayload`: an optional status move (`from` → `to`, judged
against the portal's current status like `status_changed`), an optional new due date and a
note for the progress row (CapNhatTienDoHoSoMC). `FOLLOWUP_KINDS` maps a kind to its payload
and to the function that writes its own fields into the record; another module adds its kinds
by adding entries (validate.py and ingest.py read the table).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ConfigDict, Field

from .payloads import DocumentIn, _Strict
from .timefmt import national, parse_local


class FollowupPayload(_Strict):
    """The part every follow-up has: a status move and a due date, both optional."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    from_: int | None = Field(default=None, alias="from", ge=1, le=10)
    to: int | None = Field(default=None, ge=1, le=10)
    due_at: str | None = None
    note: str = Field(default="", max_length=4000)

    def progress_note(self) -> str:
        return self.note


class AcceptedPayload(FollowupPayload):
    """"accepted": an online dossier checked at the counter and accepted (1 → 2)."""

    submitted_at: str | None = None
    documents: list[DocumentIn] = Field(default_factory=list, max_length=200)
    book_number: str = Field(default="", max_length=60)
    book_sequence: int | None = None

    def progress_note(self) -> str:
        return self.note or "Tiếp nhận hồ sơ nộp trực tuyến"


class SupplementPayload(FollowupPayload):
    """"supplement_received": the papers a back office asked for (5 → 4), new due date."""

    documents: list[DocumentIn] = Field(min_length=1, max_length=200)
    rule: str = Field(default="restart", pattern=r"^(restart|shift)$")
    requested_at: str | None = None
    requested: list[str] = Field(default_factory=list, max_length=200)
    department: str = Field(default="", max_length=300)
    repeat_request: bool = False
    previous_due_at: str | None = None

    def progress_note(self) -> str:
        text = "Công dân nộp bổ sung hồ sơ"
        if self.repeat_request:
            text += " (yêu cầu bổ sung lần thứ hai của cùng cơ quan)"
        return f"{text}: {self.note}" if self.note else text


class ApologyPayload(FollowupPayload):
    """"delay_apology": Mẫu 04, a new due date and its reason (once per dossier)."""

    previous_due_at: str | None = None
    reason: str = Field(min_length=1, max_length=4000)

    def progress_note(self) -> str:
        return f"Xin lỗi và hẹn lại ngày trả kết quả: {self.reason}"


class WithdrawnPayload(FollowupPayload):
    """"withdrawn": the citizen withdraws the dossier (→ 7) with a reason."""

    reason: str = Field(min_length=1, max_length=4000)

    def progress_note(self) -> str:
        return f"Công dân rút hồ sơ: {self.reason}"


class AlreadyDone(Exception):
    """The record refuses this follow-up (e.g. a second apology): a rejection reason."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


Writer = Callable[[dict[str, Any], Any, dt.datetime], None]


@dataclass(frozen=True)
class Kind:
    payload: type[FollowupPayload]
    write: Writer  # (DongBoHoSoMC record, checked payload, event time) → record updated
    requires: frozenset[int] | None = None  # the portal's status must be one of these


def _time(text: str | None) -> str:
    return national(parse_local(text)) if text else ""


def _documents(docs: list[DocumentIn]) -> list[dict[str, Any]]:
    return [{"TenTepDinhKem": x.name, "SoBanChinh": x.original, "SoBanSao": x.certified_copy,
             "SoBanPhoto": x.photocopy, "BatBuoc": x.mandatory} for x in docs]


def _accepted(record: dict[str, Any], p: AcceptedPayload, at: dt.datetime) -> None:
    record["NgayTiepNhan"] = national(at)
    if p.submitted_at:
        record["NgayNopTrucTuyen"] = _time(p.submitted_at)
    if p.documents:
        record["TaiLieuNop"] = _documents(p.documents)
    record["QuyenSo"] = p.book_number
    record["SoThuTu"] = p.book_sequence


def _supplement(record: dict[str, Any], p: SupplementPayload, at: dt.datetime) -> None:
    record.setdefault("DanhSachHoSoBoSung", []).append({
        "NgayYeuCauBoSung": _time(p.requested_at), "NoiDungYeuCau": "; ".join(p.requested),
        "DonViYeuCau": p.department, "NgayBoSung": national(at),
        "TaiLieuBoSung": _documents(p.documents), "CachTinhHan": p.rule,
        "NgayHenTraTruoc": _time(p.previous_due_at), "NgayHenTraMoi": _time(p.due_at),
        "YeuCauLapLai": p.repeat_request})


def _apology(record: dict[str, Any], p: ApologyPayload, at: dt.datetime) -> None:
    if record.get("XinLoiHenLai"):
        raise AlreadyDone("apology_once")
    record["XinLoiHenLai"] = {"NgayXinLoi": national(at), "LyDo": p.reason,
                              "NgayHenTraTruoc": _time(p.previous_due_at),
                              "NgayHenTraMoi": _time(p.due_at)}


def _withdrawn(record: dict[str, Any], p: WithdrawnPayload, at: dt.datetime) -> None:
    record["LyDoRutHoSo"] = p.reason
    record["NgayRutHoSo"] = national(at)


FOLLOWUP_KINDS: dict[str, Kind] = {
    "accepted": Kind(AcceptedPayload, _accepted, frozenset({1})),
    "supplement_received": Kind(SupplementPayload, _supplement, frozenset({5})),
    "delay_apology": Kind(ApologyPayload, _apology, frozenset({2, 4, 5, 6})),
    "withdrawn": Kind(WithdrawnPayload, _withdrawn),
}

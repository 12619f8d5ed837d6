"""The protocol's JSON: outbox rows → pushed events and batches; pulled changes → local values."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.calendar import CalendarException, parse_exceptions
from ..domain.catalogue import procedure_from_dict
from ..domain.model import (
    Channel,
    Dossier,
    DossierCode,
    DossierId,
    IdKind,
    Outcome,
    Person,
    Procedure,
    ProcedureCode,
    ReceivedDocument,
    ResultDelivery,
    Status,
)
from ..domain.text import clean
from ..store.agency_forms import AgencyForm
from ..store.blobs import is_sha256

NATIONAL_FORMAT = "%Y%m%d%H%M%S"
_ENVELOPE = len(b'{"events":[]}')


@dataclass(frozen=True)
class OutboxEvent:
    """One `dossier_events` row ready to send: `wire` is its JSON object, UTF-8."""

    seq: int
    id: str
    dossier_id: str
    kind: str
    wire: bytes


def outbox_event(row: sqlite3.Row) -> OutboxEvent:
    """The stored row, unchanged, as the protocol's Event.

    The payload column already holds JSON (written with sorted keys); it is spliced in as it
    is, so that every retry sends exactly the same content (the portal compares a canonical
    form anyway). A payload that is not valid JSON makes the portal refuse the request; the
    engine then isolates and quarantines this event.
    """
    head = json.dumps({"id": row["id"], "dossier_id": row["dossier_id"], "kind": row["kind"],
                       "at": row["at"], "user": row["user"],
                       "workstation": row["workstation"]}, ensure_ascii=False)
    text = f'{head[:-1]}, "payload": {row["payload"]}}}'
    try:
        wire = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: let the portal say what it thinks of it
        wire = text.encode("utf-8", "surrogatepass")
    return OutboxEvent(row["seq"], row["id"], row["dossier_id"], row["kind"], wire)


def take_batch(events: list[OutboxEvent], max_events: int, max_bytes: int) -> list[OutboxEvent]:
    """The longest prefix of `events` within both bounds (at least one event: a single event
    over the byte limit goes alone, and the portal's 413 gets it quarantined)."""
    size = _ENVELOPE
    out: list[OutboxEvent] = []
    for e in events:
        extra = len(e.wire) + (1 if out else 0)
        if out and (len(out) >= max_events or size + extra > max_bytes):
            break
        out.append(e)
        size += extra
    return out


def batch_body(events: list[OutboxEvent]) -> bytes:
    return b'{"events":[' + b",".join(e.wire for e in events) + b"]}"


# ----- pulled changes → local values ---------------------------------------------------------


def national_time(text: Any) -> dt.datetime | None:
    """`yyyyMMddHHmmss` (Vietnam time) → naive datetime; "" → None."""
    if not text:
        return None
    return dt.datetime.strptime(str(text), NATIONAL_FORMAT)


def procedure_of(data: Mapping[str, Any]) -> Procedure:
    """A `procedure` change: one catalogue entry (ValidationFailed if it does not read)."""
    return procedure_from_dict(data)


def agency_form_of(data: Mapping[str, Any]) -> AgencyForm:
    """An `agency_form` change: a form attached (or detached: `sha256` "") at a workstation of
    the agency (ValueError, KeyError or TypeError if it does not read)."""
    sha256 = str(data["sha256"])
    code, name = clean(str(data["code"])), clean(str(data["name"]))
    if (sha256 and not is_sha256(sha256)) or not code or not name:
        raise ValueError("agency_form")
    return AgencyForm(str(_procedure_code(data["procedure"])), code, name, sha256,
                      int(data["size"]) if sha256 else 0, dt.datetime.fromisoformat(data["at"]))


def _procedure_code(value: Any) -> ProcedureCode:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("procedure")
    return ProcedureCode(clean(value))


def calendar_exception_of(data: Mapping[str, Any]) -> CalendarException:
    """A `calendar_exception` change (ValueError if it does not read)."""
    return parse_exceptions(json.dumps({"exceptions": [dict(data)]}), "change")[0]


def removed_day(data: Mapping[str, Any]) -> dt.date:
    return dt.date.fromisoformat(str(data["date"]))


@dataclass(frozen=True)
class StatusUpdate:
    """A `status` change: the portal's CapNhatTienDoHoSoMC record for one dossier."""

    dossier_id: str
    status: Status
    note: str
    by: str
    department: str
    at: dt.datetime | None
    due_at: dt.datetime | None

    @property
    def key(self) -> str:
        """Identifies the portal's progress record, so that applying it twice is harmless."""
        return f"{self.at.isoformat() if self.at else ''}|{int(self.status)}"


def status_update_of(data: Mapping[str, Any]) -> StatusUpdate:
    return StatusUpdate(
        dossier_id=str(data["dossier_id"]),
        status=Status(int(data["TrangThai"])),
        note=str(data.get("NoiDungXuLy") or ""),
        by=str(data.get("NguoiXuLy") or ""),
        department=str(data.get("PhongBanXuLy") or ""),
        at=national_time(data.get("ThoiDiemXuLy")),
        due_at=national_time(data.get("NgayKetThucTheoQuyDinh")),
    )


def _id_kind(number: str) -> IdKind:
    if not number or (number.isdigit() and len(number) == 12):
        return IdKind.CCCD
    if number.isdigit() and len(number) == 9:
        return IdKind.CMND
    return IdKind.OTHER


def _count(value: Any) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def online_dossier_of(data: Mapping[str, Any], agency_code: str, now: dt.datetime) -> Dossier:
    """A `dossier` change: a DongBoHoSoMC record submitted online (KenhThucHien 2), as a local
    dossier the counter can find, accept (1 → 2) or refuse (1 → 3). No book line: it was not
    received at this counter. Its lookup secret stays with the citizen."""
    number = str(data.get("SoGiayToChuHoSo") or "")
    received = national_time(data.get("NgayTiepNhan")) or now
    documents = tuple(
        ReceivedDocument(str(d.get("TenTepDinhKem") or "?"), original=_count(d.get("SoBanChinh")),
                         certified_copy=_count(d.get("SoBanSao")),
                         photocopy=_count(d.get("SoBanPhoto")),
                         mandatory=bool(d.get("BatBuoc", True)))
        for d in data.get("TaiLieuNop") or () if isinstance(d, dict)
    )
    return Dossier(
        id=DossierId(str(data["id"])),
        code=DossierCode(str(data["MaHoSo"])) if data.get("MaHoSo") else None,
        outcome=Outcome.RECEIVED,
        procedure_code=ProcedureCode(str(data["MaTTHC"])),
        procedure_name=str(data.get("TenTTHC") or data["MaTTHC"]),
        agency_code=agency_code,
        workstation=0,
        applicant=Person(full_name=str(data.get("ChuHoSo") or ""), id_number=number,
                         id_kind=_id_kind(number), phone=str(data.get("SoDienThoai") or ""),
                         email=str(data.get("Email") or ""),
                         address=str(data.get("DiaChiChuHoSo") or "")),
        submitter=None,
        documents=documents,
        channel=Channel(int(data.get("KenhThucHien") or Channel.ONLINE)),
        sets=1,
        received_at=received,
        due_at=national_time(data.get("NgayHenTra")),
        status=Status(int(data.get("TrangThaiHoSo") or Status.REGISTERED)),
        delivery=ResultDelivery.POST if data.get("HinhThuc") == "1" else ResultDelivery.COUNTER,
        delivery_address="",
        fees=(),
        book_number="",
        book_sequence=None,
        notes=str(data.get("GhiChu") or ""),
        created_by="",
        updated_at=now,
    )

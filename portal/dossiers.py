"""Dossiers held by the portal: status changes, back-office commands, online submissions."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, func, select, update

from counter_app.domain.codes import MAX_WORKSTATION, format_code, parse_code
from counter_app.domain.model import Status
from counter_app.domain.status import can_move

from . import catalogue, changes, postal, security
from . import schema as s
from .agencies import get_agency
from .db import Database
from .errors import PortalError, not_found
from .national import STATUS_NAMES, progress_record
from .timefmt import iso, national, parse_local

BACK_OFFICE_STATUSES = range(4, 10)


def local_or_none(text: str | None) -> dt.datetime | None:
    return parse_local(text) if text else None


def procedure_field(conn: Connection, code: str) -> dict[str, str] | None:
    """The catalogue's lĩnh vực of a procedure, when the portal knows the procedure."""
    data = catalogue.procedure(conn, code)
    return dict(data["field"]) if data else None


@dataclass
class DossierState:
    """The mutable part of a dossier row while a transaction works on it."""

    id: str
    agency_code: str
    code: str | None
    status: int | None
    channel: int
    record: dict[str, Any]
    due_at: str | None

    @classmethod
    def from_row(cls, row: Row[Any]) -> DossierState:
        return cls(row.id, row.agency_code, row.code, row.status, row.channel,
                   json.loads(row.record), row.due_at)


def load(db: Database, conn: Connection, dossier_id: str, *, agency_code: str | None = None,
         code: str | None = None) -> DossierState | None:
    """A dossier (by id within an agency, or by code), locked until commit on PostgreSQL."""
    query = select(s.dossiers)
    if code is not None:
        query = query.where(s.dossiers.c.code == code)
    else:
        query = query.where(s.dossiers.c.id == dossier_id,
                            s.dossiers.c.agency_code == agency_code)
    if db.lock_for_update():
        query = query.with_for_update()
    row = conn.execute(query).first()
    return DossierState.from_row(row) if row is not None else None


def save(conn: Connection, state: DossierState, now: dt.datetime) -> None:
    conn.execute(update(s.dossiers).where(s.dossiers.c.id == state.id).values(
        status=state.status, due_at=state.due_at, updated_at=iso(now),
        record=json.dumps(state.record, ensure_ascii=False)))


def apply_status(state: DossierState, status: int, at: dt.datetime,
                 due_text: str | None = None) -> None:
    """Set TrangThaiHoSo and the dates it implies (NgayKetThucXuLy, NgayTra, NgayHenTra)."""
    state.status = status
    state.record["TrangThaiHoSo"] = str(status)
    if status == Status.RESOLVED:
        state.record["NgayKetThucXuLy"] = national(at)
    if status == Status.RETURNED:
        state.record["NgayTra"] = national(at)
    if due_text:
        due = parse_local(due_text)
        state.record["NgayHenTra"] = national(due)
        state.due_at = iso(due)


def progress_row(dossier_id: str, position: int, record: dict[str, Any], *, origin: str,
                 event_id: str | None = None) -> dict[str, Any]:
    return {"dossier_id": dossier_id, "position": position,
            "status": int(record["TrangThai"]) if record["TrangThai"] else None,
            "at": record["ThoiDiemXuLy"], "origin": origin, "event_id": event_id,
            "record": json.dumps(record, ensure_ascii=False)}


def next_position(conn: Connection, dossier_id: str) -> int:
    last = conn.execute(select(func.max(s.progress.c.position))
                        .where(s.progress.c.dossier_id == dossier_id)).scalar()
    return int(last or 0) + 1


def status_change(state: DossierState, progress: dict[str, Any],
                  origin_device_id: str | None) -> changes.Change:
    data = {"dossier_id": state.id, **progress}
    return changes.Change(changes.STATUS, state.id, data, agency_code=state.agency_code,
                          origin_device_id=origin_device_id)


def set_status(db: Database, code: str, status: int, note: str, now: dt.datetime, *,
               by: str = "", department: str = "") -> dict[str, Any]:
    """What a back office does: move a dossier to 4–9 with a processing note."""
    if status not in BACK_OFFICE_STATUSES:
        raise PortalError("status_not_back_office", 422, status=status)
    note = " ".join(note.split())
    if not note:
        raise PortalError("note_required", 422)
    key = code.strip().upper()

    def work(conn: Connection) -> dict[str, Any]:
        state = load(db, conn, "", code=key)
        if state is None:
            raise not_found("dossier_not_found", dossier=key)
        if state.status is None or not can_move(Status(state.status), Status(status)):
            raise PortalError("invalid_transition", 409, current=state.status, new=status)
        apply_status(state, status, now)
        save(conn, state, now)
        progress = progress_record(code=key, status=status, at=now, note=note, by=by,
                                   department=department, due=state.record["NgayHenTra"])
        conn.execute(s.progress.insert().values(**progress_row(
            state.id, next_position(conn, state.id), progress, origin="back_office")))
        changes.record(conn, [status_change(state, progress, None)], now)
        return {"id": state.id, **state.record}

    return db.write_retry(work)


def create_online(db: Database, agency_code: str, procedure_code: str, applicant: dict[str, str],
                  now: dt.datetime) -> dict[str, Any]:
    """A dossier submitted online (KenhThucHien 2, TrangThaiHoSo 1) for a counter to handle.

    Its code comes from the portal's own block of the day's numbers, above every
    workstation's range (workstation index MAX_WORKSTATION + 1), so it never collides.
    """
    dossier_id = str(uuid.uuid4())
    secret = security.new_lookup_secret()

    def work(conn: Connection) -> dict[str, Any]:
        agency = get_agency(conn, agency_code)
        proc = catalogue.procedure(conn, procedure_code)
        if proc is None:
            raise not_found("unknown_procedure", procedure=procedure_code)
        name = f"online:{agency.code}:{now:%y%m%d}"
        db.insert_if_absent(conn, s.counters, {"name": name, "value": 0})
        conn.execute(update(s.counters).where(s.counters.c.name == name)
                     .values(value=s.counters.c.value + 1))
        n = int(conn.execute(select(s.counters.c.value)
                             .where(s.counters.c.name == name)).scalar_one())
        code = format_code(agency.code, now.date(), MAX_WORKSTATION * agency.range_size + n)
        record = {
            "MaHoSo": code, "MaTTHC": proc["code"], "TenTTHC": proc["name"],
            "MaLinhVuc": proc["field"].get("code", ""), "TenLinhVuc": proc["field"]["name"],
            "ChuHoSo": applicant.get("name", ""), "LoaiDoiTuong": "1",
            "SoGiayToChuHoSo": applicant.get("id_number", ""),
            "Email": applicant.get("email", ""), "SoDienThoai": applicant.get("phone", ""),
            "DiaChiChuHoSo": applicant.get("address", ""), "TrichYeuHoSo": proc["name"],
            "NgayTiepNhan": national(now), "NgayHenTra": "", "TrangThaiHoSo": "1",
            "NgayTra": "", "NgayKetThucXuLy": "", "HinhThuc": "0", "KenhThucHien": "2",
            "DonViXuLy": agency.name, "GhiChu": "", "TaiLieuNop": [], "DanhSachLePhi": [],
            "DanhSachTepDinhKemKhac": [], "DanhSachHoSoBoSung": [], "DanhSachGiayToKetQua": [],
        }
        conn.execute(s.dossiers.insert().values(
            id=dossier_id, agency_code=agency.code, code=code, outcome="received", status=1,
            channel=2, workstation=0, device_id=None, procedure_code=proc["code"],
            received_at=iso(now), due_at=None,
            initials=security.initials(applicant.get("name", "")),
            secret_hash=security.lookup_secret_hash(code, secret),
            record=json.dumps(record, ensure_ascii=False), created_at=iso(now),
            updated_at=iso(now)))
        progress = progress_record(code=code, status=1, at=now, note="Nộp hồ sơ trực tuyến",
                                   by="", department="")
        conn.execute(s.progress.insert().values(
            **progress_row(dossier_id, 1, progress, origin="portal")))
        data = {"id": dossier_id, **record}
        changes.record(conn, [changes.Change(changes.DOSSIER, dossier_id, data,
                                             agency_code=agency.code)], now)
        return {"id": dossier_id, "MaHoSo": code, "lookup_secret": secret}

    return db.write_retry(work)


def _listing(row: Row[Any], attachments: list[Row[Any]],
             complete: set[str]) -> dict[str, Any]:
    record = json.loads(row.record)
    return {
        "id": row.id, "outcome": row.outcome, "agency_code": row.agency_code,
        "workstation": row.workstation,
        "attachments": [{"sha256": a.sha256, "name": a.name, "size": a.size,
                         "received": a.sha256 in complete} for a in attachments],
        "complete": all(a.sha256 in complete for a in attachments),
        **record,
    }


def _attachment_state(conn: Connection, agency: str,
                      ids: list[str]) -> tuple[dict[str, list[Row[Any]]], set[str]]:
    by_dossier: dict[str, list[Row[Any]]] = {}
    for i in range(0, len(ids), 500):
        for a in conn.execute(select(s.dossier_attachments)
                              .where(s.dossier_attachments.c.dossier_id.in_(ids[i:i + 500]))):
            by_dossier.setdefault(a.dossier_id, []).append(a)
    hashes = {a.sha256 for rows in by_dossier.values() for a in rows}
    complete = set(conn.execute(select(s.attachments.c.sha256).where(
        s.attachments.c.agency_code == agency, s.attachments.c.complete == 1,
        s.attachments.c.sha256.in_(hashes))).scalars()) if hashes else set()
    return by_dossier, complete


def list_for_agency(db: Database, agency_code: str, *,
                    with_progress: bool = False) -> list[dict[str, Any]]:
    with db.read() as conn:
        agency = get_agency(conn, agency_code)
        rows = conn.execute(select(s.dossiers).where(s.dossiers.c.agency_code == agency.code)
                            .order_by(s.dossiers.c.received_at, s.dossiers.c.id)).all()
        attached, complete = _attachment_state(conn, agency.code, [r.id for r in rows])
        out = [_listing(r, attached.get(r.id, []), complete) for r in rows]
        postal.annotate(conn, agency.code, out)
        if with_progress:
            for item in out:
                item["TienDoXuLy"] = _progress(conn, item["id"])
    return out


def _progress(conn: Connection, dossier_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(s.progress.c.record).where(s.progress.c.dossier_id == dossier_id)
                        .order_by(s.progress.c.position)).scalars()
    return [json.loads(r) for r in rows]


def get_for_agency(db: Database, dossier_id: str, agency_code: str) -> dict[str, Any]:
    """One dossier of the agency with its progress; 404 for any other (no oracle)."""
    try:
        uuid.UUID(dossier_id)
    except ValueError:
        raise not_found("dossier_not_found", dossier=dossier_id[:40]) from None
    with db.read_committed() as conn:
        row = conn.execute(select(s.dossiers).where(
            s.dossiers.c.id == dossier_id, s.dossiers.c.agency_code == agency_code)).first()
        if row is None:
            raise not_found("dossier_not_found", dossier=dossier_id)
        attached, complete = _attachment_state(conn, agency_code, [row.id])
        out = _listing(row, attached.get(row.id, []), complete)
        out["TienDoXuLy"] = _progress(conn, row.id)
    return out


def public_view(db: Database, code: str, secret: str) -> dict[str, Any] | None:
    """What a citizen may see after the receipt's secret matched; None otherwise."""
    key = code.strip().upper()
    if parse_code(key) is None:
        security.lookup_secret_matches(key, secret, None)  # same work either way
        return None
    with db.read() as conn:
        row = conn.execute(select(s.dossiers).where(s.dossiers.c.code == key)).first()
        agency_name = ""
        if row is not None:
            agency_name = get_agency(conn, row.agency_code).name
    if not security.lookup_secret_matches(key, secret, row.secret_hash if row else None):
        return None
    assert row is not None
    record = json.loads(row.record)
    status = row.status
    return {
        "MaHoSo": key, "TenTTHC": record.get("TenTTHC", ""), "ChuHoSo": row.initials,
        "TrangThaiHoSo": str(status) if status else "",
        "TenTrangThai": STATUS_NAMES.get(status or 0, ""),
        "NgayTiepNhan": record.get("NgayTiepNhan", ""), "NgayHenTra": record.get("NgayHenTra", ""),
        "NgayTra": record.get("NgayTra", ""), "DonViXuLy": agency_name,
    }

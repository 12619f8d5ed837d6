"""Agencies and their enrolled devices: enrolment codes, device tokens, revocation."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, update

from counter_app.domain.codes import AGENCY_CODE_PATTERN, MAX_WORKSTATION

from . import schema as s
from . import security, sequences
from .db import Database
from .errors import PortalError, not_found
from .timefmt import iso

_AGENCY_RE = re.compile(AGENCY_CODE_PATTERN)
MAX_RANGE_SIZE = 100_000


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    range_size: int


@dataclass(frozen=True)
class Device:
    """The authenticated caller of the sync API."""

    id: str
    agency: Agency
    workstation: int
    name: str


@dataclass(frozen=True)
class Enrolment:
    token: str  # shown once; the portal keeps only its hash
    device: Device
    today: dt.date | None = None  # the portal's date at enrolment
    highest_sequence: int = 0  # of the workstation's range on `today` (sequences.py)


def normalise_agency_code(code: str) -> str:
    return code.strip().upper()


def create_agency(db: Database, code: str, name: str, range_size: int, now: dt.datetime) -> Agency:
    code = normalise_agency_code(code)
    if not _AGENCY_RE.fullmatch(code):
        raise PortalError("agency_code_format", 422, agency=code)
    if not 1 <= range_size <= MAX_RANGE_SIZE:
        raise PortalError("range_size", 422, value=range_size)
    name = " ".join(name.split())
    if not name:
        raise PortalError("bad_argument", 422, detail="tên đơn vị trống")
    with db.write() as conn:
        inserted = db.insert_if_absent(conn, s.agencies, {
            "code": code, "name": name, "range_size": range_size, "created_at": iso(now)})
    if not inserted:
        raise PortalError("agency_exists", 409, agency=code)
    return Agency(code, name, range_size)


def get_agency(conn: Connection, code: str) -> Agency:
    row = conn.execute(select(s.agencies).where(
        s.agencies.c.code == normalise_agency_code(code))).first()
    if row is None:
        raise not_found("agency_not_found", agency=code)
    return Agency(row.code, row.name, row.range_size)


def list_agencies(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        rows = conn.execute(select(s.agencies).order_by(s.agencies.c.code)).all()
    return [{"code": r.code, "name": r.name, "range_size": r.range_size} for r in rows]


def make_enrolment_code(db: Database, agency_code: str, now: dt.datetime,
                        valid: dt.timedelta) -> tuple[str, dt.datetime]:
    """A new one-time code for the agency; returns the code (shown once) and its expiry."""
    code = security.new_enrolment_code()
    expires = now + valid
    with db.write() as conn:
        agency = get_agency(conn, agency_code)
        conn.execute(s.enrolment_codes.insert().values(
            code_hash=security.enrolment_code_hash(code), agency_code=agency.code,
            created_at=iso(now), expires_at=iso(expires)))
    return code, expires


def enrol(db: Database, code: str, workstation: int, device_name: str,
          now: dt.datetime) -> Enrolment:
    """Spend a one-time code on a new device of the code's agency.

    The code is consumed only when the device is created, so a refused workstation number
    (409) leaves it usable with another number.
    """
    if not 1 <= workstation <= MAX_WORKSTATION:
        raise PortalError("workstation_range", 422, workstation=workstation)
    token = security.new_token()
    device_id = str(uuid.uuid4())
    code_hash = security.enrolment_code_hash(code)

    def work(conn: Connection) -> tuple[Device, int]:
        row = conn.execute(select(s.enrolment_codes).where(
            s.enrolment_codes.c.code_hash == code_hash)).first()
        if row is None or row.used_at is not None:
            raise PortalError("enrolment_code_invalid", 403)
        if row.expires_at <= iso(now):
            raise PortalError("enrolment_code_expired", 403)
        agency = get_agency(conn, row.agency_code)
        taken = conn.execute(select(s.devices.c.id).where(
            s.devices.c.agency_code == agency.code, s.devices.c.workstation == workstation,
            s.devices.c.revoked_at.is_(None))).first()
        if taken is not None:
            raise PortalError("workstation_taken", 409, workstation=workstation)
        spent = conn.execute(update(s.enrolment_codes).where(
            s.enrolment_codes.c.code_hash == code_hash, s.enrolment_codes.c.used_at.is_(None)
        ).values(used_at=iso(now), device_id=device_id)).rowcount
        if spent != 1:  # a concurrent enrolment spent it first
            raise PortalError("enrolment_code_invalid", 403)
        conn.execute(s.devices.insert().values(
            id=device_id, agency_code=agency.code, workstation=workstation,
            name=" ".join(device_name.split())[:200], token_hash=security.token_hash(token),
            enrolled_at=iso(now)))
        highest = sequences.highest_sequence(conn, agency.code, now.date(), workstation,
                                             agency.range_size)
        return Device(device_id, agency, workstation, device_name), highest

    # A concurrent enrolment of the same number loses on the unique index; the retry then
    # finds the number taken and answers 409.
    device, highest = db.write_retry(work)
    return Enrolment(token, device, now.date(), highest)


def authenticate(conn: Connection, token: str) -> Device | None:
    """The active device holding `token`, or None (unknown or revoked)."""
    row = conn.execute(
        select(s.devices, s.agencies.c.name.label("agency_name"), s.agencies.c.range_size)
        .join(s.agencies, s.agencies.c.code == s.devices.c.agency_code)
        .where(s.devices.c.token_hash == security.token_hash(token),
               s.devices.c.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    agency = Agency(row.agency_code, row.agency_name, row.range_size)
    return Device(row.id, agency, row.workstation, row.name)


def touch(db: Database, device_id: str, now: dt.datetime) -> None:
    with db.write() as conn:
        conn.execute(update(s.devices).where(s.devices.c.id == device_id)
                     .values(last_seen_at=iso(now)))


def list_devices(db: Database, agency_code: str) -> list[dict[str, Any]]:
    with db.read() as conn:
        agency = get_agency(conn, agency_code)
        rows = conn.execute(select(s.devices).where(s.devices.c.agency_code == agency.code)
                            .order_by(s.devices.c.workstation, s.devices.c.enrolled_at)).all()
    return [{"id": r.id, "workstation": r.workstation, "name": r.name,
             "enrolled_at": r.enrolled_at, "last_seen_at": r.last_seen_at,
             "revoked_at": r.revoked_at} for r in rows]


def revoke(db: Database, now: dt.datetime, *, device_id: str | None = None,
           agency_code: str | None = None, workstation: int | None = None) -> int:
    """Revoke one device (by id, or by agency + workstation); its token then gets 401."""
    with db.write() as conn:
        query = update(s.devices).where(s.devices.c.revoked_at.is_(None))
        if device_id is not None:
            query = query.where(s.devices.c.id == device_id)
        elif agency_code is not None and workstation is not None:
            agency = get_agency(conn, agency_code)
            query = query.where(s.devices.c.agency_code == agency.code,
                                s.devices.c.workstation == workstation)
        else:
            raise PortalError("bad_argument", 422, detail="cần --device hoặc --agency và "
                              "--workstation")
        count = conn.execute(query.values(revoked_at=iso(now))).rowcount
    if count == 0:
        raise not_found("device_not_found")
    return int(count)


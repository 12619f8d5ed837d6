"""Blank forms an agency attached at its workstations: kept per agency, announced to its other
devices as `agency_form` changes, the PDFs fetched by hash from the agency's blobs.

The shared catalogue (`procedures`) goes to every agency and is the portal administrator's;
what one commune attaches is its own layer over it, so it never changes another agency's
catalogue. For one form of one procedure the latest choice wins, by the time it was made at
the workstation (`at`), not by when a device came online to push it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select, update

from . import changes
from . import schema as s
from .db import Database
from .payloads import FormAttachedPayload, FormDetachedPayload
from .timefmt import iso
from .validate import Prepared

Payload = FormAttachedPayload | FormDetachedPayload


def change_key(agency: str, procedure: str, code: str) -> str:
    """The change's key: names the agency, so compaction stays within it."""
    return f"{agency}/{procedure}/{code}"


def apply(db: Database, conn: Connection, p: Prepared, payload: Payload, agency: str,
          device_id: str, now: dt.datetime) -> changes.Change | None:
    """Record the agency's choice unless a later one is already held; the change to announce
    to the agency's other devices, or None when this choice came too late to count."""
    assert p.at is not None
    c = s.agency_forms.c
    key = (c.agency_code == agency, c.procedure_code == payload.procedure,
           c.code == payload.form.code)
    query = select(c.changed_at).where(*key)
    if db.lock_for_update():
        query = query.with_for_update()
    held = conn.execute(query).scalar()
    at = iso(p.at)
    if held is not None and held > at:
        return None
    sha256, size = "", 0
    if isinstance(payload, FormAttachedPayload):
        sha256, size = payload.form.sha256, payload.form.size
    values: dict[str, Any] = {"name": payload.form.name, "sha256": sha256, "size": size,
                              "changed_at": at, "event_id": p.event.id, "device_id": device_id,
                              "updated_at": iso(now)}
    if held is None:
        conn.execute(s.agency_forms.insert().values(
            agency_code=agency, procedure_code=payload.procedure, code=payload.form.code,
            **values))
    else:
        conn.execute(update(s.agency_forms).where(*key).values(**values))
    data = {"procedure": payload.procedure, "code": payload.form.code,
            "name": payload.form.name, "sha256": sha256, "size": size, "at": at}
    return changes.Change(changes.AGENCY_FORM, change_key(agency, payload.procedure,
                                                          payload.form.code),
                          data, agency_code=agency, origin_device_id=device_id)


def is_agency_form(conn: Connection, agency: str, sha256: str) -> bool:
    """Whether one of the agency's current forms is this PDF: the only blobs a device may
    fetch (scans of dossiers never go back down to counters)."""
    c = s.agency_forms.c
    return conn.execute(select(c.code).where(c.agency_code == agency, c.sha256 == sha256)
                        .limit(1)).first() is not None


def listing(db: Database, agency: str) -> list[dict[str, Any]]:
    """The agency's forms, detached ones included (sha256 ""), for the command line."""
    c = s.agency_forms.c
    with db.read() as conn:
        rows = conn.execute(select(c.procedure_code, c.code, c.name, c.sha256, c.size,
                                   c.changed_at).where(c.agency_code == agency)
                            .order_by(c.procedure_code, c.code)).all()
    return [dict(r._mapping) for r in rows]

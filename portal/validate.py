"""Pure checks of one pushed event against the pushing device: no database access."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from counter_app.domain.codes import parse_code, workstation_range
from counter_app.domain.postal import parse_manifest_code

from .agencies import Device
from .followup import FOLLOWUP_KINDS, FollowupPayload
from .payloads import (
    PAYLOADS,
    DossierPayload,
    EventIn,
    IntakePayload,
    ManifestPayload,
    problems,
)
from .timefmt import parse_local

LOOKUP_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{6,64}")


class Rejected(Exception):
    """The event can never apply as sent: a reason code, params and field problems."""

    def __init__(self, reason: str, problems: list[dict[str, Any]] | None = None,
                 **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params
        self.problems = problems or []


@dataclass
class Prepared:
    """An event with its content digest and, unless `rejected`, its checked payload."""

    event: EventIn
    digest: str
    at: dt.datetime | None = None
    payload: Any = None
    code: str | None = None  # dossier code, upper case (creation events)
    rejected: Rejected | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def canonical(event: EventIn) -> str:
    """The content that identifies an event: sorted keys, no blanks, UTF-8 kept."""
    return json.dumps(event.model_dump(), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))


def digest(event: EventIn) -> str:
    # surrogatepass: an event with a lone surrogate still gets a digest (and is rejected).
    return hashlib.sha256(canonical(event).encode("utf-8", "surrogatepass")).hexdigest()


def storable(value: Any) -> bool:
    """No NUL (PostgreSQL text refuses it) and no lone surrogate (not UTF-8) anywhere."""
    if isinstance(value, str):
        if "\x00" in value:
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(storable(k) and storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(storable(v) for v in value)
    return True


def _uuid(text: str, name: str) -> None:
    try:
        uuid.UUID(text)
    except ValueError:
        raise Rejected("invalid_id", field=name) from None


def _date(text: str | None, name: str) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return parse_local(text)
    except (TypeError, ValueError):
        raise Rejected("bad_date", field=name) from None


def _day(text: str, name: str) -> None:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise Rejected("bad_date", field=name) from None


def prepare(event: EventIn, device: Device) -> Prepared:
    p = Prepared(event, digest(event))
    try:
        _check(p, device)
    except Rejected as r:
        p.rejected = r
    return p


def _check(p: Prepared, device: Device) -> None:
    e = p.event
    if not storable(e.model_dump()):
        raise Rejected("invalid_text")
    _uuid(e.id, "id")
    _uuid(e.dossier_id, "dossier_id")
    followup = FOLLOWUP_KINDS.get(e.kind)
    model = PAYLOADS.get(e.kind) or (followup.payload if followup else None)
    if model is None:
        raise Rejected("unknown_kind", kind=e.kind[:40])
    p.at = _date(e.at, "at")
    try:
        p.payload = model.model_validate(e.payload)
    except ValidationError as err:
        found = problems(err)
        detail = ", ".join(f"{x['field']} ({x['code']})" for x in found[:3])
        raise Rejected("invalid_payload", found, detail=detail) from None
    if isinstance(p.payload, DossierPayload):
        _check_dossier(p, p.payload, device)
    elif e.kind == "status_changed":
        _date(p.payload.due_at, "payload.due_at")
    elif isinstance(p.payload, FollowupPayload):
        for name in ("due_at", "previous_due_at", "requested_at", "submitted_at"):
            _date(getattr(p.payload, name, None), f"payload.{name}")
    elif isinstance(p.payload, ManifestPayload):
        _check_manifest(p, p.payload, device)
    elif isinstance(p.payload, IntakePayload):
        _check_intake(p, p.payload, device)
    elif e.kind == "notice_queued":
        _uuid(p.payload.notice_id, "payload.notice_id")
    elif e.kind == "result_returned":
        _date(p.payload.returned_at, "payload.returned_at")
        if p.payload.authorisation is not None:
            _day(p.payload.authorisation.signed_on, "payload.authorisation.signed_on")

def _agency_dossier_code(code: str, agency: str, name: str) -> str:
    parsed = parse_code(code)
    if parsed is None:
        raise Rejected("code_format", code=code[:80], field=name)
    if parsed.agency_code != agency:
        raise Rejected("wrong_agency", found=parsed.agency_code, agency=agency)
    return parsed.text


def _check_manifest(p: Prepared, payload: ManifestPayload, device: Device) -> None:
    """A manifest of the pushing desk (its code names the desk), for the desk's agency."""
    m = payload.manifest
    parsed = parse_manifest_code(m.code)
    if parsed is None:
        raise Rejected("manifest_format", code=m.code[:80])
    agency = device.agency.code
    if (parsed.agency_code, parsed.workstation) != (agency, device.workstation):
        raise Rejected("manifest_not_yours", code=parsed.text)
    if m.agency_code.strip().upper() != agency:
        raise Rejected("wrong_agency", found=m.agency_code, agency=agency)
    p.extra["created_at"] = _date(m.created_at, "payload.manifest.created_at")
    p.extra["codes"] = [_agency_dossier_code(i.code, agency, "payload.manifest.items")
                        for i in m.items]
    for i in m.items:
        _uuid(i.dossier_id, "payload.manifest.items.dossier_id")
    p.code = parsed.text


def _check_intake(p: Prepared, payload: IntakePayload, device: Device) -> None:
    """An intake by the agency the manifest's dossiers belong to."""
    t = payload.intake
    parsed = parse_manifest_code(t.manifest_code)
    if parsed is None:
        raise Rejected("manifest_format", code=t.manifest_code[:80])
    agency = device.agency.code
    if t.agency_code.strip().upper() != agency:
        raise Rejected("wrong_agency", found=t.agency_code, agency=agency)
    p.extra["taken_in_at"] = _date(t.taken_in_at, "payload.intake.taken_in_at")
    p.extra["codes"] = [_agency_dossier_code(x.code, agency, "payload.intake.lines")
                        for x in t.lines]
    p.code = parsed.text


def _check_dossier(p: Prepared, payload: DossierPayload, device: Device) -> None:
    d = payload.dossier
    if d.id != p.event.dossier_id:
        raise Rejected("dossier_id_mismatch")
    if d.outcome != p.event.kind:
        raise Rejected("outcome_mismatch", outcome=d.outcome, kind=p.event.kind)
    received = _date(d.received_at, "payload.dossier.received_at")
    _date(d.due_at, "payload.dossier.due_at")
    _date(d.updated_at, "payload.dossier.updated_at")
    p.extra["received_at"] = received
    agency = device.agency
    if d.agency_code.strip().upper() != agency.code:
        raise Rejected("wrong_agency", found=d.agency_code, agency=agency.code)
    if d.outcome == "received" and not d.code:
        raise Rejected("code_required")
    if d.outcome == "received" and d.status is None:
        raise Rejected("status_required")
    if d.lookup_secret and not LOOKUP_SECRET_RE.fullmatch(d.lookup_secret):
        raise Rejected("lookup_secret_format")
    if d.code:
        parsed = parse_code(d.code)
        if parsed is None:
            raise Rejected("code_format", code=d.code[:80])
        if parsed.agency_code != agency.code:
            raise Rejected("wrong_agency", found=parsed.agency_code, agency=agency.code)
        first, last = workstation_range(device.workstation, agency.range_size)
        if not first <= parsed.sequence <= last:
            raise Rejected("code_outside_range", sequence=parsed.sequence,
                           workstation=device.workstation, first=first, last=last)
        p.code = d.code.strip().upper()

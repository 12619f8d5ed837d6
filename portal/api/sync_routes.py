"""The device API: enrolment, push of events, pull of changes, a dossier's state."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from .. import changes, dossiers, ingest
from ..agencies import enrol
from ..errors import PortalError
from ..migrations import SCHEMA_VERSION
from .context import DeviceDep, PortalDep, public_rate
from .models import (
    ChangesResponse,
    DeviceInfo,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    EventResult,
    Health,
    PushRequest,
    PushResponse,
)

router = APIRouter(prefix="/api/v1")

_AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "no token, unknown or revoked token"},
    429: {"model": ErrorBody, "description": "rate limited; see Retry-After"},
}


@router.get("/health", response_model=Health, tags=["meta"])
def health(ctx: PortalDep) -> Health:
    from .. import __version__

    return Health(status="ok", version=__version__, schema_version=SCHEMA_VERSION)


@router.post(
    "/enrol", response_model=EnrolResponse, status_code=201, tags=["devices"],
    dependencies=[Depends(public_rate)],
    responses={403: {"model": ErrorBody, "description": "code unknown, used or expired"},
               409: {"model": ErrorBody, "description": "workstation number already enrolled"},
               422: {"model": ErrorBody}},
)
def enrol_device(body: EnrolRequest, ctx: PortalDep) -> EnrolResponse:
    """Spend a one-time enrolment code: returns the device token (shown only this once)."""
    result = enrol(ctx.db, body.code, body.workstation, body.device_name, ctx.settings.clock())
    d = result.device
    return EnrolResponse(token=result.token, device_id=d.id, agency_code=d.agency.code,
                         agency_name=d.agency.name, range_size=d.agency.range_size,
                         workstation=d.workstation,
                         today=result.today.isoformat() if result.today else "",
                         highest_sequence=result.highest_sequence)


@router.get("/me", response_model=DeviceInfo, tags=["devices"], responses=_AUTH_ERRORS)
def me(device: DeviceDep) -> DeviceInfo:
    return DeviceInfo(device_id=device.id, device_name=device.name,
                      agency_code=device.agency.code, agency_name=device.agency.name,
                      range_size=device.agency.range_size, workstation=device.workstation)


@router.post(
    "/events", response_model=PushResponse, tags=["sync"],
    responses={**_AUTH_ERRORS,
               400: {"model": ErrorBody, "description": "malformed JSON"},
               413: {"model": ErrorBody, "description": "too many events or too many bytes"},
               422: {"model": ErrorBody, "description": "envelope fails the schema"},
               503: {"model": ErrorBody, "description": "busy: retry later"}},
)
def push_events(body: PushRequest, ctx: PortalDep, device: DeviceDep) -> PushResponse:
    """Apply a batch of events in one transaction; one result per event, in request order."""
    limit = ctx.settings.max_batch_events
    if len(body.events) > limit:
        raise PortalError("too_many_events", 413, count=len(body.events), limit=limit)
    results = ingest.push(ctx.db, device, body.events, ctx.settings.clock())
    out = [EventResult.model_validate({
        "id": r.id, "result": r.result, "reason": r.reason, "message": r.message,
        "params": r.params or None, "problems": r.problems or None}) for r in results]
    counts = {k: sum(1 for r in results if r.result == k)
              for k in ("applied", "duplicate", "conflict", "rejected")}
    return PushResponse(results=out, **counts)


@router.get("/changes", response_model=ChangesResponse, tags=["sync"],
            responses={**_AUTH_ERRORS,
                       400: {"model": ErrorBody, "description": "cursor not understood"},
                       410: {"model": ErrorBody,
                             "description": "cursor of another portal database: restart"}})
def pull_changes(
    ctx: PortalDep, device: DeviceDep,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
) -> ChangesResponse:
    """Changes after `cursor` (none: from the beginning), oldest first."""
    size = min(limit or ctx.settings.default_page, ctx.settings.max_page)
    with ctx.db.read_committed() as conn:
        result = changes.page(conn, ctx.instance, agency_code=device.agency.code,
                              device_id=device.id, cursor=cursor, limit=size)
    return ChangesResponse.model_validate(
        {"changes": result.items, "next_cursor": result.next_cursor, "more": result.more})


@router.get("/dossiers/{dossier_id}", tags=["sync"],
            responses={**_AUTH_ERRORS, 404: {"model": ErrorBody}})
def get_dossier(dossier_id: str, ctx: PortalDep, device: DeviceDep) -> dict[str, Any]:
    """One dossier of the device's agency: DongBoHoSoMC record, id, attachments, progress."""
    return dossiers.get_for_agency(ctx.db, dossier_id, device.agency.code)

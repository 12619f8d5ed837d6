"""Chunked, resumable upload of attachments by SHA-256; blank forms' PDFs fetched back by hash."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from .. import forms
from ..attachments import UploadState as State
from ..attachments import parse_content_range
from ..errors import not_found
from .context import DeviceDep, PortalDep
from .models import ErrorBody, UploadState

router = APIRouter(prefix="/api/v1/attachments", tags=["attachments"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody}, 422: {"model": ErrorBody, "description": "bad hash text"}}


def _headers(state: State) -> dict[str, str]:
    out = {"Upload-Offset": str(state.received),
           "Upload-Complete": "true" if state.complete else "false"}
    if state.size is not None:
        out["Upload-Length"] = str(state.size)
    return out


@router.get("/{sha256}", response_model=UploadState, responses=_ERRORS)
def upload_state(sha256: str, ctx: PortalDep, device: DeviceDep, response: Response) -> Any:
    """How many bytes the portal holds of this blob (0 if none); `complete` once verified."""
    state = ctx.blobs.state(device.agency.code, sha256)
    response.headers.update(_headers(state))
    return state.as_dict()


@router.head("/{sha256}", responses=_ERRORS)
def upload_state_head(sha256: str, ctx: PortalDep, device: DeviceDep) -> Response:
    state = ctx.blobs.state(device.agency.code, sha256)
    return Response(status_code=200, headers=_headers(state))


@router.get(
    "/{sha256}/content", response_class=FileResponse,
    responses={**_ERRORS, 206: {"description": "the bytes asked for with `Range`"},
               404: {"model": ErrorBody, "description": "not a form of the agency, or not whole "
                     "at the portal yet"}})
def content(sha256: str, ctx: PortalDep, device: DeviceDep) -> FileResponse:
    """The bytes of a blank form's PDF the device's agency attached (docs/sync-protocol.md
    §5): ranges (`Range: bytes=START-END`) let a broken download continue. Only forms: a
    dossier's scans never go back down to counters."""
    agency = device.agency.code
    state = ctx.blobs.state(agency, sha256)
    with ctx.db.read() as conn:
        allowed = forms.is_agency_form(conn, agency, sha256)
    if not allowed or not state.complete:
        raise not_found("attachment_not_found", sha256=sha256)
    return FileResponse(ctx.blobs.final_path(agency, sha256), media_type="application/pdf",
                        headers={"Cache-Control": "no-store"})


@router.put(
    "/{sha256}", response_model=UploadState,
    responses={**_ERRORS,
               400: {"model": ErrorBody, "description": "Content-Range missing or wrong"},
               409: {"model": ErrorBody, "description": "offset or size differs from the "
                     "portal's; `params.received` says where to continue"},
               413: {"model": ErrorBody, "description": "chunk or file too large"}},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
)
async def upload_chunk(sha256: str, request: Request, ctx: PortalDep,
                       device: DeviceDep) -> Any:
    """One chunk, `Content-Range: bytes START-END/TOTAL` (END inclusive); START must equal
    the bytes held. The last chunk triggers the SHA-256 check (422 hash_mismatch)."""
    rng = parse_content_range(request.headers.get("content-range"))
    data = await request.body()
    state = await run_in_threadpool(ctx.blobs.put_chunk, device.agency.code, sha256, rng, data,
                                    ctx.settings.clock())
    return Response(content=UploadState.model_validate(state.as_dict()).model_dump_json(),
                    media_type="application/json", headers=_headers(state))

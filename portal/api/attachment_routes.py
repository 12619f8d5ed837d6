"""Chunked, resumable upload of attachments by SHA-256."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from ..attachments import UploadState as State
from ..attachments import parse_content_range
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

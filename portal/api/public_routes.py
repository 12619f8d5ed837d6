"""The citizen's status page behind the receipt's QR code: /tra-cuu/{code}?k={secret}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from .. import dossiers
from ..errors import message
from ..public_page import not_found_page, status_page
from .context import PortalDep, public_rate
from .models import ErrorBody, PublicStatus

router = APIRouter(tags=["public"])

# The secret is in the URL: keep it out of caches, referrers and search engines.
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
}


@router.get(
    "/tra-cuu/{code}", dependencies=[Depends(public_rate)],
    response_class=HTMLResponse,
    responses={200: {"content": {"application/json": {"schema": PublicStatus.model_json_schema()},
                                 "text/html": {}}},
               404: {"model": ErrorBody, "description": "unknown code or wrong secret"}},
)
async def lookup(
    code: str, ctx: PortalDep,
    k: Annotated[str | None, Query(max_length=64)] = None,
    format: Annotated[str | None, Query(pattern="^(html|json)$")] = None,
) -> Response:
    """Status, dates, procedure and the applicant's initials, once `k` matches."""
    view = await run_in_threadpool(dossiers.public_view, ctx.db, code[:80], k or "")
    as_json = format == "json"
    if view is None:
        if as_json:
            return JSONResponse({"error": "not_found", "message": message("not_found")},
                                status_code=404, headers=_HEADERS)
        return HTMLResponse(not_found_page(), status_code=404, headers=_HEADERS)
    if as_json:
        return JSONResponse(PublicStatus(**view).model_dump(), headers=_HEADERS)
    return HTMLResponse(status_page(view), headers=_HEADERS)

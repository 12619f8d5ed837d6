"""The FastAPI application factory: `create_app(db_url, settings=…)`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException

from .. import __version__
from ..attachments import BlobStore
from ..changes import instance_id
from ..db import Database, unreachable
from ..errors import PortalError, message
from ..migrations import SCHEMA_VERSION, migrate
from ..ratelimit import RateLimiter
from ..settings import Settings
from . import attachment_routes, public_routes, sync_routes
from .context import Portal
from .middleware import AccessLog, BodyLimit, BodyTooLarge

log = logging.getLogger("portal")

DESCRIPTION = """Reference central portal of Quầy Một Cửa. Devices enrol with a one-time code,
push their event log (`POST /api/v1/events`), pull changes (`GET /api/v1/changes`) and
upload scanned documents by SHA-256. See docs/sync-protocol.md."""


def create_app(db_url: str, *, settings: Settings | None = None) -> FastAPI:
    """Open (and migrate) the database at `db_url` and build the application."""
    settings = settings or Settings()
    db = Database(db_url)
    try:
        migrate(db)
        instance = instance_id(db)
    except sa_exc.OperationalError as e:
        db.dispose()
        raise unreachable(e) from e
    settings.blob_dir.mkdir(parents=True, exist_ok=True)
    ctx = Portal(
        db=db, settings=settings, instance=instance, schema_version=SCHEMA_VERSION,
        blobs=BlobStore(settings.blob_dir, db, settings.max_attachment_bytes),
        device_limiter=RateLimiter(settings.rate_per_second, settings.rate_burst),
        public_limiter=RateLimiter(settings.public_rate_per_second, settings.public_rate_burst),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()

    app = FastAPI(title="Quầy Một Cửa — cổng trung tâm", version=__version__,
                  description=DESCRIPTION, lifespan=lifespan)
    app.state.portal = ctx
    app.include_router(sync_routes.router)
    app.include_router(attachment_routes.router)
    app.include_router(public_routes.router)
    _install_handlers(app)

    def limit_for(path: str) -> int:
        if path.startswith("/api/v1/events"):
            return settings.max_batch_bytes
        if path.startswith("/api/v1/attachments/"):
            return settings.max_chunk_bytes
        return settings.max_body_bytes

    app.add_middleware(BodyLimit, limit_for=limit_for)
    app.add_middleware(AccessLog)
    return app


def _error(status: int, code: str, headers: dict[str, str] | None = None,
           **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"error": code, "message": message(code, **extra.get("params", {}))}
    body.update(extra)
    return JSONResponse(body, status_code=status, headers=headers)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(PortalError)
    async def portal_error(_request: Request, e: PortalError) -> JSONResponse:
        headers: dict[str, str] = {}
        if e.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if e.status == 429:
            headers["Retry-After"] = str(e.params.get("retry_after", 1))
        if e.status == 503:
            headers["Retry-After"] = "1"
        return JSONResponse(e.as_dict(), status_code=e.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, e: RequestValidationError) -> JSONResponse:
        errors = list(e.errors())
        if any(err.get("type") == "json_invalid" for err in errors):
            return _error(400, "malformed_json")
        detail = [{"loc": list(err.get("loc", ())), "type": err.get("type", ""),
                   "msg": err.get("msg", "")} for err in errors[:50]]
        first = detail[0] if detail else {"loc": [], "type": ""}
        where = ".".join(str(x) for x in first["loc"])
        return _error(422, "invalid_request", params={"detail": f"{where} ({first['type']})"},
                      detail=detail)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, e: HTTPException) -> JSONResponse:
        if isinstance(e, BodyTooLarge):
            return _error(413, "body_too_large", params={"limit": e.limit})
        # FastAPI raises 400 when a body cannot be decoded at all (bad encoding, too deep).
        code = {400: "malformed_json", 404: "not_found"}.get(e.status_code,
                                                             f"http_{e.status_code}")
        return JSONResponse({"error": code, "message": message(code)}, status_code=e.status_code,
                            headers=getattr(e, "headers", None))

    @app.exception_handler(sa_exc.OperationalError)
    async def database_down(_request: Request, e: sa_exc.OperationalError) -> JSONResponse:
        log.error("database error: %s", type(e.orig).__name__)
        return _error(503, "busy", headers={"Retry-After": "5"})

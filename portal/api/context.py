"""What every request handler needs: database, settings, blob store, rate limiters."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..agencies import Device, authenticate, touch
from ..attachments import BlobStore
from ..db import Database
from ..errors import PortalError
from ..ratelimit import RateLimiter
from ..settings import Settings

_TOUCH_EVERY = 60.0  # seconds between two writes of a device's last_seen_at


@dataclass
class Portal:
    db: Database
    settings: Settings
    blobs: BlobStore
    instance: str
    schema_version: int
    device_limiter: RateLimiter
    public_limiter: RateLimiter
    _touched: dict[str, float] = field(default_factory=dict)

    def touch(self, device_id: str) -> None:
        now = time.monotonic()
        if now - self._touched.get(device_id, -_TOUCH_EVERY) >= _TOUCH_EVERY:
            self._touched[device_id] = now
            touch(self.db, device_id, self.settings.clock())


def portal(request: Request) -> Portal:
    ctx: Portal = request.app.state.portal
    return ctx


PortalDep = Annotated[Portal, Depends(portal)]

_bearer = HTTPBearer(auto_error=False, description="device token from POST /api/v1/enrol")


def current_device(
    ctx: PortalDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Device:
    """The device whose token came with the request; 401 otherwise, 429 over its rate."""
    if credentials is None or not credentials.credentials:
        raise PortalError("unauthorized", 401)
    with ctx.db.read_committed() as conn:
        device = authenticate(conn, credentials.credentials)
    if device is None:
        raise PortalError("unauthorized", 401)
    retry = ctx.device_limiter.check(device.id)
    if retry is not None:
        raise PortalError("rate_limited", 429, retry_after=retry)
    ctx.touch(device.id)
    return device


DeviceDep = Annotated[Device, Depends(current_device)]


def public_rate(ctx: PortalDep, request: Request) -> None:
    """Per client address, for the unauthenticated endpoints (enrolment, status page)."""
    address = request.client.host if request.client else "?"
    retry = ctx.public_limiter.check(address)
    if retry is not None:
        raise PortalError("rate_limited", 429, retry_after=retry)

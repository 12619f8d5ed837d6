"""Typed errors of the portal client: what failed and whether trying again can help.

Each has a stable `code` (a key of counter_app/messages.py) and `params`; none holds a
sentence of ours. `message` is the portal's own Vietnamese sentence when it sent one.
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import DomainError


class SyncError(DomainError):
    """Base of every sync failure."""

    code = "sync.error"
    retryable = False

    def __init__(self, message: str = "", **params: Any) -> None:
        super().__init__(**params)
        self.message = message
        if message:
            self.params.setdefault("message", message)


class NotEnrolled(SyncError):
    """No enrolment stored: run `enrol` first."""

    code = "sync.not_enrolled"


class BadPortalUrl(SyncError):
    """The portal address is not an http:// or https:// URL."""

    code = "sync.bad_url"


class NetworkError(SyncError):
    """No answer: connection refused, reset, broken or truncated. Outcome unknown: the same
    events are sent again."""

    code = "sync.offline"
    retryable = True


class Timeout(NetworkError):
    """No answer in time (connect or read). Outcome unknown, like any NetworkError."""

    code = "sync.timeout"


class ServerError(SyncError):
    """5xx, or 429: the portal could not take the request now. `retry_after` in seconds when
    the portal said so."""

    code = "sync.server_error"
    retryable = True

    def __init__(self, message: str = "", *, status: int, retry_after: float | None = None,
                 **params: Any) -> None:
        super().__init__(message, status=status, **params)
        self.status = status
        self.retry_after = retry_after


class Unauthorized(SyncError):
    """401: the token is unknown or revoked. Stop syncing; the workstation must re-enrol."""

    code = "sync.unauthorized"


class RequestRejected(SyncError):
    """A 4xx refusing the whole request, with the portal's `error` code and sentence.
    Sending it again unchanged gives the same answer."""

    code = "sync.rejected"

    def __init__(self, message: str = "", *, status: int, error: str,
                 params: dict[str, Any] | None = None,
                 detail: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message, status=status, error=error)
        self.status = status
        self.error = error
        self.portal_params = params or {}
        self.detail = detail or []


class CursorGone(SyncError):
    """410: the cursor belongs to another portal database; pull again from the beginning."""

    code = "sync.cursor_gone"


class EnrolmentMismatch(SyncError):
    """The enrolment code belongs to another agency (or workstation) than the local profile.

    The portal has already spent the code: the administrator must revoke `device_id`."""

    code = "enrol.mismatch"

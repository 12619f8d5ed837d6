"""HTTP client of the portal's device API (docs/sync-protocol.md): one requests.Session,
timeouts on every request, answers turned into typed values and failures into typed errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from .errors import (
    BadPortalUrl,
    CursorGone,
    NetworkError,
    RequestRejected,
    ServerError,
    Timeout,
    Unauthorized,
)

log = logging.getLogger(__name__)

API = "/api/v1"
USER_AGENT = "QuayMotCua-sync/1"


@dataclass(frozen=True)
class Enrolment:
    """What POST /api/v1/enrol answered. `token` is shown once: store it, never log it."""

    token: str
    device_id: str
    agency_code: str
    agency_name: str
    range_size: int
    workstation: int
    today: dt.date | None = None  # the portal's date (older portals: None)
    highest_sequence: int = 0  # of this workstation's range on `today`: number above it


@dataclass(frozen=True)
class EventAnswer:
    """The portal's answer to one pushed event."""

    id: str
    result: str  # applied | duplicate | conflict | rejected
    reason: str = ""
    message: str = ""
    params: dict[str, Any] | None = None
    problems: list[dict[str, Any]] | None = None


@dataclass(frozen=True)
class ChangesPage:
    changes: list[dict[str, Any]]
    next_cursor: str
    more: bool


@dataclass(frozen=True)
class UploadState:
    sha256: str
    received: int
    size: int | None
    complete: bool


def check_url(url: str) -> str:
    """The portal's base address without a trailing slash; BadPortalUrl if it is not http(s)."""
    text = url.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadPortalUrl(url=url)
    return text


class PortalClient:
    """One portal, one device token. Every request has a connect and a read timeout."""

    def __init__(self, base_url: str, token: str = "", *,
                 session: requests.Session | None = None,
                 connect_timeout: float = 5.0, read_timeout: float = 30.0) -> None:
        self.base_url = check_url(base_url)
        self.token = token
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = (connect_timeout, read_timeout)

    def close(self) -> None:
        self.session.close()

    # ----- the transport -----------------------------------------------------------------

    def _request(self, method: str, path: str, *, body: bytes | None = None,
                 content_type: str = "application/json", auth: bool = True,
                 headers: dict[str, str] | None = None,
                 params: dict[str, Any] | None = None) -> requests.Response:
        sent = dict(headers or {})
        if auth:
            sent["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            sent["Content-Type"] = content_type
        url = self.base_url + path
        try:
            response = self.session.request(method, url, data=body, headers=sent, params=params,
                                            timeout=self.timeout, allow_redirects=False)
        except requests.exceptions.Timeout as e:
            raise Timeout(url=self.base_url, detail=type(e).__name__) from None
        except requests.exceptions.RequestException as e:
            raise NetworkError(url=self.base_url, detail=type(e).__name__) from None
        if response.status_code >= 300:
            self._raise_for(response)
        return response

    def _raise_for(self, response: requests.Response) -> None:
        status = response.status_code
        body: dict[str, Any] = {}
        try:
            decoded = response.json()
            if isinstance(decoded, dict):
                body = decoded
        except ValueError:
            pass
        error = str(body.get("error") or f"http_{status}")
        message = str(body.get("message") or "")
        if status == 401:
            raise Unauthorized(message, url=self.base_url)
        if status == 410:
            raise CursorGone(message, url=self.base_url)
        if status == 429 or status >= 500:
            raise ServerError(message, status=status, url=self.base_url,
                              retry_after=_seconds(response.headers.get("Retry-After")))
        params = body.get("params") if isinstance(body.get("params"), dict) else None
        detail = body.get("detail") if isinstance(body.get("detail"), list) else None
        raise RequestRejected(message, status=status, error=error, params=params, detail=detail)

    def _json(self, response: requests.Response) -> dict[str, Any]:
        """A 2xx body as a JSON object; anything else means the answer was damaged on the way
        (a truncating proxy, a captive portal): outcome unknown, like a broken connection."""
        try:
            data = response.json()
        except ValueError:
            raise NetworkError(url=self.base_url, detail="bad_response") from None
        if not isinstance(data, dict):
            raise NetworkError(url=self.base_url, detail="bad_response")
        return data

    # ----- the API -----------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._json(self._request("GET", f"{API}/health", auth=False))

    def enrol(self, code: str, workstation: int, device_name: str = "") -> Enrolment:
        body = json.dumps({"code": code, "workstation": workstation,
                           "device_name": device_name}, ensure_ascii=False).encode()
        data = self._json(self._request("POST", f"{API}/enrol", body=body, auth=False))
        try:
            today = data.get("today")
            return Enrolment(str(data["token"]), str(data["device_id"]),
                             str(data["agency_code"]), str(data["agency_name"]),
                             int(data["range_size"]), int(data["workstation"]),
                             dt.date.fromisoformat(today) if today else None,
                             int(data.get("highest_sequence") or 0))
        except (KeyError, TypeError, ValueError):
            raise NetworkError(url=self.base_url, detail="bad_response") from None

    def me(self) -> dict[str, Any]:
        return self._json(self._request("GET", f"{API}/me"))

    def push(self, body: bytes, ids: list[str]) -> list[EventAnswer]:
        """POST a batch (`body` is the JSON made by wire.batch_body); one answer per id.

        An answer that does not name exactly `ids`, in order, is treated as damaged."""
        data = self._json(self._request("POST", f"{API}/events", body=body))
        results = data.get("results")
        if not isinstance(results, list) or len(results) != len(ids):
            raise NetworkError(url=self.base_url, detail="bad_response")
        answers: list[EventAnswer] = []
        for expected, item in zip(ids, results, strict=True):
            if (not isinstance(item, dict) or item.get("id") != expected
                    or item.get("result") not in ("applied", "duplicate", "conflict",
                                                  "rejected")):
                raise NetworkError(url=self.base_url, detail="bad_response")
            answers.append(EventAnswer(
                expected, str(item["result"]), str(item.get("reason") or ""),
                str(item.get("message") or ""), item.get("params") or None,
                item.get("problems") or None))
        return answers

    def changes(self, cursor: str, limit: int) -> ChangesPage:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        data = self._json(self._request("GET", f"{API}/changes", params=params))
        items, next_cursor = data.get("changes"), data.get("next_cursor")
        if not isinstance(items, list) or not isinstance(next_cursor, str) \
                or not all(isinstance(x, dict) for x in items):
            raise NetworkError(url=self.base_url, detail="bad_response")
        return ChangesPage(items, next_cursor, bool(data.get("more")))

    def dossier(self, dossier_id: str) -> dict[str, Any] | None:
        """The agency's dossier as the portal holds it; None when the portal has none."""
        try:
            return self._json(self._request("GET", f"{API}/dossiers/{dossier_id}"))
        except RequestRejected as e:
            if e.status == 404:
                return None
            raise

    # ----- attachments -------------------------------------------------------------------

    def attachment_state(self, sha256: str) -> UploadState:
        r = self._request("HEAD", f"{API}/attachments/{sha256}")
        try:
            received = int(r.headers["Upload-Offset"])
            size = r.headers.get("Upload-Length")
            return UploadState(sha256, received, int(size) if size else None,
                               r.headers.get("Upload-Complete") == "true")
        except (KeyError, ValueError):
            raise NetworkError(url=self.base_url, detail="bad_response") from None

    def put_chunk(self, sha256: str, start: int, data: bytes, total: int) -> UploadState:
        rng = f"bytes {start}-{start + len(data) - 1}/{total}" if total else "bytes */0"
        r = self._request("PUT", f"{API}/attachments/{sha256}", body=data,
                          content_type="application/octet-stream",
                          headers={"Content-Range": rng})
        state = self._json(r)
        try:
            return UploadState(sha256, int(state["received"]),
                               int(state["size"]) if state.get("size") is not None else None,
                               bool(state["complete"]))
        except (KeyError, TypeError, ValueError):
            raise NetworkError(url=self.base_url, detail="bad_response") from None

    def upload_attachment(self, sha256: str, path: Path | str, *,
                          chunk_size: int = 1024 * 1024,
                          on_chunk: Callable[[int, int], None] | None = None) -> UploadState:
        """Upload a file by its SHA-256, continuing from what the portal already holds.

        HEAD first, then chunks from `Upload-Offset`; a 409 (someone else's chunk, a lost
        answer) asks again where to continue. A network error propagates: calling again
        resumes, it never restarts from 0 — except after `hash_mismatch`, when the portal
        has dropped the partial data (once). `on_chunk(start, length)` sees every chunk sent.
        """
        path = Path(path)
        if file_sha256(path) != sha256:
            raise ValueError(f"{path.name}: content does not match sha256 {sha256[:12]}…")
        total = path.stat().st_size
        state = self.attachment_state(sha256)
        restarted = False
        mismatches = 0
        with path.open("rb") as f:
            while not state.complete:
                if state.size not in (None, total) or (total and state.received >= total):
                    raise RequestRejected(status=409, error="size_mismatch",
                                          params={"size": total, "expected": state.size})
                f.seek(state.received)
                data = f.read(min(chunk_size, total - state.received))
                if on_chunk is not None:
                    on_chunk(state.received, len(data))
                try:
                    state = self.put_chunk(sha256, state.received, data, total)
                    mismatches = 0
                except RequestRejected as e:
                    if e.error == "offset_mismatch" and mismatches < 3:
                        mismatches += 1
                        state = self.attachment_state(sha256)
                        continue
                    if e.error == "hash_mismatch" and not restarted:
                        restarted = True
                        state = UploadState(sha256, 0, None, False)
                        continue
                    raise
        return state

    def download_attachment(self, sha256: str, part: Path, *, max_bytes: int,
                            chunk_size: int = 1024 * 1024) -> None:
        """Fetch a file the portal lets this device read (a blank form of its agency) into
        `part`, continuing from what `part` already holds: a break resumes, it never restarts.
        Returns once `part` is whole and has the hash; a whole file with another hash is
        removed (ValueError: start again). RequestRejected 404: the portal has no such file,
        or not all of it yet."""
        held = part.stat().st_size if part.exists() else 0
        while True:
            try:
                data, total = self._content_range(sha256, held, chunk_size)
            except RequestRejected as e:
                if e.status != 416 or not held:
                    raise
                part.unlink(missing_ok=True)  # more than the portal holds: not this file
                held = 0
                continue
            if total > max_bytes:
                raise RequestRejected(status=413, error="attachment_too_large",
                                      params={"limit": max_bytes})
            with part.open("ab") as f:
                f.write(data)
            held += len(data)
            if held >= total or not data:
                break
        if file_sha256(part) != sha256:
            part.unlink(missing_ok=True)
            raise ValueError(f"downloaded file does not match sha256 {sha256[:12]}…")

    def _content_range(self, sha256: str, start: int, length: int) -> tuple[bytes, int]:
        """Bytes from `start` (at most `length`) and the file's whole size."""
        r = self._request("GET", f"{API}/attachments/{sha256}/content",
                          headers={"Range": f"bytes={start}-{start + length - 1}"})
        if r.status_code == 200:  # the whole file (a server that ignores ranges)
            return r.content[start:], len(r.content)
        match = _CONTENT_RANGE.fullmatch(r.headers.get("Content-Range", ""))
        if r.status_code != 206 or match is None or int(match[1]) != start:
            raise NetworkError(url=self.base_url, detail="bad_response")
        return r.content, int(match[3])


_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+)")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1024 * 1024):
            h.update(block)
    return h.hexdigest()


def _seconds(value: str | None) -> float | None:
    """Retry-After in seconds (the HTTP-date form is not used by the portal)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None

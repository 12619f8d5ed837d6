"""Client tests against the real portal app in-process: requests → an adapter → TestClient.

The adapter is a fake *transport* only: every request goes through the real PortalClient and
the real portal. It can inject faults per request (refused, timed out before or after the
portal acted, a damaged answer, a 5xx of its own).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.testclient import TestClient
from requests.structures import CaseInsensitiveDict

from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from counter_app.sync.backoff import Backoff
from counter_app.sync.client import PortalClient
from counter_app.sync.engine import Limits, SyncEngine
from portal import agencies, catalogue, dossiers
from portal.api.app import create_app
from portal.settings import Settings
from tests.conftest import AGENCY, SMALL_CATALOGUE, FakeClock

BASE = "http://portal.test"


class ASGIAdapter(requests.adapters.BaseAdapter):
    """Hands each request to the portal app; `faults` are (method, path prefix, kind) taken by
    the first request they match. Kinds: refuse (connection refused: nothing reached the
    portal), timeout (read timeout before the portal saw it), lost (the portal acted, the answer
    was lost), garbled (the portal acted, the answer is cut), 503 (answered by a proxy); any
    other kind (e.g. "pass") lets its request through, to aim a later fault."""

    def __init__(self, app_client: TestClient) -> None:
        super().__init__()
        self.app = app_client
        self.faults: list[tuple[str, str, str]] = []
        self.sent: list[tuple[str, str, bytes]] = []  # what reached the portal
        self.ranges: list[tuple[str, str, str]] = []  # (method, path, Range) of ranged requests

    def fail(self, kind: str, method: str = "POST", path: str = "/api/v1/events",
             times: int = 1) -> None:
        self.faults += [(method, path, kind)] * times

    def _fault(self, method: str, path: str) -> str | None:
        for i, (m, p, kind) in enumerate(self.faults):
            if m == method and path.startswith(p):
                del self.faults[i]
                return kind
        return None

    def send(self, request: requests.PreparedRequest, stream: bool = False,
             timeout: Any = None, verify: Any = True, cert: Any = None,
             proxies: Any = None) -> requests.Response:
        assert timeout is not None, "every request must have a timeout"
        url = request.url or ""
        path = url.removeprefix(BASE)
        method = request.method or "GET"
        fault = self._fault(method, path.split("?")[0])
        if fault == "refuse":
            raise requests.ConnectionError("connection refused")
        if fault == "timeout":
            raise requests.ReadTimeout("read timed out")
        body = request.body if isinstance(request.body, bytes) else (
            request.body.encode() if isinstance(request.body, str) else b"")
        r = self.app.request(method, path, content=body or None,
                             headers={k: v for k, v in request.headers.items()})
        self.sent.append((method, path, body))
        if "Range" in request.headers:
            self.ranges.append((method, path, request.headers["Range"]))
        if fault == "lost":
            raise requests.ConnectionError("connection reset by peer")
        resp = requests.Response()
        resp.status_code = r.status_code
        resp._content = r.content
        resp.headers = CaseInsensitiveDict(r.headers)
        if fault == "garbled":
            resp.status_code = 200
            resp._content = r.content[: len(r.content) // 2]
        if fault == "503":
            resp.status_code = 503
            resp._content = b'{"error": "busy", "message": "Cong dang ban."}'
            resp.headers = CaseInsensitiveDict({"Retry-After": "2"})
        resp.url = url
        resp.request = request
        resp.encoding = "utf-8"
        return resp

    def close(self) -> None:
        pass

    def pushed_ids(self) -> list[list[str]]:
        """Event ids of every push that reached the portal, in order."""
        import json

        return [[e["id"] for e in json.loads(b)["events"]] for m, p, b in self.sent
                if m == "POST" and p == "/api/v1/events"]


@dataclass
class Portal:
    app_client: TestClient
    adapter: ASGIAdapter
    settings: Settings
    clock: FakeClock
    db: Any
    sessions: list[requests.Session] = field(default_factory=list)

    def session(self) -> requests.Session:
        s = requests.Session()
        s.mount(BASE, self.adapter)
        self.sessions.append(s)
        return s

    def client(self, token: str = "") -> PortalClient:
        return PortalClient(BASE, token, session=self.session())

    def code(self, agency: str = AGENCY) -> str:
        code, _ = agencies.make_enrolment_code(self.db, agency, self.clock(),
                                               dt.timedelta(hours=72))
        return code

    def set_status(self, code: str, status: int, note: str = "Xử lý") -> dict[str, Any]:
        return dossiers.set_status(self.db, code, status, note, self.clock(), by="Trần Văn B")

    def online(self, name: str = "Lê Văn Cường", agency: str = AGENCY) -> dict[str, Any]:
        return dossiers.create_online(self.db, agency, "1.001193", {"name": name,
                                      "id_number": "079090001234"}, self.clock())

    def listing(self, agency: str = AGENCY) -> list[dict[str, Any]]:
        return dossiers.list_for_agency(self.db, agency)

    def revoke(self, workstation: int = 1, agency: str = AGENCY) -> None:
        agencies.revoke(self.db, self.clock(), agency_code=agency, workstation=workstation)


@pytest.fixture
def make_portal(tmp_path: Path, clock: FakeClock) -> Iterator[Any]:
    opened: list[Portal] = []

    def make(**overrides: Any) -> Portal:
        settings = replace(Settings(blob_dir=tmp_path / "blobs", clock=clock), **overrides)
        app = create_app(f"sqlite:///{tmp_path / f'portal{len(opened)}.db'}", settings=settings)
        tc = TestClient(app)
        tc.__enter__()
        p = Portal(tc, ASGIAdapter(tc), settings, clock, app.state.portal.db)
        opened.append(p)
        return p

    yield make
    for p in opened:
        for s in p.sessions:
            s.close()
        p.app_client.__exit__(None, None, None)
        p.db.dispose()


@pytest.fixture
def portal(make_portal: Any) -> Portal:
    """A portal with agency AGENCY (range size 1000) and the small catalogue."""
    p: Portal = make_portal()
    agencies.create_agency(p.db, AGENCY, "UBND xã Tân Phú", 1000, p.clock())
    catalogue.import_procedures(p.db, catalogue.read_catalogue_files([SMALL_CATALOGUE]),
                                p.clock())
    return p


class FakeTime:
    """monotonic() and sleep() on one fake timeline; sleeps are recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def enrolled(counter: Counter, portal: Portal) -> Counter:
    """The test workstation (1 of AGENCY), enrolled with the in-process portal."""
    sync_service.enrol(counter, BASE, portal.code(), "Quầy 1", client=portal.client())
    return counter


def make_engine(counter: Counter, portal: Portal, fake_time: FakeTime | None = None,
                limits: Limits | None = None, seed: int = 7) -> SyncEngine:
    ft = fake_time or FakeTime()
    return sync_service.engine(
        counter, client=sync_service.client_for(counter, session=portal.session()),
        sleep=ft.sleep, monotonic=ft.monotonic,
        backoff=Backoff(base=0.5, cap=8.0, rng=random.Random(seed)), limits=limits)

"""Portal test set-up: every test runs on SQLite and on PostgreSQL (a fresh schema each)."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from portal import agencies, catalogue
from portal.api.app import create_app
from portal.db import Database
from portal.settings import Settings
from tests.conftest import FakeClock
from tests.portal import builders

PG_SERVER = os.environ.get("PORTAL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
SMALL_CATALOGUE = Path(__file__).resolve().parents[1] / "fixtures" / "catalogue_small.json"
AGENCY = builders.AGENCY
OTHER_AGENCY = builders.OTHER_AGENCY


def _pg_unavailable() -> str | None:
    import psycopg

    try:
        with psycopg.connect(PG_SERVER, connect_timeout=3):
            return None
    except psycopg.Error as e:
        return f"PostgreSQL not reachable at {PG_SERVER}: {str(e).strip().splitlines()[0]}"


@pytest.fixture(scope="session")
def pg_problem() -> str | None:
    return _pg_unavailable()


@pytest.fixture(params=["sqlite", "postgresql"])
def portal_db_url(request: pytest.FixtureRequest, tmp_path: Path,
                  pg_problem: str | None) -> Iterator[str]:
    """A database URL for a portal with nothing in it: a SQLite file, or a new PostgreSQL
    schema dropped afterwards. Without PostgreSQL the second variant skips, but fails in CI."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'portal.db'}"
        return
    if pg_problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(pg_problem)
        pytest.skip(pg_problem)
    import psycopg

    schema = f"portal_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    base = PG_SERVER.replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_SERVER, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 20, 9, 32))


@dataclass
class Harness:
    """A portal app under test with direct access to its database for set-up."""

    url: str
    client: TestClient
    db: Database
    settings: Settings
    clock: FakeClock

    def agency(self, code: str = AGENCY, name: str = "UBND xã Tân Phú",
               range_size: int = 1000) -> str:
        agencies.create_agency(self.db, code, name, range_size, self.clock())
        return code

    def code(self, agency: str = AGENCY, hours: float = 72) -> str:
        code, _ = agencies.make_enrolment_code(self.db, agency, self.clock(),
                                               dt.timedelta(hours=hours))
        return code

    def enrol(self, agency: str = AGENCY, workstation: int = 1) -> dict[str, Any]:
        r = self.client.post("/api/v1/enrol", json={"code": self.code(agency),
                                                     "workstation": workstation,
                                                     "device_name": f"Máy {workstation}"})
        assert r.status_code == 201, r.text
        body: dict[str, Any] = r.json()
        return body

    def device(self, agency: str = AGENCY, workstation: int = 1) -> Device:
        body = self.enrol(agency, workstation)
        return Device(self.client, body["token"], agency, workstation, body["range_size"])

    def import_catalogue(self, path: Path = SMALL_CATALOGUE) -> None:
        catalogue.import_procedures(self.db, catalogue.read_catalogue_files([path]), self.clock())


@dataclass
class Device:
    client: TestClient
    token: str
    agency: str
    workstation: int
    range_size: int = 1000

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def push(self, events: list[dict[str, Any]], expect: int = 200) -> list[dict[str, Any]]:
        body = json.dumps({"events": events})  # ASCII escapes: lone surrogates survive
        r = self.client.post("/api/v1/events", content=body,
                             headers={**self.auth, "Content-Type": "application/json"})
        assert r.status_code == expect, r.text
        results: list[dict[str, Any]] = r.json().get("results", [])
        return results

    def pull(self, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if cursor is not None:
            params["cursor"] = cursor
        if limit is not None:
            params["limit"] = limit
        r = self.client.get("/api/v1/changes", params=params, headers=self.auth)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    def pull_all(self, cursor: str | None = None, limit: int = 3) -> tuple[list[dict], str]:
        items: list[dict[str, Any]] = []
        while True:
            page = self.pull(cursor, limit)
            items += page["changes"]
            cursor = page["next_cursor"]
            if not page["more"]:
                return items, cursor

    def receive(self, seq: int | None = None, **kw: Any) -> dict[str, Any]:
        """A "received" event for a new dossier numbered within this workstation's range."""
        first = (self.workstation - 1) * self.range_size + 1
        return builders.received_event(agency=self.agency, workstation=self.workstation,
                                       sequence=first + (seq or 0), **kw)


@pytest.fixture
def make_portal(portal_db_url: str, tmp_path: Path,
                clock: FakeClock) -> Iterator[Any]:
    """Factory: make_portal(**settings) → Harness; closed after the test."""
    opened: list[Harness] = []

    def make(**overrides: Any) -> Harness:
        settings = replace(Settings(blob_dir=tmp_path / "blobs", clock=clock), **overrides)
        app = create_app(portal_db_url, settings=settings)
        client = TestClient(app)
        client.__enter__()
        h = Harness(portal_db_url, client, app.state.portal.db, settings, clock)
        opened.append(h)
        return h

    yield make
    for h in opened:
        h.client.__exit__(None, None, None)
        h.db.dispose()


@pytest.fixture
def harness(make_portal: Any) -> Harness:
    """A portal with agency AGENCY and the small catalogue."""
    h: Harness = make_portal()
    h.agency()
    h.import_catalogue()
    return h

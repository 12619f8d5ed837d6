"""Rate limits (off by default), schema migrations, OpenAPI and the admin command line."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import inspect, text

from portal import schema
from portal.cli import main as portal_cli
from portal.db import Database
from portal.migrations import SCHEMA_VERSION, migrate
from portal.ratelimit import RateLimiter
from tests.portal.conftest import AGENCY, Harness


def test_rate_limits_answer_429_with_retry_after(make_portal: Any) -> None:
    h: Harness = make_portal(rate_per_second=0.01, rate_burst=2,
                             public_rate_per_second=0.01, public_rate_burst=1)
    h.agency()
    device = h.device()  # the enrolment took the only public token of this address
    for _ in range(2):
        assert h.client.get("/api/v1/changes", headers=device.auth).status_code == 200
    r = h.client.get("/api/v1/changes", headers=device.auth)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert r.json()["error"] == "rate_limited"
    assert h.client.get("/tra-cuu/X-1").status_code == 429


def test_the_token_bucket_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(2.0, 2, clock=lambda: now[0])
    assert limiter.check("a") is None and limiter.check("a") is None
    assert limiter.check("a") == 1
    assert limiter.check("b") is None  # buckets are per key
    now[0] += 0.5
    assert limiter.check("a") is None
    assert RateLimiter(None, 1).check("a") is None


def test_migrations_are_recorded_and_idempotent(portal_db_url: str) -> None:
    db = Database(portal_db_url)
    try:
        assert migrate(db) == SCHEMA_VERSION
        assert migrate(db) == 0
        with db.read() as conn:
            versions = conn.execute(text("SELECT version FROM schema_version")).scalars().all()
            assert versions == list(range(1, SCHEMA_VERSION + 1))
            found = inspect(conn)
            for table in schema.metadata.sorted_tables:
                columns = {c["name"] for c in found.get_columns(table.name)}
                assert columns == {c.name for c in table.columns}, table.name
    finally:
        db.dispose()


def test_a_database_from_a_newer_portal_is_refused(portal_db_url: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = Database(portal_db_url)
    migrate(db)
    with db.write() as conn:
        conn.execute(text("INSERT INTO schema_version VALUES (:v, 'x')"),
                     {"v": SCHEMA_VERSION + 1})
    db.dispose()
    assert portal_cli(["agencies", "--db", portal_db_url]) == 2
    assert "phiên bản cổng mới hơn" in capsys.readouterr().err


def test_openapi_documents_the_models(harness: Harness) -> None:
    doc = harness.client.get("/openapi.json").json()
    schemas = doc["components"]["schemas"]
    for name in ("EnrolRequest", "PushRequest", "EventIn", "PushResponse", "ChangesResponse",
                 "UploadState", "ErrorBody"):
        assert name in schemas, name
    assert schemas["EventIn"]["additionalProperties"] is False
    assert "/api/v1/attachments/{sha256}" in doc["paths"]
    assert harness.client.get("/docs").status_code == 200


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = portal_cli(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_admin_commands(portal_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = portal_db_url
    code, out, _ = cli(capsys, "create-agency", "--db", url, "--code", "h56.14",
                       "--name", "Bộ phận Một cửa phường 14", "--range-size", "500")
    assert code == 0 and json.loads(out)["code"] == "H56.14"
    code, out, _ = cli(capsys, "enrolment-code", "--db", url, "--agency", "H56.14")
    last = out.strip().splitlines()[-1]
    assert code == 0 and len(last) == 19 and last.count("-") == 3
    code, out, _ = cli(capsys, "agencies", "--db", url)
    assert json.loads(out) == [{"code": "H56.14", "name": "Bộ phận Một cửa phường 14",
                                "range_size": 500}]
    code, out, _ = cli(capsys, "dossiers", "--db", url, "--agency", "H56.14")
    assert code == 0 and json.loads(out) == []
    code, out, _ = cli(capsys, "devices", "--db", url, "--agency", "H56.14")
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize("args", [
    ["create-agency", "--code", "bad code!", "--name", "x"],
    ["create-agency", "--code", AGENCY, "--name", "x", "--range-size", "0"],
    ["enrolment-code", "--agency", "NOPE"],
    ["dossiers", "--agency", "NOPE"],
    ["revoke-device", "--agency", "NOPE", "--workstation", "1"],
    ["revoke-device"],
    ["import-catalogue", "/nonexistent.json"],
    ["import-calendar", "/nonexistent.json"],
    ["set-status", "X-1", "four", "--note", "x"],
    ["remove-calendar-exception", "2024-13-01"],
    ["create-online-dossier", "--agency", "NOPE", "--procedure", "1.001193", "--name", "A"],
])
def test_admin_errors_are_one_vietnamese_line(portal_db_url: str, args: list[str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = portal_cli([args[0], "--db", portal_db_url, *args[1:]])
    except SystemExit as e:  # argparse rejects the value before any work
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("Lỗi: ") and err.count("\n") == 1, err


def test_an_unreachable_database_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "agencies", "--db",
                       "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert code == 2 and err.startswith("Lỗi: Không kết nối được cơ sở dữ liệu")

"""End to end: `python -m portal serve` in a subprocess on loopback, spoken to over real HTTP."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.portal import builders
from tests.portal.conftest import AGENCY, SMALL_CATALOGUE

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"}


def portal(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "portal", args[0], "--db", db, *args[1:]],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=ENV,
                          timeout=60)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path,
           portal_db_url: str) -> Iterator[tuple[str, str, subprocess.Popen[bytes]]]:
    db = portal_db_url
    assert portal(db, "create-agency", "--code", AGENCY, "--name", "UBND xã Tân Phú"
                  ).returncode == 0
    assert portal(db, "import-catalogue", str(SMALL_CATALOGUE)).returncode == 0
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "portal", "serve", "--db", db, "--host", "127.0.0.1",
         "--port", str(port), "--blob-dir", str(tmp_path / "blobs")],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"portal did not start: {err.decode(errors='replace')}")
        time.sleep(0.1)
    try:
        yield base, db, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_a_counter_talks_to_a_real_portal(served: tuple[str, str, subprocess.Popen[bytes]]
                                          ) -> None:
    base, db, _ = served
    made = portal(db, "enrolment-code", "--agency", AGENCY)
    assert made.returncode == 0
    code = made.stdout.strip().splitlines()[-1]
    with httpx.Client(base_url=base, timeout=10) as http:
        r = http.post("/api/v1/enrol", json={"code": code, "workstation": 2,
                                              "device_name": "Quầy 2"})
        assert r.status_code == 201, r.text
        auth = {"Authorization": f"Bearer {r.json()['token']}"}
        assert http.post("/api/v1/enrol", json={"code": code, "workstation": 3}
                         ).status_code == 403

        blob = os.urandom(250_000)
        sha = hashlib.sha256(blob).hexdigest()
        first = builders.received_event(workstation=2, sequence=1001, secret="e2e-secret",
                                        attachments=[{"sha256": sha, "name": "scan.pdf",
                                                      "size": len(blob)}])
        second = builders.received_event(workstation=2, sequence=1002)
        events = [first, second, builders.status_event(first["dossier_id"], 2, 4, "Xử lý",
                                                       workstation=2)]
        r = http.post("/api/v1/events", json={"events": events}, headers=auth)
        assert [x["result"] for x in r.json()["results"]] == ["applied"] * 3
        r = http.post("/api/v1/events", json={"events": events}, headers=auth)
        assert [x["result"] for x in r.json()["results"]] == ["duplicate"] * 3

        _, cursor = _pull_all(http, auth, None)
        code1 = first["payload"]["dossier"]["code"]
        done = portal(db, "set-status", code1, "9", "--note", "Đã xử lý xong")
        assert done.returncode == 0, done.stderr
        items, _ = _pull_all(http, auth, cursor)
        assert [(c["kind"], c["data"]["MaHoSo"], c["data"]["TrangThai"]) for c in items] == [
            ("status", code1, "9")]

        _upload_with_a_broken_connection(http, base, auth, sha, blob)

        page = http.get(f"/tra-cuu/{code1}", params={"k": "e2e-secret"})
        assert page.status_code == 200 and "Đã xử lý xong" in page.text
        assert http.get(f"/tra-cuu/{code1}", params={"k": "guess-guess"}).status_code == 404

    listed = portal(db, "dossiers", "--agency", AGENCY)
    dossiers = json.loads(listed.stdout)
    assert sorted(d["MaHoSo"] for d in dossiers) == sorted(
        [code1, second["payload"]["dossier"]["code"]])
    assert {d["MaHoSo"]: d["complete"] for d in dossiers}[code1] is True


def _pull_all(http: httpx.Client, auth: dict[str, str],
              cursor: str | None) -> tuple[list[dict], str]:
    items: list[dict] = []
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        page = http.get("/api/v1/changes", params=params, headers=auth).json()
        items += page["changes"]
        cursor = page["next_cursor"]
        if not page["more"]:
            assert cursor is not None
            return items, cursor


def _upload_with_a_broken_connection(http: httpx.Client, base: str, auth: dict[str, str],
                                     sha: str, blob: bytes) -> None:
    half = 100_000
    r = http.put(f"/api/v1/attachments/{sha}", content=blob[:half], headers={
        **auth, "Content-Range": f"bytes 0-{half - 1}/{len(blob)}"})
    assert r.json()["received"] == half
    # The next chunk's connection dies after a third of its body.
    host, port = base.removeprefix("http://").split(":")
    chunk = blob[half:2 * half]
    head = (f"PUT /api/v1/attachments/{sha} HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: {auth['Authorization']}\r\n"
            f"Content-Range: bytes {half}-{2 * half - 1}/{len(blob)}\r\n"
            f"Content-Length: {len(chunk)}\r\nContent-Type: application/octet-stream\r\n\r\n")
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(head.encode() + chunk[: len(chunk) // 3])
    time.sleep(0.3)
    offset = int(http.head(f"/api/v1/attachments/{sha}", headers=auth).headers["upload-offset"])
    assert offset == half  # nothing of the broken chunk was kept
    while offset < len(blob):
        end = min(offset + half, len(blob))
        r = http.put(f"/api/v1/attachments/{sha}", content=blob[offset:end], headers={
            **auth, "Content-Range": f"bytes {offset}-{end - 1}/{len(blob)}"})
        assert r.status_code == 200, r.text
        offset = r.json()["received"]
    assert r.json()["complete"] is True

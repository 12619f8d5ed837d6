"""Attachments: chunked upload by SHA-256 that resumes, refuses bad offsets, checks the hash."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from tests.portal.conftest import OTHER_AGENCY, Device, Harness

CHUNK = 100_000


def put(device: Device, sha: str, data: bytes, start: int, total: int, *,
        declared_end: int | None = None):
    end = declared_end if declared_end is not None else start + len(data) - 1
    return device.client.put(f"/api/v1/attachments/{sha}", content=data, headers={
        **device.auth, "Content-Range": f"bytes {start}-{end}/{total}",
        "Content-Type": "application/octet-stream"})


def state(device: Device, sha: str) -> dict[str, Any]:
    r = device.client.get(f"/api/v1/attachments/{sha}", headers=device.auth)
    assert r.status_code == 200
    body: dict[str, Any] = r.json()
    return body


def test_upload_resumes_after_a_break(harness: Harness) -> None:
    device = harness.device()
    blob = os.urandom(3 * CHUNK - 123)
    sha = hashlib.sha256(blob).hexdigest()
    event = device.receive(attachments=[{"sha256": sha, "name": "scan.pdf", "size": len(blob)}])
    device.push([event])
    assert state(device, sha) == {"sha256": sha, "received": 0, "size": None, "complete": False}

    r = put(device, sha, blob[:CHUNK], 0, len(blob))
    assert r.status_code == 200 and r.json()["received"] == CHUNK
    assert r.headers["upload-offset"] == str(CHUNK)
    # The link breaks in the middle of the second chunk: the portal got less than declared.
    r = put(device, sha, blob[CHUNK:CHUNK + 500], CHUNK, len(blob), declared_end=2 * CHUNK - 1)
    assert r.status_code == 400 and r.json()["error"] == "chunk_length"
    head = device.client.head(f"/api/v1/attachments/{sha}", headers=device.auth)
    assert head.status_code == 200
    assert head.headers["upload-offset"] == str(CHUNK)
    assert head.headers["upload-length"] == str(len(blob))

    # Overlapping and out-of-order chunks are refused with where to continue.
    for start in (CHUNK // 2, 2 * CHUNK):
        r = put(device, sha, blob[start:start + 10], start, len(blob))
        assert r.status_code == 409 and r.json()["error"] == "offset_mismatch"
        assert r.json()["params"]["received"] == CHUNK
    r = put(device, sha, blob[CHUNK:CHUNK + 10], CHUNK, len(blob) + 1)
    assert r.status_code == 409 and r.json()["error"] == "size_mismatch"

    offset = state(device, sha)["received"]
    while offset < len(blob):
        r = put(device, sha, blob[offset:offset + CHUNK], offset, len(blob))
        assert r.status_code == 200, r.text
        offset = r.json()["received"]
    assert r.json()["complete"] is True
    assert state(device, sha)["complete"] is True
    stored = harness.settings.blob_dir / device.agency / sha[:2] / sha
    assert stored.read_bytes() == blob
    # Sending a chunk again after completion is harmless.
    assert put(device, sha, blob[:CHUNK], 0, len(blob)).json()["complete"] is True
    d = harness.client.get(f"/api/v1/dossiers/{event['dossier_id']}", headers=device.auth).json()
    assert d["attachments"][0]["received"] is True and d["complete"] is True


def test_a_hash_mismatch_discards_the_partial_data(harness: Harness) -> None:
    device = harness.device()
    blob = os.urandom(2 * CHUNK)
    wrong = hashlib.sha256(b"something else").hexdigest()
    assert put(device, wrong, blob[:CHUNK], 0, len(blob)).status_code == 200
    r = put(device, wrong, blob[CHUNK:], CHUNK, len(blob))
    assert r.status_code == 422 and r.json()["error"] == "hash_mismatch"
    assert "gửi lại từ đầu" in r.json()["message"]
    assert state(device, wrong) == {"sha256": wrong, "received": 0, "size": None,
                                    "complete": False}
    assert not list((harness.settings.blob_dir / device.agency).rglob(f"{wrong}*"))


def test_uploads_are_kept_per_agency(harness: Harness) -> None:
    harness.agency(OTHER_AGENCY, "UBND xã Tân An")
    mine, theirs = harness.device(), harness.device(OTHER_AGENCY)
    blob = b"scan" * 1000
    sha = hashlib.sha256(blob).hexdigest()
    assert put(mine, sha, blob, 0, len(blob)).json()["complete"] is True
    assert state(theirs, sha)["received"] == 0


def test_bad_requests(make_portal: Any) -> None:
    h: Harness = make_portal(max_chunk_bytes=1000, max_attachment_bytes=5000)
    h.agency()
    device = h.device()
    sha = hashlib.sha256(b"x").hexdigest()
    r = device.client.get("/api/v1/attachments/NOTAHASH", headers=device.auth)
    assert r.status_code == 422 and r.json()["error"] == "attachment_hash_format"
    for header in ("", "bytes 5-1/10", "bytes 0-9/5", "items 0-1/2"):
        r = device.client.put(f"/api/v1/attachments/{sha}", content=b"ab",
                              headers={**device.auth, "Content-Range": header})
        assert r.status_code == 400 and r.json()["error"] == "content_range", header
    r = put(device, sha, b"y" * 1001, 0, 2000)
    assert r.status_code == 413 and r.json()["error"] == "body_too_large"
    r = put(device, sha, b"y" * 10, 0, 6000)
    assert r.status_code == 413 and r.json()["error"] == "attachment_too_large"
    r = device.client.put(f"/api/v1/attachments/{sha}", content=b"x")
    assert r.status_code == 401


def test_an_empty_file(harness: Harness) -> None:
    device = harness.device()
    sha = hashlib.sha256(b"").hexdigest()
    r = device.client.put(f"/api/v1/attachments/{sha}", content=b"",
                          headers={**device.auth, "Content-Range": "bytes */0"})
    assert r.status_code == 200 and r.json()["complete"] is True

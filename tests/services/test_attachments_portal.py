"""The counter's scan events and files as the real reference portal takes them (SQLite)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from counter_app.domain.model import ItemAttachment
from counter_app.services import attachments
from counter_app.services.counter import Counter
from counter_app.store import attachments as store
from portal import agencies
from portal.api.app import create_app
from portal.settings import Settings
from tests.conftest import AGENCY, birth_draft
from tests.services.scan_files import pdf_file, picture
from tests.services.test_attachments import CERT, FORM

CHUNK = 50_000


@pytest.fixture
def portal(tmp_path: Path, clock) -> Iterator[tuple[TestClient, dict[str, str], Path]]:
    settings = Settings(blob_dir=tmp_path / "portal-blobs", clock=clock)
    app = create_app(f"sqlite:///{tmp_path / 'portal.db'}", settings=settings)
    with TestClient(app) as client:
        db = app.state.portal.db
        agencies.create_agency(db, AGENCY, "UBND xã Tân Phú", 1000, clock())
        code, _ = agencies.make_enrolment_code(db, AGENCY, clock(), dt.timedelta(hours=1))
        r = client.post("/api/v1/enrol", json={"code": code, "workstation": 1,
                                               "device_name": "Quầy 1"})
        assert r.status_code == 201, r.text
        yield client, {"Authorization": f"Bearer {r.json()['token']}"}, settings.blob_dir
        db.dispose()


def _wire(counter: Counter, dossier_id: str) -> list[dict[str, Any]]:
    """The dossier's event rows as the protocol sends them (payload decoded, unchanged)."""
    rows = counter.conn.execute(
        "SELECT id, dossier_id, kind, at, user, workstation, payload FROM dossier_events"
        " WHERE dossier_id = ? ORDER BY seq", (dossier_id,))
    return [{**{k: r[k] for k in ("id", "dossier_id", "kind", "at", "user", "workstation")},
             "payload": json.loads(r["payload"])} for r in rows]


def _upload(client: TestClient, auth: dict[str, str], data_dir: Path, sha: str) -> None:
    """The portal's chunk API, resuming from what it holds (docs/sync-protocol.md §5)."""
    blob = store.blob_store(data_dir).read(sha)
    held = int(client.head(f"/api/v1/attachments/{sha}", headers=auth).headers["upload-offset"])
    while held < len(blob):
        part = blob[held:held + CHUNK]
        r = client.put(f"/api/v1/attachments/{sha}", content=part, headers={
            **auth, "Content-Type": "application/octet-stream",
            "Content-Range": f"bytes {held}-{held + len(part) - 1}/{len(blob)}"})
        assert r.status_code == 200, r.text
        held = r.json()["received"]
    assert r.json()["complete"] is True


def test_the_portal_accepts_the_events_and_completes_the_dossier(
        portal, counter: Counter, tmp_path: Path) -> None:
    client, auth, blob_dir = portal
    scan = tmp_path / "chứng sinh.jpg"
    scan.write_bytes(picture("JPEG"))
    cert = attachments.import_file(counter, scan)
    dossier = counter.receive(birth_draft(attachments=(
        ItemAttachment(CERT, cert.sha256),))).dossier
    assert cert.size > CHUNK  # uploaded in more than one chunk

    r = client.post("/api/v1/events", json={"events": _wire(counter, dossier.id)},
                    headers=auth)
    assert r.status_code == 200, r.text
    assert [x["result"] for x in r.json()["results"]] == ["applied"]
    held = client.get(f"/api/v1/dossiers/{dossier.id}", headers=auth).json()
    assert held["complete"] is False
    assert held["attachments"] == [{"sha256": cert.sha256, "name": CERT, "size": cert.size,
                                    "received": False}]
    assert held["DanhSachTepDinhKemKhac"][0]["MaBam"] == cert.sha256

    (pending,) = store.pending_uploads(counter.conn)
    _upload(client, auth, counter.data_dir, pending.sha256)
    stored = blob_dir / AGENCY / cert.sha256[:2] / cert.sha256
    assert stored.read_bytes() == store.blob_store(counter.data_dir).read(cert.sha256)
    assert client.get(f"/api/v1/dossiers/{dossier.id}", headers=auth).json()["complete"]

    # Later: one more scan, an attachments_added event; incomplete until its file arrives.
    later = tmp_path / "to khai.pdf"
    later.write_bytes(pdf_file(2))
    form = attachments.import_file(counter, later)
    attachments.add_to_dossier(counter, dossier.id, [ItemAttachment(FORM, form.sha256)])
    events = _wire(counter, dossier.id)
    r = client.post("/api/v1/events", json={"events": events}, headers=auth)
    assert [x["result"] for x in r.json()["results"]] == ["duplicate", "applied"]
    held = client.get(f"/api/v1/dossiers/{dossier.id}", headers=auth).json()
    assert held["complete"] is False and len(held["attachments"]) == 2
    _upload(client, auth, counter.data_dir, form.sha256)
    held = client.get(f"/api/v1/dossiers/{dossier.id}", headers=auth).json()
    assert held["complete"] is True
    assert {a["sha256"] for a in held["attachments"]} == {cert.sha256, form.sha256}

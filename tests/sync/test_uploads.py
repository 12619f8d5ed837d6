"""Scanned files named by pushed events reach the portal, and the dossier becomes complete."""

from __future__ import annotations

import io

from PIL import Image

from counter_app.domain.model import ItemAttachment
from counter_app.services import attachments
from counter_app.services import sync as sync_service
from counter_app.store import blobs
from tests.conftest import birth_draft
from tests.sync.conftest import make_engine


def _png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 560), colour).save(out, "PNG")
    return out.getvalue()


def _received_with_scan(counter, colour="white"):
    scan = attachments.import_bytes(counter, _png(colour), "giay-chung-sinh.png")
    draft = birth_draft(attachments=(ItemAttachment("Giấy chứng sinh", scan.sha256),))
    return counter.receive(draft).dossier, scan


def test_sync_uploads_the_scans_and_the_portal_dossier_is_complete(enrolled, portal):
    dossier, scan = _received_with_scan(enrolled)
    s = make_engine(enrolled, portal).sync_once()
    assert (s.error, s.pending, s.uploaded, s.uploads_pending) == ("", 0, 1, 0)
    client = sync_service.client_for(enrolled, session=portal.session())
    held = client.dossier(dossier.id)
    assert held is not None and held["complete"] is True
    assert client.attachment_state(scan.sha256).complete
    # Nothing left to send: the next pass uploads nothing.
    assert make_engine(enrolled, portal).sync_once().uploaded == 0


def test_a_missing_scan_file_stays_pending_and_is_reported(enrolled, portal):
    dossier, scan = _received_with_scan(enrolled, "grey")
    blobs.blob_path(enrolled.data_dir, scan.sha256).unlink()
    s = make_engine(enrolled, portal).run_until_idle(max_seconds=5)
    assert s.pending == 0  # the events went
    assert (s.uploaded, s.uploads_pending, s.idle) == (0, 1, False)
    client = sync_service.client_for(enrolled, session=portal.session())
    assert client.dossier(dossier.id)["complete"] is False

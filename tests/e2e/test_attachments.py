"""A scanned document uploaded through a link that keeps breaking: resumed, never restarted."""

from __future__ import annotations

import hashlib
import itertools
import os

import pytest

from counter_app.services import sync as sync_service
from counter_app.sync.errors import NetworkError
from testkit.proxy import Fault, FaultProxy
from tests.e2e.conftest import AGENCY

pytestmark = pytest.mark.parametrize("portal_db_url", ["sqlite"], indirect=True)


def test_an_upload_resumes_after_every_break(portal_server, station, tmp_path):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    blob = os.urandom(3 * 1024 * 1024 + 12345)
    sha = hashlib.sha256(blob).hexdigest()
    path = tmp_path / "scan.pdf"
    path.write_bytes(blob)
    breaks = itertools.cycle(["pass", "reset", "pass", "cut", "drop", "truncate"])

    def plan(method: str, p: str) -> Fault:
        return Fault(next(breaks)) if method == "PUT" else Fault()

    chunk = 256 * 1024
    starts: list[int] = []
    failures = 0
    with FaultProxy(server.port, plan) as proxy, ws.open() as counter:
        client = sync_service.client_for(counter, proxy.url)
        for _ in range(200):
            try:
                state = client.upload_attachment(sha, path, chunk_size=chunk,
                                                 on_chunk=lambda start, n: starts.append(start))
                break
            except NetworkError:
                failures += 1
        assert state.complete and state.received == len(blob)
        assert client.attachment_state(sha).complete
        assert client.upload_attachment(sha, path).complete  # again: nothing to send
        empty = tmp_path / "empty.pdf"
        empty.write_bytes(b"")
        direct = sync_service.client_for(counter)
        assert direct.upload_attachment(hashlib.sha256(b"").hexdigest(), empty).complete
        with pytest.raises(ValueError):  # the file changed since it was hashed
            direct.upload_attachment("0" * 64, empty)
    assert failures >= 10 and proxy.stats["reset"] >= 3 and proxy.stats["cut"] >= 3
    assert starts == sorted(starts) and starts.count(0) <= 2  # resumed, not restarted
    assert len(starts) * chunk < len(blob) + (failures + 1) * chunk
    stored = server.blob_dir / AGENCY / sha[:2] / sha
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == sha


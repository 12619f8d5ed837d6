"""Several portal worker processes: chunks of one file never interleave. Two BlobStores on one
database stand for two processes (each has its own in-memory locks); their threads race to
send the same chunks, as clients retrying after a timeout do."""

from __future__ import annotations

import hashlib
import os
import threading

from portal.attachments import BlobStore, ChunkRange
from portal.errors import PortalError
from tests.portal.conftest import AGENCY, Harness

CHUNK = 64 * 1024


def test_two_worker_processes_never_interleave_chunks_of_one_file(harness: Harness,
                                                                   tmp_path) -> None:
    stores = [BlobStore(tmp_path / "blobs", harness.db, 10**8) for _ in range(2)]
    blob = os.urandom(6 * CHUNK + 17)
    sha = hashlib.sha256(blob).hexdigest()
    start = threading.Barrier(8)
    errors: list[str] = []

    def client(i: int) -> None:
        store = stores[i % 2]
        start.wait()
        for _ in range(200):
            held = store.state(AGENCY, sha)
            if held.complete:
                return
            offset = held.received
            data = blob[offset:offset + CHUNK]
            try:
                store.put_chunk(AGENCY, sha, ChunkRange(offset, offset + len(data) - 1,
                                                        len(blob)), data, harness.clock())
            except PortalError as e:
                if e.code != "offset_mismatch":  # someone else sent it first: fine
                    errors.append(e.code)
            except Exception as e:  # e.g. the partial file renamed under another's feet
                errors.append(type(e).__name__)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []  # no hash_mismatch: never two copies of a chunk
    state = stores[0].state(AGENCY, sha)
    assert state.complete and state.received == len(blob)
    assert hashlib.sha256(stores[1].final_path(AGENCY, sha).read_bytes()).hexdigest() == sha

"""The same batch pushed at once by several threads (a retry racing a slow first attempt)."""

from __future__ import annotations

import random
import threading
from collections import Counter

from portal import agencies, ingest
from portal.payloads import EventIn
from tests.portal import builders
from tests.portal.conftest import Harness


def test_concurrent_pushes_store_every_event_once(harness: Harness) -> None:
    code = harness.code()
    device = agencies.enrol(harness.db, code, 1, "Quầy 1", harness.clock()).device
    received = [builders.received_event(sequence=i + 1) for i in range(40)]
    status = [builders.status_event(e["dossier_id"], 2, 4, "x") for e in received[:10]]
    events = [EventIn.model_validate(e) for e in received + status]
    outcomes: list[tuple[str, str]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(seed: int) -> None:
        order = list(events[:40])
        random.Random(seed).shuffle(order)  # different orders: deadlocks must be retried
        try:
            found = ingest.push(harness.db, device, order + events[40:], harness.clock())
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)
            return
        with lock:
            outcomes.extend((r.id, r.result) for r in found)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    applied = Counter(i for i, result in outcomes if result == "applied")
    assert set(applied.values()) == {1} and len(applied) == len(events)
    assert {result for _, result in outcomes} == {"applied", "duplicate"}
    with harness.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one() == 50
        assert conn.exec_driver_sql("SELECT count(*) FROM dossiers").scalar_one() == 40
        assert conn.exec_driver_sql("SELECT count(*) FROM progress").scalar_one() == 50

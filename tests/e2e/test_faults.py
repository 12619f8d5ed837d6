"""Real faults over thousands of events: a breaking proxy, a portal killed and restarted
mid-sync, the client process killed mid-push. Nothing lost, nothing duplicated."""

from __future__ import annotations

import random
import signal
import threading
import time

import pytest
from sqlalchemy import text

from counter_app.services import sync as sync_service
from counter_app.sync.backoff import Backoff
from counter_app.sync.engine import Limits
from portal.db import Database
from testkit.proxy import Fault, FaultProxy, chaos

KINDS = ("drop", "cut", "reset", "truncate", "error500", "busy503", "delay")


def _portal_events(db_url: str) -> int:
    db = Database(db_url)
    try:
        with db.read() as conn:
            return int(conn.execute(text("SELECT count(*) FROM events")).scalar_one())
    finally:
        db.dispose()


def _assert_exactly_once(server, ids: set[str], in_progress: int) -> None:
    listed = server.dossiers()
    assert len(listed) == len(ids)
    assert {d["id"] for d in listed} == ids
    assert len({d["MaHoSo"] for d in listed}) == len(ids)
    assert sum(d["TrangThaiHoSo"] == "4" for d in listed) == in_progress
    assert _portal_events(server.db) == len(ids) + in_progress


def test_a_breaking_proxy_and_a_portal_killed_twice(portal_server, station):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    ids = set(ws.receive(2000, status_every=10))  # 2,200 events

    scripted = list(KINDS)  # every kind of fault once on the first pushes, then at random
    rest = chaos(0.25, seed=5)
    lock = threading.Lock()

    def plan(method: str, path: str) -> Fault:
        with lock:
            if method == "POST" and path == "/api/v1/events" and scripted:
                kind = scripted.pop(0)
                return Fault(kind, 0.2 if kind == "delay" else 0.0)
        return rest(method, path)

    kills: list[threading.Thread] = []

    def kill_and_restart() -> None:
        time.sleep(random.uniform(0.0, 0.05))  # while a batch is in the portal's hands
        server.stop(kill=True)
        time.sleep(0.3)
        server.start()

    def progress(p) -> None:
        if p.stage == "push" and p.done >= 700 * (len(kills) + 1) and len(kills) < 2:
            t = threading.Thread(target=kill_and_restart)
            kills.append(t)
            t.start()

    with FaultProxy(server.port, plan) as proxy, ws.open() as counter:
        engine = sync_service.engine(
            counter, portal_url=proxy.url, progress=progress,
            backoff=Backoff(base=0.05, cap=1.0, rng=random.Random(3)),
            limits=Limits(batch_events=100))
        s = sync_service.run_until_idle(counter, 150, engine).summary
        for t in kills:
            t.join()
        stats = dict(proxy.stats)
    assert s.idle and s.pending == 0 and s.rejected == 0 and s.conflicts == 0, s
    assert s.applied + s.duplicate >= 2200 and s.duplicate > 0
    assert len(kills) == 2
    assert all(stats.get(k, 0) >= 1 for k in KINDS), stats
    problems, pending, local = ws.check()
    assert problems == [] and pending == 0 and local == ids
    _assert_exactly_once(server, ids, in_progress=200)


@pytest.mark.parametrize("portal_db_url", ["sqlite"], indirect=True)
def test_the_client_killed_in_the_middle_of_a_push_and_restarted(portal_server, station):
    server = portal_server
    server.start()
    ws = station("one")
    ws.init(1)
    ws.enrol(server)
    ids = set(ws.receive(2000, status_every=10))
    slow = {"on": True}

    def plan(method: str, path: str) -> Fault:
        # A slow link: the portal has applied each batch well before its answer arrives.
        if slow["on"] and method == "POST" and path == "/api/v1/events":
            return Fault("hold", 1.0)
        return Fault()

    with FaultProxy(server.port, plan) as proxy:
        seen = 0
        for _ in range(2):
            proc = ws.popen("sync", "--until-idle", "--portal", proxy.url)
            deadline = time.monotonic() + 60
            while _portal_events(server.db) <= seen:  # a batch is in, its answer is not
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.02)
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            seen = _portal_events(server.db)
            problems, pending, _ = ws.check()
            assert problems == [] and pending > 0
        assert 0 < seen < 2200
        slow["on"] = False
        code, summary, err = ws.sync("--until-idle", "--portal", proxy.url)
    assert code == 0, err
    assert summary["pending"] == 0 and summary["duplicate"] >= 500  # the unknown outcomes
    problems, pending, local = ws.check()
    assert problems == [] and pending == 0 and local == ids
    _assert_exactly_once(server, ids, in_progress=200)

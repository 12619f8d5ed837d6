"""Push throughput: N queued dossiers through the sync client and a real portal process, next
to a floor that posts the very same bytes with a bare requests.Session.

    .venv/bin/python bench/bench_sync.py [--dossiers N] [--db sqlite|postgresql|both]

For each database (PostgreSQL at $PORTAL_TEST_PG, default postgresql://postgres@127.0.0.1/test;
skipped with a note when unreachable):

1. one workstation database with N received dossiers (N events, over six weeks of days);
2. floor: a fresh portal database, `python -m portal serve` on loopback, the outbox cut into
   the engine's batches (≤ 500 events, ≤ 2 MB) beforehand, then every body POSTed back to back
   on one keep-alive requests.Session, checking only the status code;
3. app: another fresh portal database and server, the workstation enrolled, and
   `SyncEngine.push_all()`: outbox query, batching, POST, answer checks, answers stored in
   SQLite per batch.

ratio = app seconds / floor seconds (1.0 = the client adds nothing to the portal's own cost).
Prints one JSON object on stdout; progress on stderr. Not part of the test run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests

from counter_app.domain.catalogue import load_catalogue_file
from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from counter_app.services.demo import make_drafts
from counter_app.services.profile import Profile
from counter_app.store import sync as sync_store
from counter_app.sync import wire
from counter_app.sync.engine import Limits
from portal import agencies, catalogue
from portal.db import Database
from portal.migrations import migrate
from portal.timefmt import vn_now

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue_small.json"
AGENCY = "000.00.06.H56"
NOW = dt.datetime(2026, 11, 20, 16, 30)
PG = os.environ.get("PORTAL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@contextlib.contextmanager
def portal_database(kind: str, tmp: Path, name: str) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp / f'{name}.db'}"
        return
    import psycopg

    schema = f"bench_sync_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield PG.replace("postgresql://", "postgresql+psycopg://", 1) \
            + f"?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@contextlib.contextmanager
def served(url: str, tmp: Path) -> Iterator[tuple[str, str]]:
    """A fresh portal (agency + catalogue) serving on loopback; yields (base URL, a code)."""
    db = Database(url)
    migrate(db)
    now = vn_now()  # the portal's own clock checks the code's expiry
    agencies.create_agency(db, AGENCY, "UBND xã Tân Phú", 1000, now)
    catalogue.import_procedures(db, catalogue.read_catalogue_files([CATALOGUE]), now)
    code, _ = agencies.make_enrolment_code(db, AGENCY, now, dt.timedelta(hours=1))
    db.dispose()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "portal", "serve", "--db", url, "--port",
                             str(port), "--blob-dir", str(tmp / "blobs")], env=ENV, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(requests.RequestException):
                if requests.get(base + "/api/v1/health", timeout=1).ok:
                    break
            time.sleep(0.1)
        yield base, code
    finally:
        proc.terminate()
        proc.wait(30)


def workstation(tmp: Path, n: int) -> Path:
    data = tmp / "ws"
    with Counter.open(data, lambda: NOW) as counter:
        counter.set_profile(Profile(agency_code=AGENCY, agency_name="UBND xã Tân Phú",
                                    workstation=1))
        counter.import_catalogue([CATALOGUE])
        drafts = make_drafts(load_catalogue_file(CATALOGUE), n, NOW)
        for i in range(0, n, 2000):
            counter.receive_many(drafts[i:i + 2000])
    return data


def bodies(counter: Counter, limits: Limits) -> list[bytes]:
    events = [wire.outbox_event(r) for r in sync_store.outbox(counter.conn, 10**9)]
    out = []
    while events:
        batch = wire.take_batch(events, limits.batch_events, limits.batch_bytes)
        out.append(wire.batch_body(batch))
        events = events[len(batch):]
    return out


def measure(kind: str, tmp: Path, original: Path, n: int) -> dict[str, Any]:
    limits = Limits()
    data = tmp / f"ws-{kind}"
    shutil.copytree(original, data)  # every run starts with the whole outbox unsent
    with Counter.open(data, lambda: NOW) as counter:
        posts = bodies(counter, limits)
    with portal_database(kind, tmp, "floor") as url, served(url, tmp) as (base, code):
        answer = requests.post(base + "/api/v1/enrol", json={"code": code, "workstation": 1},
                               timeout=30)
        assert answer.status_code == 201, answer.text
        token = answer.json()["token"]
        session = requests.Session()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        t0 = time.perf_counter()
        for body in posts:
            r = session.post(base + "/api/v1/events", data=body, headers=headers,
                             timeout=(5, 120))
            assert r.status_code == 200, r.text[:200]
        floor = time.perf_counter() - t0
    log(f"{kind}: floor {floor:.2f} s for {len(posts)} posts")
    with portal_database(kind, tmp, "app") as url, served(url, tmp) as (base, code), \
            Counter.open(data, lambda: NOW) as counter:
        sync_service.enrol(counter, base, code)
        engine = sync_service.engine(counter, limits=limits)
        t0 = time.perf_counter()
        s = engine.push_all()
        app = time.perf_counter() - t0
        assert s.applied == n and counter.pending_count() == 0, s
    log(f"{kind}: app {app:.2f} s")
    size = sum(len(b) for b in posts)
    return {"events": n, "posts": len(posts), "bytes": size,
            "app_seconds": round(app, 3), "floor_seconds": round(floor, 3),
            "app_events_per_s": round(n / app), "floor_events_per_s": round(n / floor),
            "ratio": round(app / floor, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=10_000)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    result: dict[str, Any] = {"bench": "sync_push", "dossiers": args.dossiers,
                              "machine": {"python": platform.python_version(),
                                          "cpus": os.cpu_count()}}
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.perf_counter()
        data = workstation(tmp, args.dossiers)
        log(f"{args.dossiers} dossiers received in {time.perf_counter() - t0:.1f} s")
        for kind in kinds:
            try:
                result[kind] = measure(kind, tmp, data, args.dossiers)
            except Exception as e:  # e.g. PostgreSQL not reachable: say so, keep the rest
                if kind == "sqlite":
                    raise
                result[kind] = {"skipped": f"{type(e).__name__}: {str(e).splitlines()[0]}"}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

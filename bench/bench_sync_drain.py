"""Drain after a week offline: a workstation's whole outbox and its scans through a slow,
unreliable link, with the app's own sync engine, next to the same bytes sent by a bare client.

    .venv/bin/python bench/bench_sync_drain.py [--dossiers 30] [--scan-mb 1] [--scanned K]
        [--mbit 1] [--fail 0.05] [--db postgresql|sqlite] [--no-floor] [--quick]

1. One workstation database with N received dossiers over one week (Counter.receive_many);
   K of them (default: all), spread evenly, carry one scan of `--scan-mb` MB of random
   (incompressible) bytes, stored in the workstation's blob store and named by their
   `received` event, as reception with scans does (the PDF check of a real import is
   skipped: the bytes are random).
2. A fresh portal (`python -m portal serve` on loopback, PostgreSQL by default); the
   workstation enrolled directly (not timed).
3. The link: testkit/proxy.py's FaultProxy at `--mbit` Mbit/s in each direction (one token
   bucket per direction, shared by all connections); exactly one request in every
   1/`--fail` fails: a reset before the answer arrives or a truncated answer (the portal
   acted, the client must find out by asking again), or a 503 `Retry-After: 1` from the
   link after the whole request crossed it (the portal never saw it).
4. The drain: `SyncEngine.run_until_idle` as the app runs it: each pass pushes every event
   (`push_all`), uploads every scan (`upload_all`: HEAD, then 1 MiB chunks from the portal's
   offset; a broken transfer resumes where the portal is), pulls, rechecks, verifies; after
   a failed pass its own backoff (full jitter, 1 s doubling up to 60 s, Retry-After as a
   floor; reset by a pass that succeeds). Time per stage, and in backoff waits after a
   failure in it, is measured by wrapping the engine's own methods.
5. The floor, in the same run: the very same bytes (the engine's push bodies, batch by batch,
   and every scan in the same 1 MiB chunks) sent by a bare `requests.Session` to a second
   fresh portal through a second proxy of the same speed without failures.
   ratio = drain seconds / floor seconds.
6. Exactly once: the portal must hold every dossier once (ids and codes), every event once,
   every attachment once, complete, with bytes whose SHA-256 is the name.

Also reported: bytes on the wire each way, goodput (useful bytes / drain time) against the
link's capacity, retries (failed requests, failed passes, backoff seconds, bytes sent more
than once) and the projected drain time of the issue's example (`--project-dossiers`, default
2,000 dossiers with one scan each of `--scan-mb`): projected useful bytes × the measured
seconds per useful byte. 2,000 × 1 MB is 2 GB, 4.4 hours of bare transfer at 1 Mbit/s.

Prints one JSON object on stdout; progress on stderr; exit 0 only when the drain completed
and the exactly-once check passed. Default: 30 dossiers × 1 MB, 1 Mbit/s, 5 % failures:
~4 minutes of floor + ~4–5 minutes of drain. --quick: 6 dossiers × 0.25 MB (~40 s).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import platform
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests
from _portal import (
    CATALOGUE,
    PortalProcess,
    log,
    portal_database,
    setup_portal,
)
from sqlalchemy import func, select

from counter_app.domain.catalogue import load_catalogue_file
from counter_app.domain.model import ItemAttachment
from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from counter_app.services.demo import make_drafts
from counter_app.services.profile import Profile
from counter_app.store import attachments as attachment_store
from counter_app.store import db as local_db
from counter_app.store import sync as sync_store
from counter_app.sync import wire
from counter_app.sync.backoff import Backoff
from counter_app.sync.engine import Limits, SyncEngine
from counter_app.sync.errors import SyncError
from counter_app.sync.summary import Progress, Summary
from testkit.proxy import FaultProxy

AGENCY = "000.00.06.H56"
AGENCY_NAME = "UBND xã Tân Phú"
NOW = dt.datetime(2026, 11, 20, 16, 30)  # a Friday: the week offline is Monday to Friday
CALIBRATION_BYTES = 500_000


def range_size(n: int) -> int:
    """Daily numbers per workstation: 1000, or enough for n dossiers over five days."""
    return max(1000, -(-n * 2 // 5))


def build_workstation(data: Path, n: int, scanned: int, scan_bytes: int,
                      seed: int) -> list[str]:
    """N dossiers received over one week, K with one scan each; returns the scans' hashes."""
    rng = random.Random(seed)
    with Counter.open(data, lambda: NOW) as counter:
        counter.set_profile(Profile(agency_code=AGENCY, agency_name=AGENCY_NAME, workstation=1,
                                    range_size=range_size(n)))
        counter.import_catalogue([CATALOGUE])
        drafts = make_drafts(load_catalogue_file(CATALOGUE), n, NOW, seed=seed, weeks=1)
        chosen = sorted({min(n - 1, (i * n) // max(scanned, 1)) for i in range(scanned)})
        blobs = attachment_store.blob_store(data)
        shas = []
        for i in chosen:
            draft = drafts[i]
            if not draft.documents:
                continue
            body = b"%PDF-1.4\n%" + rng.randbytes(scan_bytes - 10)  # scans do not compress
            sha, _ = blobs.put(body)
            with local_db.transaction(counter.conn):
                attachment_store.record(counter.conn, attachment_store.StoredAttachment(
                    sha, len(body), 1, f"scan-{i:05d}.pdf", attachment_store.PDF,
                    attachment_store.PDF, NOW))
            drafts[i] = dataclasses.replace(draft, attachments=(
                ItemAttachment(draft.documents[0].name, sha),))
            shas.append(sha)
        for i in range(0, n, 1000):
            counter.receive_many(drafts[i:i + 1000])
        assert attachment_store.pending_upload_count(counter.conn) == len(shas)
        return shas


def outbox_bodies(counter: Counter, limits: Limits) -> list[bytes]:
    """The push bodies of the whole outbox cut into the engine's batches."""
    events = [wire.outbox_event(r) for r in sync_store.outbox(counter.conn, 10**9)]
    bodies = []
    while events:
        batch = wire.take_batch(events, limits.batch_events, limits.batch_bytes)
        bodies.append(wire.batch_body(batch))
        events = events[len(batch):]
    return bodies


class Ticker:
    """A progress line at most every `every` seconds (unless forced)."""

    def __init__(self, every: float = 20.0) -> None:
        self.every = every
        self.last = 0.0

    def __call__(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.last >= self.every:
            self.last = now
            log(text)


class Stages:
    """Seconds spent in each stage of the engine's passes, and in the backoff waits that
    follow a failure in it (the stage that raised is remembered until the next wait)."""

    def __init__(self, engine: SyncEngine, tick: Ticker) -> None:
        self.seconds: dict[str, float] = {}
        self.waits: dict[str, float] = {}
        self.failures: dict[str, int] = {}
        self.errors: dict[str, int] = {}
        self.failed = ""
        self.tick = tick
        for name in ("push_all", "upload_all", "pull_all", "recheck", "verify"):
            setattr(engine, name, self._timed(name, getattr(engine, name)))
        engine.sleep = self._sleep

    def _timed(self, name: str, method: Callable[..., Summary]) -> Callable[..., Summary]:
        def run(*args: Any, **kwargs: Any) -> Summary:
            t0 = time.perf_counter()
            try:
                return method(*args, **kwargs)
            except SyncError as e:
                self.failed = name
                self.failures[name] = self.failures.get(name, 0) + 1
                self.errors[e.code] = self.errors.get(e.code, 0) + 1
                raise
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0

        return run

    def _sleep(self, seconds: float) -> None:
        self.waits[self.failed] = self.waits.get(self.failed, 0.0) + seconds
        self.tick(f"waiting {seconds:.1f} s after a failure in {self.failed}", force=True)
        time.sleep(seconds)


def bare_floor(portal: PortalProcess, code: str, bodies: list[bytes], scans: list[Path],
               mbit: float, chunk: int) -> dict[str, Any]:
    """The same bytes through a fault-free link of the same speed, with a bare
    requests.Session: each push body once, each scan in `chunk`-byte PUTs."""
    session = requests.Session()
    r = session.post(portal.base + "/api/v1/enrol", timeout=30,
                     json={"code": code, "workstation": 1, "device_name": "floor"})
    r.raise_for_status()
    session.headers["Authorization"] = "Bearer " + r.json()["token"]
    with FaultProxy(portal.port, mbit=mbit) as link:
        t0 = time.perf_counter()
        for body in bodies:
            r = session.post(link.url + "/api/v1/events", data=body, timeout=(5, 300),
                             headers={"Content-Type": "application/json"})
            r.raise_for_status()
            assert r.json()["applied"] == len(json.loads(body)["events"]), "floor refused"
        for path in scans:
            data = path.read_bytes()
            sha = path.name
            for start in range(0, len(data), chunk):
                part = data[start:start + chunk]
                r = session.put(link.url + f"/api/v1/attachments/{sha}", data=part,
                                timeout=(5, 300), headers={
                                    "Content-Type": "application/octet-stream",
                                    "Content-Range":
                                        f"bytes {start}-{start + len(part) - 1}/{len(data)}"})
                r.raise_for_status()
            assert r.json()["complete"], "floor upload incomplete"
        seconds = time.perf_counter() - t0
        stats = dict(link.stats)
    session.close()
    return {"seconds": round(seconds, 1), "requests": stats.get("requests", 0),
            "wire_bytes_up": stats.get("bytes_up", 0),
            "wire_bytes_down": stats.get("bytes_down", 0)}


def portal_check(url: str, blob_dir: Path, ids: set[str], events: int,
                 shas: list[str]) -> dict[str, Any]:
    """What the portal holds for the agency, and whether it is everything exactly once."""
    from portal import schema as s
    from portal.db import Database

    db = Database(url)
    try:
        with db.read() as conn:
            rows = conn.execute(select(s.dossiers.c.id, s.dossiers.c.code)
                                .where(s.dossiers.c.agency_code == AGENCY)).all()
            n_events = int(conn.execute(select(func.count()).select_from(s.events)
                                        .where(s.events.c.agency_code == AGENCY)).scalar_one())
            links = conn.execute(select(s.dossier_attachments.c.dossier_id,
                                        s.dossier_attachments.c.sha256)).all()
            held = conn.execute(select(s.attachments.c.sha256, s.attachments.c.complete)
                                .where(s.attachments.c.agency_code == AGENCY)).all()
    finally:
        db.dispose()
    files = sorted(p for p in (blob_dir / AGENCY).glob("??/*") if p.is_file())
    good_files = sum(1 for p in files
                     if hashlib.sha256(p.read_bytes()).hexdigest() == p.name)
    out = {
        "dossiers": len(rows), "distinct_dossier_ids": len({r.id for r in rows}),
        "distinct_codes": len({r.code for r in rows}), "events": n_events,
        "dossier_attachments": len(links), "attachments": len(held),
        "attachments_complete": sum(1 for h in held if h.complete == 1),
        "blob_files": len(files), "blob_files_hash_ok": good_files}
    out["exactly_once"] = (
        {r.id for r in rows} == ids and len(rows) == len(ids)
        and out["distinct_codes"] == len(ids) and n_events == events
        and len(links) == len(shas) == len(set(links))
        and sorted(h.sha256 for h in held) == sorted(shas)
        and out["attachments_complete"] == len(shas)
        and [p.name for p in files] == sorted(shas) and good_files == len(shas))
    return out


def drain(counter: Counter, portal: PortalProcess, args: argparse.Namespace,
          limits: Limits) -> tuple[Summary, float, dict[str, int], Stages]:
    with FaultProxy(portal.port, mbit=args.mbit, fail_rate=args.fail, seed=args.seed,
                    fail_kinds=("reset", "busy503", "truncate")) as link:
        client = sync_service.client_for(counter, link.url)
        tick = Ticker()

        def progress(p: Progress) -> None:
            tick(f"{p.stage}: done {p.done}, left {p.left}")

        engine = sync_service.engine(counter, client=client,
                                     backoff=Backoff(rng=random.Random(args.seed)),
                                     limits=limits, progress=progress)
        stages = Stages(engine, tick)
        t0 = time.perf_counter()
        summary = engine.run_until_idle(max_seconds=args.max_minutes * 60)
        seconds = time.perf_counter() - t0
        stats = dict(link.stats)
        client.close()
    log(f"drained in {seconds:.1f} s: {summary.as_dict()}")
    return summary, seconds, stats, stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=30)
    parser.add_argument("--scan-mb", type=float, default=1.0,
                        help="size of one scan, MB (10^6 bytes)")
    parser.add_argument("--scanned", type=int, default=-1,
                        help="dossiers carrying one scan (default: every one)")
    parser.add_argument("--mbit", type=float, default=1.0, help="link speed each way")
    parser.add_argument("--fail", type=float, default=0.05, help="share of failed requests")
    parser.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--max-minutes", type=float, default=120.0,
                        help="run_until_idle's max_seconds, in minutes")
    parser.add_argument("--project-dossiers", type=int, default=2000)
    parser.add_argument("--no-floor", action="store_true", help="skip the bare-client floor")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--quick", action="store_true", help="6 dossiers x 0.25 MB")
    args = parser.parse_args()
    if args.quick:
        args.dossiers, args.scan_mb = 6, 0.25
    if args.scanned < 0:
        args.scanned = args.dossiers
    args.scanned = max(0, min(args.scanned, args.dossiers))
    scan_bytes = int(args.scan_mb * 1_000_000)
    rate = args.mbit * 1e6 / 8  # bytes per second, each way
    limits = Limits()
    chunk = 1024 * 1024  # PortalClient.upload_attachment's default
    result: dict[str, Any] = {
        "bench": "sync_drain", "db": args.db, "dossiers": args.dossiers,
        "scanned": args.scanned, "scan_bytes": scan_bytes,
        "link": {"mbit_each_way": args.mbit, "fail_rate": args.fail},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "loadavg_before": [round(x, 2) for x in os.getloadavg()]}}
    with tempfile.TemporaryDirectory(prefix="bench-drain-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "ws"
        t0 = time.perf_counter()
        shas = build_workstation(data, args.dossiers, args.scanned, scan_bytes, args.seed)
        scan_total = scan_bytes * len(shas)
        log(f"{args.dossiers} dossiers ({len(shas)} with a scan) received in "
            f"{time.perf_counter() - t0:.1f} s")
        with Counter.open(data, lambda: NOW) as counter:
            bodies = outbox_bodies(counter, limits)
            ids = {r[0] for r in counter.conn.execute("SELECT id FROM dossiers")}
            n_events = int(counter.conn.execute(
                "SELECT count(*) FROM dossier_events").fetchone()[0])
            scans = []
            for sha in shas:  # the floor sends copies named by their hash
                copy = tmp / "scans" / sha
                copy.parent.mkdir(exist_ok=True)
                copy.write_bytes(attachment_store.blob_store(data).path(sha).read_bytes())
                scans.append(copy)
        event_bytes = sum(len(b) for b in bodies)
        useful = event_bytes + scan_total
        if not args.no_floor:
            with portal_database(args.db, tmp, "floor") as url:
                code = setup_portal(url, [(AGENCY, AGENCY_NAME, range_size(args.dossiers))],
                                    {AGENCY: 1})[AGENCY][0]
                with PortalProcess(url, tmp / "floor-blobs") as portal:
                    log(f"floor: {len(bodies)} posts and {len(scans)} scans "
                        f"({useful / 1e6:.1f} MB) at {args.mbit} Mbit/s, no failures")
                    result["floor"] = bare_floor(portal, code, bodies, scans, args.mbit, chunk)
            log(f"floor: {result['floor']}")
        with portal_database(args.db, tmp, "drain") as url, \
                Counter.open(data, lambda: NOW) as counter:
            code = setup_portal(url, [(AGENCY, AGENCY_NAME, range_size(args.dossiers))],
                                {AGENCY: 1})[AGENCY][0]
            with PortalProcess(url, tmp / "blobs") as portal:
                sync_service.enrol(counter, portal.base, code)  # directly: not timed
                log(f"drain: run_until_idle through {args.mbit} Mbit/s, "
                    f"{args.fail:.0%} failed requests")
                summary, seconds, stats, stages = drain(counter, portal, args, limits)
            check = portal_check(url, tmp / "blobs", ids, n_events, shas)
    result["machine"]["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    waited = sum(stages.waits.values())
    failed = {k: stats.get(k, 0) for k in ("reset", "busy503", "truncate")}
    up = stats.get("bytes_up", 0)
    result["workload"] = {
        "push_posts": len(bodies), "event_bytes": event_bytes, "scans": len(shas),
        "scan_bytes_total": scan_total, "useful_bytes": useful,
        "bare_link_seconds": round(useful / rate, 1)}
    result["drain"] = {
        "seconds": round(seconds, 1), "wire_bytes_up": up,
        "wire_bytes_down": stats.get("bytes_down", 0),
        "wire_up_per_useful_byte": round(up / useful, 3),
        "goodput_mbit": round(useful * 8 / seconds / 1e6, 3),
        "link_utilisation": round(useful / seconds / rate, 3),
        "requests": stats.get("requests", 0), "failed_requests": failed,
        "passes": summary.attempts, "failed_passes": sum(stages.failures.values()),
        "errors": stages.errors, "backoff_wait_seconds": round(waited, 1),
        "stages_seconds": {k.removesuffix("_all"): round(v, 1)
                           for k, v in stages.seconds.items()},
        "waits_after_failure_in": {k.removesuffix("_all"): round(v, 1)
                                   for k, v in stages.waits.items()},
        "applied": summary.applied, "duplicate": summary.duplicate,
        "rejected": summary.rejected, "conflicts": summary.conflicts,
        "uploaded": summary.uploaded, "pending_after": summary.pending,
        "uploads_pending_after": summary.uploads_pending, "idle": summary.idle}
    if "floor" in result:
        f = result["floor"]
        result["floor"]["goodput_mbit"] = round(useful * 8 / f["seconds"] / 1e6, 3)
        result["ratio"] = round(seconds / f["seconds"], 3)
        result["drain"]["wire_bytes_up_beyond_floor"] = up - f["wire_bytes_up"]
        result["drain"]["requests_beyond_floor"] = stats.get("requests", 0) - f["requests"]
    per_dossier = event_bytes / args.dossiers + scan_bytes
    projected_useful = args.project_dossiers * per_dossier
    result["projection"] = {
        "dossiers": args.project_dossiers, "scan_bytes_each": scan_bytes,
        "useful_bytes": round(projected_useful),
        "bare_link_hours": round(projected_useful / rate / 3600, 2),
        "projected_hours": round(projected_useful * seconds / useful / 3600, 2)}
    result["portal"] = check
    complete = summary.idle and check["exactly_once"]
    result["complete"] = complete
    print(json.dumps(result, indent=2))
    return 0 if complete else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Drain after a week offline: a workstation's whole outbox and its scans through a slow,
unreliable link, with the real sync engine, next to the link's theoretical floor.

    .venv/bin/python bench/bench_sync_drain.py [--dossiers N] [--scanned K] [--scan-kb KB]
        [--mbit 1] [--fail 0.05] [--db postgresql|sqlite] [--quick]

1. One workstation database with N received dossiers over one week (Counter.receive_many);
   K of them, spread evenly, carry one scan of `--scan-kb` random (incompressible) bytes each,
   stored in the workstation's blob store and named by their `received` event, as reception
   with scans does (the PDF check of a real import is skipped: the bytes are random).
2. A fresh portal (`python -m portal serve` on loopback, PostgreSQL by default), the
   workstation enrolled directly (not timed).
3. Link: bench/_portal.py's LinkProxy, a token bucket of `--mbit` Mbit/s in each direction;
   one request in every 1/`--fail` fails (a coin toss between a 503 from the link after the
   whole request crossed it, and a reset before the answer arrives: the portal acted, the
   client must find out by asking again). Calibration first: one fault-free 500 kB upload
   through the same shaper gives the link's effective speed for HTTP.
4. The drain: `SyncEngine.run_until_idle` as the app runs it: push every event, upload every
   scan (`upload_all`: HEAD, then 1 MiB chunks from the portal's offset; a broken transfer
   resumes where the portal is), pull, verify; after a failed pass its own backoff (full
   jitter, 1 s doubling up to 60 s; reset only by a pass that succeeds). The time spent in
   each stage, and in backoff waits after a failure in it, is measured by wrapping the
   engine's own methods.

floor = useful bytes / link speed, where useful bytes = the push bodies of the whole outbox
(each event once, in the engine's batches) + every scan once: the time the upstream direction
of a perfect link would need. ratio = measured / floor. The projection scales the measured
ratio of the scan stage to every one of the N dossiers carrying a scan of that size (2,000 ×
1 MB take 4.4 hours of pure transfer at 1 Mbit/s: no client can drain them in 15 minutes).

Prints one JSON object on stdout; progress on stderr. Default: 2,000 dossiers, 60 scans of
1 MB, 1 Mbit/s, 5 % failures, ~10 minutes. --quick: 200 dossiers, 5 scans (~1 minute).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _portal import (
    CATALOGUE,
    LinkProxy,
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
from counter_app.sync.client import PortalClient
from counter_app.sync.engine import Limits, SyncEngine
from counter_app.sync.errors import SyncError
from counter_app.sync.summary import Progress, Summary

AGENCY = "000.00.06.H56"
AGENCY_NAME = "UBND xã Tân Phú"
NOW = dt.datetime(2026, 11, 20, 16, 30)  # a Friday: the week offline is Monday to Friday
CALIBRATION_BYTES = 500_000


def range_size(n: int) -> int:
    """Daily numbers per workstation: 1000, or enough for n dossiers over five days."""
    return max(1000, -(-n * 2 // 5))


def build_workstation(data: Path, n: int, scanned: int, scan_bytes: int,
                      seed: int) -> tuple[int, int]:
    """N dossiers received over one week, K with one scan each; returns (K, scan bytes)."""
    rng = random.Random(seed)
    with Counter.open(data, lambda: NOW) as counter:
        counter.set_profile(Profile(agency_code=AGENCY, agency_name=AGENCY_NAME, workstation=1,
                                    range_size=range_size(n)))
        counter.import_catalogue([CATALOGUE])
        drafts = make_drafts(load_catalogue_file(CATALOGUE), n, NOW, seed=seed, weeks=1)
        chosen = sorted({min(n - 1, (i * n) // max(scanned, 1)) for i in range(scanned)})
        blobs = attachment_store.blob_store(data)
        total = 0
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
            total += len(body)
        for i in range(0, n, 1000):
            counter.receive_many(drafts[i:i + 1000])
        return attachment_store.pending_upload_count(counter.conn), total


def outbox_bytes(counter: Counter, limits: Limits) -> tuple[int, int]:
    """(posts, bytes) of the whole outbox cut into the engine's batches."""
    events = [wire.outbox_event(r) for r in sync_store.outbox(counter.conn, 10**9)]
    posts = size = 0
    while events:
        batch = wire.take_batch(events, limits.batch_events, limits.batch_bytes)
        size += len(wire.batch_body(batch))
        posts += 1
        events = events[len(batch):]
    return posts, size


def calibrate(portal: PortalProcess, token: str, mbit: float, tmp: Path) -> dict[str, Any]:
    """One fault-free upload of CALIBRATION_BYTES through the shaper."""
    path = tmp / "calibration.bin"
    path.write_bytes(random.Random(7).randbytes(CALIBRATION_BYTES))
    from counter_app.sync.client import file_sha256

    with LinkProxy(portal.port, mbit=mbit, fault_rate=0.0) as link:
        client = PortalClient(link.url, token, read_timeout=60)
        t0 = time.perf_counter()
        state = client.upload_attachment(file_sha256(path), path)
        seconds = time.perf_counter() - t0
        client.close()
        assert state.complete
        up, down = link.stats["bytes_up"], link.stats["bytes_down"]
    return {"bytes": CALIBRATION_BYTES, "seconds": round(seconds, 2),
            "wire_bytes_up": up, "wire_bytes_down": down,
            "effective_mbit": round(CALIBRATION_BYTES * 8 / seconds / 1e6, 3),
            "ratio": round(seconds / (CALIBRATION_BYTES * 8 / (mbit * 1e6)), 3)}


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


def portal_counts(url: str) -> dict[str, int]:
    from portal import schema as s
    from portal.db import Database

    db = Database(url)
    try:
        with db.read() as conn:
            return {
                "dossiers": int(conn.execute(select(func.count()).select_from(s.dossiers)
                                             .where(s.dossiers.c.agency_code == AGENCY))
                                .scalar_one()),
                "dossier_attachments": int(conn.execute(
                    select(func.count()).select_from(s.dossier_attachments)).scalar_one()),
                "scans_complete": int(conn.execute(  # not the calibration file
                    select(func.count()).select_from(s.attachments)
                    .where(s.attachments.c.complete == 1)).scalar_one()) - 1,
            }
    finally:
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=2000)
    parser.add_argument("--scanned", type=int, default=60,
                        help="dossiers carrying one scan (default 60)")
    parser.add_argument("--scan-kb", type=int, default=1000, help="size of one scan, kB")
    parser.add_argument("--mbit", type=float, default=1.0, help="link speed each way")
    parser.add_argument("--fail", type=float, default=0.05, help="share of failed requests")
    parser.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--max-minutes", type=float, default=60.0,
                        help="run_until_idle's max_seconds, in minutes")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--quick", action="store_true", help="200 dossiers, 5 scans")
    args = parser.parse_args()
    if args.quick:
        args.dossiers, args.scanned = 200, 5
    args.scanned = max(0, min(args.scanned, args.dossiers))
    rate = args.mbit * 1e6 / 8  # bytes per second
    limits = Limits()
    result: dict[str, Any] = {
        "bench": "sync_drain", "db": args.db, "dossiers": args.dossiers,
        "scanned": args.scanned, "scan_bytes": args.scan_kb * 1000,
        "link": {"mbit_each_way": args.mbit, "fail_rate": args.fail},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()}}
    with tempfile.TemporaryDirectory(prefix="bench-drain-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "ws"
        t0 = time.perf_counter()
        scanned, scan_total = build_workstation(data, args.dossiers, args.scanned,
                                                args.scan_kb * 1000, args.seed)
        log(f"{args.dossiers} dossiers ({scanned} with a scan) received in "
            f"{time.perf_counter() - t0:.1f} s")
        with portal_database(args.db, tmp, "drain") as url, \
                Counter.open(data, lambda: NOW) as counter:
            code = setup_portal(url, [(AGENCY, AGENCY_NAME, range_size(args.dossiers))],
                                {AGENCY: 1})[AGENCY][0]
            posts, event_bytes = outbox_bytes(counter, limits)
            with PortalProcess(url, tmp / "blobs") as portal:
                sync_service.enrol(counter, portal.base, code)  # directly: not timed
                token = sync_store.get_enrolment(counter.conn).token  # type: ignore[union-attr]
                result["link"]["calibration"] = calibrate(portal, token, args.mbit, tmp)
                log(f"link calibration: {result['link']['calibration']}")
                with LinkProxy(portal.port, mbit=args.mbit, fault_rate=args.fail,
                               seed=args.seed) as link:
                    client = sync_service.client_for(counter, link.url)
                    tick = Ticker()

                    def progress(p: Progress) -> None:
                        tick(f"{p.stage}: done {p.done}, left {p.left}")

                    engine = sync_service.engine(
                        counter, client=client, backoff=Backoff(rng=random.Random(args.seed)),
                        limits=limits, progress=progress)
                    stages = Stages(engine, tick)
                    t0 = time.perf_counter()
                    summary = engine.run_until_idle(max_seconds=args.max_minutes * 60)
                    seconds = time.perf_counter() - t0
                    stats = dict(link.stats)
                    client.close()
                    log(f"drained in {seconds:.1f} s: {summary.as_dict()}")
            counts = portal_counts(url)
    useful = event_bytes + scan_total
    waited = sum(stages.waits.values())
    push_s = stages.seconds.get("push_all", 0.0) + stages.waits.get("push_all", 0.0)
    upload_s = stages.seconds.get("upload_all", 0.0) + stages.waits.get("upload_all", 0.0)
    result["total"] = {
        "seconds": round(seconds, 1), "useful_bytes": useful,
        "floor_seconds": round(useful / rate, 1), "ratio": round(seconds / (useful / rate), 3),
        "wire_bytes_up": stats.get("bytes_up", 0), "wire_bytes_down": stats.get("bytes_down", 0),
        "wire_bytes_up_per_useful_byte": round(stats.get("bytes_up", 0) / useful, 3),
        "requests": stats.get("requests", 0),
        "failed_requests": {"busy503": stats.get("busy503", 0),
                            "reset": stats.get("reset", 0)},
        "passes": summary.attempts, "failed_passes": sum(stages.failures.values()),
        "errors": stages.errors, "backoff_wait_seconds": round(waited, 1)}
    result["stages_seconds"] = {
        name.removesuffix("_all"): round(v, 1) for name, v in stages.seconds.items()}
    result["waits_after_failure_in"] = {
        name.removesuffix("_all"): round(v, 1) for name, v in stages.waits.items()}
    result["events"] = {
        "posts_needed": posts, "useful_bytes": event_bytes,
        "floor_seconds": round(event_bytes / rate, 1), "seconds_with_waits": round(push_s, 1),
        "ratio": round(push_s / (event_bytes / rate), 2), "applied": summary.applied,
        "duplicate": summary.duplicate, "rejected": summary.rejected,
        "conflicts": summary.conflicts, "pending_after": summary.pending}
    result["scans"] = {
        "files": scanned, "useful_bytes": scan_total,
        "floor_seconds": round(scan_total / rate, 1), "seconds_with_waits": round(upload_s, 1),
        "ratio": round(upload_s / (scan_total / rate), 3) if scan_total else None,
        "uploaded": summary.uploaded, "pending_after": summary.uploads_pending}
    if scanned:
        every = args.dossiers * args.scan_kb * 1000
        result["projection_all_scanned"] = {
            "dossiers": args.dossiers, "scan_bytes_total": every,
            "floor_hours": round((event_bytes + every) / rate / 3600, 2),
            "projected_hours": round((seconds - upload_s + every / rate
                                      * upload_s / (scan_total / rate)) / 3600, 2)}
    result["portal"] = counts
    complete = (summary.idle and counts["dossiers"] == args.dossiers
                and counts["dossier_attachments"] == scanned
                and counts["scans_complete"] == scanned)
    result["complete"] = complete
    print(json.dumps(result, indent=2))
    return 0 if complete else 1


if __name__ == "__main__":
    raise SystemExit(main())

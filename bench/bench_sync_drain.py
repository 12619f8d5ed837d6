"""Drain after a week offline: a workstation's whole outbox and its scans through a slow,
unreliable link, with the real sync client, next to the link's theoretical floor.

    .venv/bin/python bench/bench_sync_drain.py [--dossiers N] [--scanned K] [--scan-kb KB]
        [--mbit 1] [--fail 0.05] [--db postgresql|sqlite] [--quick]

1. One workstation database with N received dossiers over one week (Counter.receive_many);
   K of them, spread evenly, carry one scan of `--scan-kb` random (incompressible) bytes each,
   stored in the workstation's blob store and named by their `received` event, as reception
   with scans does.
2. A fresh portal (`python -m portal serve` on loopback, PostgreSQL by default), the
   workstation enrolled directly (not timed).
3. Link: bench/_portal.py's LinkProxy, a token bucket of `--mbit` Mbit/s in each direction and
   `--fail` of the requests failed (half answered 503 by the link after the upload, half
   forwarded and then reset before the answer arrives: the portal acted, the client must find
   out by sending again).
   Calibration first: one fault-free 500 kB attachment upload through the same shaper gives
   the effective speed of the link for HTTP (headers, request/answer turn-around).
4. Events: `SyncEngine.run_until_idle` (push, pull, verify; its own backoff with full jitter).
5. Scans: the sync engine does not upload attachments yet (docs/sync-client.md), so this
   script does what it will do: for every file `store.attachments.pending_uploads` lists,
   `PortalClient.upload_attachment` (HEAD, then 1 MiB chunks from the portal's offset; a
   broken transfer resumes where the portal is), retried with the engine's Backoff, and
   `mark_uploaded` when complete.

floor = useful bytes / link speed, where useful bytes = the push bodies of the whole outbox
(each event once, in the engine's batches) + every scan once: the time the upstream direction
of a perfect link would need. ratio = measured / floor. The projection scales the measured
upload ratio to every one of the N dossiers carrying a scan of that size (2,000 × 1 MB take
4.4 hours of pure transfer at 1 Mbit/s: no client can drain them in 15 minutes).

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
from counter_app.sync.engine import Limits
from counter_app.sync.errors import SyncError
from counter_app.sync.summary import Progress

AGENCY = "000.00.06.H56"
AGENCY_NAME = "UBND xã Tân Phú"
NOW = dt.datetime(2026, 11, 20, 16, 30)  # a Friday: the week offline is Monday to Friday
CALIBRATION_BYTES = 500_000


def build_workstation(data: Path, n: int, scanned: int, scan_bytes: int,
                      seed: int) -> tuple[int, int]:
    """N dossiers received over one week, K with one scan each; returns (K, scan bytes)."""
    rng = random.Random(seed)
    with Counter.open(data, lambda: NOW) as counter:
        counter.set_profile(Profile(agency_code=AGENCY, agency_name=AGENCY_NAME, workstation=1))
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
    """A progress line at most every `every` seconds."""

    def __init__(self, every: float = 20.0) -> None:
        self.every = every
        self.last = 0.0

    def __call__(self, text: str) -> None:
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            log(text)


def upload_all(counter: Counter, client: PortalClient, backoff: Backoff, deadline: float,
               tick: Ticker) -> dict[str, Any]:
    """What the engine will do after the push: upload every pending scan, resuming, with
    backoff between failed attempts; mark each one uploaded when the portal has it whole."""
    blobs = attachment_store.blob_store(counter.data_dir)
    done = failures = attempt = 0
    errors: dict[str, int] = {}
    while time.monotonic() < deadline:
        pending = attachment_store.pending_uploads(counter.conn, 100)
        if not pending:
            break
        for item in pending:
            try:
                state = client.upload_attachment(item.sha256, blobs.path(item.sha256))
            except SyncError as e:
                if not e.retryable:
                    raise
                failures += 1
                errors[e.code] = errors.get(e.code, 0) + 1
                delay = backoff.delay(attempt, getattr(e, "retry_after", None))
                attempt += 1
                time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
                break  # ask the store again: the same file comes first
            if state.complete:
                with local_db.transaction(counter.conn):
                    attachment_store.mark_uploaded(counter.conn, item.sha256, NOW)
                done += 1
                attempt = 0
            tick(f"scans: {done} uploaded, {failures} failed attempts")
    return {"uploaded": done, "failed_attempts": failures, "errors": errors,
            "left": attachment_store.pending_upload_count(counter.conn)}


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


def phase(stats_before: dict[str, int], stats_after: dict[str, int]) -> dict[str, int]:
    keys = ("requests", "pass", "busy503", "reset", "bytes_up", "bytes_down")
    return {k: stats_after.get(k, 0) - stats_before.get(k, 0) for k in keys}


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
                        help="give up on either phase after this long")
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
        "engine_uploads_attachments": False,
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
            code = setup_portal(url, [(AGENCY, AGENCY_NAME, 1000)], {AGENCY: 1})[AGENCY][0]
            posts, event_bytes = outbox_bytes(counter, limits)
            with PortalProcess(url, tmp / "blobs") as portal:
                sync_service.enrol(counter, portal.base, code)  # directly: not timed
                token = sync_store.get_enrolment(counter.conn).token  # type: ignore[union-attr]
                result["link"]["calibration"] = calibrate(portal, token, args.mbit, tmp)
                log(f"link calibration: {result['link']['calibration']}")
                with LinkProxy(portal.port, mbit=args.mbit, fault_rate=args.fail,
                               seed=args.seed) as link:
                    client = sync_service.client_for(counter, link.url)
                    backoff = Backoff(rng=random.Random(args.seed))
                    tick = Ticker()

                    def progress(p: Progress) -> None:
                        tick(f"events: {p.stage} done {p.done} left {p.left}"
                             + (f" (retry in {p.delay:.1f} s after {p.error})" if p.delay
                                else ""))

                    engine = sync_service.engine(counter, client=client, backoff=backoff,
                                                 limits=limits, progress=progress)
                    t0 = time.perf_counter()
                    summary = engine.run_until_idle(max_seconds=args.max_minutes * 60)
                    t_events = time.perf_counter() - t0
                    s_events = dict(link.stats)
                    log(f"events drained in {t_events:.1f} s: {summary.as_dict()}")
                    t1 = time.perf_counter()
                    uploads = upload_all(counter, client, Backoff(rng=random.Random(args.seed)),
                                         time.monotonic() + args.max_minutes * 60, tick)
                    t_uploads = time.perf_counter() - t1
                    s_all = dict(link.stats)
                    client.close()
                    log(f"scans uploaded in {t_uploads:.1f} s: {uploads}")
            counts = portal_counts(url)
    useful = event_bytes + scan_total
    ev_floor = event_bytes / rate
    up_floor = scan_total / rate
    total = t_events + t_uploads
    ev_stats = phase({}, s_events)
    up_stats = phase(s_events, s_all)
    result["events"] = {
        "seconds": round(t_events, 1), "posts_needed": posts, "useful_bytes": event_bytes,
        "floor_seconds": round(ev_floor, 1), "ratio": round(t_events / ev_floor, 2),
        "passes": summary.attempts, "failed_passes": summary.attempts - 1 if summary.idle
        else summary.attempts, "applied": summary.applied, "duplicate": summary.duplicate,
        "rejected": summary.rejected, "conflicts": summary.conflicts,
        "pending_after": summary.pending, "idle": summary.idle, "link": ev_stats,
        "wire_bytes_per_useful_byte": round(ev_stats["bytes_up"] / event_bytes, 3)}
    result["scans"] = {
        "seconds": round(t_uploads, 1), "useful_bytes": scan_total,
        "floor_seconds": round(up_floor, 1),
        "ratio": round(t_uploads / up_floor, 3) if up_floor else None, **uploads,
        "link": up_stats,
        "wire_bytes_per_useful_byte": round(up_stats["bytes_up"] / scan_total, 3)
        if scan_total else None}
    result["total"] = {
        "seconds": round(total, 1), "useful_bytes": useful,
        "wire_bytes_up": s_all.get("bytes_up", 0), "wire_bytes_down": s_all.get("bytes_down", 0),
        "requests": s_all.get("requests", 0),
        "failed_requests": s_all.get("busy503", 0) + s_all.get("reset", 0),
        "floor_seconds": round(useful / rate, 1), "ratio": round(total / (useful / rate), 3)}
    if scanned:
        every = args.dossiers * args.scan_kb * 1000
        upload_ratio = t_uploads / up_floor
        result["projection_all_scanned"] = {
            "dossiers": args.dossiers, "scan_bytes_total": every,
            "floor_hours": round((event_bytes + every) / rate / 3600, 2),
            "projected_hours": round((t_events + every / rate * upload_ratio) / 3600, 2)}
    result["portal"] = counts
    complete = (counts["dossiers"] == args.dossiers and summary.pending == 0
                and uploads["left"] == 0 and counts["dossier_attachments"] == scanned
                and counts["scans_complete"] == scanned)
    result["complete"] = complete
    print(json.dumps(result, indent=2))
    return 0 if complete else 1


if __name__ == "__main__":
    raise SystemExit(main())

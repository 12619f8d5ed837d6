"""The portal under many workstations at once: throughput and latency of push and pull.

    .venv/bin/python bench/bench_portal_load.py [--devices 200] [--rate 500] [--batch 10]
        [--seconds 60] [--saturate-seconds 30] [--db postgresql|sqlite|both] [--workers N]
        [--profile DIR] [--quick]

Set-up (not timed): `--devices` workstations in agencies of four (200 → 50 agencies, made with
the portal's own functions, as `python -m portal create-agency` / `enrolment-code` do), each
enrolled over HTTP (POST /api/v1/enrol). Each device's payloads are real outbox rows: a
workstation database per device (its agency, its number, range size 1000) receives its
dossiers through `Counter.receive_many`, so every `received` event carries
`dossier_to_dict(dossier)` with a code in that device's range; the rows are sent as the engine
sends them (`wire.outbox_event`, `wire.batch_body`).

Then, per database, on a fresh portal (`python -m portal serve`, one process) each time:

1. floor: the portal's own work without HTTP: `PushRequest` parsing + `ingest.push` of the same
   batches from one thread, in-process, on a fresh database of the same kind;
2. paced: one thread and one keep-alive requests.Session per device; each device, every
   `batch × devices / rate` seconds (staggered), does what one sync pass does: push a batch
   of `--batch` received events, pull changes after its cursor until `more` is false, and
   verify one dossier (GET /dossiers/{id}, as the engine's verify step). Open loop: a device
   that fell behind sends at once (its lateness is reported);
3. saturation: the same devices with no pause (closed loop) for `--saturate-seconds`: the
   most this portal process can take, and the latency at that point.

Latency = request sent → answer read, in ms (p50/p95/p99). CPU seconds of the portal
process, of the PostgreSQL server processes and of this script (the clients) are read from
/proc, to show where the machine's cores went. ratio = floor dossiers/s ÷ served dossiers/s at
saturation (how much HTTP, authentication, threads and the shared CPU cost on top).

Target (issue 5): ≥ 500 dossiers/s with p95 < 300 ms on the 2-core machine, on PostgreSQL.
`--workers N` serves through a bench-only launcher (`uvicorn.run(..., workers=N)` on the
portal's own `create_app`) to see what several processes would give; `python -m portal serve`
itself runs one. `--profile DIR` runs the portal under py-spy (`--py-spy PATH`) and writes its
collapsed stacks per run; the JSON then lists the hottest functions (self and inclusive %).

Prints one JSON object on stdout; progress on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import multiprocessing
import os
import platform
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter as Tally
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from _portal import (
    CATALOGUE,
    PG,
    PortalProcess,
    cpu_seconds,
    log,
    percentile,
    pg_database_name,
    portal_database,
    setup_portal,
    top_frames,
    top_functions,
)

PER_AGENCY = 4  # workstations per agency (the portal allows 99)
NOW = dt.datetime(2026, 11, 20, 16, 30)
TIMEOUT = (5, 30)


def agency_codes(n: int) -> list[tuple[str, str, int]]:
    return [(f"000.{i // 99:02d}.{i % 99 + 1:02d}.H56", f"UBND xã Thử Tải {i + 1}", 1000)
            for i in range(n)]


# ----- payloads: real outbox rows of real workstation databases --------------------------------


def _device_events(job: tuple[str, str, str, int, int, int]) -> list[tuple[str, bytes]]:
    """(dossier id, event JSON) of the outbox of one workstation that received n dossiers."""
    from counter_app.domain.catalogue import load_catalogue_file
    from counter_app.services.counter import Counter
    from counter_app.services.demo import make_drafts
    from counter_app.services.profile import Profile
    from counter_app.store import sync as sync_store
    from counter_app.sync import wire

    data, agency, name, workstation, n, seed = job
    with Counter.open(Path(data), lambda: NOW) as counter:
        counter.set_profile(Profile(agency_code=agency, agency_name=name,
                                    workstation=workstation, range_size=1000))
        counter.import_catalogue([CATALOGUE])
        drafts = make_drafts(load_catalogue_file(CATALOGUE), n, NOW, seed=seed, weeks=6)
        for i in range(0, n, 500):
            counter.receive_many(drafts[i:i + 500])
        rows = sync_store.outbox(counter.conn, 10**9)
        out = [(e.dossier_id, e.wire) for e in map(wire.outbox_event, rows)]
    shutil.rmtree(data, ignore_errors=True)
    return out


def make_payloads(tmp: Path, devices: int, per_device: int) -> list[list[tuple[str, bytes]]]:
    agencies = agency_codes(math.ceil(devices / PER_AGENCY))
    jobs = []
    for d in range(devices):
        code, name, _ = agencies[d // PER_AGENCY]
        jobs.append((str(tmp / f"ws{d:03d}"), code, name, d % PER_AGENCY + 1, per_device, d))
    with multiprocessing.get_context("spawn").Pool(os.cpu_count() or 2) as pool:
        return pool.map(_device_events, jobs, chunksize=4)


# ----- the simulated devices ---------------------------------------------------------------


@dataclass
class Device:
    index: int
    agency: str
    workstation: int
    token: str
    events: list[tuple[str, bytes]]
    sent: int = 0
    cursor: str = ""
    newest: str = ""


@dataclass
class Record:
    kind: str  # push | pull | verify
    sent: float  # perf_counter when the request left
    done: float
    late: float  # seconds behind the device's schedule when it was sent (pushes)
    status: int  # HTTP status, 0 for a transport error
    applied: int = 0


@dataclass
class Run:
    records: list[Record] = field(default_factory=list)
    errors: Tally[str] = field(default_factory=Tally)
    exhausted: int = 0


def enrol_all(base: str, agencies: list[tuple[str, str, int]],
              codes: dict[str, list[str]], payloads: list[list[tuple[str, bytes]]]
              ) -> list[Device]:
    out = []
    with requests.Session() as session:
        for d, events in enumerate(payloads):
            agency = agencies[d // PER_AGENCY][0]
            ws = d % PER_AGENCY + 1
            r = session.post(base + "/api/v1/enrol", timeout=TIMEOUT, json={
                "code": codes[agency][ws - 1], "workstation": ws, "device_name": f"Quầy {ws}"})
            r.raise_for_status()
            out.append(Device(d, agency, ws, r.json()["token"], events))
    return out


def device_loop(dev: Device, base: str, batch: int, interval: float, start: float, end: float,
                run: Run, verify: bool) -> None:
    """One workstation: every `interval` seconds (0: at once) a sync pass: push a batch,
    pull until nothing more, verify the newest dossier."""
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {dev.token}",
                            "User-Agent": "QuayMotCua-sync/1 (bench)"})
    post_headers = {"Content-Type": "application/json"}
    due = start + (random.Random(dev.index).uniform(0, interval) if interval else 0.0)
    try:
        while True:
            now = time.perf_counter()
            if now >= end:
                return
            if due > now:
                time.sleep(min(due - now, end - now))
                continue
            if dev.sent >= len(dev.events):
                run.exhausted += 1
                return
            chunk = dev.events[dev.sent:dev.sent + batch]
            body = b'{"events":[' + b",".join(w for _, w in chunk) + b"]}"
            answer = _request(session, "push", "POST", base + "/api/v1/events", run,
                              now - due, data=body, headers=post_headers)
            if answer is not None:
                dev.sent += len(chunk)
                dev.newest = chunk[-1][0]
            for _ in range(20):  # pull until the portal has no more (bounded)
                params: dict[str, Any] = {"limit": 500}
                if dev.cursor:
                    params["cursor"] = dev.cursor
                page = _request(session, "pull", "GET", base + "/api/v1/changes", run, 0.0,
                                params=params)
                if page is None:
                    break
                dev.cursor = str(page["next_cursor"])
                if not page["more"]:
                    break
            if verify and dev.newest:
                _request(session, "verify", "GET", base + f"/api/v1/dossiers/{dev.newest}",
                         run, 0.0)
            due = due + interval if interval else time.perf_counter()
    finally:
        session.close()


def _request(session: requests.Session, kind: str, method: str, url: str, run: Run,
             late: float, **kwargs: Any) -> dict[str, Any] | None:
    """Send, time, record; the decoded JSON answer on 200, else None (error counted)."""
    t0 = time.perf_counter()
    try:
        r = session.request(method, url, timeout=TIMEOUT, **kwargs)
        body = r.content
    except requests.RequestException as e:
        run.records.append(Record(kind, t0, time.perf_counter(), late, 0))
        run.errors[f"{kind}: {type(e).__name__}"] += 1
        return None
    t1 = time.perf_counter()
    rec = Record(kind, t0, t1, late, r.status_code)
    run.records.append(rec)
    if r.status_code != 200:
        run.errors[f"{kind}: HTTP {r.status_code}"] += 1
        return None
    data: dict[str, Any] = json.loads(body)
    if kind == "push":
        rec.applied = int(data["applied"])
        if data["rejected"] or data["conflict"]:
            run.errors["push: event rejected or in conflict"] += 1
    return data


def run_devices(devices: list[Device], base: str, batch: int, interval: float,
                seconds: float, verify: bool) -> tuple[Run, float]:
    run = Run()
    start = time.perf_counter() + 1.0
    end = start + seconds
    threads = [threading.Thread(target=device_loop, daemon=True,
                                args=(d, base, batch, interval, start, end, run, verify))
               for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(1.0, end + 60 - time.perf_counter()))
    return run, time.perf_counter() - start


# ----- what a run measured ----------------------------------------------------------------------


def latency(records: list[Record]) -> dict[str, Any]:
    ms = [(r.done - r.sent) * 1000 for r in records]
    return {"requests": len(ms), "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1), "p99_ms": round(percentile(ms, 99), 1),
            "max_ms": round(max(ms), 1) if ms else 0.0}


def summarise(run: Run, start: float, seconds: float) -> dict[str, Any]:
    """Counts over the window [start, start + seconds]: what finished in it."""
    end = start + seconds
    inside = [r for r in run.records if start <= r.done <= end]
    pushes = [r for r in inside if r.kind == "push"]
    applied = sum(r.applied for r in pushes)
    late = [r.late * 1000 for r in pushes]
    return {
        "dossiers_applied": applied, "dossiers_per_s": round(applied / seconds, 1),
        "requests_per_s": round(len(inside) / seconds, 1),
        "push": latency(pushes), "pull": latency([r for r in inside if r.kind == "pull"]),
        "verify": latency([r for r in inside if r.kind == "verify"]),
        "all_requests": latency(inside),
        "push_behind_schedule_ms": {"p50": round(percentile(late, 50), 1),
                                    "p95": round(percentile(late, 95), 1),
                                    "max": round(max(late), 1) if late else 0.0},
        "errors": dict(run.errors), "error_count": sum(run.errors.values()),
        "devices_out_of_dossiers": run.exhausted,
    }


def postgres_cpu() -> float:
    """CPU seconds of every `postgres` process (backends that ended are in the postmaster's
    children time)."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            text = stat.read_text()
            if "(postgres)" not in text:
                continue
            f = text.rsplit(")", 1)[1].split()
            total += sum(int(f[i]) for i in (11, 12, 13, 14)) / ticks
    return total


def tree_cpu(pid: int) -> float:
    """CPU seconds of `pid` and its live children (uvicorn workers)."""
    total = cpu_seconds(pid)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            f = stat.read_text().rsplit(")", 1)[1].split()
            if int(f[1]) == pid:
                total += cpu_seconds(int(stat.parent.name))
    return total


class Cpu:
    """CPU seconds of the portal, PostgreSQL and this script; the machine's own split (from
    /proc/stat: user, system, softirq, iowait, steal, idle); PostgreSQL sessions opened and
    transactions committed in the benchmark's database (pg_stat_database)."""

    def __init__(self, portal_pid: int, url: str) -> None:
        self.pid = portal_pid
        self.database = pg_database_name(url) if url.startswith("postgresql") else ""
        self.t0 = (time.perf_counter(), tree_cpu(portal_pid), postgres_cpu(), _own_cpu())
        self.m0 = _machine()
        self.pg0 = _pg_stats(self.database) if self.database else {}

    def since(self) -> dict[str, Any]:
        wall = time.perf_counter() - self.t0[0]
        portal, pg, own = (tree_cpu(self.pid) - self.t0[1], postgres_cpu() - self.t0[2],
                           _own_cpu() - self.t0[3])
        m1 = _machine()
        spent = {k: m1[k] - self.m0[k] for k in m1}
        ticks = sum(spent.values()) or 1
        cores = os.cpu_count() or 1
        busy = cores * (1 - (spent["idle"] + spent["iowait"]) / ticks)
        out: dict[str, Any] = {
            "wall_s": round(wall, 1), "portal_cores": round(portal / wall, 2),
            "postgres_cores": round(pg / wall, 2), "clients_cores": round(own / wall, 2),
            "machine_busy_cores": round(busy, 2),
            "other_cores": round(max(0.0, busy - (portal + pg + own) / wall), 2),
            "machine_pct": {k: round(100 * v / ticks, 1) for k, v in spent.items() if v}}
        if self.database:
            pg1 = _pg_stats(self.database)
            out["postgres_sessions_opened"] = pg1["sessions"] - self.pg0["sessions"]
            out["postgres_commits"] = pg1["xact_commit"] - self.pg0["xact_commit"]
        return out


def _machine() -> dict[str, int]:
    """Jiffies of the whole machine from /proc/stat's first line."""
    names = ("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")
    try:
        values = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return dict.fromkeys(names, 0)
    return dict(zip(names, values, strict=True))


def _pg_stats(database: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(PG, autocommit=True, connect_timeout=5) as conn:
        row = conn.execute("SELECT sessions, xact_commit FROM pg_stat_database"
                           " WHERE datname = %s", (database,)).fetchone()
    assert row is not None
    return {"sessions": int(row[0]), "xact_commit": int(row[1])}


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system


# ----- the floor: ingest without HTTP -----------------------------------------------------------


def floor(kind: str, tmp: Path, payloads: list[list[tuple[str, bytes]]], batch: int,
          dossiers: int) -> dict[str, Any]:
    """`PushRequest` parsing + `ingest.push` of the same batches, one thread, in-process."""
    from portal import ingest
    from portal.agencies import authenticate
    from portal.api.models import PushRequest
    from portal.db import Database
    from portal.timefmt import vn_now

    devices = min(len(payloads), 20)
    agencies = agency_codes(math.ceil(devices / PER_AGENCY))
    with portal_database(kind, tmp, "floor") as url:
        codes = setup_portal(url, agencies, {a[0]: PER_AGENCY for a in agencies})
        db = Database(url)
        try:
            from portal.agencies import enrol

            owners = []
            for d in range(devices):
                agency = agencies[d // PER_AGENCY][0]
                ws = d % PER_AGENCY + 1
                token = enrol(db, codes[agency][ws - 1], ws, "", vn_now()).token
                with db.read() as conn:
                    owners.append(authenticate(conn, token))
            bodies = []
            per = max(1, dossiers // devices)
            for d in range(devices):
                events = payloads[d][:per]
                bodies += [(owners[d], b'{"events":[' + b",".join(w for _, w in
                                                                 events[i:i + batch]) + b"]}")
                           for i in range(0, len(events), batch)]
            random.Random(1).shuffle(bodies)  # devices interleaved, as on the server
            n = 0
            t0, cpu0, pg0 = time.perf_counter(), _own_cpu(), postgres_cpu()
            for device, body in bodies:
                events_in = PushRequest.model_validate_json(body).events
                results = ingest.push(db, device, events_in, vn_now())
                n += sum(1 for r in results if r.result == "applied")
            seconds = time.perf_counter() - t0
            cpu, pg = _own_cpu() - cpu0, postgres_cpu() - pg0
        finally:
            db.dispose()
    return {"dossiers": n, "seconds": round(seconds, 2),
            "dossiers_per_s": round(n / seconds, 1),
            "ms_per_batch": round(seconds / len(bodies) * 1000, 2),
            "python_cpu_ms_per_batch": round(cpu / len(bodies) * 1000, 2),
            "postgres_cpu_ms_per_batch": round(pg / len(bodies) * 1000, 2)
            if kind == "postgresql" else None}


# ----- one database ------------------------------------------------------------------------------


def serve(url: str, tmp: Path, args: argparse.Namespace, name: str) -> PortalProcess:
    wrapper: list[str] = []
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
        wrapper = [args.py_spy, "record", "--rate", "50", "--gil", "--nonblocking",
                   "--format", "raw", "--output", str(args.profile / f"{name}.txt"),
                   "--subprocesses", "--"]
    cprofile = None
    if args.cprofile is not None:
        args.cprofile.mkdir(parents=True, exist_ok=True)
        cprofile = args.cprofile.resolve() / f"{name}.pstats"
    return PortalProcess(url, tmp / "blobs", workers=args.workers, wrapper=wrapper,
                         pool=args.pool, threads=args.threads, extra_path=args.extra_path,
                         cprofile=cprofile)


def measure(kind: str, tmp: Path, payloads: list[list[tuple[str, bytes]]],
            args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    out["floor"] = floor(kind, tmp, payloads, args.batch, args.floor_dossiers)
    log(f"{kind}: floor {out['floor']}")
    agencies = agency_codes(math.ceil(args.devices / PER_AGENCY))
    modes = [("paced", args.seconds, args.batch * args.devices / args.rate)]
    if args.saturate_seconds > 0:
        modes.append(("saturation", args.saturate_seconds, 0.0))
    for mode, seconds, interval in modes:
        with portal_database(kind, tmp, mode) as url:
            codes = setup_portal(url, agencies, {a[0]: PER_AGENCY for a in agencies})
            with serve(url, tmp, args, f"{kind}-{mode}") as portal:
                devices = enrol_all(portal.base, agencies, codes, payloads)
                log(f"{kind} {mode}: {len(devices)} devices enrolled; running {seconds:.0f} s"
                    + (f", a pass every {interval:.1f} s per device" if interval else
                       ", no pause"))
                load0 = os.getloadavg()
                cpu = Cpu(portal.pid, url)
                run, _ = run_devices(devices, portal.base, args.batch, interval, seconds,
                                     not args.no_verify)
                used = cpu.since()
                used["loadavg_before"] = [round(x, 2) for x in load0]
                used["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
            start = min((r.sent for r in run.records), default=0.0)
            result = summarise(run, start, seconds)
            result["cpu"] = used
            raw = args.profile / f"{kind}-{mode}.txt" if args.profile else None
            if raw is not None and raw.exists():
                result["profile"] = {"file": str(raw), **top_frames(raw)}
            stats = args.cprofile / f"{kind}-{mode}.pstats" if args.cprofile else None
            if stats is not None and stats.exists():
                result["cprofile"] = top_functions(stats)
            result["seconds"] = seconds
            if interval:
                result["target_rate"] = args.rate
                result["pass_interval_s"] = round(interval, 2)
            result["target_met"] = (result["dossiers_per_s"] >= 500
                                    and result["push"]["p95_ms"] < 300
                                    and result["pull"]["p95_ms"] < 300
                                    and result["error_count"] == 0)
            out[mode] = result
            log(f"{kind} {mode}: {result['dossiers_per_s']} dossiers/s, push p95 "
                f"{result['push']['p95_ms']} ms, pull p95 {result['pull']['p95_ms']} ms, "
                f"errors {result['error_count']}, cpu {used}")
    if "saturation" in out:
        out["ratio"] = round(out["floor"]["dossiers_per_s"]
                             / max(out["saturation"]["dossiers_per_s"], 0.1), 2)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--rate", type=float, default=500.0,
                        help="dossiers/s offered by all devices together (paced run)")
    parser.add_argument("--batch", type=int, default=10, help="events per push")
    parser.add_argument("--seconds", type=float, default=60.0, help="paced run")
    parser.add_argument("--saturate-seconds", type=float, default=30.0,
                        help="closed-loop run (0: skip)")
    parser.add_argument("--per-device", type=int, default=0,
                        help="dossiers prepared per device (default: enough for both runs)")
    parser.add_argument("--floor-dossiers", type=int, default=5000)
    parser.add_argument("--db", choices=["postgresql", "sqlite", "both"], default="postgresql")
    parser.add_argument("--workers", type=int, default=0,
                        help="0: `python -m portal serve`; N: bench launcher, N processes")
    parser.add_argument("--pool", default="", metavar="SIZE,OVERFLOW",
                        help="what-if (needs --workers): PostgreSQL pool instead of 40,10")
    parser.add_argument("--threads", type=int, default=0,
                        help="what-if (needs --workers): worker threads per process instead of 40")
    parser.add_argument("--extra-path", default="", metavar="DIR",
                        help="what-if: first on the portal's PYTHONPATH (e.g. httptools+uvloop)")
    parser.add_argument("--no-verify", action="store_true",
                        help="passes without the verify GET")
    parser.add_argument("--profile", type=Path, default=None,
                        help="directory for py-spy profiles of the portal (collapsed stacks)")
    parser.add_argument("--py-spy", default="py-spy", help="the py-spy executable")
    parser.add_argument("--cprofile", type=Path, default=None, metavar="DIR",
                        help="cProfile every portal thread (needs --workers 1); pstats files"
                        " and the top functions in the JSON; slows the portal down")
    parser.add_argument("--quick", action="store_true",
                        help="40 devices, 100 dossiers/s, 15 s + 10 s")
    args = parser.parse_args()
    if args.quick:
        args.devices, args.rate, args.seconds, args.saturate_seconds = 40, 100.0, 15.0, 10.0
        args.floor_dossiers = 1000
    if args.devices > 99 * 99 * PER_AGENCY or args.devices < 1:
        parser.error("--devices out of range")
    if args.cprofile is not None and args.workers != 1:
        parser.error("--cprofile needs --workers 1 (the bench launcher, one process)")
    if (args.pool or args.threads) and not args.workers:
        parser.error("--pool and --threads need --workers (the bench launcher)")
    per_device = args.per_device or math.ceil(
        max(args.rate * args.seconds, 1500 * args.saturate_seconds) * 1.2 / args.devices)
    kinds = ["postgresql", "sqlite"] if args.db == "both" else [args.db]
    result: dict[str, Any] = {
        "bench": "portal_load", "devices": args.devices, "agencies":
        math.ceil(args.devices / PER_AGENCY), "batch": args.batch, "rate": args.rate,
        "workers": args.workers or 1,
        "server": "python -m portal serve" if not args.workers else
        f"bench launcher, uvicorn workers={args.workers}",
        "verify_step": not args.no_verify, "per_device": per_device,
        "what_if": {"pool": args.pool or None, "threads": args.threads or None,
                    "extra_path": args.extra_path or None},
        "target": {"dossiers_per_s": 500, "p95_ms": 300},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "loadavg_start": [round(x, 2) for x in os.getloadavg()]}}
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.perf_counter()
        payloads = make_payloads(tmp, args.devices, per_device)
        size = sum(len(w) for p in payloads for _, w in p)
        n = sum(len(p) for p in payloads)
        result["event_bytes_mean"] = round(size / n)
        log(f"{n} dossiers prepared on {args.devices} workstations in "
            f"{time.perf_counter() - t0:.0f} s ({size / n:.0f} bytes per event)")
        for kind in kinds:
            try:
                result[kind] = measure(kind, tmp, payloads, args)
            except Exception as e:  # e.g. PostgreSQL not reachable: say so, keep the rest
                if len(kinds) == 1:
                    raise
                result[kind] = {"skipped": f"{type(e).__name__}: {str(e).splitlines()[0]}"}
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Store benchmark at scale: N dossiers in one local database, each cost next to a raw floor.

    .venv/bin/python bench/bench_store.py [--dossiers N] [--dir DIR] [--keep] [--reuse]

Measures, against one database holding N dossiers (default 1,000,000):

1. bulk import through `Counter.receive_many` (chunks of 10,000 per transaction); floor: raw
   sqlite3 `executemany` of the very same rows (dossiers, documents, events; FTS by the
   schema's trigger) in one transaction into a fresh copy of the schema;
2. receiving one dossier with `Counter.receive`; floor: the same INSERTs (counters, dossier,
   documents, event; FTS by trigger) as raw SQL in one transaction on the same connection;
3. `Counter.get(code)` on random existing codes; floor: `SELECT data FROM dossiers WHERE code = ?`;
4. `Counter.search(text)` (top 20 newest) for folded names, partial names, a phone prefix and
   an ID number; floor: the same FTS5 MATCH statement in raw sqlite3;
5. database size, peak memory of this process and of a fresh process that only opens the
   database and runs one search (what the app costs).

Every ratio is "cost of the app path / cost of the floor" (1.0 = as fast as raw SQLite; 2.0 =
twice the floor's time). Prints one JSON object on stdout; progress goes to stderr. Not part of
the test run: the project measures speed here, never with timed assertions in tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import os
import platform
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from counter_app.domain.codes import parse_code
from counter_app.domain.records import dossier_from_dict, dossier_to_dict, iso
from counter_app.services.counter import Counter
from counter_app.services.demo import DEMO_PROFILE, make_drafts
from counter_app.store import db
from counter_app.store import dossiers as dossier_store
from counter_app.store.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue_small.json"
NOW = dt.datetime(2026, 11, 20, 16, 30)  # a Friday afternoon: the fixed "now" of every write
CHUNK = 10_000
RANGE_SIZE = 100_000  # daily numbers per workstation: far above what one day of the load uses
PER_DAY = 3_000  # about how many dossiers one weekday of the bulk load holds
LIMIT = 20

# The pragmas db.connect() sets, so the raw floors run under the same conditions.
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA cache_size = -32000",
)

_T0 = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - _T0:8.1f}s] {message}", file=sys.stderr, flush=True)


def raw_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    return conn


def clock() -> dt.datetime:
    return NOW


def ms(ns: float) -> float:
    return round(ns / 1e6, 4)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted sequence."""
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def stats(app_ns: list[int], floor_ns: list[int]) -> dict[str, Any]:
    a, f = sorted(app_ns), sorted(floor_ns)
    median, floor_median = percentile(a, 50), percentile(f, 50)
    return {
        "samples": len(a),
        "median": ms(median),
        "p95": ms(percentile(a, 95)),
        "max": ms(a[-1]),
        "floor_median": ms(floor_median),
        "floor_p95": ms(percentile(f, 95)),
        "ratio": round(median / floor_median, 2),
    }


def timed(fn: Callable[[], object]) -> int:
    t0 = time.perf_counter_ns()
    fn()
    return time.perf_counter_ns() - t0


def file_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


# ----- 1. bulk import ---------------------------------------------------------------------------


def bulk_import(counter: Counter, n: int) -> dict[str, Any]:
    procedures = [p for p in counter.procedures() if p.documents]
    weeks = max(6, math.ceil(n / (5 * PER_DAY)))
    app_ns = gen_ns = 0
    done = chunk_no = 0
    next_report = 0.0
    while done < n:
        k = min(CHUNK, n - done)
        t0 = time.perf_counter_ns()
        drafts = make_drafts(procedures, k, NOW, seed=10_000 + chunk_no, weeks=weeks)
        gen_ns += time.perf_counter_ns() - t0
        app_ns += timed(lambda drafts=drafts: counter.receive_many(drafts))
        done += k
        chunk_no += 1
        if done / n >= next_report or done == n:
            log(f"bulk import {done:,}/{n:,}: {done / (app_ns / 1e9):,.0f} dossiers/s")
            next_report += 0.05
    return {"seconds": round(app_ns / 1e9, 2), "per_second": round(n / (app_ns / 1e9), 1),
            "chunk": CHUNK, "weeks_spread": weeks,
            "draft_generation_seconds_untimed": round(gen_ns / 1e9, 2)}


DOSSIER_COLUMNS = ("rowid, id, code, outcome, status, procedure_code, agency_code, applicant_name,"
                   " received_at, due_at, search_text, data, updated_at")
DOCUMENT_COLUMNS = "dossier_rowid, position, name, original, certified_copy, photocopy, mandatory"
EVENT_COLUMNS = "id, dossier_id, kind, at, user, workstation, payload"


def floor_import(src_path: Path, dst_path: Path, n: int) -> dict[str, Any]:
    """The same rows the app wrote, bulk-inserted with executemany in ONE transaction.

    Rows are read back from the app's database chunk by chunk (untimed), so the floor writes
    exactly the same bytes without holding a million rows in memory.
    """
    dst = raw_connect(dst_path)
    dst.executescript(MIGRATIONS[0])
    src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True)
    ins_dossier = f"INSERT INTO dossiers ({DOSSIER_COLUMNS}) VALUES ({', '.join('?' * 13)})"
    ins_document = (f"INSERT INTO dossier_documents ({DOCUMENT_COLUMNS})"
                    f" VALUES ({', '.join('?' * 7)})")
    ins_event = f"INSERT INTO dossier_events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 7)})"
    floor_ns = timed(lambda: dst.execute("BEGIN IMMEDIATE"))
    next_report = 0.0
    for lo in range(1, n + 1, CHUNK):
        hi = min(lo + CHUNK - 1, n)
        d_rows = src.execute(f"SELECT {DOSSIER_COLUMNS} FROM dossiers WHERE rowid BETWEEN ? AND ?",
                             (lo, hi)).fetchall()
        doc_rows = src.execute(f"SELECT {DOCUMENT_COLUMNS} FROM dossier_documents"
                               " WHERE dossier_rowid BETWEEN ? AND ?", (lo, hi)).fetchall()
        # One "received" event per dossier, written in the same order: seq lines up with rowid.
        ev_rows = src.execute(f"SELECT {EVENT_COLUMNS} FROM dossier_events"
                              " WHERE seq BETWEEN ? AND ?", (lo, hi)).fetchall()
        assert len(d_rows) == len(ev_rows) == hi - lo + 1, (lo, hi, len(d_rows), len(ev_rows))
        t0 = time.perf_counter_ns()
        dst.executemany(ins_dossier, d_rows)
        dst.executemany(ins_document, doc_rows)
        dst.executemany(ins_event, ev_rows)
        floor_ns += time.perf_counter_ns() - t0
        if hi / n >= next_report or hi == n:
            log(f"floor import {hi:,}/{n:,}: {hi / (floor_ns / 1e9):,.0f} rows/s")
            next_report += 0.05
    floor_ns += timed(lambda: dst.execute("COMMIT"))
    src.close()
    dst.close()
    return {"floor_seconds": round(floor_ns / 1e9, 2),
            "floor_per_second": round(n / (floor_ns / 1e9), 1)}


# ----- 2. receive one ---------------------------------------------------------------------------


def floor_rows(d: Any, i: int) -> dict[str, Any]:
    """Pre-serialised rows equivalent to what receiving `d` writes, under a fresh id and code."""
    # A well-formed code far outside any workstation's range, so later look-ups can parse it.
    tail = 100_000_000 + uuid.uuid4().int % 900_000_000
    d = dataclasses.replace(d, id=str(uuid.uuid4()), code=f"{d.code.rsplit('-', 1)[0]}-{tail}")
    data = dossier_to_dict(d)
    return {
        "day": NOW.date().isoformat(),
        "dossier": (d.id, d.code, d.outcome.value, int(d.status), d.procedure_code, d.agency_code,
                    d.applicant.full_name, iso(d.received_at), iso(d.due_at),
                    dossier_store.search_text(d), json.dumps(data, ensure_ascii=False),
                    iso(d.updated_at)),
        "documents": [(x.name, x.original, x.certified_copy, x.photocopy, int(x.mandatory))
                      for x in d.documents],
        "event": (str(uuid.uuid4()), d.id, "received", iso(NOW), "bench", d.workstation,
                  json.dumps({"dossier": data}, ensure_ascii=False, sort_keys=True)),
        "book": d.book_number,
    }


def floor_receive(conn: sqlite3.Connection, rows: dict[str, Any]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO code_counters (agency_code, day, workstation, used) VALUES (?, ?, 2, 1)"
        " ON CONFLICT (agency_code, day, workstation) DO UPDATE SET used = used + 1",
        (DEMO_PROFILE.agency_code, rows["day"]))
    conn.execute("INSERT INTO book_counters (book, used) VALUES (?, 1)"
                 " ON CONFLICT (book) DO UPDATE SET used = used + 1 RETURNING used",
                 ("F" + rows["book"],)).fetchone()
    rowid = conn.execute(
        "INSERT INTO dossiers (id, code, outcome, status, procedure_code, agency_code,"
        " applicant_name, received_at, due_at, search_text, data, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["dossier"]).lastrowid
    conn.executemany(
        f"INSERT INTO dossier_documents ({DOCUMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(rowid, i, *doc) for i, doc in enumerate(rows["documents"], start=1)])
    conn.execute(f"INSERT INTO dossier_events ({EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 rows["event"])
    conn.execute("COMMIT")


def receive_one(counter: Counter, samples: int) -> dict[str, Any]:
    procedures = [p for p in counter.procedures() if p.documents]
    drafts = [dataclasses.replace(d, received_at=None)  # received "now", as at the counter
              for d in make_drafts(procedures, samples + 20, NOW, seed=7, weeks=1)]
    app_ns: list[int] = []
    floor_ns: list[int] = []
    for i, draft in enumerate(drafts):
        t0 = time.perf_counter_ns()
        result = counter.receive(draft)
        elapsed = time.perf_counter_ns() - t0
        rows = floor_rows(result.dossier, i)
        elapsed_floor = timed(lambda rows=rows: floor_receive(counter.conn, rows))
        if i >= 20:  # the first 20 of each only warm the caches
            app_ns.append(elapsed)
            floor_ns.append(elapsed_floor)
    out = stats(app_ns, floor_ns)
    out["floor_writes"] = "code/book counters, dossier, documents, event, FTS (trigger)"
    return out


# ----- 3. lookup by code ------------------------------------------------------------------------


def lookup(counter: Counter, raw: sqlite3.Connection, n: int, samples: int) -> dict[str, Any]:
    rng = random.Random(3)
    codes = [raw.execute("SELECT code FROM dossiers WHERE rowid = ?",
                         (rng.randint(1, n),)).fetchone()[0] for _ in range(samples + 200)]
    codes = [c for c in codes if c and "-F" not in c]  # older runs' floor rows had such codes
    sql = "SELECT data FROM dossiers WHERE code = ?"
    app_ns: list[int] = []
    floor_ns: list[int] = []
    decode_ns: list[int] = []
    parse_ns: list[int] = []
    for i, code in enumerate(codes):
        def app(code: str = code) -> None:
            counter.get(code)

        def floor(code: str = code) -> None:
            raw.execute(sql, (code,)).fetchone()

        # Alternate which goes first so neither always finds the pages the other just read.
        if i % 2:
            a, f = timed(app), timed(floor)
        else:
            f, a = timed(floor), timed(app)
        data = raw.execute(sql, (code,)).fetchone()[0]
        d = timed(lambda data=data: dossier_from_dict(json.loads(data)))
        p = timed(lambda code=code: parse_code(code))
        if i >= 200:
            app_ns.append(a)
            floor_ns.append(f)
            decode_ns.append(d)
            parse_ns.append(p)
    out = stats(app_ns, floor_ns)
    # Where the app's time goes beyond the floor: turning the JSON into a Dossier, and parsing
    # the code (regex + strptime) before the query.
    out["decode_json_to_dossier_median"] = ms(percentile(sorted(decode_ns), 50))
    out["parse_code_median"] = ms(percentile(sorted(parse_ns), 50))
    return out


# ----- 4. search --------------------------------------------------------------------------------

SEARCH_SQL = (
    "SELECT {columns} FROM dossiers WHERE rowid IN ("
    " SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?"
    " ORDER BY rowid DESC LIMIT ? OFFSET ?) ORDER BY rowid DESC"
)
SUMMARY_SQL = SEARCH_SQL.format(columns=dossier_store.SUMMARY_COLUMNS)
DATA_SQL = SEARCH_SQL.format(columns="data")


def search_queries(raw: sqlite3.Connection, n: int) -> list[str]:
    """Common and rare folded names, partial names, a phone prefix and an ID number."""
    sample = json.loads(raw.execute("SELECT data FROM dossiers WHERE rowid = ?",
                                    (max(1, n // 3),)).fetchone()[0])["applicant"]
    return [
        "nguyen",  # the most common family name (about 38 %)
        "nguyen van an",  # common full name, folded
        "Nguyễn Thị Hương",  # typed with accents
        "tran thi h",  # partial: last word cut short
        "dang van duc",  # rarer family name
        "truong bich y",  # rare family name, partial given name
        sample["phone"][:7],  # a phone number's first 7 digits
        sample["id_number"],  # one CCCD number
    ]


def search(counter: Counter, raw: sqlite3.Connection, n: int, repeat: int) -> dict[str, Any]:
    per_query: dict[str, Any] = {}
    for text in search_queries(raw, n):
        query = dossier_store.fts_query(text)
        matches = raw.execute("SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH ?",
                              (query,)).fetchone()[0]
        app_ns: list[int] = []
        floor_ns: list[int] = []
        decoded_ns: list[int] = []
        full_ns: list[int] = []
        found = 0
        for i in range(repeat + 5):
            # The look-up page's path: result-list lines read from columns.
            def app(text: str = text) -> None:
                nonlocal found
                found = len(counter.search_summaries(text, LIMIT))

            def floor(query: str = query) -> None:
                raw.execute(SUMMARY_SQL, (query, LIMIT, 0)).fetchall()

            # Whole dossiers (the command line's `search`), and its floor plus decoding.
            def full(text: str = text) -> None:
                counter.search(text, LIMIT)

            def floor_decoded(query: str = query) -> None:
                for (data,) in raw.execute(DATA_SQL, (query, LIMIT, 0)):
                    dossier_from_dict(json.loads(data))

            if i % 2:
                a, f = timed(app), timed(floor)
            else:
                f, a = timed(floor), timed(app)
            fd = timed(floor_decoded)
            fu = timed(full)
            if i >= 5:
                app_ns.append(a)
                floor_ns.append(f)
                decoded_ns.append(fd)
                full_ns.append(fu)
        entry = stats(app_ns, floor_ns)
        entry["whole_dossiers_median"] = ms(percentile(sorted(full_ns), 50))
        # The floor plus turning each row into a Dossier: what any search returning dossiers
        # built from the stored JSON must pay.
        entry["whole_dossiers_floor_plus_decode_median"] = ms(
            percentile(sorted(decoded_ns), 50))
        entry.update(fts_query=query, matches=matches, returned=found)
        per_query[text] = entry
        log(f"search {text!r}: median {entry['median']} ms (floor {entry['floor_median']} ms),"
            f" {matches:,} matches")
    medians = [q["median"] for q in per_query.values()]
    return {
        "limit": LIMIT,
        "queries": per_query,
        "worst_median": max(medians),
        "worst_p95": max(q["p95"] for q in per_query.values()),
        "worst_ratio": max(q["ratio"] for q in per_query.values()),
    }


# ----- 5. size and memory -----------------------------------------------------------------------


def sizes(conn: sqlite3.Connection, path: Path, n: int) -> dict[str, Any]:
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db_bytes = file_size(path)
    wal_bytes = file_size(path.with_name(path.name + "-wal"))
    by_object = {name: size for name, size in conn.execute(
        "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")}
    return {
        "db_bytes": db_bytes,
        "wal_bytes": wal_bytes,
        "bytes_per_dossier": round((db_bytes + wal_bytes) / n, 1),
        "by_object_bytes": by_object,
    }


# ru_maxrss is not usable in the child: Linux carries the parent's peak across fork + exec, so
# the child reads its own high-water mark (VmHWM) from /proc where there is one.
APP_PROBE = """
import json, resource, sys, time
from pathlib import Path


def peak_rss():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


t0 = time.perf_counter()
from counter_app.services.counter import Counter
t1 = time.perf_counter()
out = {"import_seconds": round(t1 - t0, 3),  # import_only: interpreter + app modules
       "import_only_peak_rss_bytes": peak_rss()}
if sys.argv[1]:
    from counter_app.store import db
    t = time.perf_counter()
    db.connect(Path(sys.argv[1]) / db.DB_FILENAME, check=False).close()
    out["open_without_quick_check_seconds"] = round(time.perf_counter() - t, 3)
    t1 = time.perf_counter()
    counter = Counter.open(sys.argv[1])  # what the app does: quick_check, then migrations
    t2 = time.perf_counter()
    found = counter.search(sys.argv[2])
    t3 = time.perf_counter()
    out.update(open_seconds=round(t2 - t1, 3), first_search_ms=round((t3 - t2) * 1000, 2),
               returned=len(found))
out["peak_rss_bytes"] = peak_rss()
print(json.dumps(out))
"""


def app_process(data_dir: Path, text: str) -> dict[str, Any]:
    """A fresh interpreter that opens the database (with its integrity check) and searches once."""
    def probe(*args: str) -> dict[str, Any]:
        proc = subprocess.run([sys.executable, "-c", APP_PROBE, *args], capture_output=True,
                              text=True, check=True, cwd=ROOT)
        return dict(json.loads(proc.stdout))

    full = probe(str(data_dir), text)
    full["search_text"] = text
    full["measured_by"] = "VmHWM of the child (/proc/self/status)"
    return full


# ----- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, help="data directory (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--reuse", action="store_true",
                        help="--dir already holds the N dossiers: skip both imports")
    parser.add_argument("--receive-samples", type=int, default=200)
    parser.add_argument("--lookup-samples", type=int, default=2_000)
    parser.add_argument("--search-repeat", type=int, default=50)
    args = parser.parse_args(argv)
    n = args.dossiers

    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="qmc-bench-store-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / db.DB_FILENAME
    floor_dir = data_dir / "floor"
    log(f"data directory {data_dir}, {n:,} dossiers")
    result: dict[str, Any] = {
        "bench": "store",
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "sqlite": sqlite3.sqlite_version},
        "n": n,
    }
    try:
        counter = Counter.open(data_dir, clock)
        existing = int(counter.conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])
        if args.reuse:
            if existing < n:
                parser.error(f"--reuse: {db_path} holds {existing:,} dossiers, fewer than {n:,}")
            n = result["n"] = existing
            result["bulk_import"] = {"skipped": "--reuse"}
        else:
            if existing:
                parser.error(f"{db_path} already holds dossiers (use --reuse or another --dir)")
            counter.set_profile(dataclasses.replace(DEMO_PROFILE, range_size=RANGE_SIZE))
            counter.import_catalogue([CATALOGUE])
            bulk = bulk_import(counter, n)
            floor_dir.mkdir(exist_ok=True)
            bulk.update(floor_import(db_path, floor_dir / "floor.sqlite3", n))
            bulk["ratio"] = round(bulk["floor_per_second"] / bulk["per_second"], 2)
            bulk["floor"] = "same rows, executemany, one transaction, fresh copy of the schema"
            result["bulk_import"] = bulk
            if not args.keep:
                shutil.rmtree(floor_dir)
        result["size"] = sizes(counter.conn, db_path, n)
        log(f"database {result['size']['db_bytes']:,} bytes")

        raw = raw_connect(db_path)
        log("lookup by code")
        result["lookup_by_code_ms"] = lookup(counter, raw, n, args.lookup_samples)
        log("search")
        result["search_ms"] = search(counter, raw, n, args.search_repeat)
        log("receive one")
        result["receive_one_ms"] = receive_one(counter, args.receive_samples)
        raw.close()
        counter.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counter.close()

        log("fresh app process: open + one search")
        result["memory"] = {
            "bench_process_peak_rss_bytes":
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "app_process": app_process(data_dir, "nguyen van an"),
        }
    finally:
        if args.dir is None and not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
        elif args.keep or args.dir:
            log(f"kept {data_dir}")

    order = ["bench", "date", "machine", "n", "bulk_import", "receive_one_ms",
             "lookup_by_code_ms", "search_ms", "size", "memory"]
    result = {key: result[key] for key in order}
    r, lk, s = result["receive_one_ms"], result["lookup_by_code_ms"], result["search_ms"]
    result["targets"] = {
        "receive_median_under_5ms": r["median"] < 5,
        "receive_p95_under_5ms": r["p95"] < 5,
        "lookup_within_2x_floor": lk["ratio"] <= 2,
        "search_within_2x_floor": s["worst_ratio"] <= 2,
        "search_under_10ms": s["worst_median"] < 10,
        "search_p95_under_10ms": s["worst_p95"] < 10,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

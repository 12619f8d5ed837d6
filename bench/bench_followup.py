"""The "Cần xử lý" lists at scale: N dossiers (default 1,000,000) in a realistic mix of statuses.

    .venv/bin/python bench/bench_followup.py [--dossiers N] [--dir DIR] [--reuse] [--repeat R]

Measures `Counter.followup.to_act_on()` (every list's count and first 200 rows, with the
portal's note read for each shown row) against a floor: the same counts and row selects as raw
sqlite3 statements, without building rows or reading notes. Also reports each statement's
query plan (an index range, no temporary B-tree for sorting) and how long the FOLLOWUP
migration's index takes to build on an existing database of that size.

Prints one JSON object on stdout; progress on stderr. Not part of the test run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from counter_app.domain.records import iso
from counter_app.services.counter import Counter
from counter_app.services.demo import DEMO_PROFILE
from counter_app.store import events

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue_small.json"
NOW = dt.datetime(2026, 11, 20, 16, 30)  # a Friday afternoon
# Share of each status in a counter's database after some years (most results returned).
MIX = [(10, 0.80), (9, 0.04), (4, 0.05), (2, 0.03), (5, 0.01), (6, 0.005), (7, 0.01),
       (8, 0.02), (3, 0.03), (1, 0.005)]
LIMIT = 200  # services.followup.LIST_LIMIT
NOTE_EVERY = 1  # every status-5/6/8/9 dossier gets a portal status event with a note


def log(text: str) -> None:
    sys.stderr.write(text + "\n")


def build(path: Path, n: int) -> None:
    """N synthetic dossier rows straight into the real schema (FTS by its trigger)."""
    data_dir = path.parent
    with Counter.open(data_dir, lambda: NOW) as c:
        c.set_profile(DEMO_PROFILE)
        c.import_catalogue([CATALOGUE])
    conn = sqlite3.connect(path)
    rng = random.Random(6)
    statuses = [s for s, _ in MIX]
    weights = [w for _, w in MIX]
    start = NOW - dt.timedelta(days=3 * 365)
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for i in range(n):
        received = start + dt.timedelta(minutes=int(i * 3 * 365 * 24 * 60 / n))
        status = rng.choices(statuses, weights)[0]
        due = received + dt.timedelta(days=rng.choice((1, 3, 5, 10, 15)))
        if status in (2, 4, 5, 6):  # still open: due dates around now
            due = NOW + dt.timedelta(hours=rng.uniform(-24 * 20, 24 * 10))
        updated = min(NOW, received + dt.timedelta(days=rng.uniform(0, 20)))
        dossier_id = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO dossiers (id, code, outcome, status, procedure_code, procedure_name,"
            " agency_code, applicant_name, received_at, due_at, search_text, data, updated_at)"
            " VALUES (?, ?, 'received', ?, '1.001193', 'Thủ tục đăng ký khai sinh', ?, ?, ?, ?,"
            " ?, '{}', ?)",
            (dossier_id, f"{DEMO_PROFILE.agency_code}-{i:09d}", status,
             DEMO_PROFILE.agency_code, f"Người thứ {i}", iso(received), iso(due),
             f"nguoi thu {i}", iso(updated)))
        if status in (5, 6, 8, 9) and i % NOTE_EVERY == 0:
            events.append(conn, dossier_id=dossier_id, kind="portal_status", at=updated,
                          user="", workstation=1,
                          payload={"from": 4, "to": status, "note": "Ghi chú của phòng",
                                   "department": "Phòng Tư pháp"})
        if i % 100_000 == 99_999:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            log(f"  {i + 1:,} rows, {time.perf_counter() - t0:.0f} s")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def floor(conn: sqlite3.Connection, horizon: dt.datetime, limit: int) -> None:
    """The same counts and first rows in raw SQL (what any implementation must at least do)."""
    cols = "id, code, status, applicant_name, procedure_name, due_at, updated_at"
    stopped_since = iso(NOW - dt.timedelta(days=30))
    for status in (1, 5, 6, 9):
        conn.execute("SELECT count(*) FROM dossiers WHERE status = ?", (status,)).fetchone()
        conn.execute(f"SELECT {cols} FROM dossiers WHERE status = ? ORDER BY updated_at"
                     " LIMIT ?", (status, limit)).fetchall()
    conn.execute("SELECT count(*) FROM dossiers WHERE status = 8 AND updated_at >= ?",
                 (stopped_since,)).fetchone()
    conn.execute(f"SELECT {cols} FROM dossiers WHERE status = 8 AND updated_at >= ?"
                 " ORDER BY updated_at LIMIT ?", (stopped_since, limit)).fetchall()
    for low, high in ((iso(NOW), iso(horizon)), ("", iso(NOW))):
        for status in (2, 4, 6):
            conn.execute("SELECT count(*) FROM dossiers WHERE status = ? AND due_at >= ?"
                         " AND due_at < ?", (status, low, high)).fetchone()
            conn.execute(f"SELECT {cols} FROM dossiers WHERE status = ? AND due_at >= ?"
                         " AND due_at < ? ORDER BY due_at LIMIT ?",
                         (status, low, high, limit)).fetchall()


def plans(conn: sqlite3.Connection) -> dict[str, str]:
    out = {}
    for name, sql, args in (
        ("by_status", "SELECT id FROM dossiers WHERE status = ? ORDER BY updated_at LIMIT 500",
         (5,)),
        ("due_between", "SELECT id FROM dossiers WHERE status = ? AND due_at >= ? AND due_at < ?"
         " ORDER BY due_at LIMIT 500", (2, "", iso(NOW))),
    ):
        rows = conn.execute("EXPLAIN QUERY PLAN " + sql, args).fetchall()
        out[name] = " | ".join(str(r[-1]) for r in rows)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    base = args.dir or Path(tempfile.mkdtemp(prefix="bench-followup-"))
    data_dir = base / "data"
    path = data_dir / "counter.sqlite3"
    if not (args.reuse and path.exists()):
        log(f"building {args.dossiers:,} dossiers in {path}")
        build(path, args.dossiers)
    counter = Counter.open(data_dir, lambda: NOW)
    lists = counter.followup.to_act_on()  # warm the cache once
    app, raw = [], []
    rawconn = sqlite3.connect(path)
    for _ in range(args.repeat):
        t = time.perf_counter_ns()
        lists = counter.followup.to_act_on()
        app.append(time.perf_counter_ns() - t)
        t = time.perf_counter_ns()
        floor(rawconn, lists.horizon, LIMIT)
        raw.append(time.perf_counter_ns() - t)
    app.sort()
    raw.sort()
    t = time.perf_counter()
    rawconn.execute("DROP INDEX dossiers_status_updated")
    rawconn.execute("CREATE INDEX dossiers_status_updated ON dossiers (status, updated_at)")
    index_s = time.perf_counter() - t
    result: dict[str, Any] = {
        "dossiers": args.dossiers,
        "counts": {k.value: v for k, v in lists.counts.items()},
        "rows_shown": sum(len(v) for v in lists.lists.values()),
        "to_act_on_ms": {"median": app[len(app) // 2] / 1e6, "max": app[-1] / 1e6},
        "floor_ms": {"median": raw[len(raw) // 2] / 1e6, "max": raw[-1] / 1e6},
        "ratio_median": round(app[len(app) // 2] / max(1, raw[len(raw) // 2]), 2),
        "query_plans": plans(rawconn),
        "migration_index_seconds": round(index_s, 2),
    }
    counter.close()
    rawconn.close()
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

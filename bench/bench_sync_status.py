"""The status bar's "Chờ đồng bộ" at scale: N never-synced dossiers (default 1,000,000).

    .venv/bin/python bench/bench_sync_status.py [--dossiers N] [--dir DIR] [--reuse] [--repeat R]
    .venv/bin/python bench/bench_sync_status.py --dossiers 20000          # quick, ~30 s

Fills a data directory with the demo set-up plus N dossiers through bench_store's bulk importer
(`Counter.receive_many`, one `received` event each, nothing ever sent), or reuses one (`--dir
DIR --reuse`; a database at an older schema is migrated first, and the migrations' SQL is
timed, without the backup copy the app makes; on a current one, SYNC_PENDING's SQL is run
again inside a transaction that is rolled back, and timed). Then, R times each,
alternating:

1. `services.sync.status(counter)`: what the database lane runs at start-up and after every
   write for the status bar (events, dossiers and manifests still to send, kept by triggers;
   scanned files not yet uploaded; quarantine counts; enrolment and state);
2. before: the count `pending_count` made until SYNC_PENDING, the outbox query's count(*) over
   the unsent log (events only), and `store.sync.recount_pending` (the same query counting
   distinct dossiers too: what a dossier count straight from the log costs);
3. floor: the statements `status()` runs (enrolment, state, quarantine counts, the kept totals,
   the scans and form PDFs not yet uploaded), as raw sqlite3 on a connection of its own; and
   the scans' count alone, the one part that still grows (with the files waiting, not the log).

The kept numbers must equal the log's (the run fails otherwise). With `--uploads U` (default
2,000: a week offline of bench_sync_drain's example), U scanned files linked to dossiers and not
yet uploaded are added first (rows only, no files), so that the files' count is measured too.
Prints one JSON object on stdout; progress on stderr. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]  # this checkout's app, not another install

from bench_startup import _build  # type: ignore[import-not-found]  # noqa: E402

from counter_app.services import sync as sync_service  # noqa: E402
from counter_app.services.counter import Counter  # noqa: E402
from counter_app.store import db, migrations  # noqa: E402
from counter_app.store import sync as sync_store  # noqa: E402

OLD_COUNT = "SELECT count(*)" + sync_store._PENDING  # pending_count before SYNC_PENDING
UPLOADS = ("SELECT count(*) FROM attachments a WHERE a.uploaded_at IS NULL"
           " AND EXISTS (SELECT 1 FROM dossier_attachments l WHERE l.sha256 = a.sha256)")
FLOOR = (
    "SELECT * FROM sync_enrolment WHERE id = 1",
    "SELECT * FROM sync_state WHERE id = 1",
    "SELECT result, count(*) AS n FROM sync_answers WHERE result IN ('conflict', 'rejected')"
    " AND resolution IS NULL GROUP BY result",
    "SELECT subject, items, events FROM sync_pending_totals",
    UPLOADS,
    "SELECT count(DISTINCT sha256) FROM agency_forms WHERE sha256 != '' AND uploaded_at IS NULL"
    " AND event_id IS NOT NULL",
)
# SYNC_PENDING again on a database that has it, inside a transaction that is rolled back.
REMIGRATE = ("BEGIN IMMEDIATE; DROP TRIGGER dossier_events_to_send; DROP TRIGGER sync_answers_sent;"
             " DROP TRIGGER sync_answers_resent; DROP TRIGGER sync_answers_forgotten;"
             " DROP TABLE sync_pending; DROP TABLE sync_pending_totals; DROP TABLE sync_kinds;\n"
             + migrations.SYNC_PENDING + "\nROLLBACK;")


def floor(raw: sqlite3.Connection) -> None:
    for sql in FLOOR:
        raw.execute(sql).fetchall()


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def add_uploads(conn: sqlite3.Connection, n: int) -> None:
    """n scanned files (rows only), each linked to one of the newest dossiers, none uploaded."""
    have = conn.execute("SELECT count(*) FROM attachments WHERE uploaded_at IS NULL").fetchone()[0]
    if have >= n:
        return
    dossiers = [r[0] for r in conn.execute(
        "SELECT id FROM dossiers ORDER BY rowid DESC LIMIT ?", (n - have,))]
    conn.execute("BEGIN")
    for i, dossier_id in enumerate(dossiers):
        sha = f"{have + i:064x}"
        conn.execute("INSERT INTO attachments (sha256, size, pages, name, media_type,"
                     " source_type, created_at) VALUES (?, 250000, 2, 'scan.pdf',"
                     " 'application/pdf', 'application/pdf', '2026-11-20T09:00:00')", (sha,))
        conn.execute("INSERT INTO dossier_attachments (dossier_id, position, item_position,"
                     " item_name, sha256, event_id, added_at) VALUES (?, 1, 1, 'Tờ khai', ?,"
                     " 'bench', '2026-11-20T09:00:00')", (dossier_id, sha))
    conn.execute("COMMIT")


def timed(fn: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def summary(samples: list[float]) -> dict[str, float]:
    return {"median_ms": ms(statistics.median(samples)), "min_ms": ms(min(samples)),
            "max_ms": ms(max(samples))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, help="data directory (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="--dir already holds the data")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--uploads", type=int, default=2_000)
    args = parser.parse_args()

    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="qmc-bench-status-"))
    out: dict[str, Any] = {"bench": "sync_status", "data_dir": str(data_dir),
                           "repeat": args.repeat, "load_average_before": os.getloadavg()}
    try:
        if not args.reuse:
            log(f"building {args.dossiers:,} dossiers in {data_dir}")
            seconds, _ = timed(lambda: _build(data_dir, args.dossiers))
            out["build_seconds"] = round(seconds, 1)
        path = data_dir / db.DB_FILENAME
        probe = sqlite3.connect(path)
        version = db.schema_version(probe)
        probe.close()
        conn = db.connect(path, check=False, target=version)  # nothing migrated yet
        out["schema_before"] = db.schema_version(conn)
        if out["schema_before"] < migrations.SCHEMA_VERSION:
            log(f"migrating from schema {out['schema_before']} (SQL only, no backup copy)")
            seconds, _ = timed(lambda: db.migrate(conn, None))
            out["migration_seconds"] = round(seconds, 2)
        else:  # the same SQL again, rolled back
            log("timing the SYNC_PENDING migration's SQL (rolled back)")
            seconds, _ = timed(lambda: conn.executescript(REMIGRATE))
            out["sync_pending_migration_seconds_rolled_back"] = round(seconds, 2)
        add_uploads(conn, args.uploads)
        counter = Counter(conn, data_dir)
        raw = sqlite3.connect(path)
        n_events = conn.execute("SELECT count(*) FROM dossier_events").fetchone()[0]
        out["dossiers"] = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        out["events"] = n_events
        out["db_bytes"] = path.stat().st_size
        # Warm the OS and page caches for all three, then alternate them.
        status = sync_service.status(counter)
        conn.execute(OLD_COUNT, (0,)).fetchone()
        app_s: list[float] = []
        old_s: list[float] = []
        recount_s: list[float] = []
        floor_s: list[float] = []
        uploads_s: list[float] = []
        for i in range(args.repeat):
            t, status = timed(lambda: sync_service.status(counter))
            app_s.append(t)
            t, _ = timed(lambda: floor(raw))
            floor_s.append(t)
            t, _ = timed(lambda: raw.execute(UPLOADS).fetchone())
            uploads_s.append(t)
            mark = sync_store.get_state(conn).outbox_mark
            t, old = timed(lambda mark=mark: conn.execute(OLD_COUNT, (mark,)).fetchone()[0])
            old_s.append(t)
            t, counted = timed(lambda: sync_store.recount_pending(conn))
            recount_s.append(t)
            log(f"run {i + 1}/{args.repeat}: status {ms(app_s[-1])} ms, old count"
                f" {ms(old_s[-1])} ms, recount {ms(recount_s[-1])} ms")
        kept = sync_store.pending(conn)
        if kept != counted or old != kept.events:
            log(f"kept {kept} differs from the log: {counted}, old count {old}")
            return 1
        out.update(
            pending={"events": kept.events, "dossiers": kept.dossiers,
                     "manifests": kept.manifests, "forms": kept.forms,
                     "scans": status.scans_pending, "form_files": status.form_files_pending},
            status=summary(app_s), before_event_count=summary(old_s),
            before_dossier_recount=summary(recount_s), floor=summary(floor_s),
            floor_uploads_count_alone=summary(uploads_s),
            ratio=round(statistics.median(app_s) / statistics.median(floor_s), 1),
            speed_up_over_before=round(statistics.median(old_s) / statistics.median(app_s)),
            load_average_after=os.getloadavg())
        raw.close()
        conn.close()
    finally:
        if args.dir is None and not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

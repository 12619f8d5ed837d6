"""Report benchmark: Biểu II.06a for a year over N dossiers, next to one aggregate SQL query.

    .venv/bin/python bench/bench_reports.py [--dossiers N] [--dir DIR] [--keep] [--repeat R]

Fills one database (the app's schema) by direct SQL — the benchmark only: N dossiers received
from 1/7/2024 to 31/12/2025 over 60 procedures in 12 fields, 30 % online and 10 % by post, 75 %
finished (status events, a third of them returned too), 5 % withdrawn, the rest open; every
dossier row carries the JSON record of a real dossier (its size matters to json_extract). Then
times, R times each:

- app: `services.reports.statistics` for 1/1–31/12/2025 per field and per procedure;
- floor: ONE aggregate query over the same table and period (count, finished, overdue per
  procedure from the indexed columns) — what a report costs that reads the rows once;
- floor_channel: the same query plus the channel read from the JSON record;
- before_columns: the II.06a query as it was before schema REPORT_COLUMNS (channel from the
  JSON record, finished/stopped days looked up in the event log), on the same database;
- dashboard: `services.dashboard.dashboard` as on 31/12/2025 16:00 (all its figures).

`--migrate` fills the database at the schema before REPORT_COLUMNS and times that migration
(it fills the new columns of every existing row) before measuring.

Prints one JSON object on stdout (ratio = app median / floor median); progress on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics as stats
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app.domain.reports import GroupBy  # noqa: E402
from counter_app.printing.statistics_xlsx import statistics_xlsx  # noqa: E402
from counter_app.services import dashboard, reports  # noqa: E402
from counter_app.services.counter import Counter  # noqa: E402
from counter_app.store import db  # noqa: E402
from counter_app.store.migrations import MIGRATIONS, REPORT_COLUMNS  # noqa: E402

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
FIRST = dt.datetime(2024, 7, 1, 7, 30)
SPAN_DAYS = 549  # to 31/12/2025
FIELDS = 12
PROCEDURES = 60

FLOOR = """
SELECT procedure_code, count(*), sum(status IN (9, 10)), sum(due_at < :end)
FROM dossiers WHERE received_at >= :start AND received_at < :after GROUP BY procedure_code
"""
FLOOR_CHANNEL = """
SELECT procedure_code, count(*), sum(status IN (9, 10)), sum(due_at < :end),
       sum(json_extract(data, '$.channel') = 2)
FROM dossiers WHERE received_at >= :start AND received_at < :after GROUP BY procedure_code
"""
# The II.06a SQL before schema REPORT_COLUMNS (store/reports.py until then), kept to measure
# the gap the columns closed, in the same run.
_OLD_PER_DOSSIER = """
SELECT d.procedure_code AS proc,
       substr(d.received_at, 1, 10) AS rday,
       substr(d.due_at, 1, 10) AS dday,
       CASE WHEN d.received_at >= :start THEN json_extract(d.data, '$.channel') END AS channel,
       CASE WHEN d.status IN (9, 10) THEN coalesce({first_move_finished},
            substr(d.updated_at, 1, 10)) END AS fday,
       CASE WHEN d.status IN (7, 8) THEN coalesce({first_move_stopped},
            substr(d.updated_at, 1, 10)) END AS sday
FROM dossiers d
WHERE d.outcome = 'received' AND d.status IN (2, 4, 5, 6, 7, 8, 9, 10)
  AND d.received_at < :after
  AND (d.received_at >= :start OR d.status IN (2, 4, 5, 6) OR d.updated_at >= :start)
"""

_OLD_FIRST_MOVE = """(SELECT min(substr(CASE WHEN e.kind = 'portal_status'
            THEN coalesce(nullif(json_extract(e.payload, '$.at'), ''), e.at) ELSE e.at END, 1, 10))
        FROM dossier_events e
        WHERE e.dossier_id = d.id AND e.kind IN ('status_changed', 'portal_status')
          AND json_extract(e.payload, '$.to') IN ({to}))"""

# The same rules as domain.reports.count_dossier, as sums over the dossiers of the period.
_OLD_AGGREGATE = """
WITH x AS MATERIALIZED ({per_dossier}),
y AS (SELECT *, coalesce(fday, sday) AS cday FROM x
      WHERE rday >= :start OR cday IS NULL OR cday >= :start)
SELECT proc,
  sum(rday >= :start AND channel = 2) AS online,
  sum(rday >= :start AND coalesce(channel, 1) <> 2) AS direct_postal,
  sum(rday >= :start AND channel = 3) AS postal,
  sum(rday < :start) AS carried_over,
  sum(fday <= :end AND fday < dday) AS early,
  sum(fday <= :end AND (dday IS NULL OR fday = dday)) AS on_time,
  sum(fday <= :end AND fday > dday) AS late,
  sum((cday IS NULL OR cday > :end) AND (dday IS NULL OR dday >= :end)) AS within_time,
  sum((cday IS NULL OR cday > :end) AND dday < :end) AS overdue,
  sum(sday <= :end) AS withdrawn_stopped
FROM y GROUP BY proc
"""

OLD_SQL = _OLD_AGGREGATE.format(per_dossier=_OLD_PER_DOSSIER.format(
    first_move_finished=_OLD_FIRST_MOVE.format(to="9, 10"),
    first_move_stopped=_OLD_FIRST_MOVE.format(to="7, 8"),
))

_T0 = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - _T0:8.1f}s] {message}", file=sys.stderr, flush=True)


def template() -> dict[str, Any]:
    """The JSON record of one real dossier, as the app writes it."""
    return {
        "id": "", "code": "", "outcome": "received", "procedure_code": "",
        "procedure_name": "Thủ tục đăng ký khai sinh", "agency_code": "000.00.06.H56",
        "workstation": 1, "channel": 1, "sets": 1, "status": 2,
        "applicant": {"full_name": "Nguyễn Thị Hương", "id_number": "001185012345",
                      "id_kind": "cccd", "birth_date": "1985-03-04", "gender": "Nữ",
                      "phone": "0912345678", "email": "",
                      "address": "Số 12 đường Lê Lợi, xã Tân Phú, tỉnh Khánh Hòa"},
        "submitter": None,
        "documents": [{"name": "Tờ khai đăng ký khai sinh theo mẫu", "original": 1,
                       "certified_copy": 0, "photocopy": 0, "mandatory": True},
                      {"name": "Giấy chứng sinh", "original": 1, "certified_copy": 0,
                       "photocopy": 0, "mandatory": True}],
        "received_at": "", "due_at": "", "delivery": "counter", "delivery_address": "",
        "fees": [{"name": "Lệ phí đăng ký khai sinh", "amount": 0, "paid": False}],
        "book_number": "01/2025", "book_sequence": 1, "postal_item": "", "notes": "",
        "reason": "", "lookup_secret": "a1b2c3d4", "missing": [], "created_by": "clerk1",
        "updated_at": "", "extra": {},
    }


def fill(conn: sqlite3.Connection, n: int, seed: int = 2025) -> None:
    rnd = random.Random(seed)
    now = "2026-01-05T08:00:00"
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO procedures (code, name, name_folded, field_name, level, data, updated_at)"
        " VALUES (?, ?, ?, ?, 'commune', '{}', ?)",
        [(f"1.{i:06d}", f"Thủ tục số {i}", f"thu tuc so {i}", f"Lĩnh vực {i % FIELDS + 1}",
          now) for i in range(PROCEDURES)])
    base = template()
    rows: list[tuple[Any, ...]] = []
    evs: list[tuple[Any, ...]] = []

    def flush() -> None:
        conn.executemany(
            "INSERT INTO dossiers (id, code, outcome, status, procedure_code, procedure_name,"
            " agency_code, applicant_name, received_at, due_at, search_text, data, updated_at)"
            " VALUES (?, ?, 'received', ?, ?, 'Thủ tục', '000.00.06.H56', 'Nguyễn Thị Hương',"
            " ?, ?, ?, ?, ?)", rows)
        conn.executemany(
            "INSERT INTO dossier_events (id, dossier_id, kind, at, workstation, payload)"
            " VALUES (?, ?, ?, ?, 1, ?)", evs)
        rows.clear()
        evs.clear()

    for i in range(n):
        received = FIRST + dt.timedelta(days=SPAN_DAYS * i / n, minutes=rnd.randrange(540))
        due = received + dt.timedelta(days=rnd.randint(0, 15))
        channel = 2 if rnd.random() < 0.3 else (3 if rnd.random() < 0.14 else 1)
        fate = rnd.random()
        status, updated = (4 if rnd.random() < 0.5 else 2), received
        did = str(uuid.uuid4())
        evs.append((str(uuid.uuid4()), did, "received", received.isoformat(), '{"dossier": {}}'))
        if fate < 0.80:
            kind = "withdrawn" if fate < 0.05 else "finished"
            at = received + dt.timedelta(days=rnd.randint(0, (due - received).days + 5),
                                         hours=rnd.randint(0, 6))
            to = 7 if kind == "withdrawn" else 9
            evs.append((str(uuid.uuid4()), did, "status_changed", at.isoformat(),
                        json.dumps({"from": 2, "to": to, "note": ""})))
            status, updated = to, at
            if to == 9 and rnd.random() < 0.33:
                at = at + dt.timedelta(days=rnd.randint(0, 5))
                evs.append((str(uuid.uuid4()), did, "status_changed", at.isoformat(),
                            json.dumps({"from": 9, "to": 10, "note": ""})))
                status, updated = 10, at
        proc = f"1.{rnd.randrange(PROCEDURES):06d}"
        code = f"000.00.06.H56-{received:%y%m%d}-{i:07d}"
        record = {**base, "id": did, "code": code, "procedure_code": proc, "channel": channel,
                  "status": status, "received_at": received.isoformat(),
                  "due_at": due.isoformat(), "updated_at": updated.isoformat()}
        rows.append((did, code, status, proc, received.isoformat(), due.isoformat(),
                     f"{received:%y%m%d} {i:07d} nguyen thi huong",
                     json.dumps(record, ensure_ascii=False), updated.isoformat()))
        if len(rows) >= 20_000:
            flush()
            if i % 200_000 < 20_000:
                log(f"  {i + 1:,} dossiers")
    flush()
    conn.execute("COMMIT")
    conn.execute("ANALYZE")


def timed(fn: Any, repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def summary(times: list[float]) -> dict[str, float]:
    return {"median_s": round(stats.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, help="data directory (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--migrate", action="store_true",
                        help="fill at the schema before REPORT_COLUMNS, time that migration")
    args = parser.parse_args(argv)
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="qmc-bench-reports-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / db.DB_FILENAME
    if path.exists():
        parser.error(f"{path} exists: use another --dir")
    result: dict[str, Any] = {
        "bench": "reports", "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "sqlite": sqlite3.sqlite_version},
        "n": args.dossiers, "period": [START.isoformat(), END.isoformat()],
    }
    try:
        before = MIGRATIONS.index(REPORT_COLUMNS)
        conn = db.connect(path, target=before if args.migrate else None)
        log(f"filling {args.dossiers:,} dossiers in {data_dir}")
        t0 = time.perf_counter()
        fill(conn, args.dossiers)
        result["fill_s"] = round(time.perf_counter() - t0, 1)
        if args.migrate:
            log("migration REPORT_COLUMNS")
            t0 = time.perf_counter()
            db.migrate(conn, None)
            conn.execute("ANALYZE")
            result["migration_report_columns_s"] = round(time.perf_counter() - t0, 1)
        result["db_bytes"] = path.stat().st_size
        counter = Counter(conn, data_dir)
        params = {"start": START.isoformat(), "end": END.isoformat(),
                  "after": (END + dt.timedelta(days=1)).isoformat()}
        log("floor: one aggregate query")
        floor, _ = timed(lambda: conn.execute(FLOOR, params).fetchall(), args.repeat)
        floor_ch, _ = timed(lambda: conn.execute(FLOOR_CHANNEL, params).fetchall(), args.repeat)
        log("II.06a as before REPORT_COLUMNS")
        old, _ = timed(lambda: conn.execute(OLD_SQL, params).fetchall(), args.repeat)
        log("II.06a per field")
        app, report = timed(lambda: reports.statistics(counter, START, END), args.repeat)
        log("II.06a per procedure")
        app_p, _ = timed(lambda: reports.statistics(counter, START, END, GroupBy.PROCEDURE),
                         args.repeat)
        xlsx, _ = timed(lambda: statistics_xlsx(report), args.repeat)
        log("dashboard (the supervisor's page) on 31/12/2025")
        board = Counter(conn, data_dir, clock=lambda: dt.datetime(2025, 12, 31, 16, 0))
        dash, shown = timed(lambda: dashboard.dashboard(board), args.repeat)
        result.update({
            "floor": summary(floor), "floor_channel": summary(floor_ch),
            "app_by_field": summary(app), "app_by_procedure": summary(app_p),
            "xlsx_render": summary(xlsx), "before_columns": summary(old),
            "dashboard": summary(dash),
            "dashboard_figures": {"received_30_days": shown.received_total,
                                  "overdue": shown.overdue, "due_soon": shown.due_soon,
                                  "procedures_rated": len(shown.rates)},
            "ratio_before_columns": round(stats.median(old) / stats.median(floor), 2),
            "ratio": round(stats.median(app) / stats.median(floor), 2),
            "ratio_to_floor_channel": round(stats.median(app) / stats.median(floor_ch), 2),
            "totals": report.totals.as_dict(),
        })
        conn.close()
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(data_dir, ignore_errors=True)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

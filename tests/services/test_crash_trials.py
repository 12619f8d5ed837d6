"""Crash safety: a process receiving dossiers is killed (SIGKILL) at random moments, many times;
after each kill the database opens, passes the full integrity check, and holds no half-written
dossier: every batch is there whole or not at all, with its events, checklist, search rows and
counters in step."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from counter_app.services.counter import Counter
from counter_app.store import db
from tests.cli.test_cli import ROOT as ROOT_DIR

TRIALS = int(os.environ.get("QMC_CRASH_TRIALS", "12"))
BATCH = 5  # dossiers per transaction: a kill inside one must leave none of the five

WORKER = textwrap.dedent("""
    import datetime as dt
    import sys
    from counter_app.services.counter import Counter
    from tests.conftest import birth_draft, applicant
    counter = Counter.open(sys.argv[1])
    first_day = dt.datetime(2026, 1, 5, 9, 0) + dt.timedelta(days=10 * int(sys.argv[2]))
    names = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải"]
    n = 0
    while True:
        drafts = [birth_draft(applicant=applicant(full_name="Nguyễn Văn Thử " + names[i]),
                              notes="x" * (200 * (i + 1)), user="lan",
                              received_at=first_day + dt.timedelta(days=n // 500))
                  for i in range(BATCH)]
        counter.receive_many(drafts)
        n += len(drafts)
        sys.stdout.write(f"{n}\\n")
        sys.stdout.flush()
""").replace("BATCH", str(BATCH))


def _check(data_dir: Path, acknowledged: int) -> int:
    with Counter.open(data_dir) as counter:
        conn = counter.conn
        assert db.integrity_problems(conn, full=True) == []
        conn.execute("INSERT INTO dossier_fts (dossier_fts) VALUES ('integrity-check')")
        q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        dossiers = q("SELECT count(*) FROM dossiers")
        assert dossiers % BATCH == 0, "a batch was half-written"
        assert dossiers >= acknowledged, "a committed batch was lost"
        assert q("SELECT count(*) FROM dossier_events WHERE kind = 'received'") == dossiers
        assert q("SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM"
                 " dossier_documents x WHERE x.dossier_rowid = d.rowid)") == 0
        assert q("SELECT count(*) FROM dossiers WHERE code IS NULL") == 0
        assert q("SELECT count(DISTINCT code) FROM dossiers") == dossiers
        assert q("SELECT coalesce(sum(used), 0) FROM code_counters") == dossiers
        assert q("SELECT coalesce(max(used), 0) FROM book_counters") == dossiers
        # The search index holds exactly the dossiers.
        assert q("SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH 'thu'") == dossiers
        return dossiers


@pytest.mark.slow
def test_killing_the_app_in_the_middle_of_receptions_never_leaves_half_a_dossier(counter):
    data_dir = counter.data_dir
    counter.close()
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT_DIR)}
    total = 0
    for trial in range(TRIALS):
        proc = subprocess.Popen([sys.executable, "-c", WORKER, str(data_dir), str(trial)],
                                cwd=ROOT_DIR, env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # it is receiving now
        assert first, "the worker stopped before receiving anything"
        acknowledged = int(first)
        time.sleep(rng.uniform(0.0, 0.4))  # … somewhere in the middle of a batch or a commit
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        for line in proc.stdout.read().split():
            acknowledged = int(line)
        after = _check(data_dir, total + acknowledged)
        assert after > total, f"trial {trial}: nothing was received"
        total = after

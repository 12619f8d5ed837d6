"""An upgrade says how far it is (for the window's progress dialog), and two processes upgrading
the same file at once never apply a migration twice."""

from __future__ import annotations

import shutil
import sqlite3

from counter_app.store import db
from counter_app.store.migrations import SCHEMA_VERSION
from tests.fixtures import schema_fixtures

OLD = 5


def _old_database(tmp_path):
    live = tmp_path / "d" / db.DB_FILENAME
    live.parent.mkdir()
    shutil.copy(schema_fixtures.path_of(OLD), live)
    return live


def _dossier_rows(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    finally:
        conn.close()


def test_an_upgrade_reports_the_copy_its_check_and_each_migration(tmp_path):
    live = _old_database(tmp_path)
    heard: list[tuple[str, int, int]] = []
    conn = db.connect(live, progress=lambda *step: heard.append(step))
    conn.close()
    stages = [stage for stage, _done, _total in heard]
    assert stages[0] == "copy" and "check" in stages and stages[-1] == "migrate"
    assert stages.index("check") < stages.index("migrate")  # the copy is sound before any change
    copied = [(done, total) for stage, done, total in heard if stage == "copy"]
    assert copied[-1][0] == copied[-1][1] > 0  # every page of the copy
    steps = SCHEMA_VERSION - OLD
    assert [(d, t) for s, d, t in heard if s == "migrate"] == [(k, steps) for k in range(steps + 1)]


def test_a_normal_start_reports_nothing(tmp_path):
    live = _old_database(tmp_path)
    db.connect(live).close()  # upgraded once
    heard: list[tuple[str, int, int]] = []
    db.connect(live, progress=lambda *step: heard.append(step)).close()
    assert heard == []


def test_two_processes_upgrading_at_once_apply_each_migration_once(tmp_path):
    live = _old_database(tmp_path)
    rows = _dossier_rows(live)
    late = db.connect(live, check=False, target=OLD)  # read version OLD, like a second window
    done_by_other: list[bool] = []

    def other_window_upgrades_first(stage: str, _done: int, _total: int) -> None:
        if stage == "migrate" and not done_by_other:
            done_by_other.append(True)
            db.connect(live).close()  # the first window's whole upgrade, meanwhile

    try:
        db.migrate(late, None, progress=other_window_upgrades_first)
        assert db.schema_version(late) == SCHEMA_VERSION
        assert db.integrity_problems(late, full=True) == []
    finally:
        late.close()
    assert done_by_other and _dossier_rows(live) == rows

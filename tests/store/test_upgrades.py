"""Every released schema version upgrades to the current one without losing a row."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from counter_app.services.counter import Counter
from counter_app.store import db
from counter_app.store import sync as sync_store
from counter_app.store.migrations import SCHEMA_VERSION
from tests.conftest import birth_draft
from tests.fixtures import schema_fixtures

RELEASED = range(1, SCHEMA_VERSION)
MAKE = ".venv/bin/python -m tests.fixtures.schema_fixtures"


def test_every_released_schema_version_has_a_fixture():
    missing = schema_fixtures.missing_versions()
    assert not missing, (
        f"no fixture database for schema version(s) {missing}: a migration was appended, so "
        f"version {SCHEMA_VERSION - 1} is released. Run `{MAKE}` and commit the new file(s).")


def _row_counts(path) -> dict[str, int]:
    """Rows per table, leaving out FTS's own storage (rebuilt by migrations, not data)."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'dossier_fts%'")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.mark.parametrize("version", RELEASED)
def test_a_released_database_upgrades_to_the_current_schema_keeping_every_row(tmp_path, version,
                                                                             clock):
    fixture = schema_fixtures.path_of(version)
    if not fixture.exists():
        pytest.fail(f"tests/fixtures/{fixture.name} is missing: run `{MAKE}`")
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    live = data_dir / db.DB_FILENAME
    shutil.copy(fixture, live)
    before = _row_counts(live)
    assert sqlite3.connect(fixture).execute("PRAGMA user_version").fetchone()[0] == version

    with Counter.open(data_dir, clock) as counter:
        assert db.schema_version(counter.conn) == SCHEMA_VERSION
        assert counter.integrity_problems(full=True) == []
        after = _row_counts(live)
        lost = {t: (n, after.get(t)) for t, n in before.items() if after.get(t, -1) < n}
        assert not lost, f"rows lost by the upgrade from v{version}: {lost}"
        # Every dossier still reads back whole, with its events, and is found by name.
        ids = [r[0] for r in counter.conn.execute("SELECT id FROM dossiers ORDER BY rowid")]
        assert len(ids) == before["dossiers"]
        for dossier_id in ids:
            dossier = counter.get_by_id(dossier_id)
            assert counter.events(dossier_id), dossier.code
            if dossier.code:
                assert counter.get(dossier.code).id == dossier_id
        assert [d.applicant.full_name for d in counter.search("dang van duc")] == ["Đặng Văn Đức"]
        # What waits for the portal is counted once by the upgrade (SYNC_PENDING).
        assert sync_store.pending(counter.conn) == sync_store.recount_pending(counter.conn)
        # The report columns hold what the events say (REPORT_COLUMNS fills them for old rows).
        for dossier_id, channel, finished_on in counter.conn.execute(
                "SELECT id, channel, finished_on FROM dossiers").fetchall():
            days = [e.at.date().isoformat() for e in counter.events(dossier_id)
                    if e.kind == "status_changed" and e.payload.get("to") in (9, 10)]
            assert finished_on == (min(days) if days else None)
            assert channel == counter.get_by_id(dossier_id).channel
        # The copy made before the upgrade is the untouched old file, verified.
        copies = list((data_dir / "backups").glob(f"before-migration-v{version}-*.sqlite3"))
        assert len(copies) == 1 and _row_counts(copies[0]) == before
        # And the workstation goes on receiving.
        received = counter.receive(birth_draft()).dossier
        assert counter.get(received.code or "").applicant.full_name == "Nguyễn Thị Hương"


def test_a_fixture_can_be_built_only_up_to_a_released_version(tmp_path):
    with pytest.raises(ValueError):
        schema_fixtures.build(SCHEMA_VERSION + 1, tmp_path / "x.sqlite3")


def test_migrate_stops_at_the_target_version(tmp_path):
    conn = db.connect(tmp_path / "c.sqlite3", target=2)
    try:
        assert db.schema_version(conn) == 2
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "dossiers" in names and "sync_state" not in names
    finally:
        conn.close()
    conn = db.connect(tmp_path / "c.sqlite3")
    assert db.schema_version(conn) == SCHEMA_VERSION
    conn.close()


def test_report_columns_skip_a_damaged_payload_in_the_migration_and_the_trigger(tmp_path):
    """An event whose payload is not JSON (the sync engine quarantines those) neither stops the
    REPORT_COLUMNS migration nor its own insert afterwards."""
    from counter_app.store.migrations import MIGRATIONS, REPORT_COLUMNS

    path = tmp_path / "c.sqlite3"
    conn = db.connect(path, target=MIGRATIONS.index(REPORT_COLUMNS))
    insert = ("INSERT INTO dossier_events (id, dossier_id, kind, at, workstation, payload)"
              " VALUES (?, 'd', 'status_changed', '2026-11-20T10:00:00', 1, '{broken')")
    conn.execute(insert, ("e1",))
    db.migrate(conn, None)
    assert db.schema_version(conn) == SCHEMA_VERSION
    conn.execute(insert, ("e2",))
    assert conn.execute("SELECT count(*) FROM dossier_events").fetchone()[0] == 2
    conn.close()

"""Opening, migrating, checking and protecting the local database."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from counter_app.services.counter import Counter
from counter_app.store import db, migrations
from tests.conftest import FIXTURES, birth_draft


def test_fresh_database_has_current_schema_and_pragmas(tmp_path):
    conn = db.connect(tmp_path / "c.sqlite3")
    assert db.schema_version(conn) == migrations.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_events_are_append_only(counter):
    counter.receive(birth_draft())
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        counter.conn.execute("UPDATE dossier_events SET user = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        counter.conn.execute("DELETE FROM dossier_events")
    assert counter.conn.execute("SELECT count(*) FROM dossier_events").fetchone()[0] == 1


def test_migration_backs_up_first_and_keeps_data(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite3"
    conn = db.connect(path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('profile.agency_code', 'H56')")
    conn.close()
    extra = "CREATE TABLE later_feature (id INTEGER PRIMARY KEY);"
    monkeypatch.setattr(db, "MIGRATIONS", (*migrations.MIGRATIONS, extra))
    monkeypatch.setattr(db, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    conn = db.connect(path)
    assert db.schema_version(conn) == migrations.SCHEMA_VERSION + 1
    backups = list((tmp_path / "backups").glob(
        f"before-migration-v{migrations.SCHEMA_VERSION}-*.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert old.execute("SELECT value FROM settings").fetchone()[0] == "H56"
    assert conn.execute("SELECT value FROM settings").fetchone()[0] == "H56"


def test_failed_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite3"
    db.connect(path).close()
    broken = "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(db, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    monkeypatch.setattr(db, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    with pytest.raises(sqlite3.OperationalError):
        db.connect(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names


def test_database_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / "c.sqlite3"
    conn = db.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(db.DatabaseTooNew):
        db.connect(path)


def test_corruption_is_detected_on_open(tmp_path):
    path = tmp_path / "c.sqlite3"
    conn = db.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                     [(f"k{i}", "x" * 500) for i in range(200)])
    conn.close()
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(raw) - page, page):  # scribble over every page but one
        raw[offset + 100: offset + 600] = b"\xff" * 500
    path.write_bytes(bytes(raw))
    with pytest.raises((db.DatabaseCorrupt, sqlite3.DatabaseError)):
        db.connect(path)


def test_a_schema_v1_database_is_upgraded_with_its_data(tmp_path):
    """tests/fixtures/schema_v1.sqlite3 was written by the first released schema."""
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    shutil.copy(FIXTURES / "schema_v1.sqlite3", data_dir / db.DB_FILENAME)
    with Counter.open(data_dir) as counter:
        assert db.schema_version(counter.conn) == migrations.SCHEMA_VERSION
        assert len(list((data_dir / "backups").glob("before-migration-v1-*.sqlite3"))) == 1
        duc = counter.get("000.00.06.H56-261120-0002")
        assert duc.applicant.full_name == "Đặng Văn Đức"
        assert [e.kind for e in counter.events(duc.id)] == ["received", "status_changed"]
        assert [d.id for d in counter.search("dang van")] == [duc.id]
        assert [s.code for s in counter.search_summaries("0002")] == [duc.code]
        lines = counter.search_summaries("", limit=10)
        assert [s.procedure_name for s in lines] == ["Thủ tục đăng ký khai sinh"] * 3
        texts = [r[0] for r in counter.conn.execute("SELECT search_text FROM dossiers")]
        assert not any("h56" in t or "1.001193" in t for t in texts)
        # New receptions continue the day's numbering of the old database.
        assert counter.receive(birth_draft(received_at=duc.received_at)).dossier.code \
            == "000.00.06.H56-261120-0003"


def test_full_check_finds_damage_the_quick_open_check_skips(tmp_path):
    """A damaged dossier index does not stop the counter opening; `check` finds it."""
    path = tmp_path / "c.sqlite3"
    conn = db.connect(path)
    conn.executemany(
        "INSERT INTO dossier_events (id, dossier_id, kind, at, user, workstation, payload)"
        " VALUES (?, 'd', 'received', '2026-11-20T09:00:00', '', 1, '{}')",
        [(f"e{i:05d}",) for i in range(3000)])
    conn.execute("PRAGMA writable_schema = ON")
    # Point the UNIQUE index of dossier_events.id at the table's own root page: corrupt.
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'dossier_events'"
                        ).fetchone()[0]
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = "
                 "'sqlite_autoindex_dossier_events_1'", (root,))
    conn.close()
    reopened = db.connect(path)  # the quick check of the small tables passes
    assert db.integrity_problems(reopened, full=True)


def test_a_file_that_is_not_a_database_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    with pytest.raises(db.DatabaseCorrupt):
        db.connect(path)
    assert path.read_bytes().startswith(b"this is a spreadsheet")  # left as it was

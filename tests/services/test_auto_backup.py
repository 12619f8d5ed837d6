"""The daily backup: once a day, verified, rotated, with the scans beside it; restore brings
the scans back; the copy before a migration goes through the same verified path."""

from __future__ import annotations

import sqlite3

import pytest

from counter_app.services import auto_backup
from counter_app.services import backup as bk
from counter_app.services.counter import Counter
from counter_app.store import db, migrations
from counter_app.store.attachments import blob_store
from tests.conftest import birth_draft


def _dossiers(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    finally:
        conn.close()


def test_the_first_start_of_a_day_backs_up_and_later_starts_do_not(counter, clock):
    counter.receive(birth_draft())
    first = auto_backup.daily_backup(counter)
    assert first.made is not None
    assert first.made.path.name == "counter-20261120-093200.sqlite3"
    assert _dossiers(first.made.path) == 1
    clock.advance(hours=3)
    counter.receive(birth_draft())
    assert auto_backup.daily_backup(counter).made is None  # same day: nothing more
    clock.advance(days=1)
    second = auto_backup.daily_backup(counter)
    assert second.made is not None and _dossiers(second.made.path) == 2
    names = sorted(p.name for p in bk.default_dir(counter.data_dir).glob("counter-*.sqlite3"))
    assert names == ["counter-20261120-093200.sqlite3", "counter-20261121-123200.sqlite3"]


def test_daily_backups_rotate(counter, clock):
    for _ in range(5):
        auto_backup.daily_backup(counter, rotation=bk.Rotation(daily=3, weekly=0))
        clock.advance(days=1)
    kept = sorted(p.name[8:16] for p in bk.default_dir(counter.data_dir).glob("counter-*"))
    assert kept == ["20261122", "20261123", "20261124"]


def test_scans_are_copied_beside_the_backup_verified_and_restored(counter, clock, tmp_path):
    store = blob_store(counter.data_dir)
    good, _ = store.put(b"%PDF-1.4 first scan")
    bad, _ = store.put(b"%PDF-1.4 second scan")
    store.path(bad).write_bytes(b"%PDF-1.4 changed on disk")  # bytes no longer match the name
    made = auto_backup.daily_backup(counter)
    mirror = bk.default_dir(counter.data_dir) / "attachments"
    assert made.attachments.copied == 1 and made.attachments.damaged == (bad,)
    assert (mirror / good[:2] / f"{good[2:]}.pdf").read_bytes() == b"%PDF-1.4 first scan"
    assert not (mirror / bad[:2] / f"{bad[2:]}.pdf").exists()
    assert not list(mirror.rglob("*.partial"))
    assert made.made is not None

    store.path(good).unlink()  # the scan is lost on the workstation …
    counter.close()
    restored = bk.restore(counter.data_dir, made.made.path, clock())
    assert restored.attachments.copied == 1  # … and comes back with the restore
    assert store.read(good) == b"%PDF-1.4 first scan"
    counter.conn = db.connect(counter.data_dir / db.DB_FILENAME)


def test_a_second_backup_copies_only_new_scans(counter):
    store = blob_store(counter.data_dir)
    store.put(b"%PDF-1.4 one")
    target = counter.data_dir / "usb"
    assert auto_backup.backup_now(counter, target).attachments.copied == 1
    store.put(b"%PDF-1.4 two")
    assert auto_backup.backup_now(counter, target).attachments.copied == 1


def test_the_copy_before_a_migration_is_verified_and_a_bad_one_stops_the_upgrade(
        tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite3"
    db.connect(path).close()
    monkeypatch.setattr(db, "MIGRATIONS", (*migrations.MIGRATIONS, "CREATE TABLE later (x);"))
    monkeypatch.setattr(db, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    monkeypatch.setattr(db, "integrity_problems", lambda conn, **kw: ["page 7: btree broken"])
    with pytest.raises(db.DatabaseCorrupt):
        db.connect(path, check=False)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert not list((tmp_path / "backups").iterdir())  # no half-made copy left either


def test_daily_backup_works_on_a_second_connection_while_the_clerk_writes(counter, clock):
    """The window makes it on its own connection: WAL lets it read while the lane writes."""
    other = Counter.open(counter.data_dir, clock)
    try:
        counter.conn.execute("BEGIN IMMEDIATE")
        counter.conn.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")
        made = auto_backup.daily_backup(other)
        counter.conn.execute("COMMIT")
    finally:
        other.close()
    assert made.made is not None and made.made.path.exists()

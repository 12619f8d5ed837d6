"""Backups: verified copies, rotation by a fake clock; restore refuses what it cannot trust."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from counter_app.services import backup as bk
from counter_app.services.counter import Counter
from counter_app.store import db
from counter_app.store.migrations import SCHEMA_VERSION
from tests.conftest import birth_draft


def test_backup_and_restore_round_trip(counter, clock, tmp_path):
    first = counter.receive(birth_draft()).dossier
    result = bk.backup(counter.conn, bk.default_dir(counter.data_dir), clock())
    assert result.path.name == "counter-20261120-093200.sqlite3"
    assert result.path.parent == counter.data_dir / "backups"
    assert not list(result.path.parent.glob("*.partial"))
    later = counter.receive(birth_draft()).dossier
    counter.close()

    restored = bk.restore(counter.data_dir, result.path, clock())
    assert restored.schema_version == SCHEMA_VERSION
    assert restored.safety_copy is not None and restored.safety_copy.exists()
    with Counter.open(counter.data_dir, clock) as c:
        assert c.get_by_id(first.id).code == first.code
        assert [d.id for d in c.search(later.code or "")] == []
        assert c.integrity_problems() == []
    # The safety copy still holds what was there before the restore.
    with sqlite3.connect(restored.safety_copy) as safe:
        assert safe.execute("SELECT count(*) FROM dossiers").fetchone()[0] == 2
    counter.conn = db.connect(counter.data_dir / db.DB_FILENAME)  # for the fixture's close


def _dossier_count(counter) -> int:
    return counter.conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]


def test_restore_refuses_a_corrupt_file_and_changes_nothing(counter, clock, tmp_path):
    counter.receive(birth_draft())
    good = bk.backup(counter.conn, tmp_path / "b", clock()).path
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # scramble every page after the first two
        data[offset + 100:offset + 900] = bytes(range(200)) * 4
    damaged.write_bytes(bytes(data))
    before = sorted(p.name for p in counter.data_dir.rglob("*"))
    with pytest.raises(bk.BackupCorrupt) as e:
        bk.restore(counter.data_dir, damaged, clock())
    assert e.value.params["path"] == str(damaged)
    garbage = tmp_path / "notes.txt"
    garbage.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    with pytest.raises(bk.BackupCorrupt):
        bk.restore(counter.data_dir, garbage, clock())
    assert sorted(p.name for p in counter.data_dir.rglob("*")) == before
    assert _dossier_count(counter) == 1


def test_restore_refuses_a_newer_schema_and_a_foreign_database(counter, clock, tmp_path):
    newer = bk.backup(counter.conn, tmp_path / "b", clock()).path
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(bk.BackupTooNew):
        bk.restore(counter.data_dir, newer, clock())
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(bk.NotACounterDatabase):
        bk.restore(counter.data_dir, other, clock())
    assert not (counter.data_dir / "backups").exists()


def test_rotation_keeps_newest_per_day_and_per_week(counter, clock, tmp_path):
    target = tmp_path / "b"
    start = dt.datetime(2026, 6, 1, 8, 0)  # a Monday
    rotation = bk.Rotation(daily=3, weekly=3)
    for day in range(30):
        for hour in (8, 17):
            clock.now = start + dt.timedelta(days=day, hours=hour - 8)
            bk.backup(counter.conn, target, clock(), rotation)
    kept = sorted(p.name for p in target.iterdir())
    # 30 days from Mon 1/6: daily keeps 28–30/6 (evening copies); weekly keeps the newest of
    # the last three ISO weeks: Sun 21/6, Sun 28/6 and Tue 30/6.
    assert kept == ["counter-20260621-170000.sqlite3", "counter-20260628-170000.sqlite3",
                    "counter-20260629-170000.sqlite3", "counter-20260630-170000.sqlite3"]


def test_rotation_rule_without_files():
    t = dt.datetime
    stamps = [t(2026, 1, d, h) for d in range(1, 32) for h in (8, 12)]
    keep = bk.to_keep(stamps, bk.Rotation(daily=2, weekly=3))
    # Daily: 30 and 31/1; weekly (ISO weeks): Sun 18/1, Sun 25/1 and Sat 31/1 (week 5).
    assert sorted(keep) == [t(2026, 1, 18, 12), t(2026, 1, 25, 12), t(2026, 1, 30, 12),
                            t(2026, 1, 31, 12)]
    assert bk.to_keep(stamps, bk.Rotation(daily=0, weekly=0)) == set()


def test_other_files_in_the_backup_directory_are_left_alone(counter, clock, tmp_path):
    target = tmp_path / "b"
    target.mkdir()
    (target / "before-restore-20200101-000000.sqlite3").write_bytes(b"x")
    (target / "ghi chú.txt").write_text("x", encoding="utf-8")
    bk.backup(counter.conn, target, clock(), bk.Rotation(daily=1, weekly=0))
    clock.advance(days=1)
    bk.backup(counter.conn, target, clock(), bk.Rotation(daily=1, weekly=0))
    assert sorted(p.name for p in target.iterdir()) == [
        "before-restore-20200101-000000.sqlite3", "counter-20261121-093200.sqlite3",
        "ghi chú.txt"]

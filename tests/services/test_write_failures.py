"""A full disk or a locked database: a clear message, nothing half-written, and the same
reception succeeds once the cause is gone (no dossier code or book line consumed)."""

from __future__ import annotations

import sqlite3

import pytest

from counter_app import messages
from counter_app.store import db
from tests.conftest import birth_draft


def _rows(counter) -> tuple[int, int, int, int]:
    q = counter.conn.execute
    return (q("SELECT count(*) FROM dossiers").fetchone()[0],
            q("SELECT count(*) FROM dossier_events").fetchone()[0],
            q("SELECT coalesce(sum(used), 0) FROM code_counters").fetchone()[0],
            q("SELECT coalesce(sum(used), 0) FROM book_counters").fetchone()[0])


def test_a_full_disk_writes_nothing_and_the_reception_can_be_retried(counter):
    counter.receive(birth_draft())
    before = _rows(counter)
    pages = counter.conn.execute("PRAGMA page_count").fetchone()[0]
    counter.conn.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is full now
    big = birth_draft(notes="Ghi chú rất dài. " * 2000)  # needs new pages
    with pytest.raises(db.DiskFull) as full:
        counter.receive(big)
    assert "Ổ đĩa đã đầy: chưa ghi được gì" in messages.describe(full.value)
    assert _rows(counter) == before
    assert not counter.conn.in_transaction
    assert db.integrity_problems(counter.conn, full=True) == []

    counter.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    again = counter.receive(big).dossier
    assert again.code == "000.00.06.H56-261120-0002"  # the failed attempt used no number
    assert again.book_sequence == 2


def test_a_database_held_by_another_writer_writes_nothing_and_can_be_retried(counter):
    counter.receive(birth_draft())
    before = _rows(counter)
    counter.conn.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(counter.data_dir / db.DB_FILENAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. a second copy of the app in the middle of a write
    try:
        with pytest.raises(db.DatabaseLocked) as locked:
            counter.receive(birth_draft())
        assert "Cơ sở dữ liệu đang bận" in messages.describe(locked.value)
        assert _rows(counter) == before
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert counter.receive(birth_draft()).dossier.code == "000.00.06.H56-261120-0002"


def test_a_failure_at_commit_rolls_back_and_leaves_no_open_transaction(counter):
    """The lock can also come at COMMIT (a reader holding WAL checkpoints off is not enough,
    so the COMMIT is made to fail): the transaction must not stay open."""

    class FailingCommit:
        def __init__(self, conn):
            self._conn = conn

        def execute(self, sql, *args):
            if sql == "COMMIT":
                raise sqlite3.OperationalError("database or disk is full")
            return self._conn.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self._conn, name)

    conn = counter.conn
    with pytest.raises(sqlite3.OperationalError):
        with db.transaction(FailingCommit(conn)):  # type: ignore[arg-type]
            conn.execute("INSERT INTO settings (key, value) VALUES ('half', 'written')")
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM settings WHERE key = 'half'").fetchone()[0] == 0

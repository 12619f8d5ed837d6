"""Opening the local database: pragmas, integrity check, migrations with a backup first."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from ..domain.errors import DomainError
from .migrations import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

DB_FILENAME = "counter.sqlite3"
BACKUP_DIR = "backups"  # beside the database: daily backups, copies before migrations
PRE_MIGRATION_PREFIX = "before-migration-"


class StoreError(DomainError):
    code = "store_error"


class DatabaseCorrupt(StoreError):
    code = "database_corrupt"


class DiskFull(StoreError):
    """SQLite could not write: the disk (or the database's size limit) is full. The
    transaction was rolled back: nothing of it was written."""

    code = "disk_full"


class DatabaseLocked(StoreError):
    """Another program (or a second copy of the app) holds the database for longer than the
    busy timeout. The transaction was rolled back: nothing of it was written."""

    code = "database_locked"


def write_error(e: sqlite3.Error) -> StoreError | None:
    """The typed error for a failed write that the clerk can do something about."""
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary == sqlite3.SQLITE_FULL:
            return DiskFull(detail=str(e))
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return DatabaseLocked(detail=str(e))
        if primary == sqlite3.SQLITE_IOERR:
            return DiskFull(detail=str(e)) if "full" in str(e) else None
    return None


class DatabaseTooNew(StoreError):
    """The file was written by a newer version of the app; refuse rather than damage it."""

    code = "database_too_new"


def connect(path: Path | str, *, check: bool = True, target: int | None = None,
            progress: Progress | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`.

    The connection is in autocommit mode; write through `transaction()`. `target` stops the
    migrations at that schema version (fixtures of released versions are built this way);
    `progress` hears about an upgrade while it runs (`migrate`), and nothing otherwise.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = not path.exists() or path.stat().st_size == 0
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as e:  # "file is not a database" and the like
        conn.close()
        if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
            raise
        raise DatabaseCorrupt(path=str(path), detail=str(e)) from e
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -32000")
    if check and not fresh:
        try:
            problems = integrity_problems(conn, tables=QUICK_CHECK_TABLES)
        except sqlite3.DatabaseError as e:  # not even the schema can be read
            problems = [str(e)]
        if problems:
            conn.close()
            raise DatabaseCorrupt(path=str(path), detail=problems[0])
    try:
        migrate(conn, path, target, progress)
    except BaseException:
        conn.close()
        raise
    return conn


# Checked on every open: small, and what a workstation cannot run without. A full check reads
# the whole file (seconds at a million dossiers) and runs apart from the clerk: `check`, backups.
QUICK_CHECK_TABLES = ("settings", "procedures", "code_counters", "book_counters", "users")


def integrity_problems(
    conn: sqlite3.Connection, *, tables: tuple[str, ...] = (), full: bool = False
) -> list[str]:
    """SQLite's own findings, empty when sound: `quick_check` of `tables` (all if none given),
    or the slower `integrity_check` when `full`."""
    pragma = "integrity_check" if full else "quick_check"
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    targets = [t for t in tables if t in existing] if tables else [None]
    problems: list[str] = []
    for table in targets:
        sql = f"PRAGMA {pragma}({table})" if table else f"PRAGMA {pragma}"
        try:
            problems += [r[0] for r in conn.execute(sql) if r[0] != "ok"]
        except sqlite3.DatabaseError as e:  # too damaged for the check itself to finish
            problems.append(str(e))
    return problems


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


# progress(stage, done, total): "copy" (pages of the backup copied so far), "check" (the copy's
# integrity check: done 0, then 1), "migrate" (migrations applied of those to apply). Called
# from the thread that migrates.
Progress = Callable[[str, int, int], None]
COPY_PAGES_PER_STEP = 4096  # 16 MiB of 4 KiB pages between two progress reports


def migrate(conn: sqlite3.Connection, path: Path | None = None,
            target: int | None = None, progress: Progress | None = None) -> list[Path]:
    """Apply pending migrations up to `target` (default: the newest), each in its own
    transaction. An existing database at `path` is first copied, verified, to
    `backups/before-migration-v{n}-….sqlite3` beside it (`verified_copy`): a copy that fails its
    integrity check stops the upgrade before anything changed.

    Another process may be upgrading the same file at the same time (the app started twice):
    each migration checks the version again inside its write transaction, so one that the
    other process has applied meanwhile is skipped, never applied twice. A busy database or a
    full disk raise DatabaseLocked / DiskFull, with every finished migration kept."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise DatabaseTooNew(found=current, supported=SCHEMA_VERSION)
    goal = SCHEMA_VERSION if target is None else target
    if not current <= goal <= SCHEMA_VERSION:
        raise ValueError(f"cannot migrate from version {current} to {goal}")
    backups: list[Path] = []
    if current < goal and current > 0 and path is not None:
        copy = path.parent / BACKUP_DIR / (
            f"{PRE_MIGRATION_PREFIX}v{current}-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite3")
        problems = verified_copy(conn, copy, progress)
        if problems:
            raise DatabaseCorrupt(path=str(path), detail=problems[0])
        backups.append(copy)
    for version in range(current, goal):
        if progress is not None:
            progress("migrate", version - current, goal - current)
        # One script per version, inside its own BEGIN … COMMIT: all of it applies or none.
        # Its first statements fail when, once this process holds the write lock, the file
        # is no longer at `version` (executescript would commit a BEGIN made apart from it).
        try:
            conn.executescript(
                "BEGIN IMMEDIATE;\n"
                f"CREATE TEMP TABLE schema_step (version INTEGER CHECK (version = {version}));\n"
                "INSERT INTO schema_step SELECT user_version FROM pragma_user_version;\n"
                f"{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;")
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.IntegrityError) and schema_version(conn) > version:
                continue  # the other process applied it meanwhile
            raise (write_error(e) or e) from e
        finally:
            conn.execute("DROP TABLE IF EXISTS temp.schema_step")
        log.info("database migrated to schema version %d", version + 1)
    if progress is not None and current < goal:
        progress("migrate", goal - current, goal - current)
    return backups


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the live database to `target` with SQLite's online backup."""
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def verified_copy(conn: sqlite3.Connection, final: Path,
                  progress: Progress | None = None) -> list[str]:
    """SQLite's online backup of `conn` to `final`, made self-contained (no -wal) and checked
    with integrity_check. It is written as `final.partial` and renamed only when sound, so a
    half-written or damaged copy never carries the name of a good one. Returns the check's
    problems: empty when `final` was written, else nothing is left behind."""
    final.parent.mkdir(parents=True, exist_ok=True)
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            if progress is None:
                conn.backup(dest)
            else:
                conn.backup(dest, pages=COPY_PAGES_PER_STEP, progress=lambda _status, left,
                            total: progress("copy", total - left, total))
            dest.execute("PRAGMA journal_mode = DELETE")
            if progress is not None:
                progress("check", 0, 1)
            problems = integrity_problems(dest, full=True)
            if progress is not None:
                progress("check", 1, 1)
        finally:
            dest.close()
        if not problems:
            os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    return problems


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception. Not re-entrant.

    A full disk or a database held by another writer — at BEGIN, in the middle or at COMMIT —
    rolls everything back and raises `DiskFull` / `DatabaseLocked`: all of it or none of it."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as e:
        raise (write_error(e) or e) from e
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as e:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        typed = write_error(e) if isinstance(e, sqlite3.Error) else None
        if typed is not None:
            raise typed from e
        raise

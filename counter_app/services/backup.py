"""Backups with SQLite's online backup (verified, rotated) and restore from one of them."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import DomainError
from ..store import db
from ..store.blobs import ATTACHMENTS_DIR
from ..store.migrations import SCHEMA_VERSION
from .scan_mirror import MirrorResult, mirror_attachments

BACKUP_DIR = db.BACKUP_DIR
NAME_FORMAT = "counter-%Y%m%d-%H%M%S.sqlite3"
_NAME = re.compile(r"^counter-(\d{8}-\d{6})\.sqlite3$")
SAFETY_PREFIX = "before-restore-"  # never matches _NAME: rotation leaves safety copies alone


class BackupError(DomainError):
    code = "backup.failed"


class BackupCorrupt(BackupError):
    """The file fails SQLite's integrity check (or is not an SQLite database at all)."""

    code = "backup.corrupt"


class BackupTooNew(BackupError):
    code = "backup.too_new"


class NotACounterDatabase(BackupError):
    code = "backup.not_counter"


@dataclass(frozen=True)
class Rotation:
    """How many backups to keep: the newest of each of the last `daily` days that have one,
    and the newest of each of the last `weekly` ISO weeks that have one."""

    daily: int = 14
    weekly: int = 8


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    removed: tuple[Path, ...]


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None
    schema_version: int
    attachments: MirrorResult = MirrorResult(0)


def default_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def backup(conn: sqlite3.Connection, target_dir: Path, now: dt.datetime,
           rotation: Rotation | None = None) -> BackupResult:
    """Copy the open database to `target_dir/counter-YYYYmmdd-HHMMSS.sqlite3`, check the copy
    with integrity_check, then rotate the backups of that directory. The copy is written under
    a temporary name and renamed once it has passed the check: no half-written backup carries
    the name of a good one."""
    final = target_dir / now.strftime(NAME_FORMAT)
    problems = db.verified_copy(conn, final)
    if problems:
        raise BackupCorrupt(path=str(final), detail=problems[0])
    removed = rotate(target_dir, rotation or Rotation())
    return BackupResult(final, final.stat().st_size, tuple(removed))


def backups_in(directory: Path) -> list[tuple[dt.datetime, Path]]:
    """The app's backups in `directory` (by file name), oldest first."""
    found: list[tuple[dt.datetime, Path]] = []
    if not directory.is_dir():
        return found
    for p in directory.iterdir():
        m = _NAME.match(p.name)
        if m and p.is_file():
            with contextlib.suppress(ValueError):
                found.append((dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"), p))
    return sorted(found)


def to_keep(stamps: Iterable[dt.datetime], rotation: Rotation) -> set[dt.datetime]:
    """Which backup times survive: pure, so the rule is tested without files."""
    newest_of_day: dict[dt.date, dt.datetime] = {}
    newest_of_week: dict[tuple[int, int], dt.datetime] = {}
    for t in sorted(stamps):
        newest_of_day[t.date()] = t
        iso = t.isocalendar()
        newest_of_week[(iso.year, iso.week)] = t
    keep = {newest_of_day[d] for d in sorted(newest_of_day)[-rotation.daily:]} \
        if rotation.daily > 0 else set()
    if rotation.weekly > 0:
        keep |= {newest_of_week[w] for w in sorted(newest_of_week)[-rotation.weekly:]}
    return keep


def rotate(directory: Path, rotation: Rotation) -> list[Path]:
    """Delete the backups that `to_keep` does not keep; returns what was deleted."""
    found = backups_in(directory)
    keep = to_keep((t for t, _ in found), rotation)
    removed = []
    for t, p in found:
        if t not in keep:
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def check_backup(path: Path) -> int:
    """Raise unless `path` is a sound counter database this app can open; returns its
    schema version."""
    if not path.is_file():
        raise BackupCorrupt(path=str(path), detail="not found")
    try:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise BackupCorrupt(path=str(path), detail=str(e)) from e
    try:
        try:
            problems = db.integrity_problems(src, full=True)
            version = db.schema_version(src)
            tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as e:
            raise BackupCorrupt(path=str(path), detail=str(e)) from e
    finally:
        src.close()
    if problems:
        raise BackupCorrupt(path=str(path), detail=problems[0])
    if version > SCHEMA_VERSION:
        raise BackupTooNew(path=str(path), found=version, supported=SCHEMA_VERSION)
    if version < 1 or "dossiers" not in tables:
        raise NotACounterDatabase(path=str(path))
    return version


def restore(data_dir: Path, source: Path, now: dt.datetime) -> RestoreResult:
    """Replace the database of `data_dir` by the backup `source`. The app must be closed.

    Checked first (nothing changes when it is refused); the current database is then copied
    to `backups/before-restore-….sqlite3`, and the backup API copies `source` over it in one
    write transaction: an interrupted restore leaves the old database as it was.
    """
    version = check_backup(source)
    live = data_dir / db.DB_FILENAME
    safety: Path | None = None
    if live.exists() and live.stat().st_size > 0:
        safety = default_dir(data_dir) / f"{SAFETY_PREFIX}{now:%Y%m%d-%H%M%S}.sqlite3"
        safety.parent.mkdir(parents=True, exist_ok=True)
        current = sqlite3.connect(live)
        try:
            db.backup(current, safety)
        except sqlite3.DatabaseError:  # too damaged to read: keep its bytes as they are
            shutil.copyfile(live, safety)
        finally:
            current.close()
    data_dir.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(live, timeout=10)
        try:
            src.backup(dest)
        except sqlite3.DatabaseError:
            dest.close()
            _replace_file(src, live)
        else:
            dest.close()
    finally:
        src.close()
    # The scans backed up beside the file (daily backups) that this data directory lacks.
    scans = mirror_attachments(source.parent / ATTACHMENTS_DIR, data_dir / ATTACHMENTS_DIR)
    return RestoreResult(source, safety, version, scans)


def _replace_file(src: sqlite3.Connection, live: Path) -> None:
    """When the current file is too damaged to be written through SQLite: a fresh copy
    beside it, renamed over it (its stale -wal and -shm removed first)."""
    fresh = live.with_name(live.name + ".restore")
    fresh.unlink(missing_ok=True)
    dest = sqlite3.connect(fresh)
    try:
        src.backup(dest)
    finally:
        dest.close()
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    os.replace(fresh, live)

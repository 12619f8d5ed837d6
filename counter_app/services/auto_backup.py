"""The automatic daily backup (first start of a day) and the scans copied beside the backups."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from ..store.blobs import ATTACHMENTS_DIR
from .backup import BackupResult, Rotation, backup, backups_in, default_dir
from .counter import Counter
from .scan_mirror import MirrorResult, mirror_attachments

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DailyBackup:
    made: BackupResult | None  # None: a backup of today was already there
    attachments: MirrorResult


def made_today(directory: Path, today: dt.date) -> bool:
    return any(t.date() == today for t, _ in backups_in(directory))


def daily_backup(counter: Counter, target_dir: Path | None = None,
                 rotation: Rotation | None = None) -> DailyBackup:
    """Back up the database once a day: nothing when `target_dir` (default
    `<data dir>/backups`) already holds a backup made today; else a verified, rotated backup
    (services/backup.py) and the scans that the folder does not hold yet."""
    directory = target_dir or default_dir(counter.data_dir)
    now = counter.clock()
    if made_today(directory, now.date()):
        return DailyBackup(None, MirrorResult(0))
    made = backup_now(counter, directory, rotation)
    log.info("daily backup made (%d bytes, %d scan file(s) copied)",
             made.made.size if made.made else 0, made.attachments.copied)
    return made


def backup_now(counter: Counter, directory: Path, rotation: Rotation | None = None
               ) -> DailyBackup:
    """A verified, rotated backup of the database into `directory`, and the scans beside it
    (`directory/attachments/ab/cdef….pdf`) that it does not hold yet."""
    result = backup(counter.conn, directory, counter.clock(), rotation)
    mirrored = mirror_attachments(counter.data_dir / ATTACHMENTS_DIR, directory / ATTACHMENTS_DIR)
    return DailyBackup(result, mirrored)

"""The automatic daily backup in the window: its own lane and connection, checked every hour."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..services.counter import Counter
from . import errors
from .lanes import make_pool, run_in_lane

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60 * 60 * 1000  # a window left open overnight backs up on the new day too


class DailyBackup(QObject):
    """Makes the day's backup at the first start of a day (and on a new day while open).

    It runs in a lane of its own with its own SQLite connection: copying a large database
    takes a while, and the clerk's database lane must not wait for it (WAL lets both read
    while one writes)."""

    backup_made = Signal(str)  # path of the new backup
    backup_failed = Signal(str)  # the reason, for the clerk

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = make_pool("backup")
        self.data_dir: Path | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    def start(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._timer.start()
        self.check()

    def check(self) -> None:
        """Back up unless a backup of today is there already (or one is being made)."""
        if self.data_dir is None or self._running:
            return
        self._running = True
        data_dir = self.data_dir

        def job() -> str:
            from ..services import auto_backup  # in the backup lane, after the window shows

            with Counter.open(data_dir) as counter:
                made = auto_backup.daily_backup(counter)
            return str(made.made.path) if made.made else ""

        run_in_lane(self.pool, job, self._on_job_done, self._on_job_failed, context=self)

    def _on_job_done(self, path: str) -> None:
        self._running = False
        if path:
            self.backup_made.emit(path)

    def _on_job_failed(self, error: BaseException) -> None:
        self._running = False
        log.warning("daily backup failed: %s", type(error).__name__)
        self.backup_failed.emit(errors.describe(error))

    def shutdown(self) -> None:
        self._timer.stop()
        self.pool.waitForDone()

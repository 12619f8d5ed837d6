"""The log file in the data directory: rotating, for the administrator, never personal data."""

# What goes in: start-up, schema migrations, sync problems, unexpected errors with their
# tracebacks (ui/errors.py, ui/lanes.py). What never does: names, ID numbers, addresses,
# phone numbers — messages name dossiers by UUID or count, scans are never logged.

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "quay-mot-cua.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: RotatingFileHandler | None = None


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def install(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the app's log (`counter_app.*`) to `<data_dir>/logs/quay-mot-cua.log`, 1 MB × 5.

    Calling it again moves the log to the new data directory."""
    global _handler
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("counter_app")
    uninstall()
    _handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                   encoding="utf-8", delay=True)
    _handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(_handler)
    logger.setLevel(min(level, logger.level or level))
    return path


def uninstall() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("counter_app").removeHandler(_handler)
        _handler.close()
        _handler = None

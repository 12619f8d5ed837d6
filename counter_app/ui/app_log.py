"""The log file in the data directory: rotating, for the administrator, never personal data."""

# What goes in: start-up, schema migrations, sync problems, unexpected errors with their
# tracebacks (ui/errors.py, ui/lanes.py). What never does: names, ID numbers, addresses,
# phone numbers — messages name dossiers by UUID or count, scans are never logged.

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

LOG_NAME = "quay-mot-cua.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"



class RotatingFile(logging.FileHandler):
    """`logging.handlers.RotatingFileHandler`'s one job, without that module: it brings
    sockets, pickle and queues into every start of the window. Before a record would take the
    file past `max_bytes`, the file becomes `.1`, `.1` becomes `.2`, … and `.<backups>` goes."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:  # called with the handler's lock held
        try:
            if self._full(self.format(record)):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, text: str) -> bool:
        try:
            size = os.path.getsize(self.baseFilename)
        except OSError:  # no file yet
            return False
        return size > 0 and size + len(text.encode("utf-8")) + 1 > self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]  # reopened by FileHandler.emit
        for n in range(self.backups - 1, 0, -1):
            older = f"{self.baseFilename}.{n}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{n + 1}")
        os.replace(self.baseFilename, f"{self.baseFilename}.1")


_handler: RotatingFile | None = None


def where(kind: type[BaseException], tb: TracebackType | None) -> list[str]:
    """An exception as its type and frames (file, line, function, source line), never its
    message or arguments: they may hold what was typed (names, ID numbers, addresses)."""
    lines = [f"exception: {kind.__module__}.{kind.__qualname__} (message withheld)",
             "traceback (most recent call last):"]
    for frame in traceback.extract_tb(tb):
        name = Path(frame.filename)
        short = "/".join(name.parts[-3:]) if len(name.parts) >= 3 else frame.filename
        lines.append(f"  {short}:{frame.lineno} in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return lines


class PrivateFormatter(logging.Formatter):
    """Tracebacks in the log file the way crash reports write them: where, not what."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        kind, _error, tb = ei
        return "\n".join(where(kind, tb)) if kind is not None else ""


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
    _handler = RotatingFile(path, MAX_BYTES, BACKUPS)
    _handler.setFormatter(PrivateFormatter(FORMAT))
    logger.addHandler(_handler)
    logger.setLevel(min(level, logger.level or level))
    return path


def uninstall() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("counter_app").removeHandler(_handler)
        _handler.close()
        _handler = None

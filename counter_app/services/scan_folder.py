"""The folder the office scanner saves into ("scan to folder"), polled in plain Python.

Call `collect(handle)` about once a second. A file is taken when it is complete: its size and
modification time were the same at two polls in a row (a scanner writes a page over seconds,
and a network folder shows a growing file). `handle(path)` imports it; the file is then moved
into `imported/` — or into `rejected/` when `handle` raised a DomainError (not a PDF, JPEG or
PNG; damaged), so that one bad file is not tried again every second. A file that cannot be read
yet (locked by the scanner on Windows) is tried again later.

Files already in the folder when watching starts are left alone: they may be another citizen's
pages. Temporary files (dot-files, `~$…`, `.tmp`, `.part`, `.crdownload`) are never taken.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from ..domain.errors import DomainError

log = logging.getLogger(__name__)

T = TypeVar("T")
IMPORTED = "imported"
REJECTED = "rejected"
POLL_SECONDS = 1.0
WAITING_POLLS = 5  # a file still counts as being written for this many polls after a change
_TEMPORARY = (".tmp", ".part", ".crdownload", ".partial", ".download")


@dataclass(frozen=True)
class Taken(Generic[T]):
    """One file of the folder, handled: `value` from `handle`, or the `error` it raised."""

    name: str  # the file's name in the folder (NFC as the disk gives it)
    moved_to: Path | None  # where it is now; None when it could not be moved
    value: T | None = None
    error: DomainError | None = None


def _candidate(entry: os.DirEntry[str]) -> bool:
    name = entry.name
    if name.startswith((".", "~$")) or name.lower().endswith(_TEMPORARY):
        return False
    try:
        return entry.is_file()
    except OSError:
        return False


class ScanFolder:
    def __init__(self, folder: Path | str, *, take_existing: bool = False) -> None:
        self.folder = Path(folder)
        self._seen: dict[str, tuple[int, int]] = {}
        self._old: set[str] | None = None if not take_existing else set()
        self._polls = 0
        self._changed: dict[str, int] = {}  # name → the poll at which it last changed

    def _listing(self) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        try:
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if not _candidate(entry):
                        continue
                    with contextlib.suppress(OSError):
                        st = entry.stat()
                        found[entry.name] = (st.st_size, st.st_mtime_ns)
        except OSError:  # the folder is missing or unreachable (network drive): try later
            return {}
        return found

    @property
    def primed(self) -> bool:
        """The first look has been taken: what was there then is left alone."""
        return self._old is not None

    def prime(self) -> None:
        """Take the first look now (when watching starts), not at the first poll."""
        if self._old is None:
            self._seen = self._listing()
            self._old = set(self._seen)

    def ready(self) -> list[Path]:
        """Files that did not change since the previous poll, oldest first."""
        listing = self._listing()
        if self._old is None:  # first look: what is there already stays there
            self._old = set(listing)
        self._old &= set(listing)  # a name that went away and comes back is new
        ready = [name for name, sig in listing.items()
                 if name not in self._old and sig[0] > 0 and self._seen.get(name) == sig]
        self._polls += 1
        self._changed = {n: (self._changed.get(n, self._polls) if self._seen.get(n) == sig
                             else self._polls) for n, sig in listing.items()}
        self._seen = listing
        ready.sort(key=lambda n: (listing[n][1], n))
        return [self.folder / n for n in ready]

    def waiting(self, within: int = WAITING_POLLS) -> int:
        """New files not taken yet that changed during the last `within` polls: the scanner
        is still writing them. (A file that stopped growing empty is not waited for.)"""
        return sum(1 for n in self._seen if self._old is not None and n not in self._old
                   and self._polls - self._changed.get(n, 0) < within)

    def collect(self, handle: Callable[[Path], T]) -> list[Taken[T]]:
        """Hand every complete file to `handle`, then move it out of the way."""
        out: list[Taken[T]] = []
        for path in self.ready():
            try:
                value = handle(path)
            except DomainError as e:
                out.append(Taken(path.name, self._move(path, REJECTED), error=e))
            except OSError:
                self._seen.pop(path.name, None)  # locked or gone: look again from scratch
            else:
                out.append(Taken(path.name, self._move(path, IMPORTED), value=value))
        return out

    def _move(self, path: Path, into: str) -> Path | None:
        target_dir = self.folder / into
        try:
            target_dir.mkdir(exist_ok=True)
            target = target_dir / path.name
            n = 1
            while target.exists():
                target = target_dir / f"{path.stem}-{n}{path.suffix}"
                n += 1
            os.replace(path, target)
        except OSError as e:
            log.warning("could not move a scanned file into %s/: %s", into, type(e).__name__)
            if self._old is not None:
                self._old.add(path.name)  # taken once: not again while it stays there
            return None
        self._seen.pop(path.name, None)
        return target

"""The content-addressed file store of scanned documents: `<data_dir>/attachments/ab/cdef….pdf`.

A file is named by the SHA-256 of its bytes, so the same scan is stored once however often it
is attached. Every write goes to a temporary file in the store, is flushed to the disk (fsync),
then renamed into place: a crash or a full disk leaves either the whole file or none of it
under its final name, never a partial one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

ATTACHMENTS_DIR = "attachments"
SUFFIX = ".pdf"
_TMP = "tmp"
_SHA256 = re.compile(r"[0-9a-f]{64}")
STALE_TEMP_SECONDS = 3600


def is_sha256(text: str) -> bool:
    return _SHA256.fullmatch(text) is not None


def sha256_of(data: bytes) -> str:
    import hashlib  # with the first file: the window starts without it

    return hashlib.sha256(data).hexdigest()


def blob_path(data_dir: Path, sha256: str) -> Path:
    """Where the file with this hash lives (whether or not it is there)."""
    return BlobStore(Path(data_dir) / ATTACHMENTS_DIR).path(sha256)


def _fsync_dir(path: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError("not a SHA-256 in lowercase hex")
        return self.root / sha256[:2] / (sha256[2:] + SUFFIX)

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def put(self, data: bytes) -> tuple[str, bool]:
        """Store `data` under its hash; returns (sha256, True when it was not there before).

        A file already stored under the hash with the right size is kept as it is.
        """
        sha = sha256_of(data)
        final = self.path(sha)
        if final.is_file() and final.stat().st_size == len(data):
            return sha, False
        tmp_dir = self.root / _TMP
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=sha[:12] + ".", suffix=".part", dir=tmp_dir)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        _fsync_dir(final.parent)
        return sha, True

    def verify(self, sha256: str) -> bool:
        """The stored file is there and still has the hash it is named by."""
        path = self.path(sha256)
        if not path.is_file():
            return False
        import hashlib

        h = hashlib.sha256()
        with path.open("rb") as f:
            while block := f.read(1024 * 1024):
                h.update(block)
        return h.hexdigest() == sha256

    def clean_temporary(self, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Remove temporary files left by an interrupted write; returns how many."""
        tmp_dir = self.root / _TMP
        if not tmp_dir.is_dir():
            return 0
        limit = time.time() - older_than
        removed = 0
        for p in tmp_dir.glob("*.part"):
            with contextlib.suppress(OSError):
                if p.stat().st_mtime < limit:
                    p.unlink()
                    removed += 1
        return removed

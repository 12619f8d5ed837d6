"""Attachments: content-addressed (SHA-256) blobs on disk, uploaded in chunks that resume.

A chunk must start exactly at the number of bytes the portal holds; the hash is checked when
the last byte arrives (mismatch: the partial data is deleted). Blobs are kept per agency, so
a device can neither see nor complete another agency's uploads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, delete, select, update

from . import schema as s
from .db import Database
from .errors import PortalError
from .timefmt import iso

SHA256_RE = re.compile(r"[0-9a-f]{64}")
_RANGE_RE = re.compile(r"bytes (\d+)-(\d+)/(\d+)")
_EMPTY_RE = re.compile(r"bytes \*/0")
_READ = 1024 * 1024


@dataclass(frozen=True)
class UploadState:
    sha256: str
    received: int
    size: int | None
    complete: bool

    def as_dict(self) -> dict[str, object]:
        return {"sha256": self.sha256, "received": self.received, "size": self.size,
                "complete": self.complete}


@dataclass(frozen=True)
class ChunkRange:
    start: int
    end: int  # inclusive; start - 1 for the empty file
    total: int


def parse_content_range(header: str | None) -> ChunkRange:
    """"bytes 0-99/1000" (inclusive end); "bytes */0" uploads an empty file."""
    text = (header or "").strip()
    if _EMPTY_RE.fullmatch(text):
        return ChunkRange(0, -1, 0)
    m = _RANGE_RE.fullmatch(text)
    if m is None:
        raise PortalError("content_range", 400)
    start, end, total = (int(g) for g in m.groups())
    if not start <= end < total:
        raise PortalError("content_range", 400)
    return ChunkRange(start, end, total)


class BlobStore:
    def __init__(self, root: Path, db: Database, max_size: int) -> None:
        self.root = root
        self.db = db
        self.max_size = max_size
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, agency: str, sha: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault((agency, sha), threading.Lock())

    def final_path(self, agency: str, sha: str) -> Path:
        return self.root / agency / sha[:2] / sha

    def _partial_path(self, agency: str, sha: str) -> Path:
        return self.root / agency / "partial" / f"{sha}.part"

    def state(self, agency: str, sha: str) -> UploadState:
        _check_sha(sha)
        if self.final_path(agency, sha).exists():
            held = self.final_path(agency, sha).stat().st_size
            return UploadState(sha, held, held, True)
        with self.db.read() as conn:
            size = conn.execute(select(s.attachments.c.size).where(
                s.attachments.c.agency_code == agency, s.attachments.c.sha256 == sha)).scalar()
        part = self._partial_path(agency, sha)
        held = part.stat().st_size if part.exists() else 0
        return UploadState(sha, held, int(size) if size is not None else None, False)

    def put_chunk(self, agency: str, sha: str, rng: ChunkRange, data: bytes,
                  now: dt.datetime) -> UploadState:
        _check_sha(sha)
        if rng.total > self.max_size:
            raise PortalError("attachment_too_large", 413, limit=self.max_size)
        expected = rng.end - rng.start + 1
        if len(data) != expected:
            raise PortalError("chunk_length", 400, length=len(data), expected=expected)
        with self._lock(agency, sha):
            return self._put_locked(agency, sha, rng, data, now)

    def _put_locked(self, agency: str, sha: str, rng: ChunkRange, data: bytes,
                    now: dt.datetime) -> UploadState:
        final = self.final_path(agency, sha)
        if final.exists():  # already complete: a repeated chunk is harmless
            size = final.stat().st_size
            return UploadState(sha, size, size, True)
        with self.db.write() as conn:
            self.db.insert_if_absent(conn, s.attachments, {
                "agency_code": agency, "sha256": sha, "size": rng.total, "complete": 0,
                "created_at": iso(now)})
        # The file's row stays locked while its chunk is checked and appended: the thread
        # lock above serialises one process's requests, this one every worker process's
        # (PostgreSQL: FOR UPDATE; SQLite: BEGIN IMMEDIATE locks the whole database).
        with self.db.write() as conn:
            query = select(s.attachments.c.size, s.attachments.c.complete).where(
                s.attachments.c.agency_code == agency, s.attachments.c.sha256 == sha)
            if self.db.lock_for_update():
                query = query.with_for_update()
            row = conn.execute(query).first()
            if row is None:  # deleted after a hash mismatch in between: start again
                raise PortalError("offset_mismatch", 409, received=0, offset=rng.start)
            if row.complete == 1 and final.exists():  # another process completed it
                size = final.stat().st_size
                return UploadState(sha, size, size, True)
            if int(row.size) != rng.total:
                raise PortalError("size_mismatch", 409, size=rng.total, expected=int(row.size))
            state = self._append(conn, agency, sha, rng, data, now)
        if state is None:  # the partial data is gone: its row goes too
            with self.db.write() as conn:
                conn.execute(delete(s.attachments).where(
                    s.attachments.c.agency_code == agency, s.attachments.c.sha256 == sha))
            raise PortalError("hash_mismatch", 422)
        return state

    def _append(self, conn: Connection, agency: str, sha: str, rng: ChunkRange, data: bytes,
                now: dt.datetime) -> UploadState | None:
        """Append a chunk at the held offset; at the last byte check the hash and complete
        the file. None: the hash did not match and the partial data was deleted."""
        final = self.final_path(agency, sha)
        part = self._partial_path(agency, sha)
        part.parent.mkdir(parents=True, exist_ok=True)
        held = part.stat().st_size if part.exists() else 0
        if rng.start != held:
            raise PortalError("offset_mismatch", 409, received=held, offset=rng.start)
        with part.open("ab") as f:
            f.write(data)
        held += len(data)
        if held < rng.total:
            return UploadState(sha, held, rng.total, False)
        if _file_sha256(part) != sha:
            part.unlink(missing_ok=True)
            return None
        with part.open("rb") as f:
            os.fsync(f.fileno())
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, final)
        conn.execute(update(s.attachments).where(
            s.attachments.c.agency_code == agency, s.attachments.c.sha256 == sha
        ).values(complete=1, completed_at=iso(now)))
        return UploadState(sha, held, held, True)


def _check_sha(sha: str) -> None:
    if not SHA256_RE.fullmatch(sha):
        raise PortalError("attachment_hash_format", 422)


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(_READ):
            h.update(block)
    return h.hexdigest()

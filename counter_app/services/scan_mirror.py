"""Scans (content-addressed files) copied beside a backup and back, each copy verified."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..store.blobs import SUFFIX, is_sha256

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MirrorResult:
    """Scans copied to (or back from) a backup folder; `damaged`: files whose bytes no longer
    match their name (SHA-256), never copied over a good one."""

    copied: int
    damaged: tuple[str, ...] = ()


def _stored_files(root: Path) -> list[tuple[str, Path]]:
    """(sha256, path) of every file of a content-addressed folder `root/ab/cdef….pdf`."""
    found: list[tuple[str, Path]] = []
    if not root.is_dir():
        return found
    for sub in sorted(root.iterdir()):
        if not sub.is_dir() or len(sub.name) != 2:
            continue  # tmp/ and anything else
        for f in sorted(sub.iterdir()):
            sha = sub.name + f.name.removesuffix(SUFFIX)
            if f.is_file() and f.name.endswith(SUFFIX) and is_sha256(sha):
                found.append((sha, f))
    return found


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def mirror_attachments(source_root: Path, target_root: Path) -> MirrorResult:
    """Copy the scans of `source_root` that `target_root` lacks. Files are immutable and named
    by their hash, so a file already there with the same size is the same file; each copy is
    written under a temporary name, its hash checked against its name, then renamed."""
    copied = 0
    damaged: list[str] = []
    for sha, src in _stored_files(source_root):
        dst = target_root / sha[:2] / src.name
        if dst.is_file() and dst.stat().st_size == src.stat().st_size:
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        partial = dst.with_name(dst.name + ".partial")
        try:
            shutil.copyfile(src, partial)
            if _sha256_file(partial) != sha:
                damaged.append(sha)
                log.warning("scan file %s… does not match its hash: not backed up", sha[:12])
                continue
            os.replace(partial, dst)
            copied += 1
        finally:
            partial.unlink(missing_ok=True)
    return MirrorResult(copied, tuple(damaged))

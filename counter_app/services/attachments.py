"""Scans of a dossier's papers (số hóa): import a file into the blob store, attach scans to a
received dossier later, list and read them. See docs/attachments.md.

Attaching at reception is part of `Counter.receive` (the draft's `attachments`): the files are
imported first, each in its own small transaction, and linked in the reception's transaction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.model import ItemAttachment, Outcome
from ..store import attachments as store
from ..store import db, events
from ..store.attachments import DossierAttachment, StoredAttachment
from . import scans
from .counter import Changes, Counter, Result
from .scans import AttachmentRejected

ATTACHMENTS_ADDED = "attachments_added"


def display_name(path: Path | str) -> str:
    """The file's own name in NFC (macOS and some scanners write NFD)."""
    return unicodedata.normalize("NFC", Path(path).name)


def import_file(counter: Counter, path: Path | str) -> StoredAttachment:
    """Check and convert a PDF, JPEG or PNG file and store it once (by SHA-256).

    Raises AttachmentRejected (unsupported, unreadable, too large…); the file itself is only
    read, never moved or changed.
    """
    path = Path(path)
    name = display_name(path)
    try:
        size = path.stat().st_size
        if size > scans.MAX_FILE_BYTES:
            raise AttachmentRejected("attachment.too_large", name=name, size_mb=scans._mb(size),
                                     limit_mb=scans._mb(scans.MAX_FILE_BYTES))
        data = path.read_bytes()
    except IsADirectoryError:
        raise AttachmentRejected("attachment.unsupported", name=name) from None
    except OSError as e:
        raise AttachmentRejected("attachment.not_readable", name=name,
                                 detail=e.strerror or type(e).__name__) from None
    return import_bytes(counter, data, name)


def import_bytes(counter: Counter, data: bytes, name: str) -> StoredAttachment:
    converted = scans.convert(data, name)
    sha, _ = store.blob_store(counter.data_dir).put(converted.pdf)
    stored = StoredAttachment(sha, len(converted.pdf), converted.pages,
                              unicodedata.normalize("NFC", name)[:300], store.PDF,
                              converted.source_type, counter.clock())
    with db.transaction(counter.conn):
        store.record(counter.conn, stored)
        # The same file imported before keeps its first name and time.
        found = store.get(counter.conn, sha)
    return found or stored


def add_to_dossier(counter: Counter, dossier_id: str, attachments: Sequence[ItemAttachment],
                   user: str = "") -> Result:
    """Scans brought after reception: links and one `attachments_added` event, in one
    transaction. Files the dossier already has for the same item are skipped; nothing new,
    nothing written."""
    dossier = counter.get_by_id(dossier_id)
    if dossier.outcome != Outcome.RECEIVED:
        raise ValidationFailed([FieldProblem("attachments", "attachment.dossier_not_received")])
    now = counter.clock()
    conn = counter.conn
    workstation = counter.profile.workstation
    with db.transaction(conn):
        existing = store.linked_pairs(conn, dossier_id)
        links, problems = store.check(conn, store.blob_store(counter.data_dir), attachments,
                                      dossier.documents, already=len(existing))
        if problems:
            raise ValidationFailed(problems)
        links = [x for x in links if (x.item_name, x.file.sha256) not in existing]
        if not links:
            return Result(dossier, Changes())
        event_id = events.append(conn, dossier_id=dossier_id, kind=ATTACHMENTS_ADDED, at=now,
                                 user=user, workstation=workstation,
                                 payload={"attachments": store.wire(links)})
        store.link(conn, dossier_id, links, event_id, now)
    return Result(dossier, Changes(dossiers=frozenset({dossier_id})))


def for_dossier(counter: Counter, dossier_id: str) -> list[DossierAttachment]:
    return store.for_dossier(counter.conn, dossier_id)


def read_pdf(counter: Counter, sha256: str) -> bytes:
    """The stored PDF (a NotFound-like problem when the file went missing from the disk)."""
    blobs = store.blob_store(counter.data_dir)
    try:
        return blobs.read(sha256)
    except (OSError, ValueError):
        raise AttachmentRejected("attachment.blob_missing", sha=sha256[:12]) from None


def save_copy(counter: Counter, sha256: str, target: Path | str) -> Path:
    """Write a copy of a stored scan where the clerk chose."""
    target = Path(target)
    data = read_pdf(counter, sha256)
    try:
        target.write_bytes(data)
    except OSError as e:
        raise AttachmentRejected("file.unwritable", path=str(target),
                                 detail=e.strerror or type(e).__name__) from None
    return target

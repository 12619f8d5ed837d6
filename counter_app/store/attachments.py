"""Scanned documents in the database (schema ATTACHMENTS): one row per stored file, one link per
checklist item of a dossier, and what the sync engine still has to upload.

The files themselves are in the blob store (`store/blobs.py`). Events name files by their hash,
size and checklist item only: never a path or the original file name (which may hold a name).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.errors import FieldProblem
from ..domain.model import ItemAttachment, ReceivedDocument
from ..domain.records import iso
from ..domain.text import clean
from .blobs import ATTACHMENTS_DIR, BlobStore, is_sha256

PDF = "application/pdf"
MAX_PER_DOSSIER = 200  # the portal takes at most 500 per event


@dataclass(frozen=True)
class StoredAttachment:
    """A file of the blob store as recorded when it was imported."""

    sha256: str
    size: int
    pages: int
    name: str  # original file name, NFC: shown on this workstation only
    media_type: str  # of the stored file (application/pdf)
    source_type: str  # what was imported: application/pdf, image/jpeg, image/png
    created_at: dt.datetime


@dataclass(frozen=True)
class DossierAttachment:
    """One scan of a dossier: which checklist item, which file."""

    dossier_id: str
    position: int
    item_position: int
    item_name: str
    file: StoredAttachment
    added_at: dt.datetime
    uploaded: bool


@dataclass(frozen=True)
class Link:
    """A checked attachment about to be recorded: item (position, name) and file."""

    item_position: int
    item_name: str
    file: StoredAttachment


@dataclass(frozen=True)
class PendingUpload:
    sha256: str
    size: int


def _stored(r: sqlite3.Row) -> StoredAttachment:
    return StoredAttachment(r["sha256"], r["size"], r["pages"], r["name"], r["media_type"],
                            r["source_type"], dt.datetime.fromisoformat(r["created_at"]))


def record(conn: sqlite3.Connection, a: StoredAttachment) -> bool:
    """Remember an imported file (the first name it came with is kept); True if new."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO attachments (sha256, size, pages, name, media_type, source_type,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (a.sha256, a.size, a.pages, a.name, a.media_type, a.source_type, iso(a.created_at)))
    return cur.rowcount > 0


def get(conn: sqlite3.Connection, sha256: str) -> StoredAttachment | None:
    r = conn.execute("SELECT * FROM attachments WHERE sha256 = ?", (sha256,)).fetchone()
    return _stored(r) if r is not None else None


def for_dossier(conn: sqlite3.Connection, dossier_id: str) -> list[DossierAttachment]:
    rows = conn.execute(
        "SELECT l.*, a.size, a.pages, a.name, a.media_type, a.source_type, a.created_at,"
        " a.uploaded_at FROM dossier_attachments l JOIN attachments a USING (sha256)"
        " WHERE l.dossier_id = ? ORDER BY l.position", (dossier_id,))
    return [DossierAttachment(r["dossier_id"], r["position"], r["item_position"],
                              r["item_name"], _stored(r),
                              dt.datetime.fromisoformat(r["added_at"]),
                              r["uploaded_at"] is not None) for r in rows]


# ----- checking and recording the attachments of a dossier -------------------------------------


def check(conn: sqlite3.Connection, blobs: BlobStore, attachments: Sequence[ItemAttachment],
          documents: Sequence[ReceivedDocument], *, field: str = "attachments",
          already: int = 0) -> tuple[list[Link], list[FieldProblem]]:
    """The links to record for `attachments` of a dossier with these received `documents`,
    or the problems: a hash that is not stored here, an item that was not received.

    A repeated (item, file) pair is recorded once. `already` counts the dossier's links.
    """
    positions = {doc.name: i for i, doc in enumerate(documents, start=1)}
    links: list[Link] = []
    problems: list[FieldProblem] = []
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(attachments):
        item, where = clean(a.item), f"{field}[{i}]"
        if (item, a.sha256) in seen:
            continue
        seen.add((item, a.sha256))
        stored = get(conn, a.sha256) if is_sha256(a.sha256) else None
        if stored is None or not blobs.has(a.sha256):
            problems.append(FieldProblem(where, "attachment.missing", {"item": item}))
        elif item not in positions:
            problems.append(FieldProblem(where, "attachment.item_not_received", {"item": item}))
        else:
            links.append(Link(positions[item], item, stored))
    if already + len(links) > MAX_PER_DOSSIER:
        problems.append(FieldProblem(field, "attachment.too_many", {"max": MAX_PER_DOSSIER}))
    return links, problems


def wire(links: Iterable[Link]) -> list[dict[str, Any]]:
    """The `attachments` list of an event as the portal takes it (docs/sync-protocol.md §3):
    hash, size, media type and the checklist item's name; each hash once."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for link in links:
        if link.file.sha256 in seen:
            continue
        seen.add(link.file.sha256)
        out.append({"sha256": link.file.sha256, "name": link.item_name[:500],
                    "size": link.file.size, "media_type": link.file.media_type})
    return out


def link(conn: sqlite3.Connection, dossier_id: str, links: Sequence[Link], event_id: str,
         at: dt.datetime) -> None:
    """Record the links after the dossier's last one. Call inside the transaction that
    writes the event `event_id` naming them."""
    last = conn.execute("SELECT coalesce(max(position), 0) FROM dossier_attachments"
                        " WHERE dossier_id = ?", (dossier_id,)).fetchone()[0]
    conn.executemany(
        "INSERT INTO dossier_attachments (dossier_id, position, item_position, item_name,"
        " sha256, event_id, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(dossier_id, last + n, x.item_position, x.item_name, x.file.sha256, event_id, iso(at))
         for n, x in enumerate(links, start=1)])


def linked_pairs(conn: sqlite3.Connection, dossier_id: str) -> set[tuple[str, str]]:
    """(item name, sha256) of the dossier's links."""
    return {(r[0], r[1]) for r in conn.execute(
        "SELECT item_name, sha256 FROM dossier_attachments WHERE dossier_id = ?", (dossier_id,))}


# ----- uploads (the sync engine's side, docs/attachments.md) -----------------------------------


def pending_uploads(conn: sqlite3.Connection, limit: int = 100) -> list[PendingUpload]:
    """Files that a recorded event names and the portal does not yet hold, oldest first.
    Files never linked to a dossier (imported, then not received) are never uploaded."""
    rows = conn.execute(
        "SELECT a.sha256, a.size FROM attachments a WHERE a.uploaded_at IS NULL"
        " AND EXISTS (SELECT 1 FROM dossier_attachments l WHERE l.sha256 = a.sha256)"
        " ORDER BY a.created_at, a.sha256 LIMIT ?", (limit,))
    return [PendingUpload(r[0], r[1]) for r in rows]


def pending_upload_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute(
        "SELECT count(*) FROM attachments a WHERE a.uploaded_at IS NULL"
        " AND EXISTS (SELECT 1 FROM dossier_attachments l WHERE l.sha256 = a.sha256)"
    ).fetchone()[0])


def mark_uploaded(conn: sqlite3.Connection, sha256: str, at: dt.datetime) -> bool:
    """The portal answered `complete: true` for this hash. True if the file is known here."""
    cur = conn.execute("UPDATE attachments SET uploaded_at = coalesce(uploaded_at, ?)"
                       " WHERE sha256 = ?", (iso(at), sha256))
    return cur.rowcount > 0


def forget_uploads(conn: sqlite3.Connection) -> int:
    """Upload everything again (the portal's database or files were restored from a backup):
    the portal answers at once for what it still holds."""
    return int(conn.execute("UPDATE attachments SET uploaded_at = NULL"
                            " WHERE uploaded_at IS NOT NULL").rowcount)


def unreferenced(conn: sqlite3.Connection, before: dt.datetime) -> list[str]:
    """Files imported before `before` that no dossier uses (removed from a draft, or the
    citizen left): candidates for clean-up."""
    return [r[0] for r in conn.execute(
        "SELECT sha256 FROM attachments a WHERE created_at < ? AND NOT EXISTS"
        " (SELECT 1 FROM dossier_attachments l WHERE l.sha256 = a.sha256) ORDER BY sha256",
        (iso(before),))]


def blob_store(data_dir: Path) -> BlobStore:
    """The blob store of a data directory: `<data_dir>/attachments/`."""
    return BlobStore(Path(data_dir) / ATTACHMENTS_DIR)


def event_extra(links: Sequence[Link]) -> dict[str, object] | None:
    """What a creation event's payload gets beside the dossier: {"attachments": […]}."""
    return {"attachments": wire(links)} if links else None

"""The blob store (stored once by SHA-256, written atomically) and the attachment tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from counter_app.domain.model import ItemAttachment, ReceivedDocument
from counter_app.store import attachments, blobs, db
from counter_app.store.attachments import StoredAttachment
from counter_app.store.blobs import BlobStore

NOW = dt.datetime(2026, 11, 20, 9, 32)


def test_a_file_is_stored_once_under_its_hash(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "attachments")
    data = b"%PDF-1.4 a scanned page"
    sha, new = store.put(data)
    assert sha == hashlib.sha256(data).hexdigest() and new
    path = store.path(sha)
    assert path == tmp_path / "attachments" / sha[:2] / f"{sha[2:]}.pdf"
    assert path.read_bytes() == data
    mtime = path.stat().st_mtime_ns
    assert store.put(data) == (sha, False)  # the same bytes again: nothing written
    assert path.stat().st_mtime_ns == mtime
    assert [p for p in (tmp_path / "attachments").rglob("*") if p.is_file()] == [path]
    assert store.has(sha) and store.verify(sha)
    assert blobs.blob_path(tmp_path, sha) == path


def test_a_damaged_copy_is_replaced_and_verify_notices_damage(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    sha, _ = store.put(b"page one")
    store.path(sha).write_bytes(b"page")  # truncated by a crash outside the app
    assert not store.verify(sha)
    assert store.put(b"page one") == (sha, True)
    assert store.verify(sha)


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    store = BlobStore(tmp_path)

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        store.put(b"x" * 100_000)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # no .part, no final file
    sha = hashlib.sha256(b"x" * 100_000).hexdigest()
    assert not store.has(sha)


def test_the_rename_is_the_only_way_in(tmp_path: Path, monkeypatch) -> None:
    """Killed between writing and renaming: the final name never shows a partial file."""
    store = BlobStore(tmp_path)

    def no_rename(src: str, dst: str) -> None:
        raise KeyboardInterrupt  # the process is interrupted right there

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(KeyboardInterrupt):
        store.put(b"half a scan")
    assert not store.has(hashlib.sha256(b"half a scan").hexdigest())
    assert list((tmp_path / "tmp").glob("*.part")) == []


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    (tmp_path / "tmp").mkdir()
    old, fresh = tmp_path / "tmp" / "a.part", tmp_path / "tmp" / "b.part"
    old.write_bytes(b"1")
    fresh.write_bytes(b"2")
    os.utime(old, (0, 0))
    assert store.clean_temporary() == 1
    assert not old.exists() and fresh.exists()


def test_a_bad_hash_is_no_path(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        BlobStore(tmp_path).path("../../etc/passwd")


# ----- tables --------------------------------------------------------------------------------


@pytest.fixture
def conn(tmp_path: Path):
    c = db.connect(tmp_path / "c.sqlite3")
    yield c
    c.close()


def _stored(store: BlobStore, data: bytes, name: str = "scan.pdf") -> StoredAttachment:
    sha, _ = store.put(data)
    return StoredAttachment(sha, len(data), 1, name, attachments.PDF, attachments.PDF, NOW)


def test_record_keeps_the_first_name(conn, tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "attachments")
    first = _stored(store, b"page", "Giấy chứng sinh.pdf")
    with db.transaction(conn):
        assert attachments.record(conn, first)
        assert not attachments.record(conn, _stored(store, b"page", "other.pdf"))
    assert attachments.get(conn, first.sha256) == first


def test_check_links_items_received_and_files_stored(conn, tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "attachments")
    a = _stored(store, b"one")
    with db.transaction(conn):
        attachments.record(conn, a)
    docs = (ReceivedDocument("Tờ khai", original=1),
            ReceivedDocument("Giấy chứng sinh", original=1))
    links, problems = attachments.check(conn, store, [
        ItemAttachment("Giấy chứng sinh", a.sha256),
        ItemAttachment("Giấy chứng sinh", a.sha256),  # twice: once
        ItemAttachment("Sổ hộ khẩu", a.sha256),
        ItemAttachment("Tờ khai", "0" * 64),
        ItemAttachment("Tờ khai", "not a hash"),
    ], docs)
    assert [(x.item_position, x.item_name, x.file.sha256) for x in links] == [
        (2, "Giấy chứng sinh", a.sha256)]
    assert [(p.field, p.code) for p in problems] == [
        ("attachments[2]", "attachment.item_not_received"),
        ("attachments[3]", "attachment.missing"),
        ("attachments[4]", "attachment.missing")]
    assert attachments.wire(links) == [{"sha256": a.sha256, "name": "Giấy chứng sinh",
                                        "size": 3, "media_type": "application/pdf"}]


def test_a_recorded_file_whose_blob_is_gone_is_missing(conn, tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "attachments")
    a = _stored(store, b"one")
    with db.transaction(conn):
        attachments.record(conn, a)
    store.path(a.sha256).unlink()
    _, problems = attachments.check(conn, store, [ItemAttachment("Tờ khai", a.sha256)],
                                    [ReceivedDocument("Tờ khai", original=1)])
    assert [p.code for p in problems] == ["attachment.missing"]


def test_pending_uploads_are_linked_files_not_yet_uploaded(counter, tmp_path: Path) -> None:
    from tests.conftest import birth_draft

    conn = counter.conn
    store = attachments.blob_store(counter.data_dir)
    linked, loose = _stored(store, b"linked"), _stored(store, b"loose")
    with db.transaction(conn):
        attachments.record(conn, linked)
        attachments.record(conn, loose)
    dossier = counter.receive(birth_draft(attachments=(
        ItemAttachment("Giấy chứng sinh", linked.sha256),))).dossier
    assert attachments.pending_uploads(conn) == [
        attachments.PendingUpload(linked.sha256, linked.size)]
    assert attachments.pending_upload_count(conn) == 1
    assert attachments.unreferenced(conn, NOW + dt.timedelta(days=1)) == [loose.sha256]
    with db.transaction(conn):
        assert attachments.mark_uploaded(conn, linked.sha256, NOW)
    assert attachments.pending_uploads(conn) == [] and attachments.pending_upload_count(conn) == 0
    (only,) = attachments.for_dossier(conn, dossier.id)
    assert only.uploaded and only.item_position == 2 and only.position == 1
    with db.transaction(conn):
        assert attachments.forget_uploads(conn) == 1
    assert attachments.pending_upload_count(conn) == 1


def test_links_point_at_known_dossiers(conn, tmp_path) -> None:
    store = BlobStore(tmp_path / "attachments")
    a = _stored(store, b"one")
    with db.transaction(conn):
        attachments.record(conn, a)
    link = attachments.Link(1, "Tờ khai", a)
    with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction(conn):
        attachments.link(conn, "no-such-dossier", [link], "e1", NOW)

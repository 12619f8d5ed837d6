"""The scanner's folder: a file is taken only once complete, then moved out of the way."""

from __future__ import annotations

import os
from pathlib import Path

from counter_app.services import attachments
from counter_app.services.counter import Counter
from counter_app.services.scan_folder import IMPORTED, REJECTED, ScanFolder
from tests.services.scan_files import picture


def _grow(path: Path, data: bytes, mtime_ns: int) -> None:
    with path.open("ab") as f:
        f.write(data)
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_growing_file_is_imported_only_once_stable(tmp_path: Path, counter: Counter) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "old.pdf").write_bytes(b"left from yesterday")
    watcher = ScanFolder(folder)

    def handle(path: Path):
        return attachments.import_file(counter, path)

    assert watcher.collect(handle) == []  # first look: old.pdf is not ours
    data = picture("JPEG")
    scan = folder / "scan_0001.jpg"
    _grow(scan, data[:5000], 1_000_000_000)  # the scanner starts writing
    assert watcher.collect(handle) == []  # new, seen once
    _grow(scan, data[5000:20000], 2_000_000_000)
    assert watcher.collect(handle) == []  # it grew: not complete
    _grow(scan, data[20000:], 3_000_000_000)
    assert watcher.collect(handle) == []  # grew again
    (taken,) = watcher.collect(handle)  # unchanged since the last look: complete
    assert taken.error is None and taken.name == "scan_0001.jpg"
    assert taken.moved_to == folder / IMPORTED / "scan_0001.jpg"
    assert taken.moved_to.read_bytes() == data and not scan.exists()
    assert taken.value is not None and taken.value.pages == 1
    assert store_has(counter, taken.value.sha256)
    assert watcher.collect(handle) == [] and watcher.collect(handle) == []
    assert (folder / "old.pdf").exists()  # never touched


def store_has(counter: Counter, sha: str) -> bool:
    from counter_app.store.attachments import blob_store

    return blob_store(counter.data_dir).has(sha)


def test_a_bad_file_goes_to_rejected_and_names_never_clash(tmp_path, counter) -> None:
    folder = tmp_path / "scans"
    (folder / IMPORTED).mkdir(parents=True)
    (folder / IMPORTED / "page.png").write_bytes(b"an earlier page of that name")
    watcher = ScanFolder(folder)
    watcher.collect(lambda p: None)
    (folder / "page.png").write_bytes(picture("PNG", (300, 400)))
    (folder / "notes.txt").write_bytes(b"not a scan")
    (folder / "~$lock.pdf").write_bytes(b"office lock file")
    (folder / "half.pdf.part").write_bytes(b"%PDF- still downloading")
    (folder / ".hidden.pdf").write_bytes(b"%PDF-")
    handle = lambda p: attachments.import_file(counter, p)  # noqa: E731
    assert watcher.collect(handle) == []
    taken = {t.name: t for t in watcher.collect(handle)}
    assert set(taken) == {"page.png", "notes.txt"}
    assert taken["page.png"].moved_to == folder / IMPORTED / "page-1.png"
    assert taken["notes.txt"].moved_to == folder / REJECTED / "notes.txt"
    assert getattr(taken["notes.txt"].error, "code", "") == "attachment.unsupported"
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
        ".hidden.pdf", "half.pdf.part", "~$lock.pdf"]


def test_a_locked_file_is_tried_again_and_a_missing_folder_is_no_error(tmp_path) -> None:
    folder = tmp_path / "scans"
    watcher = ScanFolder(folder)
    assert watcher.collect(lambda p: 1) == []  # no folder yet (network drive not mounted)
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    attempts: list[str] = []

    def locked_once(path: Path) -> int:
        attempts.append(path.name)
        if len(attempts) == 1:
            raise PermissionError("the scanner still holds it")
        return 7

    assert watcher.collect(locked_once) == []
    assert watcher.collect(locked_once) == []  # locked: not moved, looked at again
    assert (folder / "a.pdf").exists()
    assert watcher.collect(locked_once) == []  # seen once more before it counts as stable
    (taken,) = watcher.collect(locked_once)
    assert taken.value == 7 and attempts == ["a.pdf", "a.pdf"]


def test_take_existing_imports_what_is_already_there(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    watcher = ScanFolder(folder, take_existing=True)
    assert watcher.collect(lambda p: 1) == []
    assert [t.name for t in watcher.collect(lambda p: 1)] == ["a.pdf"]


def test_waiting_counts_files_still_being_written(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    watcher = ScanFolder(folder)
    watcher.prime()
    assert watcher.waiting() == 0
    (folder / "empty.pdf").write_bytes(b"")  # a scanner that gave up
    _grow(folder / "page.pdf", b"%PDF-1.4 ", 1_000_000_000)
    assert watcher.collect(lambda p: 1) == []
    assert watcher.waiting() == 2
    _grow(folder / "page.pdf", b"more", 2_000_000_000)
    assert watcher.collect(lambda p: 1) == [] and watcher.waiting() == 2
    assert [t.name for t in watcher.collect(lambda p: 1)] == ["page.pdf"]
    assert watcher.waiting() == 1  # the empty file, for a few polls more
    for _ in range(5):
        watcher.collect(lambda p: 1)
    assert watcher.waiting() == 0 and (folder / "empty.pdf").exists()

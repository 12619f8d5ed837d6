"""Files that travel with the events: scans and attached form PDFs go up through the portal's
resumable upload by SHA-256 (docs/attachments.md), the agency's form PDFs come down by hash.

One upload path for both kinds of file: `PortalClient.upload_attachment`, fed from two queues
(store/attachments.py for scans, store/agency_forms.py for forms). A file the portal refuses,
or that is missing here, stays pending and is reported; network errors propagate like any
other, and the next pass resumes where this one stopped.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..store import agency_forms, blobs, db
from ..store import attachments as attachment_store
from .client import PortalClient
from .errors import RequestRejected
from .summary import Progress, Summary

log = logging.getLogger(__name__)

MAX_FORM_BYTES = 40 * 1024 * 1024  # what a workstation accepts as a form (services/scans.py)
_DOWNLOAD_SUFFIX = ".download"


@dataclass(frozen=True)
class _Queue:
    """One kind of file to upload: where its files are, what is pending, how to mark one."""

    what: str  # for the log: "scanned file", "form"
    path: Callable[[str], Path]
    pending: Callable[[], list[str]]
    mark: Callable[[str, dt.datetime], object]


def _queues(conn: sqlite3.Connection, data_dir: Path) -> list[_Queue]:
    forms = agency_forms.form_store(data_dir)
    return [
        _Queue("scanned file", lambda sha: blobs.blob_path(data_dir, sha),
               lambda: [u.sha256 for u in attachment_store.pending_uploads(conn, 50)],
               lambda sha, at: attachment_store.mark_uploaded(conn, sha, at)),
        _Queue("form", forms.path,
               lambda: [u.sha256 for u in agency_forms.pending_uploads(conn)],
               lambda sha, at: agency_forms.mark_uploaded(conn, sha, at)),
    ]


def pending_upload_count(conn: sqlite3.Connection) -> int:
    return attachment_store.pending_upload_count(conn) + agency_forms.pending_upload_count(conn)


def upload_all(conn: sqlite3.Connection, client: PortalClient, data_dir: Path,
               clock: Callable[[], dt.datetime], progress: Callable[[Progress], None],
               s: Summary) -> None:
    """Upload the files that pushed events name, each resuming where the portal's copy stops."""
    for queue in _queues(conn, data_dir):
        passed_over: set[str] = set()
        while todo := [sha for sha in queue.pending() if sha not in passed_over]:
            for sha in todo:
                if _upload(client, queue, sha):
                    with db.transaction(conn):
                        queue.mark(sha, clock())
                    s.uploaded += 1
                    progress(Progress("upload", s.uploaded, pending_upload_count(conn)))
                else:
                    passed_over.add(sha)


def _upload(client: PortalClient, queue: _Queue, sha: str) -> bool:
    path = queue.path(sha)
    if not path.exists():
        log.warning("%s %s… is missing from the data directory", queue.what, sha[:12])
        return False
    try:
        return client.upload_attachment(sha, path).complete
    except RequestRejected as e:
        log.warning("portal refused %s %s…: %s", queue.what, sha[:12], e.error)
        return False


def fetch_forms(conn: sqlite3.Connection, client: PortalClient, data_dir: Path,
                s: Summary) -> None:
    """Fetch the PDFs of the agency's forms this workstation does not hold yet, each resuming
    from what an earlier pass received. One the portal does not have whole yet (the attaching
    workstation has not uploaded it) waits for a later pass."""
    store = agency_forms.form_store(data_dir)
    for missing in agency_forms.missing_files(conn, store):
        part = store.root / "tmp" / (missing.sha256 + _DOWNLOAD_SUFFIX)
        part.parent.mkdir(parents=True, exist_ok=True)
        try:
            client.download_attachment(missing.sha256, part, max_bytes=MAX_FORM_BYTES)
        except RequestRejected as e:
            log.info("form %s… not fetched yet: %s", missing.sha256[:12], e.error)
            s.forms_waiting += 1
            continue
        except ValueError:
            log.warning("form %s… arrived damaged: fetched again next time",
                        missing.sha256[:12])
            s.forms_waiting += 1
            continue
        store.put(part.read_bytes())
        part.unlink(missing_ok=True)
        s.forms_fetched += 1

"""The sync engine: push the outbox, pull changes, retry with backoff. Plain blocking code (no
Qt): the app runs it on its network lane, tests and the command line call it directly."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from ..store import agency_forms, counters, db
from ..store import attachments as attachment_store
from ..store import sync as sync_store
from . import files, wire
from .apply import Context, apply_page, apply_remote_status
from .backoff import Backoff
from .client import EventAnswer, PortalClient
from .errors import CursorGone, NotEnrolled, RequestRejected, SyncError
from .summary import Progress, Summary

log = logging.getLogger(__name__)

_VN = ZoneInfo("Asia/Ho_Chi_Minh")
# Whole-request refusals that are about the events sent (docs/sync-protocol.md §3): isolate the
# culprit and quarantine it. Any other 4xx (wrong address, …) stops the run instead.
_EVENT_FAULTS = {400, 413, 422}


def vn_now() -> dt.datetime:
    return dt.datetime.now(_VN).replace(tzinfo=None, microsecond=0)


class HasConn(Protocol):
    conn: sqlite3.Connection


@dataclass(frozen=True)
class Limits:
    batch_events: int = 500  # the portal's default max_batch_events
    batch_bytes: int = 2_000_000  # under its 2 MiB max_batch_bytes
    page_size: int = 500  # changes per pull (the portal allows up to 1000)


class SyncEngine:
    """Push and pull for one workstation database and one portal client.

    `clock` stamps what is stored (Vietnam time); `sleep` and `monotonic` drive the retry
    loop, so tests can run it on a fake clock.
    """

    def __init__(self, store: sqlite3.Connection | HasConn, client: PortalClient,
                 clock: Callable[[], dt.datetime] = vn_now,
                 sleep: Callable[[float], None] = time.sleep, *,
                 monotonic: Callable[[], float] = time.monotonic,
                 backoff: Backoff | None = None, limits: Limits = Limits(),
                 progress: Callable[[Progress], None] | None = None) -> None:
        self.conn: sqlite3.Connection = store if isinstance(store, sqlite3.Connection) \
            else store.conn
        # Scanned files and form PDFs live beside the database (store/blobs.py).
        main_file = self.conn.execute("PRAGMA database_list").fetchone()[2]
        self.data_dir: Path | None = Path(main_file).parent if main_file else None
        self.client = client
        self.clock = clock
        self.sleep = sleep
        self.monotonic = monotonic
        self.backoff = backoff or Backoff()
        self.batch_events = limits.batch_events
        self.batch_bytes = limits.batch_bytes
        self.page_size = limits.page_size
        self.progress = progress or _quiet

    def _context(self) -> Context:
        enrolment = sync_store.get_enrolment(self.conn)
        if enrolment is None:
            raise NotEnrolled()
        return Context(enrolment.agency_code, enrolment.workstation, self.clock())

    # ----- push --------------------------------------------------------------------------

    def push_all(self, summary: Summary | None = None) -> Summary:
        """Send every pending event, oldest first, in bounded batches, and store each answer.

        Raises the client's errors; answers already stored stay stored, and whatever had no
        answer is sent again, unchanged, next time (a timeout is an unknown outcome)."""
        s = summary or Summary()
        while True:
            rows = sync_store.outbox(self.conn, self.batch_events)
            if not rows:
                return s
            batch = wire.take_batch([wire.outbox_event(r) for r in rows], self.batch_events,
                                    self.batch_bytes)
            self._send(batch, s)
            if self.progress is not _quiet:
                self.progress(Progress("push", s.pushed, sync_store.pending_count(self.conn)))

    def _send(self, batch: list[wire.OutboxEvent], s: Summary) -> None:
        try:
            answers = self.client.push(wire.batch_body(batch), [e.id for e in batch])
        except RequestRejected as e:
            if e.status not in _EVENT_FAULTS:
                raise
            self._refused(batch, e, s)
            return
        self._store([_answer(a) for a in answers], s)

    def _refused(self, batch: list[wire.OutboxEvent], e: RequestRejected, s: Summary) -> None:
        """The portal refused the whole request because of what was in it: find the event(s)
        and quarantine them; send the others."""
        limit = e.portal_params.get("limit")
        if e.error == "too_many_events" and isinstance(limit, int) and limit > 0:
            self.batch_events = min(self.batch_events, limit)
        if e.error == "body_too_large" and isinstance(limit, int) and limit > 1024:
            self.batch_bytes = min(self.batch_bytes, limit - 512)
        named = _named(e, len(batch))
        if e.status == 413 and len(batch) > 1 and len(wire.take_batch(
                batch, self.batch_events, self.batch_bytes)) < len(batch):
            while batch:  # within the limit the portal just told
                part = wire.take_batch(batch, self.batch_events, self.batch_bytes)
                self._send(part, s)
                batch = batch[len(part):]
        elif named:
            bad = [batch[i] for i in sorted(named)]
            self._store([_quarantine(x.id, e) for x in bad], s)
            rest = [x for i, x in enumerate(batch) if i not in named]
            if rest:
                self._send(rest, s)
        elif len(batch) > 1:
            half = len(batch) // 2
            self._send(batch[:half], s)
            self._send(batch[half:], s)
        else:
            self._store([_quarantine(batch[0].id, e)], s)

    def _store(self, answers: list[sync_store.Answer], s: Summary) -> None:
        with db.transaction(self.conn):
            sync_store.record_answers(self.conn, answers, self.clock())
            for a in answers:
                if a.result == "conflict" and a.reason == "dossier_code_taken":
                    self._move_past(a.params)
        for a in answers:
            s.count(a.result)
            if a.result in ("rejected", "conflict"):
                log.warning("event %s %s by the portal: %s", a.event_id, a.result, a.reason)

    def _move_past(self, params: dict[str, Any]) -> None:
        """A code of ours was taken at the portal (e.g. by the PC this one replaced): number
        the rest of that day above the highest sequence the portal holds."""
        enrolment = sync_store.get_enrolment(self.conn)
        day, highest = params.get("day"), params.get("highest_sequence")
        if enrolment is None or not isinstance(day, str) or not isinstance(highest, int):
            return
        try:
            when = dt.date.fromisoformat(day)
        except ValueError:
            return
        if counters.move_past(self.conn, enrolment.agency_code, when, enrolment.workstation,
                              highest, enrolment.range_size):
            log.warning("dossier codes of %s continue after %d: the portal holds codes of"
                        " this workstation number", day, highest)

    # ----- pull --------------------------------------------------------------------------

    def pull_all(self, summary: Summary | None = None) -> Summary:
        """Pull pages after the stored cursor until the portal has no more; each page is
        applied in the transaction that stores its cursor. 410 (the portal's database was
        replaced or restored from a backup): pull again from the beginning, which is safe
        because applying is idempotent, and send every event again, because a restored portal
        has lost what it applied after its backup (it answers `duplicate` for the rest)."""
        s = summary or Summary()
        ctx = self._context()
        restarted = False
        while True:
            cursor = sync_store.get_state(self.conn).cursor
            try:
                page = self.client.changes(cursor, self.page_size)
            except (CursorGone, RequestRejected) as e:
                if restarted or (isinstance(e, RequestRejected) and e.error != "invalid_cursor"):
                    raise
                log.warning("pull cursor refused (%s): pulling again from the beginning",
                            e.code)
                restarted = True
                with db.transaction(self.conn):
                    sync_store.set_cursor(self.conn, "")
                    if isinstance(e, CursorGone):  # a restored portal may have lost events too
                        s.resent += sync_store.forget_acknowledgements(self.conn)
                        _forget_uploads(self.conn)
                continue
            done = apply_page(self.conn, page.changes, page.next_cursor, ctx)
            s.add_pulled(done)
            self.progress(Progress("pull", s.pulled, 0))
            if not page.more:
                return s

    def recheck(self, summary: Summary | None = None) -> Summary:
        """Ask the portal for the status of dossiers whose pulled status did not follow from
        the local one, once nothing of theirs waits to be sent."""
        s = summary or Summary()
        ctx = self._context()
        for dossier_id in sync_store.rechecks(self.conn):
            if sync_store.has_pending(self.conn, dossier_id):
                continue
            remote = self.client.dossier(dossier_id)
            if apply_remote_status(self.conn, dossier_id, remote, ctx):
                s.dossiers.add(dossier_id)
            s.rechecked += 1
        return s

    def verify(self, summary: Summary | None = None) -> Summary:
        """Check that the portal still has the newest dossier it acknowledged. A portal
        restored from a backup has lost what came after the backup; when no change was
        recorded since, its cursor cannot tell (no 410): this one look-up can. Then every
        event is sent again (the portal answers `duplicate` for what it kept)."""
        s = summary or Summary()
        dossier_id = sync_store.newest_acknowledged_dossier(self.conn)
        if dossier_id is not None and self.client.dossier(dossier_id) is None:
            log.warning("the portal lost dossier %s it had acknowledged: sending everything"
                        " again", dossier_id)
            with db.transaction(self.conn):
                s.resent += sync_store.forget_acknowledgements(self.conn)
                _forget_uploads(self.conn)
        return s

    # ----- files: scans and form PDFs up, the agency's form PDFs down (sync/files.py) ------

    def upload_all(self, summary: Summary | None = None) -> Summary:
        """Upload the scanned files and form PDFs that pushed events name, each resuming where
        the portal's copy stops (docs/attachments.md)."""
        s = summary or Summary()
        if self.data_dir is not None:
            files.upload_all(self.conn, self.client, self.data_dir, self.clock, self.progress, s)
        return s

    def fetch_forms(self, summary: Summary | None = None) -> Summary:
        """Fetch the PDFs of forms attached at the agency's other workstations."""
        s = summary or Summary()
        if self.data_dir is not None:
            files.fetch_forms(self.conn, self.client, self.data_dir, s)
        return s

    # ----- one pass, and passes until idle -----------------------------------------------

    def sync_once(self, summary: Summary | None = None) -> Summary:
        """Push all, upload files, pull all, fetch forms, recheck, verify. Never raises a
        SyncError: it is recorded in the store (last error) and in the summary."""
        s = summary or Summary()
        s.clear_error()
        try:
            self._context()
            with db.transaction(self.conn):
                sync_store.mark_attempt(self.conn, self.clock())
            self.push_all(s)
            self.upload_all(s)
            self.pull_all(s)
            self.fetch_forms(s)
            self.recheck(s)
            self.verify(s)
            with db.transaction(self.conn):
                sync_store.mark_success(self.conn, self.clock())
        except SyncError as e:
            s.set_error(e)
            log.info("sync stopped: %s %s", e.code, e.params.get("detail", ""))
            if not isinstance(e, NotEnrolled):
                with db.transaction(self.conn):
                    sync_store.mark_error(self.conn, e.code, e.message, self.clock())
        s.refresh(self.conn)
        return s

    def run_until_idle(self, max_seconds: float = 300.0) -> Summary:
        """Passes until nothing is pending, a failure that retrying cannot fix (401, a refused
        request), or `max_seconds` (a request already under way may overrun it by its
        timeout). Retries wait with exponential backoff and full jitter."""
        deadline = self.monotonic() + max_seconds
        s = Summary()
        attempt = 0
        while True:
            before = s.pushed + s.pulled + s.resent + s.uploaded
            self.sync_once(s)
            if not s.error:
                attempt = 0
                if s.pending == 0 and s.uploads_pending == 0:
                    s.idle = True
                    return s
                progressed = s.pushed + s.pulled + s.resent + s.uploaded != before
                if not progressed or self.monotonic() >= deadline:
                    return s  # events keep arriving faster than they go: next time
                continue
            if not s.retryable:
                return s
            retry_after = s.retry_after
            delay = self.backoff.delay(attempt, retry_after)
            attempt += 1
            if self.monotonic() + delay > deadline:
                return s
            self.progress(Progress("wait", s.pushed, s.pending, delay=delay, error=s.error))
            self.sleep(delay)


def _quiet(_p: Progress) -> None:
    pass


def _forget_uploads(conn: sqlite3.Connection) -> None:
    """The portal was restored from a backup: offer every file again (it answers at once for
    what it still holds)."""
    attachment_store.forget_uploads(conn)
    agency_forms.forget_uploads(conn)


def _answer(a: EventAnswer) -> sync_store.Answer:
    return sync_store.Answer(a.id, a.result, a.reason, a.message, a.params or {},
                             a.problems or [])


def _quarantine(event_id: str, e: RequestRejected) -> sync_store.Answer:
    return sync_store.Answer(event_id, "rejected", e.error, e.message, e.portal_params,
                             [d for d in e.detail if isinstance(d, dict)][:20])


def _named(e: RequestRejected, size: int) -> set[int]:
    """Indices of the events a 422's `detail[].loc` names (["body", "events", 3, …])."""
    out: set[int] = set()
    for d in e.detail:
        loc = d.get("loc") if isinstance(d, dict) else None
        if isinstance(loc, list) and len(loc) >= 3 and loc[:2] == ["body", "events"] \
                and isinstance(loc[2], int) and 0 <= loc[2] < size:
            out.add(loc[2])
    return out


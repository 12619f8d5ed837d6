"""Sync use cases over a Counter: enrol with the portal, sync now or until idle, the status the
clerk sees, and the supervisor's list of quarantined and conflicting events (retry, resolve)."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.records import iso
from ..store import agency_forms, counters, db, settings
from ..store import attachments as attachment_store
from ..store import sync as sync_store
from ..sync.backoff import Backoff
from ..sync.errors import EnrolmentMismatch, NotEnrolled
from ..sync.summary import Progress, Summary
from .counter import Changes, Counter

if TYPE_CHECKING:  # the client and engine (requests) load on first use, not with the window
    import requests

    from ..sync.client import PortalClient
    from ..sync.engine import Limits, SyncEngine

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0


@dataclass(frozen=True)
class EnrolResult:
    agency_code: str
    agency_name: str
    workstation: int
    range_size: int
    device_id: str
    portal_url: str
    profile_created: bool  # the data directory had no profile: the portal's was taken
    range_size_before: int | None  # set when the portal's range size replaced another one
    changes: Changes


@dataclass(frozen=True)
class SyncResult:
    summary: Summary
    changes: Changes


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows."""

    enrolled: bool
    portal_url: str
    pending: int  # events still to send
    quarantined: int
    conflicts: int
    last_attempt_at: str | None
    last_success_at: str | None
    last_error: str  # code, "" when the last attempt succeeded
    last_error_message: str
    pending_dossiers: int = 0  # dossiers with at least one of those events
    pending_manifests: int = 0  # postal hand-over manifests with one of them
    scans_pending: int = 0  # scanned files the portal does not yet hold whole
    pending_forms: int = 0  # the agency's blank forms with an attach/detach still to send
    form_files_pending: int = 0  # form PDFs the portal does not yet hold whole

    @property
    def uploads_pending(self) -> int:
        """Files still to upload, scans and form PDFs (as the engine's Summary counts them)."""
        return self.scans_pending + self.form_files_pending

    @property
    def state(self) -> str:
        """not_enrolled | needs_enrolment | offline | failed | pending | up_to_date."""
        if not self.enrolled:
            return "not_enrolled"
        if self.last_error == "sync.unauthorized":
            return "needs_enrolment"
        if self.last_error in ("sync.offline", "sync.timeout"):
            return "offline"
        if self.last_error:
            return "failed"
        return "pending" if self.pending or self.uploads_pending else "up_to_date"


# ----- enrolment -----------------------------------------------------------------------------


def enrol(counter: Counter, portal_url: str, code: str, device_name: str = "",
          workstation: int | None = None, *, client: PortalClient | None = None
          ) -> EnrolResult:
    """Spend a one-time enrolment code and store the device token.

    A set-up workstation keeps its agency and number: a code of another agency is refused
    (the portal has spent it: the administrator revokes the device it made). A fresh data
    directory takes the agency from the portal and the number from `workstation`. Either way
    the agency's `range_size` is the portal's from now on."""
    from ..sync.client import PortalClient, check_url

    url = check_url(portal_url)
    profile = counter.profile
    if profile.is_set_up:
        if workstation is not None and workstation != profile.workstation:
            raise ValidationFailed([FieldProblem("workstation", "enrol.workstation_differs", {
                "given": workstation, "workstation": profile.workstation})])
        workstation = profile.workstation
    elif workstation is None:
        raise ValidationFailed([FieldProblem("workstation", "enrol.workstation_required")])
    elif not 1 <= workstation <= 99:
        raise ValidationFailed([FieldProblem("workstation", "workstation.range")])
    client = client or PortalClient(url, connect_timeout=CONNECT_TIMEOUT,
                                    read_timeout=float(profile.sync_timeout_seconds))
    answer = client.enrol(code.strip(), workstation, device_name.strip())
    if profile.is_set_up and (answer.agency_code.upper() != profile.agency_code.upper()
                              or answer.workstation != workstation):
        raise EnrolmentMismatch(agency=profile.agency_code, portal_agency=answer.agency_code,
                                workstation=workstation, portal_workstation=answer.workstation,
                                device_id=answer.device_id)
    if profile.is_set_up:
        new = dataclasses.replace(profile, range_size=answer.range_size, portal_url=url)
    else:
        new = dataclasses.replace(profile, agency_code=answer.agency_code,
                                  agency_name=answer.agency_name, workstation=workstation,
                                  range_size=answer.range_size, portal_url=url)
    problems = counter.profile_problems(new)
    if problems:
        raise ValidationFailed(problems)
    now = counter.clock()
    with db.transaction(counter.conn):
        settings.put(counter.conn, new.to_settings())
        sync_store.put_enrolment(counter.conn, sync_store.Enrolment(
            url, answer.token, answer.device_id, device_name.strip(), answer.agency_code,
            answer.workstation, answer.range_size, iso(now) or ""))
        sync_store.clear_error(counter.conn)  # a 401 of an old token is over
        if answer.today is not None and answer.highest_sequence:  # a replacement PC
            counters.move_past(counter.conn, new.agency_code, answer.today,
                               answer.workstation, answer.highest_sequence, answer.range_size)
    counter.forget_calendar()
    log.info("enrolled as workstation %d of %s (device %s)", answer.workstation,
             answer.agency_code, answer.device_id)
    return EnrolResult(answer.agency_code, answer.agency_name, answer.workstation,
                       answer.range_size, answer.device_id, url, not profile.is_set_up,
                       profile.range_size if profile.is_set_up
                       and profile.range_size != answer.range_size else None,
                       Changes(profile=True, calendar=True))


# ----- syncing -------------------------------------------------------------------------------


def client_for(counter: Counter, portal_url: str | None = None, *,
               session: requests.Session | None = None) -> PortalClient:
    """A client with the stored token, for the enrolled portal or `portal_url` (another
    route to the same portal, for one run)."""
    from ..sync.client import PortalClient

    enrolment = sync_store.get_enrolment(counter.conn)
    if enrolment is None:
        raise NotEnrolled()
    return PortalClient(portal_url or enrolment.portal_url, enrolment.token, session=session,
                        connect_timeout=CONNECT_TIMEOUT,
                        read_timeout=float(counter.profile.sync_timeout_seconds))


def engine(counter: Counter, *, portal_url: str | None = None,
           client: PortalClient | None = None, sleep: Callable[[float], None] = time.sleep,
           monotonic: Callable[[], float] = time.monotonic, backoff: Backoff | None = None,
           limits: Limits | None = None,
           progress: Callable[[Progress], None] | None = None) -> SyncEngine:
    from ..sync.engine import Limits, SyncEngine

    return SyncEngine(counter, client or client_for(counter, portal_url), counter.clock, sleep,
                      monotonic=monotonic, backoff=backoff, limits=limits or Limits(),
                      progress=progress)


def _result(counter: Counter, summary: Summary) -> SyncResult:
    if summary.calendar:
        counter.forget_calendar()
    return SyncResult(summary, Changes(dossiers=frozenset(summary.dossiers),
                                       catalogue=summary.catalogue, calendar=summary.calendar))


def sync_once(counter: Counter, sync_engine: SyncEngine | None = None) -> SyncResult:
    """One pass: push everything pending, pull every change, never raise a sync error (it is
    in the summary and stored as the last error)."""
    e = sync_engine or engine(counter)
    return _result(counter, e.sync_once())


def run_until_idle(counter: Counter, max_seconds: float = 300.0,
                   sync_engine: SyncEngine | None = None) -> SyncResult:
    """Passes with backoff until nothing is pending, a failure retrying cannot fix, or
    `max_seconds`."""
    e = sync_engine or engine(counter)
    return _result(counter, e.run_until_idle(max_seconds))


def status(counter: Counter) -> SyncStatus:
    """A few rows read, whatever the size of the log: the window asks after every write."""
    enrolment = sync_store.get_enrolment(counter.conn)
    state = sync_store.get_state(counter.conn)
    counts = sync_store.open_counts(counter.conn)
    pending = sync_store.pending(counter.conn)
    return SyncStatus(enrolment is not None, enrolment.portal_url if enrolment else "",
                      pending.events, counts["rejected"], counts["conflict"],
                      state.last_attempt_at, state.last_success_at, state.last_error,
                      state.last_error_message, pending.dossiers, pending.manifests,
                      attachment_store.pending_upload_count(counter.conn), pending.forms,
                      agency_forms.pending_upload_count(counter.conn))


# ----- the supervisor's list -----------------------------------------------------------------


def problems(counter: Counter, *, include_resolved: bool = False) -> list[sync_store.Problem]:
    """Quarantined (rejected) and conflicting events with the portal's messages."""
    return sync_store.problems(counter.conn, include_resolved=include_resolved)


def retry(counter: Counter, event_ids: Iterable[str], *, user: str = "",
          note: str = "") -> list[str]:
    """Send these events again, unchanged, on the next sync (after the cause was fixed at
    the portal, e.g. a back office moved the dossier). Returns the ids found."""
    with db.transaction(counter.conn):
        return sync_store.retry(counter.conn, list(event_ids), counter.clock(), user, note)


def resolve(counter: Counter, event_ids: Iterable[str], *, user: str = "",
            note: str = "") -> list[str]:
    """The supervisor settled these events another way: never send them again. A dismissed
    status change leaves the local status to be taken from the portal on the next sync."""
    now = counter.clock()
    with db.transaction(counter.conn):
        rows = sync_store.resolve(counter.conn, list(event_ids), now, user, note)
        for r in rows:
            if r["kind"] == "status_changed":
                sync_store.add_recheck(counter.conn, r["dossier_id"], now)
    return [r["event_id"] for r in rows]


__all__ = ["EnrolResult", "SyncResult", "SyncStatus", "client_for", "engine",
           "enrol", "problems", "resolve", "retry", "run_until_idle", "status", "sync_once"]

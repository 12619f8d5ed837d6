"""The facade the UI and the command line call: one method per use case, one transaction each."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..domain.calendar import CalendarException, WorkingCalendar, WorkingHours
from ..domain.catalogue import load_catalogue_file
from ..domain.errors import (
    DomainError,
    FieldProblem,
    InvalidTransition,
    NotFound,
    ValidationFailed,
)
from ..domain.model import (
    Dossier,
    DossierCode,
    DossierId,
    DossierSummary,
    Outcome,
    Procedure,
    ProcedureCode,
    ReceptionDraft,
    Status,
    TimeLimit,
)
from ..domain.records import dossier_to_dict
from ..domain.status import check_move
from ..domain.validation import agency_code_problem
from ..store import catalogue as catalogue_store
from ..store import counters, db, events, settings
from ..store import dossiers as dossier_store
from . import reception
from .accounts import Accounts

if TYPE_CHECKING:
    from .postal import Postal
from .profile import Profile

if TYPE_CHECKING:
    from .followup import Followup

log = logging.getLogger(__name__)

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Separate numbering for the slips that are not dossiers: Mẫu 02 "Số: n/HDHS", Mẫu 03.
GUIDANCE_BOOK = "HDHS-"
REFUSAL_BOOK = "TCHS-"


def local_now() -> dt.datetime:
    """Now in Vietnam, naive, to the second: the time every record of the counter uses."""
    return dt.datetime.now(LOCAL_TZ).replace(tzinfo=None, microsecond=0)


class NotSetUp(DomainError):
    """The data directory has no profile yet: run `init` first."""

    code = "not_set_up"


@dataclass(frozen=True)
class Changes:
    """What a write touched, so views refresh only that (Anki's OpChanges)."""

    dossiers: frozenset[str] = frozenset()
    catalogue: bool = False
    calendar: bool = False
    profile: bool = False


@dataclass(frozen=True)
class Result:
    dossier: Dossier
    changes: Changes


class Counter:
    """One open local database and the use cases over it."""

    def __init__(
        self, conn: sqlite3.Connection, data_dir: Path, clock: Callable[[], dt.datetime] = local_now
    ) -> None:
        self.conn = conn
        self.data_dir = data_dir
        self.clock = clock
        self._calendar: WorkingCalendar | None = None

    @classmethod
    def open(cls, data_dir: Path | str, clock: Callable[[], dt.datetime] = local_now, *,
             progress: db.Progress | None = None) -> Counter:
        """The workstation's database; `progress` hears about an upgrade while it runs."""
        data_dir = Path(data_dir)
        return cls(db.connect(data_dir / db.DB_FILENAME, progress=progress), data_dir, clock)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Counter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- profile -------------------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        return Profile.from_settings(settings.get_all(self.conn))

    def require_profile(self) -> Profile:
        profile = self.profile
        if not profile.is_set_up:
            raise NotSetUp()
        return profile

    def set_profile(self, profile: Profile) -> Changes:
        problems = self.profile_problems(profile)
        if problems:
            raise ValidationFailed(problems)
        with db.transaction(self.conn):
            settings.put(self.conn, profile.to_settings())
        self._calendar = None
        return Changes(profile=True, calendar=True)

    @staticmethod
    def profile_problems(profile: Profile) -> list[FieldProblem]:
        """What `set_profile` would refuse, for use cases that write a profile themselves."""
        problems: list[FieldProblem] = []
        code_problem = agency_code_problem(profile.agency_code)
        if code_problem:
            problems.append(FieldProblem("agency_code", code_problem))
        if not profile.agency_name.strip():
            problems.append(FieldProblem("agency_name", "required"))
        if not 1 <= profile.workstation <= 99:
            problems.append(FieldProblem("workstation", "workstation.range"))
        if profile.range_size < 1:
            problems.append(FieldProblem("range_size", "range_size.min"))
        try:
            WorkingHours.parse(profile.working_hours)
        except ValueError:
            problems.append(FieldProblem("working_hours", "working_hours.format"))
        return problems

    # ----- catalogue and calendar ----------------------------------------------------------

    def import_catalogue(self, paths: Iterable[Path | str]) -> tuple[int, Changes]:
        """Load every file first (all problems reported), then write them in one transaction."""
        from .forms import store_catalogue_forms  # tờ khai the entries name: checked, stored

        procedures: list[Procedure] = []
        for path in paths:
            procedures += store_catalogue_forms(self.data_dir, Path(path),
                                                load_catalogue_file(Path(path)))
        with db.transaction(self.conn):
            n = catalogue_store.upsert_procedures(self.conn, procedures, self.clock())
        return n, Changes(catalogue=True)

    def procedure(self, code: str) -> Procedure | None:
        return catalogue_store.get_procedure(self.conn, code)

    def procedures(self, text: str = "") -> list[Procedure]:
        return catalogue_store.list_procedures(self.conn, text)

    def calendar(self) -> WorkingCalendar:
        if self._calendar is None:
            self._calendar = WorkingCalendar(
                WorkingHours.parse(self.profile.working_hours),
                catalogue_store.calendar_exceptions(self.conn),
            )
        return self._calendar

    def forget_calendar(self) -> None:
        """Read the calendar again on next use (another writer, e.g. sync, changed it)."""
        self._calendar = None

    def calendar_exceptions(self) -> list[CalendarException]:
        return catalogue_store.calendar_exceptions(self.conn)

    def put_calendar_exceptions(self, items: Iterable[CalendarException]) -> Changes:
        with db.transaction(self.conn):
            catalogue_store.put_calendar_exceptions(self.conn, items, self.clock())
        self._calendar = None
        return Changes(calendar=True)

    def remove_calendar_exception(self, day: dt.date) -> Changes:
        with db.transaction(self.conn):
            found = catalogue_store.delete_calendar_exception(self.conn, day)
        if not found:
            raise NotFound(day=day.isoformat())
        self._calendar = None
        return Changes(calendar=True)

    def due_at(self, received_at: dt.datetime, limit: TimeLimit) -> dt.datetime:
        return self.calendar().due_at(received_at, limit)

    # ----- reception -----------------------------------------------------------------------

    def _procedure_or_fail(self, code: str) -> Procedure:
        procedure = self.procedure(code) if code else None
        if procedure is None or not procedure.active:
            raise ValidationFailed([FieldProblem(
                "procedure_code", "required" if not code else "procedure.unknown", {"code": code}
            )])
        return procedure

    def receive(self, draft: ReceptionDraft) -> Result:
        """A complete dossier: code, due time, status 2, book line, event — or nothing at all."""
        return self.receive_many([draft])[0]

    def receive_many(
        self, drafts: Iterable[ReceptionDraft], *,
        also: Callable[[sqlite3.Connection, Dossier, dt.datetime], None] | None = None,
    ) -> list[Result]:
        """Receive several dossiers in one transaction (bulk loads); all or none are written.

        Every draft is checked first; a ValidationFailed names the draft's index when more
        than one draft is given. `also` writes a use case's own rows for each dossier in the
        same transaction (the post-office desk: services/postal.py).
        """
        # Scans and messages to citizens load with the first reception, not with the window.
        from ..domain.notices import NoticeKind
        from ..store import attachments as attachment_store
        from ..store import notices as notice_store

        profile = self.require_profile()
        now = self.clock()
        checked: list[tuple[ReceptionDraft, Procedure]] = []
        batch = list(drafts)
        procedures: dict[str, Procedure] = {}  # read and parse each procedure once per batch
        for i, draft in enumerate(batch):
            draft = reception.normalise_draft(draft)
            procedure = procedures.get(draft.procedure_code)
            if procedure is None:
                procedure = procedures[draft.procedure_code] = self._procedure_or_fail(
                    draft.procedure_code)
            problems = reception.receive_problems(draft, procedure, now)
            problems += attachment_store.check(  # scans: stored here, items received
                self.conn, attachment_store.blob_store(self.data_dir), draft.attachments,
                draft.documents)[1]
            if problems:
                if len(batch) > 1:
                    problems = [dataclasses.replace(p, field=f"[{i}].{p.field}")
                                for p in problems]
                raise ValidationFailed(problems)
            checked.append((draft, procedure))
        results: list[Result] = []
        with db.transaction(self.conn):
            for draft, procedure in checked:
                received_at = (draft.received_at or now).replace(microsecond=0)
                due_at = self.due_at(received_at, procedure.time_limit)
                code = counters.allocate_code(
                    self.conn, profile.agency_code, received_at.date(), profile.workstation,
                    profile.range_size,
                )
                book = profile.book_number(received_at.year)
                dossier = self._build(
                    draft, procedure, profile, Outcome.RECEIVED, Status.RECEIVED, received_at,
                    code=DossierCode(code), due_at=due_at, book=book,
                    book_sequence=counters.next_book_sequence(self.conn, book),
                )
                links = attachment_store.check(self.conn, attachment_store.blob_store(
                    self.data_dir), draft.attachments, dossier.documents)[0]
                event_id = self._write(dossier, "received", now, draft.user,
                                       attachment_store.event_extra(links))
                attachment_store.link(self.conn, dossier.id, links, event_id, now)
                if also is not None:
                    also(self.conn, dossier, now)
                notice_store.queue(self.conn, dossier, NoticeKind.RECEIVED, at=now,
                                   user=draft.user, workstation=dossier.workstation,
                                   agency=profile.agency_name)
                results.append(Result(dossier, Changes(dossiers=frozenset({dossier.id}))))
        log.info("%d dossier(s) received", len(results))
        return results

    def record_guidance(self, draft: ReceptionDraft) -> Result:
        """Incomplete dossier (Mẫu 02): recorded with the missing items, no code, no status."""
        return self._record_slip(draft, Outcome.GUIDANCE)

    def refuse(self, draft: ReceptionDraft) -> Result:
        """Refusal (Mẫu 03): recorded with its reason (required), status 3, no code."""
        return self._record_slip(draft, Outcome.REFUSED)

    def _record_slip(self, draft: ReceptionDraft, outcome: Outcome) -> Result:
        """A record that is not a received dossier: its own slip numbering, one event."""
        refused = outcome == Outcome.REFUSED
        profile = self.require_profile()
        now = self.clock()
        draft = reception.normalise_draft(draft)
        procedure = self._procedure_or_fail(draft.procedure_code)
        problems = reception.record_problems(draft, reason_required=refused)
        if problems:
            raise ValidationFailed(problems)
        with db.transaction(self.conn):
            book = (REFUSAL_BOOK if refused else GUIDANCE_BOOK) + profile.book_number(now.year)
            dossier = self._build(draft, procedure, profile, outcome,
                                  Status.NOT_RECEIVED if refused else None, now, book=book,
                                  book_sequence=counters.next_book_sequence(self.conn, book))
            if not refused:
                dossier = dataclasses.replace(
                    dossier, missing=tuple(reception.missing_mandatory(procedure,
                                                                       draft.documents)))
            self._write(dossier, outcome.value, now, draft.user)
        return Result(dossier, Changes(dossiers=frozenset({dossier.id})))

    def _build(
        self,
        draft: ReceptionDraft,
        procedure: Procedure,
        profile: Profile,
        outcome: Outcome,
        status: Status | None,
        received_at: dt.datetime,
        *,
        code: DossierCode | None = None,
        due_at: dt.datetime | None = None,
        book: str = "",
        book_sequence: int | None = None,
    ) -> Dossier:
        from secrets import token_urlsafe  # hashlib and hmac with the first dossier

        return Dossier(
            id=DossierId(str(uuid.uuid4())),
            code=code,
            outcome=outcome,
            procedure_code=ProcedureCode(procedure.code),
            procedure_name=procedure.name,
            agency_code=profile.agency_code,
            workstation=profile.workstation,
            applicant=draft.applicant,
            submitter=draft.submitter,
            documents=draft.documents,
            channel=draft.channel,
            sets=draft.sets,
            received_at=received_at,
            due_at=due_at,
            status=status,
            delivery=draft.delivery,
            delivery_address=draft.delivery_address,
            fees=draft.fees,
            book_number=book,
            book_sequence=book_sequence,
            postal_item=draft.postal_item,
            notes=draft.notes,
            reason=draft.reason,
            lookup_secret=token_urlsafe(6) if code else "",
            created_by=draft.user,
            updated_at=self.clock(),
        )

    def _write(
        self, dossier: Dossier, kind: str, now: dt.datetime, user: str,
        extra: dict[str, object] | None = None,
    ) -> str:
        """The dossier's rows and its creation event; returns the event's UUID."""
        dossier_store.insert(self.conn, dossier)
        payload: dict[str, object] = {"dossier": dossier_to_dict(dossier)}
        if extra:
            payload.update(extra)
        return events.append(self.conn, dossier_id=dossier.id, kind=kind, at=now, user=user,
                             workstation=dossier.workstation, payload=payload)

    def change_status(
        self, dossier_id: str, new: Status, *, note: str = "", user: str = ""
    ) -> Result:
        """Move a received dossier to another national status (transitions checked)."""
        from ..store import notices as notice_store

        now = self.clock()
        with db.transaction(self.conn):
            current = self.get_by_id(dossier_id)
            if current.status is None:
                raise InvalidTransition(current=None, new=int(new))
            check_move(current.status, new)
            updated = dataclasses.replace(current, status=new, updated_at=now)
            dossier_store.update_state(self.conn, updated)
            events.append(self.conn, dossier_id=dossier_id, kind="status_changed", at=now,
                          user=user, workstation=self.profile.workstation or 0,
                          payload={"from": int(current.status), "to": int(new), "note": note})
            notice = notice_store.kind_for_status(int(new))
            if notice is not None:
                notice_store.queue(self.conn, updated, notice, at=now, user=user,
                                   workstation=self.profile.workstation or 0)
        return Result(updated, Changes(dossiers=frozenset({dossier_id})))

    # ----- look-up -------------------------------------------------------------------------

    def get(self, code: str) -> Dossier:
        dossier = dossier_store.get_by_code(self.conn, code)
        if dossier is None:
            raise NotFound(code=code)
        return dossier

    def get_by_id(self, dossier_id: str) -> Dossier:
        dossier = dossier_store.get_by_id(self.conn, dossier_id)
        if dossier is None:
            raise NotFound(id=dossier_id)
        return dossier

    def search(self, text: str = "", limit: int = 20, offset: int = 0) -> list[Dossier]:
        """Whole dossiers matching `text`, newest first."""
        return dossier_store.search(self.conn, text, limit, offset)

    def search_summaries(
        self, text: str = "", limit: int = 20, offset: int = 0
    ) -> list[DossierSummary]:
        """Result-list lines matching `text`, newest first: what a look-up table shows."""
        return dossier_store.search_summaries(self.conn, text, limit, offset)

    def events(self, dossier_id: str) -> list[events.Event]:
        return events.for_dossier(self.conn, dossier_id)

    def integrity_problems(self, *, full: bool = True) -> list[str]:
        """SQLite's findings over the whole file (slow on a large database: run it apart)."""
        return db.integrity_problems(self.conn, full=full)

    def pending_count(self) -> int:
        """Events the portal has not yet answered for good (counter_app/sync): what still has
        to be sent. Local-only events (prints) and quarantined ones are not counted."""
        from ..store import sync as sync_store

        return sync_store.pending_count(self.conn)

    @property
    def postal(self) -> Postal:
        """The post-office desk (services/postal.py), on this database and clock."""
        from .postal import Postal  # it builds on this facade

        return Postal(self)

    @property
    def accounts(self) -> Accounts:
        """Local accounts and log-ins (services/accounts.py), on this database and clock."""
        return Accounts(self.conn, self.clock)

    @property
    def followup(self) -> Followup:
        """After the receipt: to-act-on lists, online acceptance, supplements, apology,
        withdrawal (services/followup.py)."""
        from .followup import Followup

        return Followup(self)

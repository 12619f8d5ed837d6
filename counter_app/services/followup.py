"""After the receipt: the "to act on" lists, accepting online dossiers, supplements, the
apology for a delay and withdrawal — each a use case in one transaction, recorded as an event
that the sync engine pushes (kinds in domain/followup.py, docs/sync-protocol.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..domain import followup as rules
from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.followup import AlreadyApologised, SupplementRule, WrongStatus
from ..domain.model import Channel, Dossier, DossierSummary, ReceivedDocument, Status
from ..domain.notices import NoticeKind
from ..domain.records import document_to_dict, iso
from ..domain.status import can_move
from ..domain.text import clean
from ..store import counters, db, events, settings
from ..store import dossiers as dossier_store
from ..store import followup as store
from ..store import notices as notice_store
from . import reception
from .counter import Changes, Counter, Result

SUPPLEMENT_RULE_SETTING = "followup.supplement_rule"
STOPPED_DAYS = 30  # a stop stays on the list this long after it arrived
LIST_LIMIT = 200  # rows per list (longest waiting first); the counts are exact


class Category(StrEnum):
    """The lists of the "Cần xử lý" page, in the order the page shows them."""

    ONLINE = "online"  # 1: submitted online, waiting to be accepted
    SUPPLEMENT = "supplement"  # 5: papers requested from the citizen
    FINANCIAL = "financial"  # 6: fees or taxes to pay
    DONE = "done"  # 9: result ready to hand over
    STOPPED = "stopped"  # 8: stopped by the agency, with its reason
    DUE_SOON = "due_soon"  # due within 24 hours (working days only)
    OVERDUE = "overdue"  # past its due date, result still owed


_STATUS_OF: dict[Category, Status] = {
    Category.ONLINE: Status.REGISTERED, Category.SUPPLEMENT: Status.SUPPLEMENT_REQUESTED,
    Category.FINANCIAL: Status.FINANCIAL_OBLIGATION, Category.DONE: Status.RESOLVED,
    Category.STOPPED: Status.STOPPED,
}


@dataclass(frozen=True)
class ActionItem:
    """One line of a "to act on" list."""

    summary: DossierSummary
    category: Category
    since: dt.datetime  # when the dossier last changed (the status arrived)
    note: str = ""  # the portal's note: items to bring, reason of a stop, …
    department: str = ""  # who sent it (PhongBanXuLy)
    repeat_request: bool = False  # a second supplement request from the same department


@dataclass(frozen=True)
class ActOn:
    now: dt.datetime
    horizon: dt.datetime  # end of the "due soon" window
    counts: dict[Category, int]
    lists: dict[Category, list[ActionItem]]


@dataclass(frozen=True)
class SupplementRequest:
    """What the back office asked for (the latest status-5 record from the portal)."""

    items: tuple[str, ...]
    note: str
    department: str
    requested_at: dt.datetime
    repeat: bool  # the same department asked before for this dossier


def _status_record_time(payload: dict[str, Any], fallback: dt.datetime) -> dt.datetime:
    text = payload.get("at") or payload.get("_at")
    try:
        return dt.datetime.fromisoformat(str(text)) if text else fallback
    except ValueError:
        return fallback


class Followup:
    """The dossier's life at the counter after the receipt (`Counter.followup`)."""

    def __init__(self, counter: Counter) -> None:
        self.counter = counter
        self.conn = counter.conn

    # ----- the lists -----------------------------------------------------------------------

    def to_act_on(self, limit: int = LIST_LIMIT) -> ActOn:
        now = self.counter.clock()
        horizon = rules.due_soon_horizon(self.counter.calendar(), now)
        stopped_since = now - dt.timedelta(days=STOPPED_DAYS)
        running = sorted(rules.RUNNING_STATUSES)
        counts: dict[Category, int] = {}
        lists: dict[Category, list[ActionItem]] = {}
        for category, status in _STATUS_OF.items():
            since = stopped_since if category == Category.STOPPED else None
            counts[category] = store.count_status(self.conn, status, since=since)
            rows = store.by_status(self.conn, status, limit, since=since)
            notes = store.portal_statuses_of(self.conn, [r["id"] for r in rows])
            lists[category] = [self._item(r, category, notes[r["id"]]) for r in rows]
        for category, (start, end) in {Category.DUE_SOON: (now, horizon),
                                       Category.OVERDUE: (None, now)}.items():
            counts[category] = store.count_due_between(self.conn, running, start, end)
            lists[category] = [self._item(r, category, []) for r in
                               store.due_between(self.conn, running, start, end, limit)]
        return ActOn(now, horizon, counts, lists)

    @staticmethod
    def _item(row: Any, category: Category, records: list[dict[str, Any]]) -> ActionItem:
        summary = store.summary(row)
        since = dt.datetime.fromisoformat(row["updated_at"])
        if category in (Category.ONLINE, Category.DUE_SOON, Category.OVERDUE):
            return ActionItem(summary, category, since)
        last: dict[str, Any] = next(
            (r for r in reversed(records) if r.get("to") == int(summary.status or 0)), {})
        department = str(last.get("department") or "")
        repeat = category == Category.SUPPLEMENT and _repeat(records, department)
        return ActionItem(summary, category, since, str(last.get("note") or ""), department,
                          repeat)

    # ----- reading -------------------------------------------------------------------------

    def supplement_request(self, dossier_id: str) -> SupplementRequest:
        """The request a status-5 dossier waits on (WrongStatus for any other status)."""
        d = self._dossier(dossier_id, "supplement", {Status.SUPPLEMENT_REQUESTED})
        return self._request(d)

    def _request(self, d: Dossier) -> SupplementRequest:
        records = store.portal_statuses(self.conn, d.id)
        asked = [r for r in records if r.get("to") == int(Status.SUPPLEMENT_REQUESTED)]
        last = asked[-1] if asked else {}
        note = str(last.get("note") or "")
        department = str(last.get("department") or "")
        return SupplementRequest(
            items=tuple(rules.requested_items(note)), note=note, department=department,
            requested_at=_status_record_time(last, d.updated_at or d.received_at),
            repeat=_repeat(records, department))

    def stop_reason(self, dossier_id: str) -> str:
        """The portal's note of the stop (status 8), "" when none was given."""
        records = store.portal_statuses(self.conn, dossier_id)
        stops = [r for r in records if r.get("to") == int(Status.STOPPED)]
        return str(stops[-1].get("note") or "") if stops else ""

    def apology(self, dossier_id: str) -> dict[str, Any] | None:
        """The dossier's apology event payload (with `_at`), or None."""
        found = store.events_of_kind(self.conn, dossier_id, rules.DELAY_APOLOGY)
        return found[0] if found else None

    def supplement_rule(self) -> SupplementRule:
        value = settings.get_all(self.conn).get(SUPPLEMENT_RULE_SETTING, "")
        try:
            return SupplementRule(value)
        except ValueError:
            return SupplementRule.RESTART

    # ----- use cases -----------------------------------------------------------------------

    def accept_online(self, dossier_id: str, documents: Sequence[ReceivedDocument], *,
                      user: str = "", notes: str = "") -> Result:
        """An online dossier (status 1) checked against the checklist and accepted (→ 2): due
        date from now and the procedure's rule, a line of the tracking book, event `accepted`.
        """
        profile = self.counter.require_profile()
        now = self.counter.clock()
        docs = _tidy(documents)
        with db.transaction(self.conn):
            d = self._dossier(dossier_id, "accept", {Status.REGISTERED})
            procedure = self.counter._procedure_or_fail(d.procedure_code)
            problems = reception.document_problems(procedure, docs)
            if problems:
                raise ValidationFailed(problems)
            due = self.counter.due_at(now, procedure.time_limit)
            book = profile.book_number(now.year)
            updated = dataclasses.replace(
                d, status=Status.RECEIVED, received_at=now, due_at=due, documents=docs,
                workstation=profile.workstation, book_number=book,
                book_sequence=counters.next_book_sequence(self.conn, book),
                created_by=user or d.created_by, notes=clean(notes) or d.notes, updated_at=now)
            dossier_store.update_state(self.conn, updated)
            store.set_received_at(self.conn, updated.id, now)
            self._event(updated, rules.ACCEPTED, now, user, {
                "from": int(Status.REGISTERED), "to": int(Status.RECEIVED),
                "submitted_at": iso(d.received_at), "due_at": iso(due),
                "documents": [document_to_dict(x) for x in docs],
                "book_number": book, "book_sequence": updated.book_sequence,
                "note": updated.notes})
            notice_store.queue(self.conn, updated, NoticeKind.RECEIVED, at=now, user=user,
                               workstation=profile.workstation, agency=profile.agency_name)
        return self._result(updated)

    def record_supplement(self, dossier_id: str, documents: Sequence[ReceivedDocument], *,
                          user: str = "", rule: SupplementRule | None = None,
                          note: str = "") -> Result:
        """The papers the back office asked for arrived (5 → 4): the due date restarts or
        shifts (`rule`, default the workstation's setting); a repeated request is flagged."""
        now = self.counter.clock()
        docs = _tidy(documents)
        problems: list[FieldProblem] = []
        if not any(x.total > 0 for x in docs):
            problems.append(FieldProblem("documents", "supplement.nothing_brought"))
        problems += _quantity_problems(docs)
        rule = rule or self.supplement_rule()
        with db.transaction(self.conn):
            d = self._dossier(dossier_id, "supplement", {Status.SUPPLEMENT_REQUESTED})
            if problems:
                raise ValidationFailed(problems)
            procedure = self.counter._procedure_or_fail(d.procedure_code)
            request = self._request(d)
            due = rules.supplement_due(self.counter.calendar(), rule=rule,
                                       limit=procedure.time_limit, old_due=d.due_at,
                                       requested_at=request.requested_at, arrived_at=now)
            updated = dataclasses.replace(d, status=Status.IN_PROGRESS, due_at=due,
                                          updated_at=now)
            dossier_store.update_state(self.conn, updated)
            self._event(updated, rules.SUPPLEMENT_RECEIVED, now, user, {
                "from": int(Status.SUPPLEMENT_REQUESTED), "to": int(Status.IN_PROGRESS),
                "documents": [document_to_dict(x) for x in docs], "rule": rule.value,
                "requested_at": iso(request.requested_at), "requested": list(request.items),
                "department": request.department, "repeat_request": request.repeat,
                "previous_due_at": iso(d.due_at), "due_at": iso(due), "note": clean(note)})
        return self._result(updated)

    def apologise(self, dossier_id: str, new_due: dt.datetime, reason: str, *,
                  user: str = "") -> Result:
        """Mẫu 04: the dossier will be late; a new due date with the reason, once only."""
        now = self.counter.clock()
        reason = clean(reason)
        with db.transaction(self.conn):
            d = self._dossier(dossier_id, "apology", rules.APOLOGY_STATUSES)
            first = self.apology(d.id)
            if first is not None:
                raise AlreadyApologised(code=d.code or d.id, at=first["_at"])
            problems = _reason_problems(reason)
            if d.due_at is not None and new_due <= d.due_at:
                problems.append(FieldProblem("new_date", "new_date.not_later",
                                             {"due": d.due_at.isoformat(sep=" ")}))
            elif new_due <= now:
                problems.append(FieldProblem("new_date", "new_date.past"))
            if problems:
                raise ValidationFailed(problems)
            updated = dataclasses.replace(d, due_at=new_due, updated_at=now)
            dossier_store.update_state(self.conn, updated)
            self._event(updated, rules.DELAY_APOLOGY, now, user, {
                "previous_due_at": iso(d.due_at), "due_at": iso(new_due), "reason": reason})
            notice_store.queue(self.conn, updated, NoticeKind.DELAY, at=now, user=user,
                               workstation=self.counter.profile.workstation or 0,
                               new_due=new_due)  # the citizen hears of it (domain/notices.py)
        return self._result(updated)

    def withdraw(self, dossier_id: str, reason: str, *, user: str = "") -> Result:
        """The citizen withdraws the dossier (→ 7): the reason is required and printed."""
        now = self.counter.clock()
        reason = clean(reason)
        with db.transaction(self.conn):
            d = self.counter.get_by_id(dossier_id)
            if d.status is None or not can_move(d.status, Status.WITHDRAWN):
                raise WrongStatus(code=d.code or d.id, action="withdraw",
                                  status=int(d.status) if d.status is not None else None)
            problems = _reason_problems(reason)
            if problems:
                raise ValidationFailed(problems)
            updated = dataclasses.replace(d, status=Status.WITHDRAWN, reason=reason,
                                          updated_at=now)
            dossier_store.update_state(self.conn, updated)
            self._event(updated, rules.WITHDRAWN, now, user, {
                "from": int(d.status), "to": int(Status.WITHDRAWN), "reason": reason})
        return self._result(updated)

    # ----- helpers -------------------------------------------------------------------------

    def _dossier(self, dossier_id: str, action: str, allowed: set[Status] | frozenset[Status],
                 ) -> Dossier:
        d = self.counter.get_by_id(dossier_id)
        if d.status not in allowed or (action == "accept" and d.channel != Channel.ONLINE):
            raise WrongStatus(code=d.code or d.id, action=action,
                              status=int(d.status) if d.status is not None else None)
        return d

    def _event(self, d: Dossier, kind: str, now: dt.datetime, user: str,
               payload: dict[str, Any]) -> str:
        return events.append(self.conn, dossier_id=d.id, kind=kind, at=now, user=user,
                             workstation=self.counter.profile.workstation or 0, payload=payload)

    @staticmethod
    def _result(d: Dossier) -> Result:
        return Result(d, Changes(dossiers=frozenset({d.id})))


def _tidy(documents: Sequence[ReceivedDocument]) -> tuple[ReceivedDocument, ...]:
    return tuple(dataclasses.replace(x, name=clean(x.name)) for x in documents)


def _repeat(records: list[dict[str, Any]], department: str) -> bool:
    """At most one supplement request per agency is normal (DOMAIN.md): two or more status-5
    records from the same department (or with none named) are a repeat."""
    asked = [r for r in records if r.get("to") == int(Status.SUPPLEMENT_REQUESTED)
             and str(r.get("department") or "") == department]
    return len(asked) > 1


def _reason_problems(reason: str) -> list[FieldProblem]:
    if not reason:
        return [FieldProblem("reason", "required")]
    if len(reason) > rules.MAX_REASON:
        return [FieldProblem("reason", "too_long", {"max": rules.MAX_REASON})]
    return []


def _quantity_problems(docs: Sequence[ReceivedDocument]) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    for i, x in enumerate(docs):
        if not x.name:
            out.append(FieldProblem(f"documents[{i}].name", "required"))
        if min(x.original, x.certified_copy, x.photocopy) < 0:
            out.append(FieldProblem(f"documents[{i}].quantity", "quantity.negative"))
    return out

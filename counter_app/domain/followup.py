"""After the receipt: event kinds of the dossier's life at the counter and their rules.

Pure rules: which status each follow-up needs, the due date after a supplement (restart or
shift), the "due soon" horizon, and the problems of the clerk's input.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from .calendar import WorkingCalendar
from .errors import DomainError
from .model import Status, TimeLimit

# Event kinds the counter writes after the receipt (pushed to the portal, docs/sync-protocol.md).
ACCEPTED = "accepted"  # an online dossier (status 1) checked and accepted at the counter (→ 2)
SUPPLEMENT_RECEIVED = "supplement_received"  # the papers a back office asked for (5 → 4)
DELAY_APOLOGY = "delay_apology"  # Mẫu 04: apology and a new due date, once per dossier
WITHDRAWN = "withdrawn"  # the citizen withdraws the dossier (→ 7), with a slip
FOLLOWUP_KINDS = (ACCEPTED, SUPPLEMENT_RECEIVED, DELAY_APOLOGY, WITHDRAWN)

# Statuses in which the agency still works against the due date (the supplement wait excluded:
# the clock waits for the citizen there).
RUNNING_STATUSES: frozenset[Status] = frozenset(
    {Status.RECEIVED, Status.IN_PROGRESS, Status.FINANCIAL_OBLIGATION})
# A delay can be apologised for while the result is still owed.
APOLOGY_STATUSES: frozenset[Status] = frozenset(
    {Status.RECEIVED, Status.IN_PROGRESS, Status.SUPPLEMENT_REQUESTED,
     Status.FINANCIAL_OBLIGATION})

DUE_SOON_HOURS = 24  # issue 6: "due within 24 hours"
MAX_REASON = 1000


class SupplementRule(StrEnum):
    """How the due date moves when the requested papers arrive (DOMAIN.md, Time).

    restart: the whole legal time limit counts again from the arrival (Decree 61: the time
    limit runs from a complete dossier); shift: the clock paused while the citizen was
    away, so the old due date moves by the working time between the request and the arrival.
    """

    RESTART = "restart"
    SHIFT = "shift"


class WrongStatus(DomainError):
    """The follow-up does not exist for the dossier's current status.

    params: code (dossier code), action (accept, supplement, apology, withdraw), status (int or
    None).
    """

    code = "followup.wrong_status"


class AlreadyApologised(DomainError):
    """Mẫu 04 is issued once per dossier. params: code, at (ISO time of the first apology)."""

    code = "followup.apology_once"


def supplement_due(calendar: WorkingCalendar, *, rule: SupplementRule, limit: TimeLimit,
                   old_due: dt.datetime | None, requested_at: dt.datetime,
                   arrived_at: dt.datetime) -> dt.datetime:
    """The due moment once the requested papers arrived at `arrived_at`."""
    if rule == SupplementRule.SHIFT and old_due is not None:
        paused = max(0, calendar.working_minutes_between(requested_at, arrived_at))
        return calendar.add_working_hours(old_due, paused / 60) if paused else old_due
    return calendar.due_at(arrived_at, limit)


def due_soon_horizon(calendar: WorkingCalendar, now: dt.datetime,
                     hours: int = DUE_SOON_HOURS) -> dt.datetime:
    """The end of the "due soon" window: `hours` of clock time counted on working days only,
    so that on a Friday afternoon the window reaches into Monday instead of ending on Saturday.
    """
    end = now + dt.timedelta(hours=hours)
    day = now.date() + dt.timedelta(days=1)
    while day <= end.date():
        if not calendar.is_working_day(day):
            end += dt.timedelta(days=1)
        day += dt.timedelta(days=1)
    return end


def requested_items(note: str) -> list[str]:
    """The back office's supplement note as a list of items for Mẫu 02: one per line or per
    semicolon; a single sentence stays one item."""
    parts = [p.strip(" \t-•.") for chunk in note.splitlines() for p in chunk.split(";")]
    return [p for p in parts if p]

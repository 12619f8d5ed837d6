"""Dossier status transitions (TrangThaiHoSo 1–10) as data."""

from __future__ import annotations

from .errors import InvalidTransition
from .model import Status

S = Status

# Which status may follow which. Terminal statuses map to an empty set.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.REGISTERED: frozenset({S.RECEIVED, S.NOT_RECEIVED}),
    S.RECEIVED: frozenset(
        {S.IN_PROGRESS, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION, S.WITHDRAWN, S.STOPPED,
         S.RESOLVED}
    ),
    S.NOT_RECEIVED: frozenset(),
    S.IN_PROGRESS: frozenset(
        {S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION, S.WITHDRAWN, S.STOPPED, S.RESOLVED}
    ),
    S.SUPPLEMENT_REQUESTED: frozenset({S.IN_PROGRESS, S.WITHDRAWN, S.STOPPED}),
    S.FINANCIAL_OBLIGATION: frozenset({S.IN_PROGRESS, S.WITHDRAWN, S.STOPPED, S.RESOLVED}),
    S.WITHDRAWN: frozenset(),
    S.STOPPED: frozenset(),
    S.RESOLVED: frozenset({S.RETURNED}),
    S.RETURNED: frozenset(),
}

# Statuses in which the agency still owes the citizen a result (for "in progress" reports).
OPEN_STATUSES: frozenset[Status] = frozenset(
    {S.RECEIVED, S.IN_PROGRESS, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION}
)


def can_move(current: Status, new: Status) -> bool:
    return new in TRANSITIONS[current]


def check_move(current: Status, new: Status) -> None:
    """Raise InvalidTransition when `new` may not follow `current`."""
    if not can_move(current, new):
        raise InvalidTransition(current=int(current), new=int(new))

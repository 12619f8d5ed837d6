"""Daily close use cases: the day's figures of this workstation, closing it, its PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from ..domain.daily_close import DayClose, tally, total
from ..domain.errors import DomainError
from ..printing.daily_close import daily_close_pdf
from ..store import daily_close as close_store
from ..store import db
from ..store import sync as sync_store
from .counter import Counter
from .documents import letterhead

log = logging.getLogger(__name__)


class UnsyncedWork(DomainError):
    """Closing while changes still wait for the portal: the clerk must say so knowingly."""

    code = "close.unsynced"


class FutureDay(DomainError):
    code = "close.future_day"


def summary(counter: Counter, day: dt.date | None = None) -> DayClose:
    """What this workstation did on `day` (default today), per clerk, not recorded."""
    profile = counter.require_profile()
    day = day or counter.clock().date()
    clerks = tally(close_store.day_events(counter.conn, day, profile.workstation))
    return DayClose(day, profile.workstation, clerks, total(clerks),
                    sync_store.pending_count(counter.conn))


def close_day(counter: Counter, day: dt.date | None = None, *, user: str = "",
              allow_unsynced: bool = False) -> DayClose:
    """Record the close of `day` (default today) with its figures, in one transaction.

    With changes still waiting for the portal it is refused (`close.unsynced`, with the count)
    unless `allow_unsynced`: the close then records that it was forced, and its sheet says how
    many changes were still unsent."""
    now = counter.clock()
    day = day or now.date()
    if day > now.date():
        raise FutureDay(day=day.isoformat())
    with db.transaction(counter.conn):
        figures = summary(counter, day)
        if figures.unsynced and not allow_unsynced:
            raise UnsyncedWork(count=figures.unsynced)
        closed = dataclasses.replace(figures, closed_at=now, closed_by=user,
                                     forced=figures.unsynced > 0)
        close_store.record(counter.conn, closed)
    log.info("day closed (%d unsynced change(s))", closed.unsynced)
    return closed


def last_close(counter: Counter, day: dt.date) -> DayClose | None:
    """The latest close recorded for `day` at this workstation, if any."""
    closes = close_store.closes_of(counter.conn, day, counter.require_profile().workstation)
    return closes[-1] if closes else None


def close_pdf(counter: Counter, close: DayClose) -> bytes:
    """The sheet to sign (a summary not yet closed prints without the closing line)."""
    return daily_close_pdf(close, letterhead(counter.require_profile()))

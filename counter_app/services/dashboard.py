"""The supervisor's dashboard: received per day, status mix, on-time rate per procedure, due
soon and overdue — each figure from an index, fast at a million dossiers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.model import Status
from ..store import dashboard as dashboard_store
from ..store import reports as report_store
from .counter import Counter

DAYS = 30  # the window of the charts: the last 30 days, today included
SOON_DAYS = 2  # "due soon": due within the next two days
TARGET_RATE = 0.8  # QĐ 766/QĐ-TTg: full marks from 80 % resolved early or on time


@dataclass(frozen=True)
class ProcedureRate:
    code: str
    name: str
    resolved: int
    on_time: int  # early or on time

    @property
    def rate(self) -> float:
        return self.on_time / self.resolved if self.resolved else 0.0


@dataclass(frozen=True)
class Dashboard:
    now: dt.datetime
    start: dt.date  # first day of the window (received per day, rates)
    received_per_day: tuple[tuple[dt.date, int], ...]  # every day of the window, zeros too
    status_mix: tuple[tuple[Status, int], ...]  # in status order, only statuses that occur
    rates: tuple[ProcedureRate, ...]  # lowest rate first
    overdue: int
    due_soon: int

    @property
    def received_total(self) -> int:
        return sum(n for _, n in self.received_per_day)

    @property
    def overall_rate(self) -> float | None:
        resolved = sum(r.resolved for r in self.rates)
        return sum(r.on_time for r in self.rates) / resolved if resolved else None


def dashboard(counter: Counter, days: int = DAYS, soon_days: int = SOON_DAYS) -> Dashboard:
    now = counter.clock()
    end = now.date()
    start = end - dt.timedelta(days=days - 1)
    per_day = dashboard_store.received_per_day(counter.conn, start, end)
    overdue, soon = dashboard_store.due_counts(counter.conn, now,
                                               now + dt.timedelta(days=soon_days))
    names = report_store.procedure_names(counter.conn)
    rates = [ProcedureRate(code, names.get(code, ("", ""))[0]
                           or report_store.stored_procedure_name(counter.conn, code) or code,
                           n, ok)
             for code, (n, ok) in dashboard_store.on_time_by_procedure(
                 counter.conn, start, end).items()]
    rates.sort(key=lambda r: (r.rate, -r.resolved, r.name.casefold()))
    mix = dashboard_store.status_mix(counter.conn)
    return Dashboard(
        now=now, start=start,
        received_per_day=tuple((start + dt.timedelta(days=i),
                                per_day.get(start + dt.timedelta(days=i), 0))
                               for i in range(days)),
        status_mix=tuple((Status(s), mix[s]) for s in sorted(mix)),
        rates=tuple(rates), overdue=overdue, due_soon=soon)

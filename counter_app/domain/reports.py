"""Biểu II.06a counts: how one dossier counts in a period (by dates only) and the rows' sums."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from enum import StrEnum

from .model import Channel


class Timeliness(StrEnum):
    """Where a dossier lands in the form's "resolved" and "in progress" columns."""

    EARLY = "early"  # giải quyết trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn
    WITHIN_TIME = "within_time"  # đang giải quyết, trong hạn
    OVERDUE = "overdue"  # đang giải quyết, quá hạn


class GroupBy(StrEnum):
    FIELD = "field"  # lĩnh vực
    PROCEDURE = "procedure"  # thủ tục hành chính


def finished_timeliness(finished: dt.date, due: dt.date | None) -> Timeliness:
    """Early / on time / late: the DATE finished against the due DATE (no due date: on time)."""
    if due is None or finished == due:
        return Timeliness.ON_TIME
    return Timeliness.EARLY if finished < due else Timeliness.LATE


def open_timeliness(due: dt.date | None, period_end: dt.date) -> Timeliness:
    """Still open at the end of the period: within time if due ≥ the period's last day."""
    if due is None or due >= period_end:
        return Timeliness.WITHIN_TIME
    return Timeliness.OVERDUE


@dataclass
class Counts:
    """The numbers of one row of the form. Received = carried over + online + direct/postal;
    every received dossier ends the period resolved, in progress, or withdrawn/stopped."""

    online: int = 0  # nhận trong kỳ, trực tuyến
    direct_postal: int = 0  # nhận trong kỳ, trực tiếp và qua bưu chính
    postal: int = 0  # of which by post (for the postal share)
    carried_over: int = 0  # từ kỳ trước chuyển qua
    early: int = 0
    on_time: int = 0
    late: int = 0
    within_time: int = 0
    overdue: int = 0
    withdrawn_stopped: int = 0  # rút hồ sơ / dừng xử lý (7, 8) within the period

    @property
    def received(self) -> int:
        return self.online + self.direct_postal + self.carried_over

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def in_progress(self) -> int:
        return self.within_time + self.overdue

    @property
    def on_time_rate(self) -> float | None:
        """(early + on time) / resolved; None when nothing was resolved."""
        return _ratio(self.early + self.on_time, self.resolved)

    @property
    def online_share(self) -> float | None:
        """Online / received in the period (carried over excluded)."""
        return _ratio(self.online, self.online + self.direct_postal)

    @property
    def postal_share(self) -> float | None:
        return _ratio(self.postal, self.online + self.direct_postal)

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict[str, object]:
        return {
            "received": {"total": self.received, "online": self.online,
                         "direct_postal": self.direct_postal,
                         "carried_over": self.carried_over},
            "resolved": {"total": self.resolved, "early": self.early,
                         "on_time": self.on_time, "late": self.late},
            "in_progress": {"total": self.in_progress, "within_time": self.within_time,
                            "overdue": self.overdue},
            "withdrawn_stopped": self.withdrawn_stopped,
            "on_time_rate": self.on_time_rate,
            "online_share": self.online_share,
            "postal_share": self.postal_share,
        }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def count_dossier(
    *, start: dt.date, end: dt.date, received: dt.date, channel: Channel, due: dt.date | None,
    finished: dt.date | None = None, stopped: dt.date | None = None,
) -> Counts:
    """How one received dossier counts in `start`…`end` (both included); all zero if it is
    outside the period (received after it, or closed before it). `finished`: date of its first
    move to 9/10; `stopped`: of its first move to 7/8 (a dossier has at most one of them).

    The reference rule: store/reports.py computes the same counts in SQL.
    """
    c = Counts()
    closed = finished or stopped
    if received > end or (received < start and closed is not None and closed < start):
        return c
    if received >= start:
        if channel == Channel.ONLINE:
            c.online = 1
        else:
            c.direct_postal = 1
            c.postal = int(channel == Channel.POSTAL)
    else:
        c.carried_over = 1
    if finished is not None and finished <= end:
        setattr(c, finished_timeliness(finished, due).value, 1)
    elif stopped is not None and stopped <= end:
        c.withdrawn_stopped = 1
    else:
        setattr(c, open_timeliness(due, end).value, 1)
    return c


@dataclass(frozen=True)
class ReportRow:
    key: str  # field name, or procedure code
    name: str  # what the row is called on the form
    counts: Counts


@dataclass(frozen=True)
class StatisticsReport:
    """Biểu II.06a for one period: one row per field or procedure, and the totals."""

    start: dt.date
    end: dt.date
    by: GroupBy
    rows: tuple[ReportRow, ...]
    totals: Counts

    def as_dict(self) -> dict[str, object]:
        return {
            "form": "II.06a",
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "by": self.by.value,
            "rows": [{"key": r.key, "name": r.name, **r.counts.as_dict()} for r in self.rows],
            "totals": self.totals.as_dict(),
        }

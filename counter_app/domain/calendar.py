"""Working-time calendar: days off, working hours, exceptions table and due dates of dossiers."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from counter_app.domain.model import TimeLimit, TimeLimitKind

# All datetimes are naive local time (Asia/Ho_Chi_Minh). Everything is counted in whole minutes:
# seconds and microseconds of an input moment are dropped (floored), as receipts print HH:MM,
# and an hour/day count is rounded to the nearest whole minute.

_MAX_DAYS_OFF_IN_A_ROW = 366  # guards against a calendar without any working day
_ONE_DAY = dt.timedelta(days=1)
_TIME_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DayKind(StrEnum):
    OFF = "off"
    WORKING = "working"


@dataclass(frozen=True)
class CalendarException:
    """One row of the editable per-year exceptions table (a swapped day off or a make-up day)."""

    day: dt.date
    kind: DayKind
    note: str = ""
    legal_ref: str = ""


def _minute(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _floor(t: dt.datetime) -> dt.datetime:
    return t.replace(second=0, microsecond=0)


def _at(day: dt.date, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60))


def _to_minutes(amount: float, unit_minutes: float, what: str) -> int:
    if not math.isfinite(amount) or amount <= 0:
        raise ValueError(f"{what} must be positive, got {amount!r}")
    minutes = round(amount * unit_minutes)
    if minutes <= 0:
        raise ValueError(f"{what} is shorter than one minute: {amount!r}")
    return minutes


@dataclass(frozen=True)
class WorkingHours:
    """Daily working periods, sorted and non-overlapping (default 07:00–11:30, 13:30–17:00)."""

    periods: tuple[tuple[dt.time, dt.time], ...] = (
        (dt.time(7, 0), dt.time(11, 30)),
        (dt.time(13, 30), dt.time(17, 0)),
    )

    def __post_init__(self) -> None:
        if not self.periods:
            raise ValueError("working hours need at least one period")
        previous_end = -1
        for start, end in self.periods:
            if start.second or start.microsecond or end.second or end.microsecond:
                raise ValueError(f"working periods are whole minutes: {start}-{end}")
            if _minute(start) >= _minute(end):
                raise ValueError(f"period ends before it starts: {start:%H:%M}-{end:%H:%M}")
            if _minute(start) < previous_end:
                raise ValueError(f"periods overlap or are not sorted at {start:%H:%M}")
            previous_end = _minute(end)

    @classmethod
    def parse(cls, text: str) -> WorkingHours:
        """Read "07:00-11:30,13:30-17:00" (en dash accepted); ValueError when malformed."""
        periods: list[tuple[dt.time, dt.time]] = []
        for chunk in text.split(","):
            bounds = chunk.replace("–", "-").split("-")
            if len(bounds) != 2:
                raise ValueError(f"bad working period {chunk.strip()!r} in {text!r}")
            times: list[dt.time] = []
            for bound in bounds:
                match = _TIME_RE.match(bound)
                if not match or int(match[1]) > 23 or int(match[2]) > 59:
                    raise ValueError(f"bad time {bound.strip()!r} in {text!r}")
                times.append(dt.time(int(match[1]), int(match[2])))
            periods.append((times[0], times[1]))
        return cls(tuple(periods))

    def format(self) -> str:
        return ",".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in self.periods)

    @property
    def minutes_per_day(self) -> int:
        return sum(_minute(end) - _minute(start) for start, end in self.periods)

    @property
    def hours_per_day(self) -> float:
        return self.minutes_per_day / 60

    def minute_periods(self) -> tuple[tuple[int, int], ...]:
        """Periods as (start, end) minutes after midnight, end exclusive."""
        return tuple((_minute(start), _minute(end)) for start, end in self.periods)


DEFAULT_HOURS = WorkingHours()


class WorkingCalendar:
    """Which days and moments are working time, and the due dates computed from them.

    Days off are the weekend and the Vietnamese public holidays of the `holidays` package
    (substitute days included); the exceptions table then overrides single days either way.
    """

    def __init__(
        self,
        hours: WorkingHours = DEFAULT_HOURS,
        exceptions: Iterable[CalendarException] = (),
        use_public_holidays: bool = True,
        weekend: frozenset[int] = frozenset({5, 6}),
    ) -> None:
        if any(not 0 <= d <= 6 for d in weekend):
            raise ValueError(f"weekend days are 0 (Monday) to 6 (Sunday): {sorted(weekend)}")
        self.hours = hours
        self.exceptions = {item.day: item for item in exceptions}
        self.use_public_holidays = use_public_holidays
        self.weekend = frozenset(weekend)
        self._periods = hours.minute_periods()
        self._holidays: dict[int, dict[dt.date, str]] = {}

    def public_holidays(self, year: int) -> dict[dt.date, str]:
        """Public holidays of one year with their Vietnamese names (cached)."""
        if year not in self._holidays:
            import holidays  # only when a due date is computed: ~60 ms off the window's start

            table = holidays.country_holidays("VN", years=year, language="vi")
            self._holidays[year] = {day: str(name) for day, name in table.items()}
        return self._holidays[year]

    def day_off_reason(self, day: dt.date) -> str | None:
        """None on a working day; else the exception note (or "exception"), the holiday name
        in Vietnamese, or "weekend" — checked in that order."""
        exception = self.exceptions.get(day)
        if exception is not None:
            return (exception.note or "exception") if exception.kind == DayKind.OFF else None
        if self.use_public_holidays:
            name = self.public_holidays(day.year).get(day)
            if name is not None:
                return name
        return "weekend" if day.weekday() in self.weekend else None

    def is_working_day(self, day: dt.date) -> bool:
        return self.day_off_reason(day) is None

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the first working day after it."""
        for _ in range(_MAX_DAYS_OFF_IN_A_ROW):
            if self.is_working_day(day):
                return day
            day += _ONE_DAY
        raise ValueError(f"no working day within {_MAX_DAYS_OFF_IN_A_ROW} days of {day}")

    def next_working_moment(self, t: dt.datetime) -> dt.datetime:
        """`t` (floored to the minute) if inside working time, else the start of the next
        working period. Periods are half-open: 11:30 gives 13:30, 17:00 the next day's 07:00."""
        t = _floor(t)
        day, minute = t.date(), _minute(t.time())
        if self.is_working_day(day):
            for start, end in self._periods:
                if minute < end:
                    return _at(day, max(minute, start))
        return _at(self.next_working_day(day + _ONE_DAY), self._periods[0][0])

    def _add_minutes(self, start: dt.datetime, minutes: int) -> dt.datetime:
        """Walk period by period; a count ending exactly at a period end returns that end."""
        t = self.next_working_moment(start)
        day, minute, remaining = t.date(), _minute(t.time()), minutes
        per_day = self.hours.minutes_per_day
        while True:
            for begin, end in self._periods:
                if minute >= end:
                    continue
                available = end - max(minute, begin)
                if remaining <= available:
                    return _at(day, max(minute, begin) + remaining)
                remaining -= available
            day = self.next_working_day(day + _ONE_DAY)
            minute = 0
            while remaining > per_day:  # whole working days need no period walk
                remaining -= per_day
                day = self.next_working_day(day + _ONE_DAY)

    def add_working_hours(self, start: dt.datetime, hours: float) -> dt.datetime:
        """Count `hours` of working time from `start` (or from the next working moment)."""
        return self._add_minutes(start, _to_minutes(hours, 60, "working hours"))

    def add_working_days(self, start: dt.datetime, days: float) -> dt.datetime:
        """N working days = N × hours_per_day working hours (Fri 27/10/2023 09:32 + 5 → Fri
        03/11/2023 09:32)."""
        return self._add_minutes(start, _to_minutes(days, self.hours.minutes_per_day, "days"))

    def add_calendar_days(self, start: dt.datetime, days: int) -> dt.datetime:
        """`start` + `days` calendar days. A due date on a day off moves to the next working
        day at the same time of day. Whenever the resulting time is outside working periods
        (evening, lunch break, before opening) — on a moved date or not — the due moment is
        the next working moment, so a due moment is always inside working time."""
        if isinstance(days, bool) or int(days) != days or days <= 0:
            raise ValueError(f"calendar days must be a positive whole number, got {days!r}")
        target = _floor(start) + dt.timedelta(days=int(days))
        day = self.next_working_day(target.date())
        return self.next_working_moment(dt.datetime.combine(day, target.time()))

    def _end_of_day(self, day: dt.date) -> dt.datetime:
        return _at(day, self._periods[-1][1])

    def same_day_due(self, received: dt.datetime, cutoff: dt.time = dt.time(15, 0)) -> dt.datetime:
        """End of the last period of the receiving day when received on a working day at or
        before `cutoff` (before opening included); otherwise end of the next working day."""
        received = _floor(received)
        day = received.date()
        if self.is_working_day(day) and received.time() <= cutoff:
            return self._end_of_day(day)
        return self._end_of_day(self.next_working_day(day + _ONE_DAY))

    def due_at(self, received: dt.datetime, limit: TimeLimit) -> dt.datetime:
        """Due moment of a dossier received at `received`; ValueError for a zero/negative limit."""
        if limit.kind == TimeLimitKind.WORKING_DAYS:
            return self.add_working_days(received, limit.value)
        if limit.kind == TimeLimitKind.WORKING_HOURS:
            return self.add_working_hours(received, limit.value)
        if limit.kind == TimeLimitKind.CALENDAR_DAYS:
            if not math.isfinite(limit.value) or limit.value != int(limit.value):
                raise ValueError(f"calendar days must be whole, got {limit.value!r}")
            return self.add_calendar_days(received, int(limit.value))
        if limit.kind == TimeLimitKind.SAME_DAY:
            return self.same_day_due(received, limit.cutoff)
        raise ValueError(f"unknown time limit kind {limit.kind!r}")

    def working_minutes_between(self, a: dt.datetime, b: dt.datetime) -> int:
        """Working minutes in [a, b) (both floored to the minute); negative if b < a."""
        a, b = _floor(a), _floor(b)
        if b < a:
            return -self.working_minutes_between(b, a)
        total, day = 0, a.date()
        while day <= b.date():
            if self.is_working_day(day):
                low = _minute(a.time()) if day == a.date() else 0
                high = _minute(b.time()) if day == b.date() else 24 * 60
                for begin, end in self._periods:
                    total += max(0, min(end, high) - max(begin, low))
            day += _ONE_DAY
        return total

    def working_hours_between(self, a: dt.datetime, b: dt.datetime) -> float:
        """Working hours from a to b, for reports (early / on time / late); negative if b < a."""
        return self.working_minutes_between(a, b) / 60


def _parse_row(index: int, row: Any) -> CalendarException:
    where = f"row {index}"
    if not isinstance(row, dict):
        raise ValueError(f"{where}: expected an object, got {type(row).__name__}")
    if isinstance(row.get("date"), str):
        where = f"row {index} ({row['date']})"
    unknown = set(row) - {"date", "kind", "note", "legal_ref"}
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
    text = row.get("date")
    if not isinstance(text, str) or not _DATE_RE.match(text):
        raise ValueError(f"{where}: date must be YYYY-MM-DD, got {text!r}")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{where}: no such date {text!r}") from None
    kind = row.get("kind")
    if kind not in {k.value for k in DayKind}:
        raise ValueError(f"{where}: kind must be 'off' or 'working', got {kind!r}")
    note, legal_ref = row.get("note", ""), row.get("legal_ref", "")
    if not isinstance(note, str) or not isinstance(legal_ref, str):
        raise ValueError(f"{where}: note and legal_ref must be text")
    return CalendarException(day, DayKind(kind), note, legal_ref)


def parse_exceptions(text: str, origin: str = "exceptions") -> list[CalendarException]:
    """Read the exceptions JSON text; ValueError naming `origin` and the bad row (1-based)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{origin}: not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("exceptions"), list):
        raise ValueError(f'{origin}: expected an object with an "exceptions" list')
    items: list[CalendarException] = []
    seen: set[dt.date] = set()
    for index, row in enumerate(data["exceptions"], start=1):
        try:
            item = _parse_row(index, row)
        except ValueError as exc:
            raise ValueError(f"{origin}: {exc}") from None
        if item.day in seen:
            raise ValueError(f"{origin}: row {index} ({item.day}): date listed twice")
        seen.add(item.day)
        items.append(item)
    return items


def load_exceptions(path: Path) -> list[CalendarException]:
    """Read an exceptions file (format of resources/calendar/exceptions.json)."""
    return parse_exceptions(Path(path).read_text(encoding="utf-8"), str(path))


def exceptions_to_json(items: Iterable[CalendarException], source: str = "") -> str:
    """Write exceptions in the file format, sorted by date, UTF-8 text kept readable."""
    rows = [
        {"date": i.day.isoformat(), "kind": i.kind.value, "note": i.note, "legal_ref": i.legal_ref}
        for i in sorted(items, key=lambda item: item.day)
    ]
    return json.dumps({"source": source, "exceptions": rows}, ensure_ascii=False, indent=2) + "\n"

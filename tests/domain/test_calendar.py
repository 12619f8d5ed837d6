"""Working calendar and due dates: concrete dates a clerk would see, plus properties."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.calendar import (
    CalendarException,
    DayKind,
    WorkingCalendar,
    WorkingHours,
    exceptions_to_json,
    load_exceptions,
    parse_exceptions,
)
from counter_app.domain.model import TimeLimit, TimeLimitKind
from counter_app.resources import resource

D = dt.datetime
SEED = load_exceptions(resource("calendar", "exceptions.json"))
CAL = WorkingCalendar(exceptions=SEED)
PLAIN = WorkingCalendar()  # public holidays and weekends only


# --- the example every real system agrees on -------------------------------------------------


def test_five_working_days_from_friday_morning() -> None:
    assert CAL.add_working_days(D(2023, 10, 27, 9, 32), 5) == D(2023, 11, 3, 9, 32)
    limit = TimeLimit(TimeLimitKind.WORKING_DAYS, 5)
    assert CAL.due_at(D(2023, 10, 27, 9, 32), limit) == D(2023, 11, 3, 9, 32)


def test_seconds_are_dropped() -> None:
    assert CAL.add_working_days(D(2023, 10, 27, 9, 32, 59, 999), 5) == D(2023, 11, 3, 9, 32)


# --- holidays ----------------------------------------------------------------------------------


def test_across_tet_2026() -> None:
    # Fri 13/2: 5 h; Mon 16/2–Fri 20/2 Tết; Mon 23/2, Tue 24/2: 16 h; Wed 25/2: 3 h → 10:00.
    for day in range(16, 21):
        assert not CAL.is_working_day(dt.date(2026, 2, day))
    assert CAL.add_working_days(D(2026, 2, 13, 10, 0), 3) == D(2026, 2, 25, 10, 0)


def test_across_tet_2027() -> None:
    for day in (4, 5, 8, 9, 10):
        assert not CAL.is_working_day(dt.date(2027, 2, day))
    assert CAL.is_working_day(dt.date(2027, 2, 11))
    # Wed 3/2: 6 h; Thu 4/2–Wed 10/2 off; Thu 11/2: 8 h; Fri 12/2: 2 h → 09:00.
    assert CAL.add_working_days(D(2027, 2, 3, 9, 0), 2) == D(2027, 2, 12, 9, 0)


def test_across_30_april_2026() -> None:
    assert CAL.day_off_reason(dt.date(2026, 4, 30)) == "Ngày Chiến thắng"
    assert CAL.day_off_reason(dt.date(2026, 5, 1)) == "Ngày Quốc tế Lao động"
    # Wed 29/4 14:00: 3 h; Thu 30/4–Sun 3/5 off; Mon 4/5: 4 h 30 + 30 min → 14:00.
    assert CAL.add_working_days(D(2026, 4, 29, 14, 0), 1) == D(2026, 5, 4, 14, 0)


def test_across_national_day_2026_with_swap() -> None:
    for day in (dt.date(2026, 8, 31), dt.date(2026, 9, 1), dt.date(2026, 9, 2)):
        assert not CAL.is_working_day(day)
    assert CAL.is_working_day(dt.date(2026, 8, 22))  # make-up Saturday
    assert not PLAIN.is_working_day(dt.date(2026, 8, 22))
    # Fri 28/8: 6 h; Sat 29/8–Wed 2/9 off; Thu 3/9: 8 h; Fri 4/9: 2 h → 09:00.
    assert CAL.add_working_days(D(2026, 8, 28, 9, 0), 2) == D(2026, 9, 4, 9, 0)
    # Fri 21/8 16:00: 1 h; Sat 22/8 is worked: 3 h → 10:00.
    assert CAL.add_working_hours(D(2026, 8, 21, 16, 0), 4) == D(2026, 8, 22, 10, 0)
    assert PLAIN.add_working_hours(D(2026, 8, 21, 16, 0), 4) == D(2026, 8, 24, 10, 0)


def test_swap_2024() -> None:
    assert not CAL.is_working_day(dt.date(2024, 4, 29))
    assert CAL.is_working_day(dt.date(2024, 5, 4))
    # Fri 26/4: 6 h; Sat 27/4–Wed 1/5 off; Thu 2/5: 2 h → 09:00.
    assert CAL.add_working_days(D(2024, 4, 26, 9, 0), 1) == D(2024, 5, 2, 9, 0)
    # Fri 3/5 13:30: 3 h 30; Sat 4/5 is worked: 4 h 30 → ends at the end of the period, 11:30.
    assert CAL.add_working_days(D(2024, 5, 3, 13, 30), 1) == D(2024, 5, 4, 11, 30)
    assert PLAIN.add_working_days(D(2024, 5, 3, 13, 30), 1) == D(2024, 5, 6, 11, 30)


def test_new_year_2026_swap() -> None:
    assert not CAL.is_working_day(dt.date(2026, 1, 2))
    assert CAL.is_working_day(dt.date(2026, 1, 10))


def test_seed_file_agrees_with_holidays_package() -> None:
    for item in SEED:
        if item.kind == DayKind.OFF:
            assert item.day.weekday() < 5, item
        else:
            assert item.day.weekday() >= 5, item
            assert item.day not in PLAIN.public_holidays(item.day.year), item
        assert item.note, item


def test_day_off_reasons() -> None:
    assert CAL.day_off_reason(dt.date(2026, 2, 17)) == "Tết Nguyên Đán"
    assert CAL.day_off_reason(dt.date(2023, 11, 4)) == "weekend"
    assert CAL.day_off_reason(dt.date(2023, 11, 6)) is None
    assert CAL.day_off_reason(dt.date(2025, 5, 2)) == SEED_NOTE_2025_05_02
    assert WorkingCalendar(use_public_holidays=False).is_working_day(dt.date(2026, 2, 17))


SEED_NOTE_2025_05_02 = next(i.note for i in SEED if i.day == dt.date(2025, 5, 2))


# --- working time within a day -----------------------------------------------------------------


def test_lunch_break_is_skipped() -> None:
    # 11:00–11:30 is 30 min, then 13:30–17:00: 4 h end exactly at 17:00 (not next day 07:00).
    assert CAL.add_working_hours(D(2023, 11, 6, 11, 0), 2.5) == D(2023, 11, 6, 15, 30)
    assert CAL.add_working_hours(D(2023, 11, 6, 11, 0), 4) == D(2023, 11, 6, 17, 0)


def test_received_after_hours_starts_next_morning() -> None:
    assert CAL.next_working_moment(D(2023, 11, 6, 18, 0)) == D(2023, 11, 7, 7, 0)
    assert CAL.add_working_hours(D(2023, 11, 6, 18, 0), 1) == D(2023, 11, 7, 8, 0)
    assert CAL.next_working_moment(D(2023, 11, 6, 17, 0)) == D(2023, 11, 7, 7, 0)


def test_received_on_sunday() -> None:
    assert CAL.next_working_moment(D(2023, 11, 5, 10, 0)) == D(2023, 11, 6, 7, 0)
    assert CAL.add_working_days(D(2023, 11, 5, 10, 0), 1) == D(2023, 11, 6, 17, 0)


def test_received_during_lunch() -> None:
    assert CAL.next_working_moment(D(2023, 11, 6, 12, 15)) == D(2023, 11, 6, 13, 30)
    assert CAL.next_working_moment(D(2023, 11, 6, 11, 30)) == D(2023, 11, 6, 13, 30)
    assert CAL.add_working_hours(D(2023, 11, 6, 12, 15), 1) == D(2023, 11, 6, 14, 30)


def test_inside_working_time_is_kept() -> None:
    assert CAL.next_working_moment(D(2023, 11, 6, 7, 0)) == D(2023, 11, 6, 7, 0)
    assert CAL.next_working_moment(D(2023, 11, 6, 16, 59, 30)) == D(2023, 11, 6, 16, 59)


# --- calendar days and same day ----------------------------------------------------------------


def test_calendar_days_landing_on_holidays() -> None:
    # Thu 5/2/2026 + 15 days = Fri 20/2 (Tết) → Mon 23/2 at the same time.
    assert CAL.add_calendar_days(D(2026, 2, 5, 10, 0), 15) == D(2026, 2, 23, 10, 0)
    # Tue 21/4/2026 + 9 = Thu 30/4 → Fri 1/5, weekend → Mon 4/5.
    limit = TimeLimit(TimeLimitKind.CALENDAR_DAYS, 9)
    assert CAL.due_at(D(2026, 4, 21, 9, 0), limit) == D(2026, 5, 4, 9, 0)
    assert CAL.add_calendar_days(D(2023, 11, 6, 9, 0), 3) == D(2023, 11, 9, 9, 0)


def test_calendar_days_outside_working_periods() -> None:
    # Lands in the lunch break → 13:30; lands in the evening → next working morning.
    assert CAL.add_calendar_days(D(2023, 11, 6, 12, 0), 2) == D(2023, 11, 8, 13, 30)
    assert CAL.add_calendar_days(D(2023, 11, 6, 18, 0), 4) == D(2023, 11, 13, 7, 0)
    # Sat 4/11 + 1 = Sun 5/11 → Mon 6/11 keeps 08:15.
    assert CAL.add_calendar_days(D(2023, 11, 4, 8, 15), 1) == D(2023, 11, 6, 8, 15)


def test_same_day_cutoff() -> None:
    monday = dt.date(2023, 11, 6)
    for hour, minute in ((6, 30), (9, 0), (14, 59), (15, 0)):
        assert CAL.same_day_due(D(2023, 11, 6, hour, minute)) == D(2023, 11, 6, 17, 0)
    assert CAL.same_day_due(D(2023, 11, 6, 15, 1)) == D(2023, 11, 7, 17, 0)
    assert CAL.same_day_due(dt.datetime.combine(monday, dt.time(16))) == D(2023, 11, 7, 17, 0)
    assert CAL.same_day_due(D(2023, 10, 27, 16, 0)) == D(2023, 10, 30, 17, 0)  # Fri → Mon
    assert CAL.same_day_due(D(2023, 11, 4, 9, 0)) == D(2023, 11, 6, 17, 0)  # Saturday
    assert CAL.same_day_due(D(2026, 4, 29, 16, 0)) == D(2026, 5, 4, 17, 0)
    assert CAL.same_day_due(D(2023, 11, 6, 15, 30), dt.time(16, 0)) == D(2023, 11, 6, 17, 0)
    limit = TimeLimit(TimeLimitKind.SAME_DAY, cutoff=dt.time(10, 0))
    assert CAL.due_at(D(2023, 11, 6, 10, 30), limit) == D(2023, 11, 7, 17, 0)


def test_working_hours_limit_via_due_at() -> None:
    limit = TimeLimit(TimeLimitKind.WORKING_HOURS, 8)
    assert CAL.due_at(D(2023, 11, 6, 9, 0), limit) == D(2023, 11, 7, 9, 0)


@pytest.mark.parametrize("value", [0, -1, -0.5, float("nan"), float("inf")])
def test_zero_or_negative_limits_are_rejected(value: float) -> None:
    for kind in (TimeLimitKind.WORKING_DAYS, TimeLimitKind.WORKING_HOURS):
        with pytest.raises(ValueError):
            CAL.due_at(D(2023, 11, 6, 9, 0), TimeLimit(kind, value))
    with pytest.raises(ValueError):
        CAL.due_at(D(2023, 11, 6, 9, 0), TimeLimit(TimeLimitKind.CALENDAR_DAYS, value))


def test_calendar_days_must_be_whole() -> None:
    with pytest.raises(ValueError):
        CAL.due_at(D(2023, 11, 6, 9, 0), TimeLimit(TimeLimitKind.CALENDAR_DAYS, 1.5))
    with pytest.raises(ValueError):
        CAL.add_calendar_days(D(2023, 11, 6, 9, 0), 0)


# --- configuration -----------------------------------------------------------------------------


def test_custom_working_hours() -> None:
    hours = WorkingHours.parse("07:30-11:30, 13:00-16:30")
    assert hours.hours_per_day == 7.5
    assert hours.format() == "07:30-11:30,13:00-16:30"
    cal = WorkingCalendar(hours=hours)
    # Mon 10:00: 1 h 30 + 3 h 30; Tue: 2 h 30 from 07:30 → 10:00.
    assert cal.add_working_days(D(2023, 11, 6, 10, 0), 1) == D(2023, 11, 7, 10, 0)
    assert cal.same_day_due(D(2023, 11, 6, 9, 0)) == D(2023, 11, 6, 16, 30)
    assert cal.next_working_moment(D(2023, 11, 6, 12, 0)) == D(2023, 11, 6, 13, 0)
    single = WorkingCalendar(hours=WorkingHours.parse("8:00–16:00"))
    assert single.add_working_hours(D(2023, 11, 6, 15, 0), 2) == D(2023, 11, 7, 9, 0)


def test_default_working_hours() -> None:
    assert WorkingHours().hours_per_day == 8.0
    assert WorkingHours().format() == "07:00-11:30,13:30-17:00"
    assert WorkingHours.parse(WorkingHours().format()) == WorkingHours()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "07:00",
        "07:00-11:30-12:00",
        "7-11",
        "07:00-25:00",
        "11:30-07:00",
        "07:00-07:00",
        "07:00-12:00,11:00-17:00",
        "13:30-17:00,07:00-11:30",
        "07:60-08:00",
    ],
)
def test_bad_working_hours(text: str) -> None:
    with pytest.raises(ValueError):
        WorkingHours.parse(text)


def test_exceptions_override() -> None:
    extra_off = CalendarException(dt.date(2023, 11, 2), DayKind.OFF, "Nghỉ đột xuất")
    cal = WorkingCalendar(exceptions=[extra_off])
    assert cal.day_off_reason(dt.date(2023, 11, 2)) == "Nghỉ đột xuất"
    assert cal.add_working_days(D(2023, 10, 27, 9, 32), 5) == D(2023, 11, 6, 9, 32)
    make_up = CalendarException(dt.date(2023, 10, 28), DayKind.WORKING, "Làm bù")
    cal = WorkingCalendar(exceptions=[make_up])
    assert cal.add_working_days(D(2023, 10, 27, 9, 32), 5) == D(2023, 11, 2, 9, 32)
    assert cal.same_day_due(D(2023, 10, 28, 9, 0)) == D(2023, 10, 28, 17, 0)
    unnamed = WorkingCalendar(exceptions=[CalendarException(dt.date(2023, 11, 2), DayKind.OFF)])
    assert unnamed.day_off_reason(dt.date(2023, 11, 2)) == "exception"


def test_working_hours_between() -> None:
    assert CAL.working_hours_between(D(2023, 10, 27, 9, 32), D(2023, 11, 3, 9, 32)) == 40
    assert CAL.working_hours_between(D(2023, 11, 3, 9, 32), D(2023, 10, 27, 9, 32)) == -40
    assert CAL.working_hours_between(D(2023, 11, 6, 11, 0), D(2023, 11, 6, 14, 0)) == 1
    assert CAL.working_hours_between(D(2023, 11, 4, 8, 0), D(2023, 11, 5, 20, 0)) == 0


def test_sixty_working_days_is_fast() -> None:
    start = D(2023, 11, 6, 9, 0)
    due = CAL.add_working_days(start, 60)  # also fills the holiday cache for 2023–2024
    begin = time.perf_counter()
    for _ in range(100):
        CAL.add_working_days(start, 60)
    assert time.perf_counter() - begin < 0.2  # a minute-by-minute walk takes ~0.1 s per call
    assert CAL.working_minutes_between(start, due) == 60 * 480
    # Working days after Mon 6/11: 18 in November, 21 in December, then 2/1/2024 (1/1 is
    # New Year) to Tue 30/1 are the remaining 21.
    assert due == D(2024, 1, 30, 9, 0)
    far = CAL.add_working_days(start, 2000)
    assert CAL.working_minutes_between(start, far) == 2000 * 480


# --- properties --------------------------------------------------------------------------------

moments = st.datetimes(min_value=D(2023, 1, 1), max_value=D(2027, 12, 31))
PERIODS = WorkingHours().minute_periods()


def _minute_of(t: dt.datetime) -> int:
    return t.hour * 60 + t.minute


def _reference_add(cal: WorkingCalendar, start: dt.datetime, minutes: int) -> dt.datetime:
    """Minute by minute: the obvious (slow) definition."""
    t, counted = start.replace(second=0, microsecond=0), 0
    while counted < minutes:
        if cal.is_working_day(t.date()) and any(s <= _minute_of(t) < e for s, e in PERIODS):
            counted += 1
        t += dt.timedelta(minutes=1)
    return t


@settings(max_examples=300, deadline=None)
@given(start=moments, minutes=st.integers(1, 60 * 400))
def test_adding_then_measuring_gives_back_the_hours(start: dt.datetime, minutes: int) -> None:
    due = CAL.add_working_hours(start, minutes / 60)
    assert CAL.working_minutes_between(start, due) == minutes
    assert round(CAL.working_hours_between(start, due) * 60) == minutes
    assert CAL.is_working_day(due.date())
    assert any(s < _minute_of(due) <= e for s, e in PERIODS)
    assert due.second == 0 and due.microsecond == 0


@settings(max_examples=60, deadline=None)
@given(start=moments, minutes=st.integers(1, 3 * 480))
def test_matches_minute_by_minute_reference(start: dt.datetime, minutes: int) -> None:
    assert CAL.add_working_hours(start, minutes / 60) == _reference_add(CAL, start, minutes)


@settings(max_examples=200, deadline=None)
@given(start=moments, a=st.integers(1, 60 * 200), b=st.integers(1, 60 * 200))
def test_more_hours_never_gives_an_earlier_due(start: dt.datetime, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert CAL.add_working_hours(start, low / 60) <= CAL.add_working_hours(start, high / 60)


@settings(max_examples=200, deadline=None)
@given(start=moments, days=st.integers(1, 90))
def test_calendar_and_same_day_dues_are_in_working_time(start: dt.datetime, days: int) -> None:
    for due in (CAL.add_calendar_days(start, days), CAL.next_working_moment(start)):
        assert due >= start.replace(second=0, microsecond=0)
        assert CAL.is_working_day(due.date())
        assert any(s <= _minute_of(due) < e for s, e in PERIODS)
    same_day = CAL.same_day_due(start)
    assert CAL.is_working_day(same_day.date()) and same_day.time() == dt.time(17, 0)
    assert same_day > start


# --- the exceptions file -----------------------------------------------------------------------

exception_rows = st.lists(
    st.builds(
        CalendarException,
        day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)),
        kind=st.sampled_from(DayKind),
        note=st.text(),
        legal_ref=st.text(),
    ),
    unique_by=lambda item: item.day,
)


@given(items=exception_rows)
def test_exceptions_round_trip(items: list[CalendarException]) -> None:
    text = exceptions_to_json(items, source="test")
    assert parse_exceptions(text) == sorted(items, key=lambda item: item.day)


def test_exceptions_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "exceptions.json"
    path.write_text(exceptions_to_json(SEED), encoding="utf-8")
    assert load_exceptions(path) == SEED
    assert json.loads(path.read_text(encoding="utf-8"))["exceptions"][0]["date"] == "2024-04-29"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [{"date": "2024-04-29", "kind": "off"}, {"date": "2024-02-30", "kind": "off"}],
            "row 2 (2024-02-30)",
        ),
        ([{"date": "29/04/2024", "kind": "off"}], "row 1 (29/04/2024)"),
        ([{"date": "2024-04-29", "kind": "holiday"}], "row 1 (2024-04-29)"),
        ([{"kind": "off"}], "row 1"),
        ([{"date": "2024-04-29", "kind": "off", "legal": "x"}], "row 1 (2024-04-29)"),
        ([{"date": "2024-04-29", "kind": "off", "note": 3}], "row 1 (2024-04-29)"),
        (["2024-04-29"], "row 1"),
        ([{"date": "2024-04-29", "kind": "off"}] * 2, "row 2 (2024-04-29)"),
    ],
)
def test_bad_exception_rows(tmp_path: Path, rows: list[object], message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"source": "", "exceptions": rows}), encoding="utf-8")
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_exceptions(path)


@pytest.mark.parametrize("text", ["{", "[]", '{"exceptions": {}}', '"x"'])
def test_bad_exception_files(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_exceptions(path)

"""Dates, times, money and time limits as Vietnamese administrative documents write them."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.model import TimeLimit, TimeLimitKind
from counter_app.printing.wording import (
    date_text,
    moment_text,
    money,
    place_date,
    short_moment,
    time_limit_text,
    time_text,
)


@pytest.mark.parametrize("day, expected", [
    (dt.date(2026, 11, 22), "ngày 22 tháng 11 năm 2026"),
    (dt.date(2026, 11, 5), "ngày 05 tháng 11 năm 2026"),  # days below 10 take a zero
    (dt.date(2027, 2, 14), "ngày 14 tháng 02 năm 2027"),  # so do January and February
    (dt.date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),  # other months do not
])
def test_dates_follow_decree_30(day, expected):
    assert date_text(day) == expected


def test_dateline_times_and_blanks():
    assert place_date("Tân Phú", dt.date(2026, 11, 22)) == "Tân Phú, ngày 22 tháng 11 năm 2026"
    assert time_text(dt.datetime(2026, 11, 20, 9, 32)) == "09 giờ 32 phút"
    assert moment_text(dt.datetime(2026, 11, 20, 9, 32)) == (
        "09 giờ 32 phút, ngày 20 tháng 11 năm 2026")
    assert moment_text(None) == "…… giờ …… phút, ngày …… tháng …… năm ……"
    assert place_date("", None).startswith("……………, ngày ……")
    assert short_moment(dt.datetime(2026, 1, 2, 7, 5)) == "07:05 02/01/2026"


@pytest.mark.parametrize("amount, expected", [
    (0, "0 đ"), (2_000, "2.000 đ"), (100_000, "100.000 đ"), (1_500_000, "1.500.000 đ"),
    (1_234_567_890, "1.234.567.890 đ"),
])
def test_money(amount, expected):
    assert money(amount) == expected


@pytest.mark.parametrize("limit, expected", [
    (TimeLimit(TimeLimitKind.WORKING_DAYS, 1), "01 ngày làm việc"),
    (TimeLimit(TimeLimitKind.WORKING_DAYS, 15), "15 ngày làm việc"),
    (TimeLimit(TimeLimitKind.WORKING_DAYS, 0.5), "0,5 ngày làm việc"),
    (TimeLimit(TimeLimitKind.WORKING_HOURS, 4), "04 giờ làm việc"),
    (TimeLimit(TimeLimitKind.CALENDAR_DAYS, 30), "30 ngày"),
    (TimeLimit(TimeLimitKind.SAME_DAY, 0, dt.time(15, 0)),
     "Trong ngày (nhận trước 15 giờ 00 phút)"),
])
def test_time_limits(limit, expected):
    assert time_limit_text(limit) == expected

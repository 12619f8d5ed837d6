"""The II.06a rules by dates: early / on time / late, within time / overdue, carried over."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.model import Channel
from counter_app.domain.reports import (
    Counts,
    Timeliness,
    count_dossier,
    finished_timeliness,
    open_timeliness,
)

D = dt.date
START, END = D(2026, 11, 2), D(2026, 11, 13)


@pytest.mark.parametrize(("finished", "due", "expected"), [
    (D(2026, 11, 3), D(2026, 11, 3), Timeliness.ON_TIME),
    (D(2026, 11, 4), D(2026, 11, 3), Timeliness.LATE),
    (D(2026, 11, 2), D(2026, 11, 3), Timeliness.EARLY),
    (D(2026, 11, 2), None, Timeliness.ON_TIME),
])
def test_finished_compares_dates(finished, due, expected):
    assert finished_timeliness(finished, due) is expected


@pytest.mark.parametrize(("due", "expected"), [
    (END, Timeliness.WITHIN_TIME),
    (END + dt.timedelta(days=5), Timeliness.WITHIN_TIME),
    (END - dt.timedelta(days=1), Timeliness.OVERDUE),
    (None, Timeliness.WITHIN_TIME),
])
def test_open_within_time_when_due_not_before_the_end(due, expected):
    assert open_timeliness(due, END) is expected


def _count(**kw):
    values = dict(start=START, end=END, channel=Channel.DIRECT, due=D(2026, 11, 5))
    values.update(kw)
    return count_dossier(**values)


def test_received_in_period_and_finished_on_due_date():
    c = _count(received=D(2026, 11, 3), finished=D(2026, 11, 5))
    assert (c.direct_postal, c.on_time, c.received, c.resolved) == (1, 1, 1, 1)


def test_channels():
    online = _count(received=START, channel=Channel.ONLINE)
    postal = _count(received=START, channel=Channel.POSTAL)
    assert (online.online, online.direct_postal, online.postal) == (1, 0, 0)
    assert (postal.online, postal.direct_postal, postal.postal) == (0, 1, 1)


def test_carried_over_and_still_open_is_overdue():
    c = _count(received=D(2026, 10, 28), due=D(2026, 10, 29))
    assert (c.carried_over, c.overdue, c.received, c.in_progress) == (1, 1, 1, 1)


def test_closed_before_the_period_does_not_count():
    assert _count(received=D(2026, 10, 1), finished=D(2026, 11, 1)) == Counts()
    assert _count(received=D(2026, 10, 1), stopped=D(2026, 10, 2)) == Counts()
    assert _count(received=END + dt.timedelta(days=1)) == Counts()


def test_finished_after_the_period_is_in_progress_at_its_end():
    c = _count(received=D(2026, 11, 3), finished=D(2026, 11, 20), due=D(2026, 11, 4))
    assert (c.resolved, c.overdue) == (0, 1)


def test_withdrawn_is_neither_resolved_nor_in_progress():
    c = _count(received=D(2026, 11, 3), stopped=D(2026, 11, 4))
    assert (c.received, c.resolved, c.in_progress, c.withdrawn_stopped) == (1, 0, 0, 1)


def test_rates_and_sums():
    total = Counts()
    for c in (Counts(early=1, online=1), Counts(on_time=1, direct_postal=1, postal=1),
              Counts(late=2, direct_postal=2)):
        total.add(c)
    assert total.on_time_rate == 0.5
    assert total.online_share == 0.25
    assert total.postal_share == 0.25
    assert Counts().on_time_rate is None
    d = total.as_dict()
    assert d["resolved"] == {"total": 4, "early": 1, "on_time": 1, "late": 2}
    assert d["received"] == {"total": 4, "online": 1, "direct_postal": 3, "carried_over": 0}

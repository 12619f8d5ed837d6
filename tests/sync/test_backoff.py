"""Retry schedule: exponential ceilings, full jitter, the cap, Retry-After, the deadline."""

from __future__ import annotations

import random
import statistics

from hypothesis import given
from hypothesis import strategies as st

from counter_app.sync.backoff import Backoff
from tests.conftest import birth_draft
from tests.sync.conftest import FakeTime, make_engine


def test_ceilings_double_up_to_the_cap():
    b = Backoff(base=0.5, cap=8.0)
    assert [b.ceiling(n) for n in range(7)] == [0.5, 1, 2, 4, 8, 8, 8]
    assert b.ceiling(10_000) == 8.0  # no overflow after days offline


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=2**32))
def test_every_delay_lies_between_zero_and_its_ceiling(attempt, seed):
    b = Backoff(base=1.0, cap=60.0, rng=random.Random(seed))
    assert 0.0 <= b.delay(attempt) <= min(60.0, 2.0 ** min(attempt, 62))


def test_full_jitter_spreads_delays_over_the_whole_interval():
    b = Backoff(base=1.0, cap=60.0, rng=random.Random(1))
    delays = [b.delay(3) for _ in range(4000)]  # ceiling 8 s
    assert min(delays) < 0.1 and max(delays) > 7.9
    assert 3.8 < statistics.mean(delays) < 4.2  # uniform: mean is half the ceiling


def test_retry_after_is_a_floor_within_the_cap():
    b = Backoff(base=1.0, cap=30.0, rng=random.Random(2))
    assert all(b.delay(0, retry_after=5) >= 5 for _ in range(100))
    assert all(b.delay(0, retry_after=3600) <= 30 for _ in range(100))


def test_the_engine_waits_by_the_schedule_and_resets_after_success(enrolled, portal):
    enrolled.receive(birth_draft())
    portal.adapter.fail("refuse", times=5)
    ft = FakeTime()
    s = make_engine(enrolled, portal, ft, seed=11).run_until_idle(600)
    assert s.idle and s.attempts == 6 and s.pending == 0
    expected = Backoff(base=0.5, cap=8.0, rng=random.Random(11))
    assert ft.sleeps == [expected.delay(n) for n in range(5)]
    assert all(0 <= d <= min(8.0, 0.5 * 2 ** n) for n, d in enumerate(ft.sleeps))


def test_the_engine_honours_retry_after(enrolled, portal):
    enrolled.receive(birth_draft())
    portal.adapter.fail("503")  # Retry-After: 2
    ft = FakeTime()
    s = make_engine(enrolled, portal, ft).run_until_idle(600)
    assert s.idle and len(ft.sleeps) == 1 and ft.sleeps[0] >= 2


def test_the_engine_gives_up_at_the_deadline_and_keeps_everything(enrolled, portal):
    enrolled.receive(birth_draft())
    portal.adapter.fail("timeout", times=1000)
    ft = FakeTime()
    s = make_engine(enrolled, portal, ft).run_until_idle(60)
    assert not s.idle and s.error == "sync.timeout" and s.retryable and s.pending == 1
    assert sum(ft.sleeps) <= 60
    assert s.attempts == len(ft.sleeps) + 1
    assert enrolled.pending_count() == 1

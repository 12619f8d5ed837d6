"""Dossier codes: format, parsing, and uniqueness across offline workstations."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain import codes
from counter_app.domain.errors import CodeRangeExhausted
from counter_app.services.counter import Counter
from counter_app.services.profile import Profile
from tests.conftest import SMALL_CATALOGUE, FakeClock, birth_draft


def test_format_matches_the_national_examples():
    assert codes.format_code("000.00.06.H56", dt.date(2023, 10, 27), 361) == \
        "000.00.06.H56-231027-0361"
    assert codes.format_code("H56.14", dt.date(2024, 8, 23), 1) == "H56.14-240823-0001"
    assert codes.format_code("H56.14", dt.date(2024, 8, 23), 12345) == "H56.14-240823-12345"


@pytest.mark.parametrize("text, expected", [
    ("000.00.06.H56-231027-0361", ("000.00.06.H56", dt.date(2023, 10, 27), 361)),
    (" h56.14-240823-0001 ", ("H56.14", dt.date(2024, 8, 23), 1)),
    ("H56.14-240823-10001", ("H56.14", dt.date(2024, 8, 23), 10001)),
])
def test_parse(text, expected):
    parsed = codes.parse_code(text)
    assert parsed is not None
    assert (parsed.agency_code, parsed.day, parsed.sequence) == expected


@pytest.mark.parametrize("text", ["", "H56-231327-0001", "H56-231027-001", "H56 231027 0001",
                                  "EB125966888VN", "H56-231027-0001-2"])
def test_parse_rejects(text):
    assert codes.parse_code(text) is None


def test_workstation_ranges_are_disjoint_and_invertible():
    assert codes.workstation_range(1) == (1, 1000)
    assert codes.workstation_range(2) == (1001, 2000)
    assert codes.workstation_range(3, 500) == (1001, 1500)
    assert codes.workstation_of(1500, 500) == 3
    with pytest.raises(ValueError):
        codes.workstation_range(0)


def test_range_exhaustion_is_an_error_not_a_collision():
    assert codes.next_sequence(9, 2, 10) == (10, 20)
    with pytest.raises(CodeRangeExhausted):
        codes.next_sequence(10, 2, 10)


@given(
    range_size=st.integers(1, 50),
    ops=st.lists(st.tuples(st.integers(1, 99), st.integers(0, 30)), max_size=400),
)
def test_no_two_workstations_ever_share_a_code(range_size, ops):
    """Each workstation counts on its own (offline); the union of codes is still unique."""
    used: dict[tuple[int, int], int] = {}
    seen: set[str] = set()
    for workstation, day in ops:
        try:
            used[workstation, day], seq = codes.next_sequence(
                used.get((workstation, day), 0), workstation, range_size)
        except CodeRangeExhausted:
            continue
        code = codes.format_code("000.00.06.H56", dt.date(2026, 1, 1) + dt.timedelta(day), seq)
        assert code not in seen
        seen.add(code)
        assert codes.workstation_of(seq, range_size) == workstation


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(st.tuples(st.integers(1, 4), st.integers(0, 3)), min_size=1, max_size=60))
def test_offline_workstations_with_their_own_databases_never_collide(ops):
    """Four workstations of one agency, each with its own database, receive over four days."""
    with TemporaryDirectory() as tmp:
        clock = FakeClock(dt.datetime(2026, 11, 16, 8, 0))
        stations: dict[int, Counter] = {}
        for k in range(1, 5):
            c = Counter.open(Path(tmp) / f"ws{k}", clock)
            c.set_profile(Profile(agency_code="000.00.06.H56", agency_name="UBND xã",
                                  workstation=k))
            c.import_catalogue([SMALL_CATALOGUE])
            stations[k] = c
        got: list[str] = []
        for k, day in ops:
            at = dt.datetime(2026, 11, 16 + day, 9, 0)
            clock.now = at
            got.append(stations[k].receive(dataclasses.replace(birth_draft(), received_at=at))
                       .dossier.code or "")
        for c in stations.values():
            c.close()
    assert len(got) == len(set(got))

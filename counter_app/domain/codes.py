"""Dossier codes (mã hồ sơ) ‹agency›-‹yyMMdd›-‹NNNN› and their offline-safe allocation.

Allocation: static workstation ranges. Every workstation of an agency owns a fixed, disjoint
block of each day's sequence: workstation K (1-based) numbers its n-th dossier of the day
(K-1)*range_size + n, for n in 1..range_size. Two workstations can therefore never produce the
same code, however long both stay offline, with no coordination at all; workstation 1 of a
single-counter commune office gets the familiar 0001, 0002, … The agency-wide `range_size`
(default 1000) must be the same on every workstation of the agency. See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .errors import CodeRangeExhausted

DEFAULT_RANGE_SIZE = 1000
MAX_WORKSTATION = 99

AGENCY_CODE_PATTERN = r"[0-9A-Z]{1,6}(?:\.[0-9A-Z]{1,6}){0,5}"
_CODE_RE = re.compile(
    rf"^(?P<agency>{AGENCY_CODE_PATTERN})-(?P<date>\d{{6}})-(?P<seq>\d{{4,}})$"
)


@dataclass(frozen=True)
class ParsedCode:
    agency_code: str
    day: dt.date
    sequence: int

    @property
    def text(self) -> str:
        return format_code(self.agency_code, self.day, self.sequence)


def format_code(agency_code: str, day: dt.date, sequence: int) -> str:
    """"000.00.06.H56", 27/10/2023, 361 → "000.00.06.H56-231027-0361"."""
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"


def parse_code(text: str) -> ParsedCode | None:
    """Parse a dossier code (case-insensitive, blanks around ignored); None if it is not one."""
    m = _CODE_RE.match(text.strip().upper())
    if not m:
        return None
    digits = m["date"]
    try:
        day = dt.date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return ParsedCode(m["agency"], day, int(m["seq"]))


def workstation_range(workstation: int, range_size: int = DEFAULT_RANGE_SIZE) -> tuple[int, int]:
    """First and last daily sequence number owned by `workstation`."""
    if not 1 <= workstation <= MAX_WORKSTATION:
        raise ValueError(f"workstation must be 1..{MAX_WORKSTATION}")
    if range_size < 1:
        raise ValueError("range_size must be positive")
    first = (workstation - 1) * range_size + 1
    return first, first + range_size - 1


def next_sequence(
    used_today: int, workstation: int, range_size: int = DEFAULT_RANGE_SIZE
) -> tuple[int, int]:
    """Given how many numbers the workstation used today, return (new count, sequence number).

    Raises CodeRangeExhausted when the workstation's block for the day is used up.
    """
    first, last = workstation_range(workstation, range_size)
    n = used_today + 1
    if first + n - 1 > last:
        raise CodeRangeExhausted(workstation=workstation, range_size=range_size)
    return n, first + n - 1


def workstation_of(sequence: int, range_size: int = DEFAULT_RANGE_SIZE) -> int:
    """Which workstation a sequence number belongs to (inverse of workstation_range)."""
    return (sequence - 1) // range_size + 1

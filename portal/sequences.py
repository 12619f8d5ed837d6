"""The highest daily sequence a workstation's range holds at the portal.

A replacement PC enrolled under the same workstation number starts the day's numbering
again; the portal tells it (at enrolment, and with every `dossier_code_taken` conflict) the
highest sequence of that workstation's range it holds for the day, and the counter numbers
above it (docs/sync-protocol.md, "Replacement devices").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection, select

from counter_app.domain.codes import parse_code, workstation_range

from . import schema as s


def day_prefix(agency_code: str, day: dt.date) -> str:
    return f"{agency_code}-{day:%y%m%d}-"


def highest_in(codes: Iterable[str], agency_code: str, day: dt.date, workstation: int,
               range_size: int) -> int:
    """The highest sequence among `codes` of `agency_code`, `day`, in the workstation's
    range; 0 for none."""
    first, last = workstation_range(workstation, range_size)
    best = 0
    for code in codes:
        parsed = parse_code(code)
        if (parsed is not None and parsed.agency_code == agency_code and parsed.day == day
                and first <= parsed.sequence <= last):
            best = max(best, parsed.sequence)
    return best


def highest_sequence(conn: Connection, agency_code: str, day: dt.date, workstation: int,
                     range_size: int) -> int:
    """The highest sequence of `workstation`'s range among the agency's dossier codes of
    `day`; 0 when the portal holds none."""
    codes = conn.execute(select(s.dossiers.c.code).where(
        s.dossiers.c.agency_code == agency_code,
        s.dossiers.c.code.startswith(day_prefix(agency_code, day), autoescape=True))).scalars()
    return highest_in((c for c in codes if c), agency_code, day, workstation, range_size)

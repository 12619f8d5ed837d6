"""Mẫu 06 Sổ theo dõi hồ sơ of a period as XLSX (the PDF is services/documents.py)."""

from __future__ import annotations

import datetime as dt

from ..domain.model import Outcome, Procedure
from ..printing.book_xlsx import book_xlsx
from ..store import dossiers as dossier_store
from .counter import Counter
from .documents import letterhead
from .reports import check_period


def tracking_book_xlsx(counter: Counter, start: dt.date, end: dt.date) -> tuple[bytes, int]:
    """The workbook of the dossiers received from `start` to `end` (both included), in book
    order, and how many lines it has."""
    check_period(start, end)
    profile = counter.require_profile()
    rows = dossier_store.received_between(
        counter.conn, dt.datetime.combine(start, dt.time()),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    received = [d for d in rows if d.outcome == Outcome.RECEIVED and d.code]
    procedures: dict[str, Procedure] = {}
    for code in {d.procedure_code for d in received}:
        procedure = counter.procedure(code)
        if procedure is not None:
            procedures[code] = procedure
    return book_xlsx(received, procedures, letterhead(profile), start=start,
                     end=end), len(received)

"""What the follow-ups print: Mẫu 02 of a back office's request, Mẫu 04 of the recorded apology,
the withdrawal slip — read from the dossier's events, so reprints print the same."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..domain import followup as rules
from ..domain.model import Dossier, Outcome, Status
from ..printing.common import Letterhead
from ..printing.withdrawal import withdrawal_pdf
from ..store import followup as store
from .counter import Counter
from .followup import Followup


@dataclasses.dataclass(frozen=True)
class Filled:
    """The dossier as the form shows it, and Mẫu 04's new date and reason when recorded."""

    dossier: Dossier
    new_date: dt.datetime | dt.date | None = None
    reason: str = ""


def fill(counter: Counter, dossier: Dossier, form: str, *,
         new_date: dt.datetime | dt.date | None, reason: str) -> Filled:
    """Fill a form of a received dossier from its follow-up events (documents.render)."""
    if dossier.outcome != Outcome.RECEIVED:
        return Filled(dossier, new_date, reason)
    if form == "supplement" and dossier.status == Status.SUPPLEMENT_REQUESTED:
        request = Followup(counter).supplement_request(dossier.id)
        items = request.items or ((request.note,) if request.note else ())
        why = "Cơ quan giải quyết yêu cầu bổ sung, hoàn thiện hồ sơ" + (
            f" ({request.department})" if request.department else "") + "."
        return Filled(dataclasses.replace(dossier, missing=items, reason=why), new_date, reason)
    if form == "apology" and new_date is None:
        apology = Followup(counter).apology(dossier.id)
        if apology is not None:  # as recorded: the old due date, the new one, the reason
            old = apology.get("previous_due_at")
            return Filled(
                dataclasses.replace(dossier, due_at=dt.datetime.fromisoformat(old)
                                    if old else None),
                dt.datetime.fromisoformat(apology["due_at"]), str(apology.get("reason") or ""))
    return Filled(dossier, new_date, reason)


def withdrawal(counter: Counter, dossier: Dossier, letterhead: Letterhead, *,
               reprint: int = 0) -> bytes:
    """The withdrawal slip of a withdrawn dossier, dated the day it was withdrawn."""
    found = store.events_of_kind(counter.conn, dossier.id, rules.WITHDRAWN)
    at = dt.datetime.fromisoformat(found[-1]["_at"]) if found else None
    reason = str(found[-1].get("reason") or "") if found else dossier.reason
    return withdrawal_pdf(dossier, counter.procedure(dossier.procedure_code), letterhead,
                          issued_on=(at or counter.clock()).date(), withdrawn_at=at,
                          reason=reason, reprint=reprint)

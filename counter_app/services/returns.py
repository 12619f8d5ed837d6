"""Return of results at the counter (status 9 → 10): checks, one event, the hand-over slip."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..domain import returns as r
from ..domain import validation as v
from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.model import Dossier, Status
from ..domain.text import clean
from ..store import db, events
from ..store import dossiers as dossier_store
from .counter import Changes, Counter
from .documents import PRINTED, letterhead
from .reception import normalise_person, person_problems

HANDOVER_FORM = "handover"  # the "form" of a "printed" event for the hand-over slip
MAX_NOTE = 1000


@dataclass(frozen=True)
class Returned:
    dossier: Dossier
    record: r.ResultReturn
    changes: Changes


@dataclass(frozen=True)
class HandoverPrint:
    pdf: bytes
    reprint: int
    changes: Changes


def normalise(draft: r.ReturnDraft) -> r.ReturnDraft:
    """NFC and tidy text; the kind of ID document guessed from the number's shape."""
    receiver = normalise_person(draft.receiver)
    if receiver.id_number:
        receiver = dataclasses.replace(receiver, id_kind=v.guess_id_kind(receiver.id_number))
    a = draft.authorisation
    if a is not None:
        a = dataclasses.replace(a, number=clean(a.number))
        if not a.number and a.signed_on is None:
            a = None
    items = tuple(dataclasses.replace(i, name=clean(i.name)) for i in draft.items)
    return dataclasses.replace(draft, receiver=receiver, authorisation=a, items=items,
                               note=clean(draft.note))


def check_ready(dossier: Dossier) -> None:
    """Refuse, naming the current status, unless the dossier's result is done (status 9)."""
    if dossier.status != Status.RESOLVED:
        raise r.NotReadyForReturn(code=dossier.code or "",
                                  status=int(dossier.status) if dossier.status else "")


def problems(draft: r.ReturnDraft, dossier: Dossier,
             today: dt.date) -> tuple[list[FieldProblem], int, bool]:
    """Every problem of a normalised draft at once; also the fee and whether the receiver is
    the applicant (same ID number)."""
    out = person_problems("receiver", draft.receiver, id_required=True)
    is_applicant = r.same_id(draft.receiver.id_number, dossier.applicant.id_number)
    if draft.receiver.id_number and not is_applicant:
        out += r.authorisation_problems(draft.authorisation, today)
    out += r.item_problems(draft.items)
    fee, fee_problem = r.parse_fee(draft.fee_text)
    if fee_problem:
        out.append(FieldProblem("fee", fee_problem))
    elif fee and draft.payment == r.PaymentMethod.NONE:
        out.append(FieldProblem("payment", "return.payment_required"))
    if len(draft.note) > MAX_NOTE:
        out.append(FieldProblem("note", "too_long", {"max": MAX_NOTE}))
    return out, fee or 0, is_applicant


def record_return(counter: Counter, draft: r.ReturnDraft) -> Returned:
    """Hand the result over: status 10 and one "result_returned" event, or nothing at all."""
    profile = counter.require_profile()
    now = counter.clock()
    draft = normalise(draft)
    with db.transaction(counter.conn):
        dossier = counter.get_by_id(draft.dossier_id)
        check_ready(dossier)
        found, fee, is_applicant = problems(draft, dossier, now.date())
        if found:
            raise ValidationFailed(found)
        record = r.ResultReturn(
            returned_at=now, receiver=draft.receiver, receiver_is_applicant=is_applicant,
            authorisation=None if is_applicant else draft.authorisation, items=draft.items,
            fee=fee, payment=draft.payment if fee else r.PaymentMethod.NONE,
            rating=draft.rating, note=draft.note,
            slip_number=f"{dossier.code}/{r.SLIP_SUFFIX}", user=draft.user)
        updated = dataclasses.replace(dossier, status=Status.RETURNED, updated_at=now)
        dossier_store.update_state(counter.conn, updated)
        events.append(counter.conn, dossier_id=dossier.id, kind=r.EVENT_KIND, at=now,
                      user=draft.user, workstation=profile.workstation,
                      payload=record.to_payload())
    return Returned(updated, record, Changes(dossiers=frozenset({dossier.id})))


def find_return(counter: Counter, dossier_id: str) -> r.ResultReturn | None:
    """The dossier's recorded return, if it was returned at this workstation."""
    found = [e for e in counter.events(dossier_id) if e.kind == r.EVENT_KIND]
    return r.ResultReturn.from_payload(found[-1].payload, found[-1].user) if found else None


def handover_reprint_count(counter: Counter, dossier_id: str) -> int:
    return sum(1 for e in counter.events(dossier_id)
               if e.kind == PRINTED and e.payload.get("form") == HANDOVER_FORM)


def render_handover(counter: Counter, dossier_id: str) -> tuple[Dossier, bytes]:
    """The slip as the next print will be, nothing recorded (previews)."""
    from ..printing.handover import handover_pdf  # reportlab: on first use, not at start-up

    dossier = counter.get_by_id(dossier_id)
    record = find_return(counter, dossier_id)
    if record is None:
        raise r.NotReadyForReturn(code=dossier.code or "",
                                  status=int(dossier.status) if dossier.status else "")
    return dossier, handover_pdf(dossier, record, letterhead(counter.profile),
                                 reprint=handover_reprint_count(counter, dossier_id))


def print_handover(counter: Counter, dossier_id: str, *, user: str = "",
                   deliver: Callable[[bytes], None] | None = None) -> HandoverPrint:
    """The hand-over slip (reprints marked), recorded as a "printed" event in one transaction."""
    from ..printing.handover import handover_pdf

    profile = counter.require_profile()
    dossier = counter.get_by_id(dossier_id)
    record = find_return(counter, dossier_id)
    if record is None:
        raise r.NotReadyForReturn(code=dossier.code or "",
                                  status=int(dossier.status) if dossier.status else "")
    with db.transaction(counter.conn):
        reprint = handover_reprint_count(counter, dossier_id)
        pdf = handover_pdf(dossier, record, letterhead(profile), reprint=reprint)
        if deliver is not None:
            deliver(pdf)
        events.append(counter.conn, dossier_id=dossier.id, kind=PRINTED, at=counter.clock(),
                      user=user, workstation=profile.workstation,
                      payload={"form": HANDOVER_FORM, "reprint": reprint})
    return HandoverPrint(pdf, reprint, Changes(dossiers=frozenset({dossier.id})))

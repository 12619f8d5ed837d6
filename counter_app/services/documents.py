"""Print use cases: a form of one dossier as PDF (every print recorded), and the tracking book."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ..domain.codes import parse_code
from ..domain.errors import DomainError, FieldProblem, NotFound, ValidationFailed
from ..domain.model import Dossier, Outcome, Procedure, Status
from ..printing.options import Copies, parse_label_size, slip_number
from ..store import db, events
from ..store import dossiers as dossier_store
from .counter import Changes, Counter
from .profile import Profile

if TYPE_CHECKING:
    from ..printing.common import Letterhead

# The form modules (reportlab: ~0.2 s to import) are imported where a PDF is made, so that the
# window can start without them (tests/ui/test_startup_imports.py).

PRINTED = "printed"  # event kind; payload {"form": …, "reprint": n, …}


class Form(StrEnum):
    """What can be printed for one dossier."""

    RECEIPT = "receipt"  # Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả
    SUPPLEMENT = "supplement"  # Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
    REFUSAL = "refusal"  # Mẫu 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ
    APOLOGY = "apology"  # Mẫu 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả
    CONTROL = "control"  # Mẫu 05 Phiếu kiểm soát quá trình giải quyết hồ sơ
    LABEL = "label"  # nhãn dán bìa hồ sơ
    WITHDRAWAL = "withdrawal"  # Phiếu xác nhận rút hồ sơ (status 7, services/followup.py)


# Which dossiers each form exists for.
_OUTCOMES: dict[Form, frozenset[Outcome]] = {
    Form.RECEIPT: frozenset({Outcome.RECEIVED}),
    Form.SUPPLEMENT: frozenset({Outcome.GUIDANCE, Outcome.RECEIVED}),
    Form.REFUSAL: frozenset({Outcome.REFUSED}),
    Form.APOLOGY: frozenset({Outcome.RECEIVED}),
    Form.CONTROL: frozenset({Outcome.RECEIVED}),
    Form.LABEL: frozenset({Outcome.RECEIVED}),
    Form.WITHDRAWAL: frozenset({Outcome.RECEIVED}),
}


class FormNotApplicable(DomainError):
    """The form does not exist for this dossier, e.g. a refusal slip for a received dossier.

    params: ref (code or slip number), form (Form value), outcome (Outcome value).
    """

    code = "print.not_applicable"


@dataclass(frozen=True)
class PrintOptions:
    copies: Copies = Copies.TWO_PAGES  # Mẫu 01 only
    new_date: dt.datetime | dt.date | None = None  # Mẫu 04: None leaves it to write by hand
    reason: str = ""  # Mẫu 04: reason for the delay; empty leaves lines to write by hand


@dataclass(frozen=True)
class Printed:
    pdf: bytes
    dossier: Dossier
    form: Form
    reprint: int  # 0 for the first print, n for the n-th reprint
    changes: Changes


@dataclass(frozen=True)
class Book:
    pdf: bytes
    count: int  # dossiers listed


def letterhead(profile: Profile) -> Letterhead:
    """The printing settings of a profile, as the pure printing functions take them."""
    from ..printing.common import Letterhead

    return Letterhead(
        header_lines=profile.header_lines,
        unit_name=profile.agency_name.strip(),
        place_name=profile.place_name.strip(),
        receiver_title=profile.receiver_title.strip(),
        guide_title=profile.guide_title.strip(),
        head_title=profile.head_title.strip(),
        receipt_footnote=profile.receipt_footnote.strip(),
        hotline=profile.hotline.strip(),
        lookup_base_url=profile.lookup_base,
    )


def find(counter: Counter, reference: str) -> Dossier:
    """A dossier by its code, or any record (guidance and refusal included) by its UUID."""
    reference = reference.strip()
    if parse_code(reference) is not None:
        return counter.get(reference)
    try:
        dossier_id = str(uuid.UUID(reference))
    except ValueError:
        raise NotFound(code=reference) from None
    return counter.get_by_id(dossier_id)


def reference(dossier: Dossier) -> str:
    """How a record is named in messages: its code, else its slip number "n/HDHS-01/2026"."""
    return dossier.code or slip_number(dossier, "")


def check_form(dossier: Dossier, form: Form) -> None:
    if dossier.outcome not in _OUTCOMES[form] or (
        dossier.outcome == Outcome.RECEIVED and dossier.code is None
    ) or (form == Form.WITHDRAWAL and dossier.status != Status.WITHDRAWN):
        raise FormNotApplicable(ref=reference(dossier), form=form.value,
                                outcome=dossier.outcome.value)


def _check_options(dossier: Dossier, form: Form, options: PrintOptions,
                   profile: Profile) -> None:
    problems: list[FieldProblem] = []
    if form == Form.APOLOGY and options.new_date is not None and dossier.due_at is not None:
        new = options.new_date
        due = dossier.due_at if isinstance(new, dt.datetime) else dossier.due_at.date()
        if new <= due:
            problems.append(FieldProblem("new_date", "new_date.not_later",
                                         {"due": dossier.due_at.isoformat(sep=" ")}))
    if form == Form.LABEL:
        try:
            parse_label_size(profile.label_size)
        except ValueError:
            problems.append(FieldProblem("label_size", "label_size.format",
                                         {"value": profile.label_size}))
    if problems:
        raise ValidationFailed(problems)


def render(counter: Counter, dossier: Dossier, form: Form, *, reprint: int = 0,
           options: PrintOptions = PrintOptions()) -> bytes:
    """The PDF of `form` for `dossier`, nothing recorded (previews)."""
    from ..printing.control import control_pdf
    from ..printing.label import label_pdf
    from ..printing.receipt import receipt_pdf
    from ..printing.slips import apology_pdf, refusal_pdf, supplement_pdf
    from . import followup_print

    check_form(dossier, form)
    filled = followup_print.fill(counter, dossier, form.value, new_date=options.new_date,
                                 reason=options.reason)  # Mẫu 02 / 04 after the receipt
    dossier = filled.dossier
    options = dataclasses.replace(options, new_date=filled.new_date, reason=filled.reason)
    profile = counter.profile
    _check_options(dossier, form, options, profile)
    lh = letterhead(profile)
    procedure: Procedure | None = counter.procedure(dossier.procedure_code)
    today = counter.clock().date()
    if form == Form.RECEIPT:
        return receipt_pdf(dossier, procedure, lh, copies=options.copies, reprint=reprint)
    if form == Form.SUPPLEMENT:
        # A guidance slip is dated the day of the visit; a request during processing, today.
        issued = dossier.received_at.date() if dossier.outcome == Outcome.GUIDANCE else today
        return supplement_pdf(dossier, procedure, lh, issued_on=issued, reprint=reprint)
    if form == Form.REFUSAL:
        return refusal_pdf(dossier, procedure, lh, issued_on=dossier.received_at.date(),
                           reprint=reprint)
    if form == Form.APOLOGY:
        return apology_pdf(dossier, procedure, lh, issued_on=today, new_date=options.new_date,
                           reason=options.reason.strip(), reprint=reprint)
    if form == Form.CONTROL:
        return control_pdf(dossier, procedure, lh, reprint=reprint)
    if form == Form.WITHDRAWAL:
        return followup_print.withdrawal(counter, dossier, lh, reprint=reprint)
    return label_pdf(dossier, size_mm=parse_label_size(profile.label_size), reprint=reprint)


def reprint_count(counter: Counter, dossier_id: str, form: Form) -> int:
    """How many times `form` was printed for the dossier before: the next print's reprint no."""
    return sum(1 for e in counter.events(dossier_id)
               if e.kind == PRINTED and e.payload.get("form") == form.value)


def print_form(counter: Counter, dossier_id: str, form: Form, *, user: str = "",
               options: PrintOptions = PrintOptions(),
               deliver: Callable[[bytes], None] | None = None) -> Printed:
    """Print `form` for a dossier: count earlier prints, render (marked "BẢN IN LẠI (lần n)"
    from the second print on), hand the PDF to `deliver` and record a "printed" event — in
    one transaction, so a print that `deliver` fails to write or send is not recorded."""
    profile = counter.require_profile()
    dossier = counter.get_by_id(dossier_id)
    check_form(dossier, form)
    now = counter.clock()
    with db.transaction(counter.conn):
        reprint = reprint_count(counter, dossier.id, form)
        pdf = render(counter, dossier, form, reprint=reprint, options=options)
        if deliver is not None:
            deliver(pdf)
        payload: dict[str, object] = {"form": form.value, "reprint": reprint}
        if form == Form.RECEIPT:
            payload["copies"] = options.copies.value
        if form == Form.APOLOGY and options.new_date is not None:
            payload["new_date"] = options.new_date.isoformat()
        events.append(counter.conn, dossier_id=dossier.id, kind=PRINTED, at=now, user=user,
                      workstation=profile.workstation, payload=payload)
    return Printed(pdf, dossier, form, reprint, Changes(dossiers=frozenset({dossier.id})))


def tracking_book(counter: Counter, start: dt.date, end: dt.date) -> Book:
    """Mẫu 06 for the dossiers received from `start` to `end`, both days included."""
    from ..printing.book import book_pdf

    if end < start:
        raise ValidationFailed([FieldProblem("end", "date_range.order",
                                             {"start": start.isoformat(),
                                              "end": end.isoformat()})])
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
    pdf = book_pdf(received, procedures, letterhead(profile), start=start, end=end)
    return Book(pdf, len(received))


__all__ = [
    "Book", "Copies", "Form", "FormNotApplicable", "PRINTED", "PrintOptions", "Printed",
    "check_form", "find", "letterhead", "print_form", "reference", "render",
    "reprint_count", "tracking_book",
]

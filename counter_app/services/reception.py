"""Checking a reception draft against the procedure and the rules; building the dossier."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from ..domain import validation as v
from ..domain.errors import FieldProblem
from ..domain.model import (
    Channel,
    CopyType,
    DocumentRequirement,
    Person,
    Procedure,
    ReceivedDocument,
    ReceptionDraft,
    ResultDelivery,
)
from ..domain.text import clean, fold

MAX_NAME = 150
MAX_ADDRESS = 500
FUTURE_TOLERANCE = dt.timedelta(minutes=5)


def normalise_person(p: Person) -> Person:
    """NFC and tidy every text field; phone to its 0… form; ID without blanks."""
    number = clean(p.id_number).replace(" ", "").replace(".", "").upper()
    return dataclasses.replace(
        p,
        full_name=clean(p.full_name),
        id_number=number,
        gender=clean(p.gender),
        phone=v.normalise_phone(p.phone) if clean(p.phone) else "",
        email=clean(p.email),
        address=clean(p.address),
    )


def normalise_draft(d: ReceptionDraft) -> ReceptionDraft:
    return dataclasses.replace(
        d,
        procedure_code=clean(d.procedure_code),
        applicant=normalise_person(d.applicant),
        submitter=normalise_person(d.submitter) if d.submitter else None,
        documents=tuple(dataclasses.replace(x, name=clean(x.name)) for x in d.documents),
        delivery_address=clean(d.delivery_address),
        postal_item=clean(d.postal_item).replace(" ", "").upper(),
        notes=clean(d.notes),
        reason=clean(d.reason),
    )


def person_problems(prefix: str, p: Person, *, id_required: bool) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    if not p.full_name:
        out.append(FieldProblem(f"{prefix}.full_name", "required"))
    elif len(p.full_name) > MAX_NAME:
        out.append(FieldProblem(f"{prefix}.full_name", "too_long", {"max": MAX_NAME}))
    elif any(ch.isdigit() for ch in p.full_name):
        out.append(FieldProblem(f"{prefix}.full_name", "name.digits"))
    if p.id_number or id_required:
        problem = v.id_problem(p.id_kind, p.id_number, p.birth_date, p.gender or None)
        if problem:
            out.append(FieldProblem(f"{prefix}.id_number", problem))
    if p.phone:
        problem = v.phone_problem(p.phone)
        if problem:
            out.append(FieldProblem(f"{prefix}.phone", problem))
    if p.email:
        problem = v.email_problem(p.email)
        if problem:
            out.append(FieldProblem(f"{prefix}.email", problem))
    if len(p.address) > MAX_ADDRESS:
        out.append(FieldProblem(f"{prefix}.address", "too_long", {"max": MAX_ADDRESS}))
    return out


def _requirement_for(
    doc: ReceivedDocument, requirements: Iterable[DocumentRequirement]
) -> DocumentRequirement | None:
    key = fold(doc.name)
    return next((r for r in requirements if fold(r.name) == key), None)


def missing_mandatory(
    procedure: Procedure, documents: Iterable[ReceivedDocument]
) -> list[str]:
    """Names of the procedure's mandatory checklist items not received (for Mẫu 02)."""
    have = {fold(d.name) for d in documents if d.total > 0}
    return [r.name for r in procedure.documents if r.mandatory and fold(r.name) not in have]


def document_problems(
    procedure: Procedure, docs: tuple[ReceivedDocument, ...]
) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    for i, doc in enumerate(docs):
        where = f"documents[{i}]"
        if not doc.name:
            out.append(FieldProblem(f"{where}.name", "required"))
        if min(doc.original, doc.certified_copy, doc.photocopy) < 0:
            out.append(FieldProblem(f"{where}.quantity", "quantity.negative"))
        req = _requirement_for(doc, procedure.documents)
        if req is not None:
            given = {
                CopyType.ORIGINAL: doc.original,
                CopyType.CERTIFIED_COPY: doc.certified_copy,
                CopyType.PHOTOCOPY: doc.photocopy,
            }
            wrong = [t.value for t, n in given.items() if n > 0 and t not in req.copy_types]
            if wrong:
                out.append(FieldProblem(f"{where}.copy_type", "copy_type.not_accepted",
                                        {"given": wrong,
                                         "accepted": [t.value for t in req.copy_types]}))
    missing = missing_mandatory(procedure, docs)
    if missing:
        out.append(FieldProblem("documents", "documents.mandatory_missing", {"names": missing}))
    return out


def receive_problems(
    d: ReceptionDraft, procedure: Procedure, now: dt.datetime
) -> list[FieldProblem]:
    """Every reason the draft cannot be received as a complete dossier, all at once."""
    out = person_problems("applicant", d.applicant, id_required=True)
    if d.submitter is not None:
        out += person_problems("submitter", d.submitter, id_required=True)
    out += document_problems(procedure, d.documents)
    if d.sets < 1:
        out.append(FieldProblem("sets", "sets.min"))
    if d.received_at is not None and d.received_at > now + FUTURE_TOLERANCE:
        out.append(FieldProblem("received_at", "received_at.future"))
    if d.delivery == ResultDelivery.POST and not (d.delivery_address or d.applicant.address):
        out.append(FieldProblem("delivery_address", "required"))
    if d.delivery not in procedure.result_delivery:
        out.append(FieldProblem("delivery", "delivery.not_offered"))
    if d.channel == Channel.POSTAL and d.postal_item:
        problem = v.s10_problem(d.postal_item)
        if problem:
            out.append(FieldProblem("postal_item", problem))
    for i, fee in enumerate(d.fees):
        if fee.amount < 0:
            out.append(FieldProblem(f"fees[{i}].amount", "amount.negative"))
    return out


def record_problems(d: ReceptionDraft, *, reason_required: bool) -> list[FieldProblem]:
    """Problems of a guidance or refusal record: a name to address it to, and a reason."""
    out: list[FieldProblem] = []
    if not d.applicant.full_name:
        out.append(FieldProblem("applicant.full_name", "required"))
    elif len(d.applicant.full_name) > MAX_NAME:
        out.append(FieldProblem("applicant.full_name", "too_long", {"max": MAX_NAME}))
    if d.applicant.phone and v.phone_problem(d.applicant.phone):
        out.append(FieldProblem("applicant.phone", v.phone_problem(d.applicant.phone) or ""))
    if reason_required and not d.reason:
        out.append(FieldProblem("reason", "required"))
    return out

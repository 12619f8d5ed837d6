"""JSON-ready dictionaries of dossiers and people: CLI output and event payloads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .model import (
    Channel,
    Dossier,
    DossierCode,
    DossierId,
    FeeLine,
    IdKind,
    Outcome,
    Person,
    ProcedureCode,
    ReceivedDocument,
    ResultDelivery,
    Status,
)


def iso(t: dt.datetime | dt.date | None) -> str | None:
    """ISO 8601 local time without offset, to the second ("2023-11-03T09:32:00")."""
    if t is None:
        return None
    if isinstance(t, dt.datetime):
        return t.replace(microsecond=0).isoformat()
    return t.isoformat()


def _dt(text: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _date(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def person_to_dict(p: Person) -> dict[str, Any]:
    return {
        "full_name": p.full_name,
        "id_number": p.id_number,
        "id_kind": p.id_kind.value,
        "birth_date": iso(p.birth_date),
        "gender": p.gender,
        "phone": p.phone,
        "email": p.email,
        "address": p.address,
    }


def person_from_dict(d: Mapping[str, Any]) -> Person:
    return Person(
        full_name=d.get("full_name", ""),
        id_number=d.get("id_number", ""),
        id_kind=IdKind(d.get("id_kind", IdKind.CCCD.value)),
        birth_date=_date(d.get("birth_date")),
        gender=d.get("gender", ""),
        phone=d.get("phone", ""),
        email=d.get("email", ""),
        address=d.get("address", ""),
    )


def document_to_dict(doc: ReceivedDocument) -> dict[str, Any]:
    return {
        "name": doc.name,
        "original": doc.original,
        "certified_copy": doc.certified_copy,
        "photocopy": doc.photocopy,
        "mandatory": doc.mandatory,
    }


def document_from_dict(d: Mapping[str, Any]) -> ReceivedDocument:
    return ReceivedDocument(
        name=d["name"],
        original=int(d.get("original", 0)),
        certified_copy=int(d.get("certified_copy", 0)),
        photocopy=int(d.get("photocopy", 0)),
        mandatory=bool(d.get("mandatory", True)),
    )


def dossier_to_dict(x: Dossier) -> dict[str, Any]:
    """Every stored field of a dossier; `status` is the national code 1–10 (or null)."""
    return {
        "id": x.id,
        "code": x.code,
        "outcome": x.outcome.value,
        "status": int(x.status) if x.status is not None else None,
        "procedure_code": x.procedure_code,
        "procedure_name": x.procedure_name,
        "agency_code": x.agency_code,
        "workstation": x.workstation,
        "applicant": person_to_dict(x.applicant),
        "submitter": person_to_dict(x.submitter) if x.submitter else None,
        "documents": [document_to_dict(d) for d in x.documents],
        "channel": int(x.channel),
        "sets": x.sets,
        "received_at": iso(x.received_at),
        "due_at": iso(x.due_at),
        "delivery": x.delivery.value,
        "delivery_address": x.delivery_address,
        "fees": [{"name": f.name, "amount": f.amount, "paid": f.paid} for f in x.fees],
        "book_number": x.book_number,
        "book_sequence": x.book_sequence,
        "postal_item": x.postal_item,
        "notes": x.notes,
        "reason": x.reason,
        "lookup_secret": x.lookup_secret,
        "missing": list(x.missing),
        "created_by": x.created_by,
        "updated_at": iso(x.updated_at),
    }


def dossier_from_dict(d: Mapping[str, Any]) -> Dossier:
    received = _dt(d["received_at"])
    assert received is not None
    status = d.get("status")
    return Dossier(
        id=DossierId(d["id"]),
        code=DossierCode(d["code"]) if d.get("code") else None,
        outcome=Outcome(d["outcome"]),
        procedure_code=ProcedureCode(d["procedure_code"]),
        procedure_name=d["procedure_name"],
        agency_code=d["agency_code"],
        workstation=int(d["workstation"]),
        applicant=person_from_dict(d["applicant"]),
        submitter=person_from_dict(d["submitter"]) if d.get("submitter") else None,
        documents=tuple(document_from_dict(x) for x in d.get("documents", ())),
        channel=Channel(int(d["channel"])),
        sets=int(d.get("sets", 1)),
        received_at=received,
        due_at=_dt(d.get("due_at")),
        status=Status(int(status)) if status is not None else None,
        delivery=ResultDelivery(d.get("delivery", ResultDelivery.COUNTER.value)),
        delivery_address=d.get("delivery_address", ""),
        fees=tuple(
            FeeLine(f["name"], int(f["amount"]), bool(f.get("paid", False)))
            for f in d.get("fees", ())
        ),
        book_number=d.get("book_number") or "",
        book_sequence=d.get("book_sequence"),
        postal_item=d.get("postal_item", ""),
        notes=d.get("notes", ""),
        reason=d.get("reason", ""),
        lookup_secret=d.get("lookup_secret", ""),
        missing=tuple(d.get("missing", ())),
        created_by=d.get("created_by", ""),
        updated_at=_dt(d.get("updated_at")),
    )

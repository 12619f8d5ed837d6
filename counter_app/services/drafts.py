"""Reading a reception draft from JSON (command line, files, tests) with field-level errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.model import (
    Channel,
    FeeLine,
    IdKind,
    Person,
    ReceivedDocument,
    ReceptionDraft,
    ResultDelivery,
)
from ..domain.text import nfc
from ..domain.validation import guess_id_kind

_CHANNELS = {"direct": Channel.DIRECT, "online": Channel.ONLINE, "postal": Channel.POSTAL,
             "post": Channel.POSTAL}
_PERSON_FIELDS = {"full_name", "id_number", "id_kind", "birth_date", "gender", "phone", "email",
                  "address"}
_DRAFT_FIELDS = {"procedure", "procedure_code", "applicant", "submitter", "documents", "channel",
                 "sets", "received_at", "delivery", "delivery_address", "fees", "postal_item",
                 "notes", "reason", "user"}


class _Reader:
    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def fail(self, where: str, code: str, **params: Any) -> None:
        self.problems.append(FieldProblem(where, code, params))

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.fail(where, "type.text")
            return ""
        return nfc(value)

    def integer(self, data: Mapping[str, Any], key: str, where: str, default: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, "type.integer")
            return default
        return value

    def unknown(self, data: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for key in sorted(set(data) - allowed):
            self.fail(f"{where}{key}", "field.unknown")

    def person(self, data: Any, where: str) -> Person:
        if not isinstance(data, Mapping):
            self.fail(where, "type.object")
            return Person(full_name="")
        self.unknown(data, _PERSON_FIELDS, f"{where}.")
        number = self.text(data, "id_number", f"{where}.id_number")
        kind_text = self.text(data, "id_kind", f"{where}.id_kind")
        try:
            kind = IdKind(kind_text) if kind_text else guess_id_kind(number)
        except ValueError:
            self.fail(f"{where}.id_kind", "enum", allowed=[k.value for k in IdKind])
            kind = IdKind.OTHER
        birth = self.text(data, "birth_date", f"{where}.birth_date")
        birth_date = None
        if birth:
            try:
                birth_date = dt.date.fromisoformat(birth)
            except ValueError:
                self.fail(f"{where}.birth_date", "date.format")
        return Person(
            full_name=self.text(data, "full_name", f"{where}.full_name"),
            id_number=number,
            id_kind=kind,
            birth_date=birth_date,
            gender=self.text(data, "gender", f"{where}.gender"),
            phone=self.text(data, "phone", f"{where}.phone"),
            email=self.text(data, "email", f"{where}.email"),
            address=self.text(data, "address", f"{where}.address"),
        )

    def documents(self, data: Any) -> tuple[ReceivedDocument, ...]:
        if data is None:
            return ()
        if not isinstance(data, list):
            self.fail("documents", "type.list")
            return ()
        out = []
        for i, item in enumerate(data):
            where = f"documents[{i}]"
            if not isinstance(item, Mapping):
                self.fail(where, "type.object")
                continue
            self.unknown(item, {"name", "original", "certified_copy", "photocopy", "mandatory"},
                         f"{where}.")
            out.append(ReceivedDocument(
                name=self.text(item, "name", f"{where}.name"),
                original=self.integer(item, "original", f"{where}.original", 0),
                certified_copy=self.integer(item, "certified_copy", f"{where}.certified_copy", 0),
                photocopy=self.integer(item, "photocopy", f"{where}.photocopy", 0),
                mandatory=bool(item.get("mandatory", True)),
            ))
        return tuple(out)

    def fees(self, data: Any) -> tuple[FeeLine, ...]:
        if data is None:
            return ()
        if not isinstance(data, list):
            self.fail("fees", "type.list")
            return ()
        out = []
        for i, item in enumerate(data):
            if not isinstance(item, Mapping):
                self.fail(f"fees[{i}]", "type.object")
                continue
            out.append(FeeLine(self.text(item, "name", f"fees[{i}].name"),
                               self.integer(item, "amount", f"fees[{i}].amount", 0),
                               bool(item.get("paid", False))))
        return tuple(out)


def draft_from_dict(data: Any, *, user: str = "") -> ReceptionDraft:
    """Build a ReceptionDraft from decoded JSON; every shape problem is reported at once."""
    r = _Reader()
    if not isinstance(data, Mapping):
        raise ValidationFailed([FieldProblem("", "type.object")])
    r.unknown(data, _DRAFT_FIELDS, "")
    procedure = r.text(data, "procedure_code", "procedure_code") or r.text(
        data, "procedure", "procedure")
    applicant = r.person(data.get("applicant", {}), "applicant")
    submitter = r.person(data["submitter"], "submitter") if data.get("submitter") else None
    channel_raw = data.get("channel", 1)
    channel = Channel.DIRECT
    try:
        channel = (_CHANNELS[channel_raw] if isinstance(channel_raw, str)
                   else Channel(int(channel_raw)))
    except (KeyError, ValueError, TypeError):
        r.fail("channel", "enum", allowed=[1, 2, 3, *_CHANNELS])
    received_at = None
    received_text = r.text(data, "received_at", "received_at")
    if received_text:
        try:
            received_at = dt.datetime.fromisoformat(received_text)
            if received_at.tzinfo is not None:
                r.fail("received_at", "datetime.offset")
        except ValueError:
            r.fail("received_at", "datetime.format")
    delivery = ResultDelivery.COUNTER
    delivery_text = r.text(data, "delivery", "delivery")
    if delivery_text:
        try:
            delivery = ResultDelivery(delivery_text)
        except ValueError:
            r.fail("delivery", "enum", allowed=[d.value for d in ResultDelivery])
    draft = ReceptionDraft(
        procedure_code=procedure,
        applicant=applicant,
        submitter=submitter,
        documents=r.documents(data.get("documents")),
        channel=channel,
        sets=r.integer(data, "sets", "sets", 1),
        received_at=received_at,
        delivery=delivery,
        delivery_address=r.text(data, "delivery_address", "delivery_address"),
        fees=r.fees(data.get("fees")),
        postal_item=r.text(data, "postal_item", "postal_item"),
        notes=r.text(data, "notes", "notes"),
        reason=r.text(data, "reason", "reason"),
        user=r.text(data, "user", "user") or user,
    )
    if r.problems:
        raise ValidationFailed(r.problems)
    return draft

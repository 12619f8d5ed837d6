"""Return of results (trả kết quả, status 9 → 10): the draft, its checks and its record."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .errors import DomainError, FieldProblem
from .model import IdKind, Person
from .text import clean

MAX_ITEMS = 50
MAX_ITEM_NAME = 500
MAX_QUANTITY = 1000
MAX_FEE = 1_000_000_000_000  # a thousand billion đồng: beyond it the amount is a typing slip
MAX_NUMBER = 60
EVENT_KIND = "result_returned"  # the event the portal applies as status 10
SLIP_SUFFIX = "BGKQ"  # "Số: ‹code›/BGKQ" of the hand-over slip


class PaymentMethod(StrEnum):
    """How the fees collected at the return were paid."""

    NONE = "none"  # nothing to pay
    CASH = "cash"  # tiền mặt
    TRANSFER = "transfer"  # chuyển khoản
    CARD = "card"  # thẻ


class Rating(StrEnum):
    """The citizen's rating of the service (đánh giá mức độ hài lòng)."""

    SATISFIED = "satisfied"  # hài lòng
    ACCEPTABLE = "acceptable"  # chấp nhận được
    NOT_SATISFIED = "not_satisfied"  # không hài lòng


@dataclass(frozen=True)
class Authorisation:
    """Giấy ủy quyền: needed when the receiver is not the applicant."""

    number: str
    signed_on: dt.date | None


@dataclass(frozen=True)
class ReturnedItem:
    """One result document handed over (giấy tờ kết quả) and how many copies."""

    name: str
    quantity: int = 1


@dataclass(frozen=True)
class ReturnDraft:
    """What the clerk entered at the return; `fee_text` is the amount as typed ("1.500.000")."""

    dossier_id: str
    receiver: Person
    items: tuple[ReturnedItem, ...]
    authorisation: Authorisation | None = None
    fee_text: str = ""
    payment: PaymentMethod = PaymentMethod.NONE
    rating: Rating | None = None
    note: str = ""
    user: str = ""


@dataclass(frozen=True)
class ResultReturn:
    """A recorded return, as the event stores it and the hand-over slip prints it."""

    returned_at: dt.datetime
    receiver: Person
    receiver_is_applicant: bool
    authorisation: Authorisation | None
    items: tuple[ReturnedItem, ...]
    fee: int
    payment: PaymentMethod
    rating: Rating | None
    note: str
    slip_number: str
    user: str = ""

    def to_payload(self) -> dict[str, Any]:
        a = self.authorisation
        r = self.receiver
        return {
            "from": 9, "to": 10,
            "returned_at": self.returned_at.isoformat(),
            "receiver": {"full_name": r.full_name, "id_number": r.id_number,
                         "id_kind": r.id_kind.value, "is_applicant": self.receiver_is_applicant},
            "authorisation": None if a is None else {
                "number": a.number,
                "signed_on": a.signed_on.isoformat() if a.signed_on else None},
            "items": [{"name": i.name, "quantity": i.quantity} for i in self.items],
            "fee": {"amount": self.fee, "method": self.payment.value},
            "rating": self.rating.value if self.rating else None,
            "note": self.note,
            "slip_number": self.slip_number,
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], user: str = "") -> ResultReturn:
        r = payload["receiver"]
        a = payload.get("authorisation")
        signed = a.get("signed_on") if a else None
        rating = payload.get("rating")
        return cls(
            returned_at=dt.datetime.fromisoformat(payload["returned_at"]),
            receiver=Person(full_name=r["full_name"], id_number=r["id_number"],
                            id_kind=IdKind(r["id_kind"])),
            receiver_is_applicant=bool(r["is_applicant"]),
            authorisation=None if not a else Authorisation(
                a["number"], dt.date.fromisoformat(signed) if signed else None),
            items=tuple(ReturnedItem(i["name"], int(i["quantity"])) for i in payload["items"]),
            fee=int(payload["fee"]["amount"]),
            payment=PaymentMethod(payload["fee"]["method"]),
            rating=Rating(rating) if rating else None,
            note=str(payload.get("note", "")),
            slip_number=str(payload.get("slip_number", "")),
            user=user,
        )


class NotReadyForReturn(DomainError):
    """Only a dossier whose result is done (status 9) can be returned.

    params: code (dossier code), status (its current status number or "").
    """

    code = "return.not_done"


_MONEY_MARKS = re.compile(r"[\s.,_]|đ$|vnđ$|vnd$|đồng$", re.IGNORECASE)


def parse_fee(text: str) -> tuple[int | None, str | None]:
    """"1.500.000 đ" / "1500000" / "" → (amount, None); garbage → (None, problem code)."""
    t = clean(text).lower()
    for unit in ("vnđ", "vnd", "đồng", "đ"):
        if t.endswith(unit):
            t = t[: -len(unit)]
            break
    t = _MONEY_MARKS.sub("", t)
    if not t:
        return 0, None
    negative = t.startswith("-")
    digits = t[1:] if negative else t
    if not digits.isascii() or not digits.isdigit():
        return None, "amount.format"
    if negative:
        return None, "amount.negative"
    amount = int(digits)
    if amount > MAX_FEE:
        return None, "amount.too_large"
    return amount, None


def same_id(a: str, b: str) -> bool:
    """Two ID numbers are the same document when equal without blanks, dots and case."""
    def key(s: str) -> str:
        return "".join(ch for ch in clean(s) if ch not in " .-").upper()

    return bool(key(a)) and key(a) == key(b)


def item_problems(items: tuple[ReturnedItem, ...]) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    if not items:
        return [FieldProblem("items", "return.items_required")]
    if len(items) > MAX_ITEMS:
        return [FieldProblem("items", "too_many", {"max": MAX_ITEMS})]
    for i, item in enumerate(items):
        if not item.name:
            out.append(FieldProblem(f"items[{i}].name", "required"))
        elif len(item.name) > MAX_ITEM_NAME:
            out.append(FieldProblem(f"items[{i}].name", "too_long", {"max": MAX_ITEM_NAME}))
        if not 1 <= item.quantity <= MAX_QUANTITY:
            out.append(FieldProblem(f"items[{i}].quantity", "quantity.range",
                                    {"max": MAX_QUANTITY}))
    return out


def authorisation_problems(a: Authorisation | None, today: dt.date) -> list[FieldProblem]:
    """The letter's number and date are required when the receiver is someone else."""
    if a is None:
        return [FieldProblem("authorisation", "return.authorisation_required")]
    out: list[FieldProblem] = []
    if not a.number:
        out.append(FieldProblem("authorisation.number", "required"))
    elif len(a.number) > MAX_NUMBER:
        out.append(FieldProblem("authorisation.number", "too_long", {"max": MAX_NUMBER}))
    if a.signed_on is None:
        out.append(FieldProblem("authorisation.signed_on", "required"))
    elif a.signed_on > today:
        out.append(FieldProblem("authorisation.signed_on", "date.future"))
    return out


_QUANTITY = re.compile(r"^(.*?)[;×x*]\s*(\d{1,4})\s*(?:bản)?$", re.IGNORECASE)


def parse_items(text: str) -> list[tuple[str, int]]:
    """One result document per line; "Giấy khai sinh; 2" (or "× 2") gives 2 copies. Blank
    lines are skipped; a quantity of 0 is kept, for the checks to refuse."""
    out: list[tuple[str, int]] = []
    for raw in text.splitlines():
        line = clean(raw)
        if not line:
            continue
        m = _QUANTITY.match(line)
        if m and clean(m.group(1)):
            out.append((clean(m.group(1)), int(m.group(2))))
        else:
            out.append((line, 1))
    return out

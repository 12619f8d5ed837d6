"""Daily close (chốt sổ cuối ngày) of one workstation: what each clerk did, fees by method.

Pure: the store hands over the day's events of the workstation as (kind, user, payload); the
tally reads what each kind means. Fees come from readers per event kind (`FEE_READERS`): fees
marked paid at reception, and fees collected when results are returned (`result_returned`,
whose payload names the payment method). A new way of collecting fees adds its reader here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

UNSPECIFIED = "unspecified"  # fees paid at reception: the record has no method yet
METHODS = ("cash", "transfer", "card", UNSPECIFIED)  # the order they are printed in

RECEIVED_KINDS = frozenset({"received"})
REFUSED_KINDS = frozenset({"refused"})
GUIDANCE_KINDS = frozenset({"guidance"})
RETURN_KIND = "result_returned"  # the return of results (status 10) with its details
RETURNED_STATUS = 10


def _paid_at_reception(payload: dict[str, Any]) -> Iterator[tuple[str, int]]:
    dossier = payload.get("dossier") or {}
    for fee in dossier.get("fees") or ():
        if fee.get("paid") and int(fee.get("amount") or 0) > 0:
            yield str(fee.get("method") or UNSPECIFIED), int(fee["amount"])


def _paid_at_return(payload: dict[str, Any]) -> Iterator[tuple[str, int]]:
    fee = payload.get("fee") or {}
    amount = int(fee.get("amount") or 0)
    method = str(fee.get("method") or UNSPECIFIED)
    if amount > 0 and method != "none":
        yield method, amount


FEE_READERS: dict[str, Callable[[dict[str, Any]], Iterable[tuple[str, int]]]] = {
    "received": _paid_at_reception,
    RETURN_KIND: _paid_at_return,
}

# Every event kind the tally reads (the store selects only these).
KINDS = tuple(sorted(RECEIVED_KINDS | REFUSED_KINDS | GUIDANCE_KINDS
                     | {RETURN_KIND, "status_changed"} | set(FEE_READERS)))


@dataclass
class ClerkDay:
    """One clerk's day at the workstation; `user` is '' for work recorded without a name."""

    user: str
    received: int = 0
    returned: int = 0
    refused: int = 0
    guidance: int = 0
    fees: dict[str, int] = field(default_factory=dict)  # method → đồng

    @property
    def fees_total(self) -> int:
        return sum(self.fees.values())

    def add(self, other: ClerkDay) -> None:
        self.received += other.received
        self.returned += other.returned
        self.refused += other.refused
        self.guidance += other.guidance
        for method, amount in other.fees.items():
            self.fees[method] = self.fees.get(method, 0) + amount

    def as_dict(self) -> dict[str, Any]:
        return {"user": self.user, "received": self.received, "returned": self.returned,
                "refused": self.refused, "guidance": self.guidance,
                "fees": dict(sorted(self.fees.items())), "fees_total": self.fees_total}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ClerkDay:
        return cls(str(d["user"]), int(d["received"]), int(d["returned"]), int(d["refused"]),
                   int(d["guidance"]), {str(k): int(v) for k, v in d["fees"].items()})


@dataclass(frozen=True)
class DayClose:
    """The figures of one day at one workstation, and, once closed, who closed it when."""

    day: dt.date
    workstation: int
    clerks: tuple[ClerkDay, ...]
    totals: ClerkDay
    unsynced: int  # changes of this workstation not yet accepted by the portal
    closed_at: dt.datetime | None = None
    closed_by: str = ""
    forced: bool = False  # closed although `unsynced` > 0 (the clerk confirmed it)

    def as_dict(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "workstation": self.workstation,
                "clerks": [c.as_dict() for c in self.clerks], "totals": self.totals.as_dict(),
                "unsynced": self.unsynced,
                "closed_at": self.closed_at.isoformat() if self.closed_at else None,
                "closed_by": self.closed_by, "forced": self.forced}


def tally(events: Iterable[tuple[str, str, dict[str, Any]]]) -> tuple[ClerkDay, ...]:
    """Per clerk (sorted by user name) from the day's events (kind, user, payload).

    A dossier returned is counted once: by its `result_returned` event, or by a plain status
    change to 10 when it was returned without one (older versions, the command line)."""
    by_user: dict[str, ClerkDay] = {}
    for kind, user, payload in events:
        row = by_user.setdefault(user, ClerkDay(user))
        if kind in RECEIVED_KINDS:
            row.received += 1
        elif kind in REFUSED_KINDS:
            row.refused += 1
        elif kind in GUIDANCE_KINDS:
            row.guidance += 1
        elif kind == RETURN_KIND:
            row.returned += 1
        elif kind == "status_changed" and payload.get("to") == RETURNED_STATUS:
            row.returned += 1
        reader = FEE_READERS.get(kind)
        if reader is not None:
            for method, amount in reader(payload):
                row.fees[method] = row.fees.get(method, 0) + amount
    return tuple(by_user[u] for u in sorted(by_user, key=lambda u: (u.casefold(), u)))


def total(clerks: Iterable[ClerkDay]) -> ClerkDay:
    out = ClerkDay("")
    for c in clerks:
        out.add(c)
    return out

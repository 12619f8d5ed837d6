"""The post-office desk: accept by post, hand-over manifests, intake at the agency, results by
post. One transaction per use case; every change is a `dossier_events` row (the sync outbox).
See docs/postal.md for the numbering and the manifest code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain import validation as v
from ..domain.codes import parse_code
from ..domain.errors import FieldProblem, NotFound, ValidationFailed
from ..domain.model import Channel, Dossier, Outcome, ReceptionDraft, ResultDelivery
from ..domain.postal import (
    MAX_MANIFEST_ITEMS,
    Decision,
    Discrepancy,
    IntakeLine,
    ManifestAlreadyTakenIn,
    ManifestNotFound,
    NothingToHandOver,
    NotPostalWork,
    complete_intake,
    format_manifest_code,
    list_payload,
    parse_manifest_code,
)
from ..domain.records import iso
from ..domain.text import clean
from ..printing.options import parse_label_size
from ..store import counters, db, events
from ..store import dossiers as dossier_store
from ..store import postal as store
from . import reception
from .documents import letterhead

if TYPE_CHECKING:
    from .counter import Counter, Result

# printing.manifest (reportlab) is imported where a PDF is made, so that the window can start
# without it (tests/ui/test_startup_imports.py).
MANIFEST_BOOK = "BG-"  # book_counters key prefix: daily manifest sequence, "BG-261122"
MAX_NOTE = 500


@dataclass(frozen=True)
class Manifest:
    """A hand-over manifest as printed: its dossiers in order, with their S10 items."""

    id: str
    code: str
    agency_code: str
    created_at: dt.datetime
    created_by: str
    dossiers: tuple[Dossier, ...]
    items: dict[str, str]  # dossier id → S10 item

    @property
    def codes(self) -> list[str]:
        return [d.code or "" for d in self.dossiers]


@dataclass(frozen=True)
class Intake:
    """The agency's intake of one manifest, as recorded."""

    id: str
    manifest_code: str
    taken_in_at: dt.datetime
    taken_in_by: str
    listed: bool
    lines: tuple[IntakeLine, ...]

    def count(self, decision: Decision) -> int:
        return sum(1 for x in self.lines if x.decision == decision)

    def discrepancies(self) -> list[IntakeLine]:
        return [x for x in self.lines if x.discrepancy != Discrepancy.NONE]


def _problem(field: str, problem: str, **params: object) -> ValidationFailed:
    return ValidationFailed([FieldProblem(field, problem, dict(params))])


class Postal:
    """The post-office desk's use cases over one Counter (its connection, clock, profile)."""

    def __init__(self, counter: Counter) -> None:
        self.counter = counter
        self.conn = counter.conn

    # ----- accepting at the post office ----------------------------------------------------

    def accept(self, draft: ReceptionDraft, return_address: str = "") -> Result:
        """A dossier handed in at the post office (channel 3): the S10 item of the pre-printed
        label is required and checked, the return address (địa chỉ hoàn trả) defaults to the
        sender's; code, receipt and event as any reception, plus the postal row and event."""
        profile = self.counter.require_profile()
        draft = reception.normalise_draft(dataclasses.replace(draft, channel=Channel.POSTAL))
        sender = draft.submitter or draft.applicant
        address = clean(return_address) or sender.address
        problems: list[FieldProblem] = []
        if not draft.postal_item:
            problems.append(FieldProblem("postal_item", "required"))
        else:
            owner = store.item_owner(self.conn, draft.postal_item)
            if owner is not None:
                problems.append(FieldProblem("postal_item", "s10.used",
                                             {"item": draft.postal_item, "code": owner}))
        if not address:
            problems.append(FieldProblem("return_address", "required"))
        elif len(address) > reception.MAX_ADDRESS:
            problems.append(FieldProblem("return_address", "too_long",
                                         {"max": reception.MAX_ADDRESS}))
        if problems:  # say everything at once: the reception's own problems too
            try:
                procedure = self.counter._procedure_or_fail(draft.procedure_code)
                problems = reception.receive_problems(draft, procedure,
                                                      self.counter.clock()) + problems
            except ValidationFailed as e:
                problems = e.problems + problems
            seen: set[tuple[str, str]] = set()
            unique = []
            for p in problems:
                if (p.field, p.code) not in seen and not (
                        p.field == "postal_item" and ("postal_item", "required") in seen):
                    seen.add((p.field, p.code))
                    unique.append(p)
            raise ValidationFailed(unique)

        def also(conn: sqlite3.Connection, dossier: Dossier, now: dt.datetime) -> None:
            store.add_reception(conn, dossier_id=dossier.id, item=dossier.postal_item,
                                agency_code=dossier.agency_code, return_address=address,
                                at=dossier.received_at)
            events.append(conn, dossier_id=dossier.id, kind="postal_accepted", at=now,
                          user=draft.user, workstation=profile.workstation,
                          payload={"item": dossier.postal_item, "return_address": address})

        return self.counter.receive_many([draft], also=also)[0]

    def waiting(self) -> list[tuple[str, str, str]]:
        """Accepted dossiers waiting for a manifest: (agency code, dossier code, S10 item)."""
        return [(r["agency_code"], r["code"], r["item"]) for r in store.waiting(self.conn)]

    # ----- hand-over manifests -------------------------------------------------------------

    def create_manifests(self, user: str = "") -> list[Manifest]:
        """One manifest per agency for every accepted dossier not yet handed over (at most
        MAX_MANIFEST_ITEMS a manifest), in one transaction."""
        profile = self.counter.require_profile()
        now = self.counter.clock()
        made: list[tuple[str, str]] = []
        with db.transaction(self.conn):
            groups: dict[str, list[sqlite3.Row]] = {}
            for row in store.waiting(self.conn):
                groups.setdefault(row["agency_code"], []).append(row)
            if not groups:
                raise NothingToHandOver()
            for agency, rows in sorted(groups.items()):
                for start in range(0, len(rows), MAX_MANIFEST_ITEMS):
                    chunk = rows[start:start + MAX_MANIFEST_ITEMS]
                    seq = counters.next_book_sequence(self.conn,
                                                      f"{MANIFEST_BOOK}{now:%y%m%d}")
                    code = format_manifest_code(profile.agency_code, profile.workstation,
                                                now.date(), seq)
                    manifest_id = str(uuid.uuid4())
                    store.add_manifest(self.conn, manifest_id=manifest_id, code=code,
                                       agency_code=agency, at=now, user=user,
                                       dossier_ids=[r["dossier_id"] for r in chunk])
                    events.append(self.conn, dossier_id=manifest_id, kind="manifest_created",
                                  at=now, user=user, workstation=profile.workstation,
                                  payload={"manifest": {
                                      "code": code, "agency_code": agency,
                                      "created_at": iso(now),
                                      "items": [{"dossier_id": r["dossier_id"],
                                                 "code": r["code"], "item": r["item"]}
                                                for r in chunk]}})
                    made.append((code, agency))
        return [self.manifest(code) for code, _ in made]

    def manifest(self, code: str) -> Manifest:
        parsed = parse_manifest_code(code)
        row = store.manifest_by_code(self.conn, parsed.text) if parsed else None
        if row is None:
            raise ManifestNotFound(manifest=code)
        found = []
        for dossier_id in store.manifest_dossier_ids(self.conn, row.id):
            dossier = dossier_store.get_by_id(self.conn, dossier_id)
            if dossier is not None:
                found.append(dossier)
        return Manifest(row.id, row.code, row.agency_code, row.created_at, row.created_by,
                        tuple(found), store.manifest_items(self.conn, row.id))

    def manifest_pdf(self, code: str) -> bytes:
        """The manifest to print (printing/manifest.py): pure function of the stored rows."""
        from ..printing.manifest import manifest_pdf

        profile = self.counter.require_profile()
        m = self.manifest(code)
        name = profile.agency_name if m.agency_code == profile.agency_code else m.agency_code
        return manifest_pdf(code=m.code, agency_name=name, agency_code=m.agency_code,
                            created_at=m.created_at, created_by=m.created_by,
                            dossiers=m.dossiers, items=m.items,
                            list_payload=list_payload(m.code, m.agency_code, m.codes),
                            letterhead=letterhead(profile))

    def manifests(self, limit: int = 50) -> list[store.ManifestRow]:
        return store.manifests(self.conn, limit)

    # ----- intake at the agency ------------------------------------------------------------

    def intake(self, manifest_code: str) -> Intake | None:
        parsed = parse_manifest_code(manifest_code)
        row = store.intake(self.conn, parsed.text) if parsed else None
        if row is None:
            return None
        return Intake(row.id, row.manifest_code, row.taken_in_at, row.taken_in_by, row.listed,
                      row.lines)

    def check_not_taken_in(self, manifest_code: str) -> str:
        """The manifest code in canonical form; refuses a bad code or one already taken in."""
        parsed = parse_manifest_code(manifest_code)
        if parsed is None:
            raise _problem("manifest_code", "manifest.format", value=manifest_code[:60])
        done = store.intake(self.conn, parsed.text)
        if done is not None:
            raise ManifestAlreadyTakenIn(manifest=parsed.text, at=done.taken_in_at,
                                         by=done.taken_in_by)
        return parsed.text

    def take_in(self, manifest_code: str, lines: list[IntakeLine], *,
                expected: list[str] | None = None, user: str = "") -> Intake:
        """Record the agency's intake of a manifest: per dossier confirmed or rejected, with
        its discrepancy. `expected` is the manifest's list (its QR, or the local manifest when
        it was made here); listed dossiers not in `lines` are recorded as missing. A manifest
        taken in before is refused and nothing changes."""
        profile = self.counter.require_profile()
        now = self.counter.clock()
        with db.transaction(self.conn):
            code = self.check_not_taken_in(manifest_code)
            if expected is None:
                local = store.manifest_by_code(self.conn, code)
                if local is not None:
                    expected = [d.code or "" for d in self._local_dossiers(local.id)]
            problems = self._line_problems(lines, profile.agency_code)
            done = complete_intake(expected, lines)
            if not done:
                problems.append(FieldProblem("lines", "manifest.empty"))
            if problems:
                raise ValidationFailed(problems)
            intake_id = str(uuid.uuid4())
            store.add_intake(self.conn, intake_id=intake_id, manifest_code=code,
                             agency_code=profile.agency_code, at=now, user=user,
                             listed=expected is not None, lines=done)
            events.append(self.conn, dossier_id=intake_id, kind="manifest_taken_in", at=now,
                          user=user, workstation=profile.workstation,
                          payload={"intake": {"manifest_code": code,
                                              "agency_code": profile.agency_code,
                                              "listed": expected is not None,
                                              "taken_in_at": iso(now),
                                              "lines": store.lines_to_json(done)}})
        return Intake(intake_id, code, now, user, expected is not None, tuple(done))

    def _local_dossiers(self, manifest_id: str) -> list[Dossier]:
        out = []
        for dossier_id in store.manifest_dossier_ids(self.conn, manifest_id):
            d = dossier_store.get_by_id(self.conn, dossier_id)
            if d is not None and d.code:
                out.append(d)
        return out

    @staticmethod
    def _line_problems(lines: list[IntakeLine], agency_code: str) -> list[FieldProblem]:
        out: list[FieldProblem] = []
        for i, line in enumerate(lines):
            parsed = parse_code(line.code)
            if parsed is None:
                out.append(FieldProblem(f"lines[{i}].code", "code.format",
                                        {"value": line.code[:60]}))
            elif parsed.agency_code != agency_code:
                out.append(FieldProblem(f"lines[{i}].code", "manifest.wrong_agency",
                                        {"code": parsed.text, "agency": agency_code}))
            if line.decision == Decision.CONFIRMED and line.discrepancy == Discrepancy.MISSING:
                out.append(FieldProblem(f"lines[{i}].decision", "manifest.missing_confirmed"))
            if len(line.note) > MAX_NOTE:
                out.append(FieldProblem(f"lines[{i}].note", "too_long", {"max": MAX_NOTE}))
        return out

    # ----- results by post -----------------------------------------------------------------

    def result_address(self, dossier: Dossier) -> str:
        return dossier.delivery_address or dossier.applicant.address

    def dispatch_result(self, code: str, item: str, *, user: str = "") -> store.ResultPost:
        """The result leaves by post: the S10 item of its label is recorded (checked, unused)."""
        profile = self.counter.require_profile()
        now = self.counter.clock()
        item = v.normalise_s10(item)
        problem = v.s10_problem(item) if item else "required"
        if problem:
            raise _problem("item", problem, item=item)
        with db.transaction(self.conn):
            dossier = self._dossier(code)
            if dossier.outcome != Outcome.RECEIVED:
                raise NotPostalWork(code=code, reason="not_received")
            if dossier.delivery != ResultDelivery.POST:
                raise NotPostalWork(code=dossier.code, reason="delivery_counter")
            if store.result_post(self.conn, dossier.id) is not None:
                raise NotPostalWork(code=dossier.code, reason="already_dispatched")
            owner = store.item_owner(self.conn, item)
            if owner is not None:
                raise _problem("item", "s10.used", item=item, code=owner)
            address = self.result_address(dossier)
            store.add_result_post(self.conn, dossier_id=dossier.id, item=item, address=address,
                                  at=now, user=user)
            events.append(self.conn, dossier_id=dossier.id, kind="result_posted", at=now,
                          user=user, workstation=profile.workstation,
                          payload={"item": item, "address": address})
            found = store.result_post(self.conn, dossier.id)
        assert found is not None
        return found

    def record_delivery(self, code: str, *, user: str = "") -> store.ResultPost:
        """VNPost delivered the result (phát thành công): recorded once."""
        profile = self.counter.require_profile()
        now = self.counter.clock()
        with db.transaction(self.conn):
            dossier = self._dossier(code)
            post = store.result_post(self.conn, dossier.id)
            if post is None:
                raise NotPostalWork(code=dossier.code, reason="not_dispatched")
            if post.delivered_at is not None:
                raise NotPostalWork(code=dossier.code, reason="already_delivered")
            store.mark_delivered(self.conn, dossier.id, now, user)
            events.append(self.conn, dossier_id=dossier.id, kind="result_delivered", at=now,
                          user=user, workstation=profile.workstation,
                          payload={"item": post.item})
            found = store.result_post(self.conn, dossier.id)
        assert found is not None
        return found

    def address_label_pdf(self, code: str) -> bytes:
        """The address label of a dispatched result, at the profile's label size."""
        from ..printing.manifest import address_label_pdf

        profile = self.counter.require_profile()
        dossier = self._dossier(code)
        post = store.result_post(self.conn, dossier.id)
        if post is None:
            raise NotPostalWork(code=dossier.code, reason="not_dispatched")
        return address_label_pdf(item=post.item, name=dossier.applicant.full_name,
                                 address=post.address, phone=dossier.applicant.phone,
                                 code=dossier.code or "", sender=profile.agency_name,
                                 size_mm=parse_label_size(profile.label_size))

    def result_post(self, code: str) -> store.ResultPost | None:
        return store.result_post(self.conn, self._dossier(code).id)

    def _dossier(self, code: str) -> Dossier:
        dossier = dossier_store.get_by_code(self.conn, code)
        if dossier is None:
            raise NotFound(code=code)
        return dossier

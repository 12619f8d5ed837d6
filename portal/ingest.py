"""Push: apply a batch of client events in one transaction, one result per event.

Each event is `applied`, `duplicate` (same UUID, same canonical content), `conflict` (same
UUID with other content, or a dossier/code already held by another dossier) or `rejected`
(it can never apply as sent). Nothing is stored for conflicts and rejections.

The batch is decided in memory against what one look-up per kind found in the database, then
written with a few multi-row INSERTs. If a concurrent push stores the same event, dossier or
code in between, the INSERT fails on a unique index and `Database.write_retry` runs the whole
batch again; the second run sees the other push's rows and answers duplicate or conflict.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from counter_app.domain.codes import parse_code
from counter_app.domain.model import Status
from counter_app.domain.status import can_move

from . import changes, forms, postal, security, sequences
from . import dossiers as dos
from . import schema as s
from .agencies import Device
from .db import Database
from .errors import message
from .followup import FOLLOWUP_KINDS, AlreadyDone, FollowupPayload
from .national import attachment_entry, dossier_record, progress_record
from .notify import notice_row
from .payloads import (
    AttachmentsPayload,
    DossierPayload,
    EventIn,
    FormAttachedPayload,
    FormDetachedPayload,
    NoticePayload,
    ReturnPayload,
    StatusPayload,
)
from .returns import RETURN_NOTE, apply_return
from .timefmt import iso
from .validate import Prepared, Rejected, prepare

log = logging.getLogger(__name__)

APPLIED, DUPLICATE, CONFLICT, REJECTED = "applied", "duplicate", "conflict", "rejected"
_IN = 500  # ids per IN (…) look-up

_NOTES = {"received": "Tiếp nhận hồ sơ", "refused": "Từ chối tiếp nhận hồ sơ",
          "guidance": "Hướng dẫn bổ sung, hoàn thiện hồ sơ",
          "redirected": "Hướng dẫn đến cơ quan có thẩm quyền"}


@dataclass
class Result:
    id: str
    result: str
    reason: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)

    @property
    def message(self) -> str | None:
        return message(self.reason, **self.params) if self.reason else None


class _Conflict(Exception):
    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def push(db: Database, device: Device, events: list[EventIn], now: dt.datetime) -> list[Result]:
    prepared = [prepare(e, device) for e in events]
    results = db.write_retry(lambda conn: _Batch(db, conn, device, now).run(prepared))
    counts = {k: sum(1 for r in results if r.result == k)
              for k in (APPLIED, DUPLICATE, CONFLICT, REJECTED)}
    log.info("push from device %s: %d event(s) %s", device.id, len(results), counts)
    return results


def _chunks(values: list[str]) -> list[list[str]]:
    return [values[i:i + _IN] for i in range(0, len(values), _IN)]


class _Batch:
    def __init__(self, db: Database, conn: Connection, device: Device, now: dt.datetime) -> None:
        self.db, self.conn, self.device, self.now = db, conn, device, now
        self.agency = device.agency
        self.known: dict[str, tuple[str, str]] = {}  # event id → (digest, agency)
        self.taken_ids: set[str] = set()  # dossier ids the portal holds
        self.taken_codes: set[str] = set()
        self.fields: dict[str, dict[str, str]] = {}  # procedure code → lĩnh vực
        self.created: dict[str, dict[str, Any]] = {}  # new dossier rows, by id
        self.states: dict[str, dos.DossierState] = {}  # dossiers changed by this batch
        self.stored: dict[str, dos.DossierState] = {}  # of which already in the database
        self.positions: dict[str, int] = {}  # next progress position per dossier
        self.events: list[dict[str, Any]] = []
        self.progress: list[dict[str, Any]] = []
        self.refs: dict[tuple[str, str], dict[str, Any]] = {}
        self.pending: list[changes.Change] = []
        self.notices: list[dict[str, Any]] = []

    # ----- look-ups before deciding ------------------------------------------------------

    def _prefetch(self, prepared: list[Prepared]) -> None:
        c = self.conn
        # An id PostgreSQL cannot store (NUL) cannot be known; its event is rejected anyway.
        ids = list({p.event.id for p in prepared if "\x00" not in p.event.id})
        for chunk in _chunks(ids):
            rows = c.execute(select(s.events.c.id, s.events.c.digest, s.events.c.agency_code)
                             .where(s.events.c.id.in_(chunk))).all()
            self.known.update({r.id: (r.digest, r.agency_code) for r in rows})
        creations = [p for p in prepared if isinstance(p.payload, DossierPayload)]
        dossier_ids = list({p.event.dossier_id for p in creations})
        codes = list({p.code for p in creations if p.code})
        for chunk in _chunks(dossier_ids):
            self.taken_ids.update(c.execute(select(s.dossiers.c.id)
                                            .where(s.dossiers.c.id.in_(chunk))).scalars())
        for chunk in _chunks(codes):
            self.taken_codes.update(c.execute(select(s.dossiers.c.code)
                                              .where(s.dossiers.c.code.in_(chunk))).scalars())
        procedures = list({p.payload.dossier.procedure_code for p in creations})
        for chunk in _chunks(procedures):
            for row in c.execute(select(s.procedures.c.code, s.procedures.c.data)
                                 .where(s.procedures.c.code.in_(chunk))):
                self.fields[row.code] = dict(json.loads(row.data)["field"])

    # ----- deciding, event by event, in request order ------------------------------------

    def run(self, prepared: list[Prepared]) -> list[Result]:
        self._prefetch(prepared)
        out = [self._one(p) for p in prepared]
        self._flush()
        return out

    def _one(self, p: Prepared) -> Result:
        found = self.known.get(p.event.id)
        if found is not None:
            if found == (p.digest, self.agency.code):
                return Result(p.event.id, DUPLICATE)
            return Result(p.event.id, CONFLICT, "event_conflict")
        if p.rejected is not None:
            r = p.rejected
            return Result(p.event.id, REJECTED, r.reason, r.params, r.problems)
        try:
            if isinstance(p.payload, DossierPayload):
                self._create(p, p.payload)
            elif isinstance(p.payload, StatusPayload):
                self._status(p, p.payload)
            elif isinstance(p.payload, AttachmentsPayload):
                self._attachments(p, p.payload)
            elif isinstance(p.payload, FollowupPayload):
                self._followup(p, p.payload)
            elif isinstance(p.payload, ReturnPayload):
                self._returned(p, p.payload)
            elif isinstance(p.payload, NoticePayload):
                self._state(p.event.dossier_id)  # the agency's own dossier, or rejected
                self.notices.append(notice_row(p, p.payload, self.agency.code,
                                               self.device.id, self.now))
            elif isinstance(p.payload, FormAttachedPayload | FormDetachedPayload):
                change = forms.apply(self.db, self.conn, p, p.payload, self.agency.code,
                                     self.device.id, self.now)
                if change is not None:
                    self.pending.append(change)
            else:  # the post-office desk (portal/postal.py)
                postal.apply(self.db, self.conn, p, self.agency.code, self.device.id,
                             lambda dossier_id: self._state(dossier_id) is not None)
        except postal.PostalConflict as c:
            return Result(p.event.id, CONFLICT, c.reason, c.params)
        except Rejected as r:
            return Result(p.event.id, REJECTED, r.reason, r.params, r.problems)
        except _Conflict as c:
            return Result(p.event.id, CONFLICT, c.reason, c.params)
        e = p.event
        self.known[e.id] = (p.digest, self.agency.code)
        self.events.append({
            "id": e.id, "agency_code": self.agency.code, "device_id": self.device.id,
            "dossier_id": e.dossier_id, "kind": e.kind, "at": e.at, "digest": p.digest,
            "stored_at": iso(self.now)})
        return Result(e.id, APPLIED)

    def _create(self, p: Prepared, payload: DossierPayload) -> None:
        d = payload.dossier
        if d.id in self.taken_ids:
            raise _Conflict("dossier_exists")
        if p.code and p.code in self.taken_codes:
            raise _Conflict("dossier_code_taken", code=p.code, **self._highest(p.code))
        refs = [attachment_entry(a.sha256, a.name, a.size) for a in payload.attachments]
        record = dossier_record(d, agency_name=self.agency.name,
                                field=self.fields.get(d.procedure_code), attachments=refs)
        due = dos.local_or_none(d.due_at)
        self.created[d.id] = {
            "id": d.id, "agency_code": self.agency.code, "code": p.code, "outcome": d.outcome,
            "status": d.status, "channel": d.channel, "workstation": self.device.workstation,
            "device_id": self.device.id, "procedure_code": d.procedure_code,
            "received_at": iso(p.extra["received_at"]), "due_at": iso(due) if due else None,
            "initials": security.initials(d.applicant.full_name),
            "secret_hash": (security.lookup_secret_hash(p.code, d.lookup_secret)
                            if p.code and d.lookup_secret else None),
            "record": record, "created_at": iso(self.now), "updated_at": iso(self.now)}
        self.taken_ids.add(d.id)
        if p.code:
            self.taken_codes.add(p.code)
        self._progress(d.id, progress_record(
            code=p.code or "", status=d.status, at=p.at or p.extra["received_at"],
            note=_NOTES[d.outcome], by=p.event.user, department=self.agency.name,
            due=record["NgayHenTra"]), p.event.id)
        for a in payload.attachments:
            self.refs[(d.id, a.sha256)] = {"dossier_id": d.id, "sha256": a.sha256,
                                           "name": a.name, "size": a.size}

    def _highest(self, code: str) -> dict[str, Any]:
        """The day of a taken code and the highest sequence of the device's range the
        portal holds (or this batch creates) that day: the client numbers above it."""
        parsed = parse_code(code)
        if parsed is None:
            return {}
        ws, size = self.device.workstation, self.agency.range_size
        highest = max(
            sequences.highest_sequence(self.conn, self.agency.code, parsed.day, ws, size),
            sequences.highest_in(self.taken_codes, self.agency.code, parsed.day, ws, size))
        return {"day": parsed.day.isoformat(), "highest_sequence": highest}

    def _state(self, dossier_id: str) -> dos.DossierState:
        """A dossier of the device's agency, from this batch or the database (locked)."""
        if dossier_id in self.states:
            return self.states[dossier_id]
        row = self.created.get(dossier_id)
        if row is not None:
            state = dos.DossierState(row["id"], row["agency_code"], row["code"], row["status"],
                                     row["channel"], row["record"], row["due_at"])
        else:
            loaded = dos.load(self.db, self.conn, dossier_id, agency_code=self.agency.code)
            if loaded is None:
                raise Rejected("dossier_not_found", dossier=dossier_id)
            state = loaded
            self.stored[dossier_id] = state
        self.states[dossier_id] = state
        return state

    def _progress(self, dossier_id: str, record: dict[str, Any], event_id: str) -> None:
        position = self.positions.get(dossier_id)
        if position is None:
            position = 1 if dossier_id in self.created else dos.next_position(self.conn,
                                                                              dossier_id)
        self.positions[dossier_id] = position + 1
        self.progress.append(dos.progress_row(dossier_id, position, record, origin="counter",
                                              event_id=event_id))

    def _status(self, p: Prepared, payload: StatusPayload) -> None:
        state = self._state(p.event.dossier_id)
        current = state.status
        if current is None or (current != payload.to
                               and not can_move(Status(current), Status(payload.to))):
            raise Rejected("invalid_transition", current=current, new=payload.to)
        assert p.at is not None
        dos.apply_status(state, payload.to, p.at, payload.due_at)
        progress = progress_record(
            code=state.code or "", status=payload.to, at=p.at, note=payload.note,
            by=p.event.user, department=self.agency.name, due=state.record["NgayHenTra"])
        self._progress(state.id, progress, p.event.id)
        if state.channel == 2:  # online dossiers go to every counter: tell the others
            self.pending.append(dos.status_change(state, progress, self.device.id))

    def _followup(self, p: Prepared, payload: FollowupPayload) -> None:
        """A follow-up after the reception (portal/followup.py): its own record fields, then
        the status move and due date it carries, and a progress row with its note."""
        state = self._state(p.event.dossier_id)
        kind = FOLLOWUP_KINDS[p.event.kind]
        current, to = state.status, payload.to
        if current is None or (kind.requires is not None and current not in kind.requires) \
                or (to is not None and current != to
                    and not can_move(Status(current), Status(to))):
            raise Rejected("invalid_transition", current=current, new=to)
        assert p.at is not None
        try:
            kind.write(state.record, payload, p.at)
        except AlreadyDone as done:
            raise Rejected(done.reason, **done.params) from None
        dos.apply_status(state, to if to is not None else current, p.at, payload.due_at)
        progress = progress_record(
            code=state.code or "", status=state.status, at=p.at, note=payload.progress_note(),
            by=p.event.user, department=self.agency.name, due=state.record["NgayHenTra"])
        self._progress(state.id, progress, p.event.id)
        if state.channel == 2:  # online dossiers go to every counter: tell the others
            self.pending.append(dos.status_change(state, progress, self.device.id))

    def _returned(self, p: Prepared, payload: ReturnPayload) -> None:
        """Status 9 → 10 at the counter (portal/returns.py); only from 9, like any move."""
        state = self._state(p.event.dossier_id)
        if state.status != Status.RESOLVED:
            raise Rejected("invalid_transition", current=state.status, new=10)
        at = apply_return(state, payload)
        progress = progress_record(
            code=state.code or "", status=10, at=at, note=RETURN_NOTE, by=p.event.user,
            department=self.agency.name, due=state.record["NgayHenTra"])
        self._progress(state.id, progress, p.event.id)
        if state.channel == 2:
            self.pending.append(dos.status_change(state, progress, self.device.id))

    def _attachments(self, p: Prepared, payload: AttachmentsPayload) -> None:
        state = self._state(p.event.dossier_id)
        listed = state.record.setdefault("DanhSachTepDinhKemKhac", [])
        hashes = {x.get("MaBam") for x in listed}
        for a in payload.attachments:
            self.refs[(state.id, a.sha256)] = {"dossier_id": state.id, "sha256": a.sha256,
                                               "name": a.name, "size": a.size}
            if a.sha256 not in hashes:
                listed.append(attachment_entry(a.sha256, a.name, a.size))
                hashes.add(a.sha256)

    # ----- writing -----------------------------------------------------------------------

    def _flush(self) -> None:
        # Rows go in key order, so that two pushes of overlapping batches wait for each other
        # instead of deadlocking (PostgreSQL takes a second to detect a deadlock).
        c = self.conn
        if self.created:
            rows = []
            for _, row in sorted(self.created.items()):
                state = self.states.get(row["id"])
                if state is not None:  # changed again later in the same batch
                    row = {**row, "status": state.status, "due_at": state.due_at,
                           "record": state.record}
                rows.append({**row, "record": json.dumps(row["record"], ensure_ascii=False)})
            c.execute(s.dossiers.insert(), rows)
        for state in self.stored.values():
            dos.save(c, state, self.now)
        if self.events:
            c.execute(s.events.insert(), sorted(self.events, key=lambda e: str(e["id"])))
        if self.progress:
            c.execute(s.progress.insert(), sorted(
                self.progress, key=lambda p: (str(p["dossier_id"]), int(p["position"]))))
        for ref in self.refs.values():
            self.db.insert_if_absent(c, s.dossier_attachments, ref)
        for row in sorted(self.notices, key=lambda r: str(r["id"])):
            self.db.insert_if_absent(c, s.notices, row)
        changes.record(c, self.pending, self.now)

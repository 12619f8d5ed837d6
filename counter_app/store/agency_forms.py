"""Blank forms attached at the agency (schema AGENCY_FORMS): the layer over the catalogue
entries' own forms, its PDFs in `<data_dir>/forms/`, and what sync still has to upload or fetch.

A catalogue entry (imported or pulled) names its own forms; an administrator of the agency may
attach a province's PDF to a procedure, replace one of the entry's forms with it (same code) or
detach a form. Those choices live here, one row per (procedure, form code), never in the
entry, so that a catalogue update cannot drop them. A detached form is a row without a file.
Rows written here carry the event that announces them to the portal; rows pulled from the
portal (attached at another workstation of the agency) have none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.model import Procedure, ProcedureForm
from ..domain.records import iso
from .blobs import BlobStore

FORMS_DIR = "forms"  # <data_dir>/forms/ab/cdef….pdf: not the scans' folder (never a dossier's)
FORM_ATTACHED, FORM_DETACHED = "form_attached", "form_detached"  # pushed event kinds
# Events of a form name the form's slot (procedure, form code) as their dossier_id.
_SLOTS = uuid.UUID("1b0f7a52-3c4e-4d8a-9f61-5e2d7c9a4b30")


@dataclass(frozen=True)
class AgencyForm:
    """The agency's choice for one form of a procedure. `sha256` "" = detached."""

    procedure_code: str
    code: str
    name: str
    sha256: str
    size: int
    changed_at: dt.datetime

    @property
    def detached(self) -> bool:
        return not self.sha256


@dataclass(frozen=True)
class PendingForm:
    """A form PDF to upload or to fetch, by hash."""

    sha256: str
    size: int


def form_store(data_dir: Path) -> BlobStore:
    return BlobStore(Path(data_dir) / FORMS_DIR)


def slot_id(procedure_code: str, form_code: str) -> str:
    """The dossier_id of the events about one form of one procedure (a UUID, as events need)."""
    return str(uuid.uuid5(_SLOTS, f"{procedure_code}/{form_code}"))


def _row(r: sqlite3.Row) -> AgencyForm:
    return AgencyForm(r["procedure_code"], r["code"], r["name"], r["sha256"], r["size"],
                      dt.datetime.fromisoformat(r["changed_at"]))


def put(conn: sqlite3.Connection, form: AgencyForm, *, event_id: str | None,
        uploaded_at: dt.datetime | None = None) -> None:
    """Set the agency's choice for the form (replacing any earlier one)."""
    conn.execute(
        "INSERT INTO agency_forms (procedure_code, code, name, sha256, size, changed_at,"
        " event_id, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (procedure_code, code) DO UPDATE SET name = excluded.name,"
        " sha256 = excluded.sha256, size = excluded.size, changed_at = excluded.changed_at,"
        " event_id = excluded.event_id, uploaded_at = excluded.uploaded_at",
        (form.procedure_code, form.code, form.name, form.sha256, form.size,
         iso(form.changed_at), event_id, iso(uploaded_at) if uploaded_at else None))


def get(conn: sqlite3.Connection, procedure_code: str, code: str) -> AgencyForm | None:
    r = conn.execute("SELECT * FROM agency_forms WHERE procedure_code = ? AND code = ?",
                     (procedure_code, code)).fetchone()
    return _row(r) if r is not None else None


def for_procedure(conn: sqlite3.Connection, procedure_code: str) -> list[AgencyForm]:
    return [_row(r) for r in conn.execute(
        "SELECT * FROM agency_forms WHERE procedure_code = ? ORDER BY changed_at, code",
        (procedure_code,))]


def by_procedure(conn: sqlite3.Connection) -> dict[str, list[AgencyForm]]:
    """Every row, by procedure (a handful per agency: read whole for a list of procedures)."""
    out: dict[str, list[AgencyForm]] = {}
    for r in conn.execute("SELECT * FROM agency_forms ORDER BY changed_at, code"):
        out.setdefault(r["procedure_code"], []).append(_row(r))
    return out


def overlay(procedure: Procedure, layer: Sequence[AgencyForm]) -> Procedure:
    """The forms the counter offers: the entry's own, each replaced by the agency's form of the
    same code (or left out when the agency detached it), then the agency's other forms."""
    if not layer:
        return procedure
    chosen = {f.code: f for f in layer}
    forms: list[ProcedureForm] = []
    for form in procedure.forms:
        mine = chosen.pop(form.code, None)
        if mine is None:
            forms.append(form)
        elif not mine.detached:
            forms.append(ProcedureForm(mine.code, mine.name, "", mine.sha256))
    forms += [ProcedureForm(f.code, f.name, "", f.sha256) for f in chosen.values()
              if not f.detached]
    return dataclasses.replace(procedure, forms=tuple(forms))


def overlay_all(procedures: Iterable[Procedure],
                layers: Mapping[str, Sequence[AgencyForm]]) -> list[Procedure]:
    return [overlay(p, layers.get(p.code, ())) for p in procedures]


# ----- what sync moves (counter_app/sync/files.py) --------------------------------------------


def pending_uploads(conn: sqlite3.Connection) -> list[PendingForm]:
    """PDFs attached at this workstation that the portal does not hold yet, oldest first."""
    return [PendingForm(r[0], r[1]) for r in conn.execute(
        "SELECT sha256, max(size) FROM agency_forms WHERE sha256 != '' AND uploaded_at IS NULL"
        " AND event_id IS NOT NULL GROUP BY sha256 ORDER BY min(changed_at), sha256")]


def pending_upload_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute(
        "SELECT count(DISTINCT sha256) FROM agency_forms WHERE sha256 != ''"
        " AND uploaded_at IS NULL AND event_id IS NOT NULL").fetchone()[0])


def mark_uploaded(conn: sqlite3.Connection, sha256: str, at: dt.datetime) -> None:
    conn.execute("UPDATE agency_forms SET uploaded_at = ? WHERE sha256 = ?"
                 " AND uploaded_at IS NULL", (iso(at), sha256))


def forget_uploads(conn: sqlite3.Connection) -> int:
    """Offer this workstation's PDFs again (the portal was restored from a backup)."""
    return int(conn.execute("UPDATE agency_forms SET uploaded_at = NULL"
                            " WHERE event_id IS NOT NULL AND uploaded_at IS NOT NULL").rowcount)


def missing_files(conn: sqlite3.Connection, store: BlobStore) -> list[PendingForm]:
    """PDFs the agency's forms name that are not in this workstation's store (to fetch)."""
    rows = conn.execute("SELECT sha256, max(size) FROM agency_forms WHERE sha256 != ''"
                        " GROUP BY sha256 ORDER BY sha256")
    return [PendingForm(r[0], r[1]) for r in rows if not store.has(r[0])]

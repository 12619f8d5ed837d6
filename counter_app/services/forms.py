"""Blank declaration forms (tờ khai) of the catalogue: checked, stored once by SHA-256, printed,
attached or detached by the agency's administrators.

A catalogue entry names its forms (`forms: [{"code", "name", "file"}]`). A `file` is either a
PDF supplied by the province or a form definition of resources/forms (typeset by
printing/blank_form.py). On import each file is read and checked, the PDF is stored in
`<data_dir>/forms/ab/cdef….pdf` (a blob store of its own: forms are never dossier scans) and the
entry keeps its `sha256`. Nothing is written when one file is bad. Printing reads the stored PDF;
a shipped definition is typeset again when its PDF is not on this workstation (e.g. a catalogue
entry that came from the portal).

An administrator's attach or detach is the agency's layer over the entry (store/agency_forms.py),
written with a pushed `form_attached` / `form_detached` event in one transaction: the sync engine
uploads the PDF and the agency's other workstations pull the choice and fetch the PDF by hash.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import DomainError, FieldProblem, NotFound, ValidationFailed
from ..domain.model import Procedure, ProcedureForm
from ..domain.text import clean
from ..resources import resource
from ..store import agency_forms as layer
from ..store import db, events
from ..store.agency_forms import FORMS_DIR, form_store
from ..store.blobs import sha256_of
from . import scans

if TYPE_CHECKING:
    from .counter import Changes, Counter

DEFINITION_SUFFIX = ".json"
MAX_FORM_BYTES = scans.MAX_FILE_BYTES
_CODES = {  # what a scan would be refused for → the same reason worded for a form
    "attachment.empty": "form.not_pdf",
    "attachment.too_large": "form.too_large",
    "attachment.unsupported": "form.not_pdf",
    "attachment.unreadable": "form.unreadable",
    "attachment.encrypted": "form.encrypted",
    "attachment.too_many_pages": "form.too_many_pages",
}


class FormRejected(DomainError):
    """A file that cannot be a blank form; `code` says why (messages.py), params name it."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        super().__init__(**params)


class FormMissing(DomainError):
    """The form's PDF is not on this workstation.

    params: procedure, form (its name)."""

    code = "form.missing"


class FormNotFetched(FormMissing):
    """The form was attached at another workstation of the agency and its PDF has not been
    fetched from the portal yet (the next sync fetches it). params: procedure, form."""

    code = "form.not_fetched"


def check_pdf(data: bytes, name: str) -> int:
    """Pages of a form PDF, or FormRejected: a real PDF, readable, no password, not too big."""
    if not data or scans.sniff(data) != scans.PDF:
        raise FormRejected("form.not_pdf", name=name)
    if len(data) > MAX_FORM_BYTES:
        raise FormRejected("form.too_large", name=name,
                           limit_mb=MAX_FORM_BYTES // (1024 * 1024))
    try:
        return scans.pdf_page_count(data, name)
    except scans.AttachmentRejected as e:
        raise FormRejected(_CODES.get(e.code, "form.unreadable"), name=name) from None


def pdf_of_file(path: Path) -> bytes:
    """The PDF a catalogue `file` stands for: a form definition typeset, or a checked PDF."""
    path = Path(path)
    if path.suffix.lower() == DEFINITION_SUFFIX:
        from ..printing.blank_form import blank_form_pdf, load_definition  # reportlab: late

        try:
            definition = load_definition(path)
        except ValidationFailed as e:
            first = e.problems[0] if e.problems else None
            raise FormRejected("form.definition", name=path.name,
                               detail=f"{first.field}: {first.code}" if first else "") from None
        return blank_form_pdf(definition)
    data = path.read_bytes()
    check_pdf(data, path.name)
    return data


def shipped_definition(form: ProcedureForm) -> Path | None:
    """The resources/forms definition a form's `file` names, if it is a shipped one."""
    if not form.file.lower().endswith(DEFINITION_SUFFIX):
        return None
    path = resource(FORMS_DIR, Path(form.file.replace("\\", "/")).name)
    return path if path.is_file() else None


def store_catalogue_forms(data_dir: Path, catalogue_file: Path,
                          procedures: Sequence[Procedure]) -> list[Procedure]:
    """Read, check and store the files a catalogue file's forms name (relative to the
    catalogue file's folder); the procedures come back with each form's `sha256`.

    Every problem of the file is raised at once (ValidationFailed, fields like
    "procedures[3].forms[0].file"), before anything is stored."""
    folder = Path(catalogue_file).parent
    store = form_store(data_dir)
    problems: list[FieldProblem] = []
    pending: list[bytes] = []
    out: list[Procedure] = []
    for i, procedure in enumerate(procedures):
        forms: list[ProcedureForm] = []
        for j, form in enumerate(procedure.forms):
            where = f"procedures[{i}].forms[{j}]"
            if not form.file:
                if not store.has(form.sha256):
                    problems.append(FieldProblem(f"{where}.sha256", "form.not_stored",
                                                 {"name": form.name}))
                forms.append(form)
                continue
            path = Path(form.file)
            path = path if path.is_absolute() else folder / path
            try:
                pdf = pdf_of_file(path)
            except FormRejected as e:
                problems.append(FieldProblem(f"{where}.file", e.code, e.params))
                continue
            except OSError:
                problems.append(FieldProblem(f"{where}.file", "form.file_missing",
                                             {"name": form.file}))
                continue
            pending.append(pdf)
            forms.append(dataclasses.replace(form, sha256=sha256_of(pdf)))
        out.append(dataclasses.replace(procedure, forms=tuple(forms)))
    if problems:
        raise ValidationFailed(problems)
    for pdf in pending:
        store.put(pdf)
    return out


def _find(procedure: Procedure | None, code: str, form_code: str) -> ProcedureForm:
    form = next((f for f in procedure.forms if f.code == form_code), None) if procedure else None
    if form is None:
        raise NotFound(code=f"{code} / {form_code}")
    return form


def form_pdf(counter: Counter, procedure_code: str, form_code: str) -> bytes:
    """The blank form to print: the stored PDF, else its shipped definition typeset again."""
    procedure = counter.procedure(procedure_code)
    form = _find(procedure, procedure_code, form_code)
    store = form_store(counter.data_dir)
    if form.sha256 and store.has(form.sha256):
        return store.read(form.sha256)
    definition = shipped_definition(form)
    if definition is not None:
        return pdf_of_file(definition)
    chosen = layer.get(counter.conn, procedure_code, form_code)
    if chosen is not None and chosen.sha256 == form.sha256:
        raise FormNotFetched(procedure=procedure_code, form=form.name)
    raise FormMissing(procedure=procedure_code, form=form.name)


def attach_form(counter: Counter, procedure_code: str, form: ProcedureForm,
                path: Path, *, user: str = "") -> Changes:
    """An administrator attaches a province's PDF (or replaces the form of the same code) for
    the whole agency: stored here, announced to the portal by a `form_attached` event."""
    problems: list[FieldProblem] = []
    if not form.code.strip():
        problems.append(FieldProblem("code", "required"))
    if not form.name.strip():
        problems.append(FieldProblem("name", "required"))
    if problems:
        raise ValidationFailed(problems)
    procedure = counter.procedure(procedure_code)
    if procedure is None:
        raise NotFound(code=procedure_code)
    data = Path(path).read_bytes()
    check_pdf(data, Path(path).name)
    sha, _new = form_store(counter.data_dir).put(data)
    chosen = layer.AgencyForm(procedure.code, clean(form.code), clean(form.name), sha, len(data),
                              counter.clock())
    return _record(counter, chosen, user)


def detach_form(counter: Counter, procedure_code: str, form_code: str, *,
                user: str = "") -> Changes:
    """Stop offering a form at the agency, whether the entry or the agency brought it (the
    stored file stays: another entry may use it). A later catalogue update does not bring it
    back; attaching a form of the same code does."""
    procedure = counter.procedure(procedure_code)
    form = _find(procedure, procedure_code, form_code)
    assert procedure is not None
    chosen = layer.AgencyForm(procedure.code, form.code, form.name, "", 0, counter.clock())
    return _record(counter, chosen, user)


def _record(counter: Counter, chosen: layer.AgencyForm, user: str) -> Changes:
    """The agency's choice and the event that pushes it, in one transaction."""
    from .counter import Changes

    kind = layer.FORM_DETACHED if chosen.detached else layer.FORM_ATTACHED
    described: dict[str, Any] = {"code": chosen.code, "name": chosen.name}
    if not chosen.detached:
        described |= {"sha256": chosen.sha256, "size": chosen.size}
    with db.transaction(counter.conn):
        event_id = events.append(
            counter.conn, dossier_id=layer.slot_id(chosen.procedure_code, chosen.code),
            kind=kind, at=chosen.changed_at, user=user,
            workstation=counter.profile.workstation,
            payload={"procedure": chosen.procedure_code, "form": described})
        layer.put(counter.conn, chosen, event_id=event_id)
    return Changes(catalogue=True)

"""Blank declaration forms (tờ khai) of the catalogue: checked, stored once by SHA-256, printed.

A catalogue entry names its forms (`forms: [{"code", "name", "file"}]`). A `file` is either a
PDF supplied by the province or a form definition of resources/forms (typeset by
printing/blank_form.py). On import each file is read and checked, the PDF is stored in
`<data_dir>/forms/ab/cdef….pdf` (the blob store of scans, in its own folder: forms are never
uploaded as dossier scans) and the entry keeps its `sha256`. Nothing is written when one file is
bad. Printing reads the stored PDF; a shipped definition is typeset again when its PDF is not
on this workstation (e.g. a catalogue entry that came from the portal).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import DomainError, FieldProblem, NotFound, ValidationFailed
from ..domain.model import Procedure, ProcedureForm
from ..resources import resource
from ..store import catalogue as catalogue_store
from ..store import db
from ..store.blobs import BlobStore, sha256_of
from . import scans

if TYPE_CHECKING:
    from .counter import Changes, Counter

FORMS_DIR = "forms"
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
    """The procedure has no such form, or its PDF is not on this workstation.

    params: procedure, form (its name)."""

    code = "form.missing"


def form_store(data_dir: Path) -> BlobStore:
    return BlobStore(Path(data_dir) / FORMS_DIR)


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
    raise FormMissing(procedure=procedure_code, form=form.name)


def attach_form(counter: Counter, procedure_code: str, form: ProcedureForm,
                path: Path) -> Changes:
    """An administrator attaches a province's PDF (or replaces the form of the same code)."""
    from .counter import Changes

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
    stored = ProcedureForm(form.code.strip(), form.name.strip(), "", sha)
    forms = [f for f in procedure.forms if f.code != stored.code] + [stored]
    with db.transaction(counter.conn):
        catalogue_store.upsert_procedures(
            counter.conn, [dataclasses.replace(procedure, forms=tuple(forms))], counter.clock())
    return Changes(catalogue=True)


def detach_form(counter: Counter, procedure_code: str, form_code: str) -> Changes:
    """Remove a form from a procedure (the stored file stays: another entry may use it)."""
    from .counter import Changes

    procedure = counter.procedure(procedure_code)
    _find(procedure, procedure_code, form_code)
    assert procedure is not None
    forms = tuple(f for f in procedure.forms if f.code != form_code)
    with db.transaction(counter.conn):
        catalogue_store.upsert_procedures(
            counter.conn, [dataclasses.replace(procedure, forms=forms)], counter.clock())
    return Changes(catalogue=True)

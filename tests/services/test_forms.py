"""Blank forms of the catalogue: imported with the catalogue, checked, stored once, printed."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pypdf
import pytest

from counter_app.domain.errors import ValidationFailed
from counter_app.domain.model import ProcedureForm
from counter_app.services import forms
from counter_app.services.counter import Counter
from counter_app.services.demo import seed_catalogue_files
from counter_app.store.blobs import sha256_of
from tests.printing.helpers import LETTERHEAD, flat, text

from .scan_files import pdf_file


def pdf_bytes(pages: int = 1) -> bytes:
    return pdf_file(pages)


def encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_file(1))))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _catalogue(folder: Path, forms_: list[dict[str, str]], code: str = "1.001193") -> Path:
    entry = {"code": code, "name": "Thủ tục đăng ký khai sinh", "field": {"name": "Hộ tịch"},
             "level": "commune", "time_limit": {"kind": "same_day"}, "forms": forms_}
    path = folder / "cat.json"
    path.write_text(json.dumps({"format": 1, "procedures": [entry]}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_the_seed_catalogue_brings_its_typeset_forms(counter: Counter) -> None:
    counter.import_catalogue(seed_catalogue_files())
    birth = counter.procedure("1.001193")
    assert birth is not None and [f.name for f in birth.forms] == ["Tờ khai đăng ký khai sinh"]
    pdf = forms.form_pdf(counter, "1.001193", birth.forms[0].code)
    assert sha256_of(pdf) == birth.forms[0].sha256
    assert (counter.data_dir / "forms").is_dir()
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in text(pdf)
    business = counter.procedure("1.001612")
    assert business is not None and business.forms[0].name == "Giấy đề nghị đăng ký hộ kinh doanh"


def test_a_province_pdf_is_stored_once_by_its_hash(counter: Counter, tmp_path: Path) -> None:
    pdf = pdf_bytes()
    (tmp_path / "tk.pdf").write_bytes(pdf)
    catalogue = _catalogue(tmp_path, [{"code": "tk", "name": "Tờ khai của tỉnh", "file": "tk.pdf"}])
    counter.import_catalogue([catalogue])
    counter.import_catalogue([catalogue])
    stored = list((counter.data_dir / "forms").rglob("*.pdf"))
    assert [p.read_bytes() for p in stored] == [pdf]
    assert forms.form_pdf(counter, "1.001193", "tk") == pdf


@pytest.mark.parametrize(("content", "code"), [
    (b"PK\x03\x04 not a pdf", "form.not_pdf"),
    (b"%PDF-1.4 broken", "form.unreadable"),
    (None, "form.encrypted"),
])
def test_a_bad_pdf_is_refused_and_nothing_is_imported(
        counter: Counter, tmp_path: Path, content: bytes | None, code: str) -> None:
    (tmp_path / "tk.pdf").write_bytes(content if content is not None else encrypted_pdf())
    catalogue = _catalogue(tmp_path, [{"code": "tk", "name": "Tờ khai", "file": "tk.pdf"},
                                      {"code": "x", "name": "Thiếu", "file": "missing.pdf"}],
                           code="1.999999")
    with pytest.raises(ValidationFailed) as caught:
        counter.import_catalogue([catalogue])
    problems = {(p.field, p.code) for p in caught.value.problems}
    assert problems == {("procedures[0].forms[0].file", code),
                        ("procedures[0].forms[1].file", "form.file_missing")}
    assert counter.procedure("1.999999") is None
    assert not (counter.data_dir / "forms").exists()
    from counter_app import messages
    assert all(messages.text(p.code, **p.params) != p.code for p in caught.value.problems)


def test_an_administrator_attaches_and_replaces_a_pdf(counter: Counter, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(pdf_bytes())
    second.write_bytes(pdf_bytes(pages=2))
    code = counter.procedures()[0].code
    forms.attach_form(counter, code, ProcedureForm("tk", "Tờ khai"), first)
    forms.attach_form(counter, code, ProcedureForm("tk", "Tờ khai (bản mới)"), second)
    procedure = counter.procedure(code)
    assert procedure is not None
    assert [(f.code, f.name) for f in procedure.forms] == [("tk", "Tờ khai (bản mới)")]
    assert len(pypdf.PdfReader(second).pages) == 2
    assert forms.form_pdf(counter, code, "tk") == second.read_bytes()
    forms.detach_form(counter, code, "tk")
    assert counter.procedure(code).forms == ()  # type: ignore[union-attr]


def test_an_entry_from_the_portal_prints_the_shipped_definition(counter: Counter) -> None:
    """A catalogue pulled from the portal names the shipped file but its PDF is not stored."""
    from counter_app.store import catalogue as catalogue_store

    procedure = counter.procedures()[0]
    pulled = dataclasses.replace(procedure, forms=(ProcedureForm(
        "ks", "Tờ khai đăng ký khai sinh", "../forms/to-khai-dang-ky-khai-sinh.json"),))
    catalogue_store.upsert_procedures(counter.conn, [pulled], counter.clock())
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in flat(text(forms.form_pdf(counter, procedure.code, "ks")))
    gone = dataclasses.replace(procedure, forms=(ProcedureForm("p", "Tờ khai", "", "b" * 64),))
    catalogue_store.upsert_procedures(counter.conn, [gone], counter.clock())
    with pytest.raises(forms.FormMissing):
        forms.form_pdf(counter, procedure.code, "p")
    assert LETTERHEAD  # the printing helpers are shared with tests/printing


def test_an_attached_form_is_recorded_for_the_agencys_other_workstations(
        counter: Counter, tmp_path: Path) -> None:
    from counter_app.store import agency_forms, events

    path = tmp_path / "tờ khai của bà Nguyễn Thị Hương.pdf"  # a name that must not travel
    path.write_bytes(pdf_bytes(pages=2))
    forms.attach_form(counter, "1.001193", ProcedureForm("tk", "Tờ khai của tỉnh"), path,
                      user="admin1")
    sent = events.for_dossier(counter.conn, agency_forms.slot_id("1.001193", "tk"))
    assert [(e.kind, e.user, e.workstation) for e in sent] == [("form_attached", "admin1", 1)]
    assert sent[0].payload == {"procedure": "1.001193", "form": {
        "code": "tk", "name": "Tờ khai của tỉnh", "sha256": sha256_of(path.read_bytes()),
        "size": len(path.read_bytes())}}
    assert counter.pending_count() == 1
    assert [u.sha256 for u in agency_forms.pending_uploads(counter.conn)] == [
        sha256_of(path.read_bytes())]


def test_a_detached_catalogue_form_stays_detached_after_an_import(counter: Counter) -> None:
    counter.import_catalogue(seed_catalogue_files())
    birth = counter.procedure("1.001193")
    assert birth is not None and len(birth.forms) == 1
    forms.detach_form(counter, "1.001193", birth.forms[0].code)
    counter.import_catalogue(seed_catalogue_files())
    assert counter.procedure("1.001193").forms == ()  # type: ignore[union-attr]
    assert [p.forms for p in counter.procedures() if p.code == "1.001193"] == [()]

"""The procedure information sheet and the blank forms typeset from resources/forms."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from counter_app.domain.catalogue import load_catalogue_file
from counter_app.domain.errors import ValidationFailed
from counter_app.domain.model import ProcedureForm
from counter_app.printing.blank_form import (
    UNVERIFIED,
    blank_form_pdf,
    load_definition,
    parse_definition,
)
from counter_app.printing.procedure_sheet import MISSING, procedure_sheet_pdf
from counter_app.resources import resource

from .helpers import LETTERHEAD, flat, fonts_of, procedure, text

FORMS = sorted(resource("forms").glob("*.json"))


def _assert_embedded_tinos(pdf: bytes) -> None:
    found = fonts_of(pdf)
    assert found and all(f["embedded"] for f in found.values())
    assert all("Tinos" in name for name in found)


def test_sheet_shows_every_part_of_the_catalogue_entry() -> None:
    birth = next(p for p in load_catalogue_file(resource("catalogue", "commune_ho_tich.json"))
                 if p.code == "1.001193")
    pdf = procedure_sheet_pdf(birth, LETTERHEAD, printed_on=dt.date(2026, 11, 22))
    shown = flat(text(pdf))
    for expected in ("THÔNG TIN THỦ TỤC HÀNH CHÍNH", "Thủ tục đăng ký khai sinh", "1.001193",
                     "Hộ tịch (G15-TP07)", "Cấp xã", "Ủy ban nhân dân cấp xã",
                     "Trong ngày (nhận trước 15 giờ 00 phút)", "Phí cấp bản sao Giấy khai sinh",
                     "8.000 đ", "miễn phí", "Trình tự thực hiện", "Thành phần hồ sơ",
                     "Tờ khai đăng ký khai sinh theo mẫu", "Bản chính", "Khi cần",
                     "Căn cứ pháp lý", "Luật Hộ tịch số 60/2014/QH13",
                     "Giấy khai sinh (bản chính)", "Mẫu đơn, tờ khai",
                     "Qua dịch vụ bưu chính công ích", "ngày 22 tháng 11 năm 2026"):
        assert expected in shown, expected
    assert MISSING not in shown
    _assert_embedded_tinos(pdf)


def test_sheet_says_what_the_catalogue_lacks_instead_of_blanks() -> None:
    bare = procedure(steps="", legal_basis=(), documents=(), agency="")
    shown = flat(text(procedure_sheet_pdf(bare, LETTERHEAD)))
    assert "Trình tự thực hiện" in shown and "Căn cứ pháp lý" in shown
    assert shown.count(MISSING) >= 4  # steps, legal basis, checklist, agency (and result)


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_shipped_form_prints_title_reference_and_fields(path: Path) -> None:
    definition = load_definition(path)
    pdf = blank_form_pdf(definition)
    shown = flat(text(pdf))
    assert definition.title in shown
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in shown
    assert flat(definition.reference) in shown
    labels = [b.label for b in definition.blocks if b.kind == "field"]
    labels += [str(i["label"]) for b in definition.blocks if b.kind == "fields" for i in b.items]
    assert labels
    for label in labels:
        assert label in shown, label
    # Never silently invented: an unverified form says so on paper and in its metadata.
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["verified"] is definition.verified
    if not definition.verified:
        assert UNVERIFIED in shown
        assert UNVERIFIED in definition.display_title
    _assert_embedded_tinos(pdf)


def test_every_shipped_form_is_in_the_readme_with_its_status() -> None:
    readme = resource("forms", "README.md").read_text(encoding="utf-8")
    for path in FORMS:
        definition = load_definition(path)
        assert path.name in readme
        if not definition.verified:
            line = next(ln for ln in readme.splitlines() if ln.startswith(f"| `{path.name}`"))
            assert UNVERIFIED in line


def test_tick_boxes_and_signature_are_drawn() -> None:
    definition = parse_definition({
        "format": 1, "code": "x", "title": "TỜ KHAI THỬ", "reference": "Mẫu thử", "verified": True,
        "blocks": [{"kind": "choices", "label": "Giới tính", "options": ["Nam", "Nữ"]},
                   {"kind": "signature", "title": "NGƯỜI KHAI", "note": "(Ký, ghi rõ họ tên)",
                    "dateline": True}]})
    shown = flat(text(blank_form_pdf(definition)))
    assert "Giới tính: Nam Nữ" in shown
    assert "NGƯỜI KHAI" in shown and "(Ký, ghi rõ họ tên)" in shown
    assert UNVERIFIED not in shown


def test_a_bad_definition_names_every_problem() -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_definition({"format": 1, "title": "", "reference": "Mẫu", "verified": "no",
                          "blocks": [{"kind": "table"}, {"kind": "field"}]})
    fields = {p.field for p in caught.value.problems}
    assert {"form.title", "form.code", "form.verified", "form.blocks[0].kind",
            "form.blocks[1].label"} <= fields


def test_catalogue_entries_keep_their_forms() -> None:
    entry = procedure(forms=(ProcedureForm("tk", "Tờ khai", "../forms/tk.json", "a" * 64),))
    from counter_app.domain.catalogue import procedure_from_dict, procedure_to_dict
    assert procedure_from_dict(procedure_to_dict(entry)) == entry
    assert "forms" not in procedure_to_dict(dataclasses.replace(entry, forms=()))


def test_the_window_names_unverified_forms_as_the_paper_does() -> None:
    from counter_app.ui import procedure_info

    assert procedure_info.UNVERIFIED == UNVERIFIED

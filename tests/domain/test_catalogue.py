"""Catalogue files: the seed data loads and is complete; the reader reports every problem."""

from __future__ import annotations

import copy
import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from counter_app.domain.catalogue import (
    PROCEDURE_CODE_PATTERN,
    load_catalogue_file,
    parse_catalogue,
    procedure_from_dict,
    procedure_to_dict,
)
from counter_app.domain.errors import FieldProblem, ValidationFailed
from counter_app.domain.model import (
    AgencyLevel,
    CopyType,
    DocumentRequirement,
    Fee,
    Procedure,
    ProcedureCode,
    ResultDelivery,
    TimeLimit,
    TimeLimitKind,
)
from counter_app.domain.text import fold

CATALOGUE_DIR = Path(__file__).resolve().parents[2] / "resources" / "catalogue"
CATALOGUE_FILES = sorted(CATALOGUE_DIR.glob("*.json"))

# Folded fragments of procedure names that the seed catalogue must contain.
MUST_HAVE = [
    "dang ky khai sinh",
    "dang ky ket hon",
    "dang ky khai tu",
    "chung thuc ban sao tu ban chinh",
    "chung thuc chu ky",
    "chung thuc giao dich",
    "thanh lap ho kinh doanh",
    "thay doi noi dung dang ky ho kinh doanh",
    "giay phep xay dung",
    "dang ky thuong tru",
    "dang ky tam tru",
    "ly lich tu phap",
    "trich luc",
    "nhan cha, me, con",
    "cai chinh",
    "tinh trang hon nhan",
    "dang ky giam ho",
    "quyen su dung dat",
    "doanh nghiep",
]


def _all_procedures() -> list[Procedure]:
    return [p for path in CATALOGUE_FILES for p in load_catalogue_file(path)]


def _problems(excinfo: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in excinfo.value.problems}


def _entry(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "code": "1.001193",
        "name": "Thủ tục đăng ký khai sinh",
        "field": {"code": "G15-TP07", "name": "Hộ tịch"},
        "level": "commune",
        "agency": "Ủy ban nhân dân cấp xã",
        "service_level": "partial_online",
        "time_limit": {"kind": "same_day", "cutoff": "15:00"},
        "sets": 1,
        "documents": [
            {
                "name": "Tờ khai đăng ký khai sinh theo mẫu",
                "copy_types": ["original"],
                "quantity": 1,
                "mandatory": True,
                "note": "",
            }
        ],
        "fees": [{"name": "Lệ phí đăng ký khai sinh", "amount": 0, "note": "Miễn"}],
        "result_delivery": ["counter", "post"],
        "legal_basis": ["Luật Hộ tịch 2014"],
        "steps": "Nộp hồ sơ; nhận kết quả.",
        "source": "https://dichvucong.gov.vn/",
        "note": "",
    }
    entry.update(changes)
    return entry


def _file(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"format": 1, "source": "test", "procedures": list(entries)}


# ---------------------------------------------------------------- seed data


def test_catalogue_directory_has_files() -> None:
    assert len(CATALOGUE_FILES) >= 3


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda p: p.name)
def test_every_file_loads_and_is_nfc(path: Path) -> None:
    procedures = load_catalogue_file(path)
    assert procedures
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    raw = json.loads(text)
    assert raw["format"] == 1 and raw["source"]


def test_seed_has_enough_procedures_with_unique_codes() -> None:
    procedures = _all_procedures()
    codes = [p.code for p in procedures]
    assert len(procedures) >= 25
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize("procedure", _all_procedures(), ids=lambda p: str(p.code))
def test_seed_procedure_is_usable_at_the_counter(procedure: Procedure) -> None:
    assert procedure.name and procedure.field_name and procedure.agency
    assert procedure.documents, "at least one document"
    assert any(d.mandatory for d in procedure.documents)
    limit = procedure.time_limit
    assert limit.kind is TimeLimitKind.SAME_DAY or limit.value > 0
    assert procedure.source
    assert procedure.legal_basis and procedure.steps
    assert procedure.result_delivery
    assert all(f.amount >= 0 for f in procedure.fees)
    assert procedure.service_level in ("info", "partial_online", "full_online")


def test_seed_covers_the_common_counter_procedures() -> None:
    names = [fold(p.name) for p in _all_procedures()]
    missing = [want for want in MUST_HAVE if not any(want in name for name in names)]
    assert missing == []


def test_seed_has_both_levels_and_several_time_kinds() -> None:
    procedures = _all_procedures()
    assert {p.level for p in procedures} >= {AgencyLevel.COMMUNE, AgencyLevel.PROVINCE}
    kinds = {p.time_limit.kind for p in procedures}
    assert {TimeLimitKind.WORKING_DAYS, TimeLimitKind.SAME_DAY} <= kinds


def test_seed_known_facts() -> None:
    by_code = {str(p.code): p for p in _all_procedures()}
    birth = by_code["1.001193"]
    assert birth.time_limit == TimeLimit(TimeLimitKind.SAME_DAY, 0, dt.time(15, 0))
    assert birth.field_code == "G15-TP07"
    residence = by_code["1.004222"]
    assert residence.time_limit == TimeLimit(TimeLimitKind.WORKING_DAYS, 7)
    assert [f.amount for f in residence.fees] == [20000]
    copy_cert = by_code["2.000815"]
    assert copy_cert.fees[0].amount == 2000
    assert copy_cert.result_delivery == (ResultDelivery.COUNTER,)


@pytest.mark.parametrize("procedure", _all_procedures(), ids=lambda p: str(p.code))
def test_round_trip_every_seed_procedure(procedure: Procedure) -> None:
    as_dict = procedure_to_dict(procedure)
    assert procedure_from_dict(as_dict) == procedure
    # and through real JSON text
    again = procedure_from_dict(json.loads(json.dumps(as_dict, ensure_ascii=False)))
    assert again == procedure
    assert procedure_to_dict(again) == as_dict


# ---------------------------------------------------------------- reader


def test_minimal_entry_gets_defaults() -> None:
    p = procedure_from_dict(
        {
            "code": "1.004222",
            "name": "Đăng ký thường trú",
            "field": {"name": "Đăng ký, quản lý cư trú"},
            "level": "commune",
            "time_limit": {"kind": "working_days", "value": 7},
            "documents": [{"name": "Tờ khai CT01"}],
        }
    )
    assert p.documents == (DocumentRequirement("Tờ khai CT01"),)
    assert p.result_delivery == (ResultDelivery.COUNTER, ResultDelivery.POST)
    assert p.sets == 1 and p.fees == () and p.field_code == "" and p.active
    assert p.time_limit == TimeLimit(TimeLimitKind.WORKING_DAYS, 7.0)


def test_texts_are_cleaned_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "  Đăng   ký khai sinh ")
    p = procedure_from_dict(_entry(name=decomposed))
    assert p.name == "Đăng ký khai sinh"
    assert unicodedata.is_normalized("NFC", p.name)


def test_full_entry_maps_every_field() -> None:
    p = procedure_from_dict(
        _entry(
            time_limit={"kind": "same_day", "cutoff": "16:30"},
            documents=[
                {
                    "name": "CCCD",
                    "copy_types": ["original", "certified_copy"],
                    "quantity": 2,
                    "mandatory": False,
                    "note": "xuất trình",
                }
            ],
            result_delivery=["counter"],
            active=False,
        )
    )
    assert p == Procedure(
        code=ProcedureCode("1.001193"),
        name="Thủ tục đăng ký khai sinh",
        field_name="Hộ tịch",
        level=AgencyLevel.COMMUNE,
        time_limit=TimeLimit(TimeLimitKind.SAME_DAY, 0, dt.time(16, 30)),
        field_code="G15-TP07",
        service_level="partial_online",
        agency="Ủy ban nhân dân cấp xã",
        documents=(
            DocumentRequirement(
                "CCCD", (CopyType.ORIGINAL, CopyType.CERTIFIED_COPY), 2, False, "xuất trình"
            ),
        ),
        fees=(Fee("Lệ phí đăng ký khai sinh", 0, "Miễn"),),
        result_delivery=(ResultDelivery.COUNTER,),
        sets=1,
        legal_basis=("Luật Hộ tịch 2014",),
        steps="Nộp hồ sơ; nhận kết quả.",
        source="https://dichvucong.gov.vn/",
        active=False,
    )
    assert procedure_from_dict(procedure_to_dict(p)) == p


def test_round_trip_keeps_unusual_values() -> None:
    p = Procedure(
        code=ProcedureCode("1.011442.000.00.00.H38"),
        name="X",
        field_name="Y",
        level=AgencyLevel.MINISTRY,
        time_limit=TimeLimit(TimeLimitKind.WORKING_HOURS, 2.5, dt.time(10, 0)),
    )
    d = procedure_to_dict(p)
    assert d["time_limit"] == {"kind": "working_hours", "value": 2.5, "cutoff": "10:00"}
    assert procedure_from_dict(d) == p


@pytest.mark.parametrize(
    "code, ok",
    [
        ("1.001193", True),
        ("2.000635", True),
        ("1.013831.H19", True),
        ("1.011442.000.00.00.H38", True),
        ("1.00119", False),
        ("1-001193", False),
        ("1.001193.", False),
        ("1.001193.h19", False),
        ("A.001193", False),
        ("12.001193", False),
    ],
)
def test_code_pattern(code: str, ok: bool) -> None:
    import re

    assert (re.fullmatch(PROCEDURE_CODE_PATTERN, code) is not None) is ok


def test_missing_name_reported_with_path() -> None:
    entry = _entry()
    del entry["name"]
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(entry, "procedures[3]")
    assert _problems(exc) == {("procedures[3].name", "catalogue.missing")}


def test_blank_name_is_missing() -> None:
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(_entry(name="   "))
    assert _problems(exc) == {("name", "catalogue.missing")}


def test_wrong_time_limit_kind() -> None:
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(_entry(time_limit={"kind": "weeks", "value": 2}), "procedures[3]")
    assert exc.value.problems == [
        FieldProblem(
            "procedures[3].time_limit.kind",
            "catalogue.enum",
            {
                "value": "weeks",
                "allowed": ["working_days", "working_hours", "calendar_days", "same_day"],
            },
        )
    ]


def test_unknown_copy_type() -> None:
    docs = [{"name": "Tờ khai", "copy_types": ["original", "scan"]}]
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(_entry(documents=docs))
    assert _problems(exc) == {("documents[0].copy_types[1]", "catalogue.enum")}


def test_negative_fee() -> None:
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(_entry(fees=[{"name": "Lệ phí", "amount": -5000}]))
    assert exc.value.problems == [
        FieldProblem("fees[0].amount", "catalogue.range", {"min": 0, "value": -5000})
    ]


def test_bad_code() -> None:
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(_entry(code="TTHC-01"))
    assert exc.value.problems == [
        FieldProblem("code", "catalogue.code_format", {"value": "TTHC-01"})
    ]


def test_many_problems_reported_at_once() -> None:
    entry = _entry(
        code="1.1193",
        level="district",
        time_limit={"kind": "working_days", "value": 0, "cutoff": "25:00"},
        documents=[{"copy_types": []}, "Tờ khai"],
        fees=[{"name": "Lệ phí", "amount": "20.000"}],
        result_delivery=["email"],
        sets=0,
        service_level="level4",
        legal_basis=[42],
        field={"code": 7},
        extra=True,
    )
    del entry["name"]
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(entry, "procedures[0]")
    assert _problems(exc) == {
        ("procedures[0].code", "catalogue.code_format"),
        ("procedures[0].name", "catalogue.missing"),
        ("procedures[0].field.name", "catalogue.missing"),
        ("procedures[0].field.code", "catalogue.type"),
        ("procedures[0].level", "catalogue.enum"),
        ("procedures[0].service_level", "catalogue.enum"),
        ("procedures[0].time_limit.value", "catalogue.range"),
        ("procedures[0].time_limit.cutoff", "catalogue.time_format"),
        ("procedures[0].sets", "catalogue.range"),
        ("procedures[0].documents[0].name", "catalogue.missing"),
        ("procedures[0].documents[0].copy_types", "catalogue.missing"),
        ("procedures[0].documents[1]", "catalogue.type"),
        ("procedures[0].fees[0].amount", "catalogue.type"),
        ("procedures[0].result_delivery[0]", "catalogue.enum"),
        ("procedures[0].legal_basis[0]", "catalogue.type"),
        ("procedures[0].extra", "catalogue.unknown"),
    }


def test_missing_required_blocks() -> None:
    entry = _entry()
    for key in ("code", "field", "level", "time_limit"):
        del entry[key]
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(entry)
    assert _problems(exc) == {
        ("code", "catalogue.missing"),
        ("field", "catalogue.missing"),
        ("level", "catalogue.missing"),
        ("time_limit", "catalogue.missing"),
    }


def test_time_limit_value_rules() -> None:
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(_entry(time_limit={"kind": "calendar_days"}))
    assert _problems(exc) == {("time_limit.value", "catalogue.missing")}
    with pytest.raises(ValidationFailed) as exc:
        procedure_from_dict(_entry(time_limit={"kind": "working_days", "value": True}))
    assert _problems(exc) == {("time_limit.value", "catalogue.type")}
    same_day = procedure_from_dict(_entry(time_limit={"kind": "same_day"}))
    assert same_day.time_limit.cutoff == dt.time(15, 0)


def test_duplicate_codes_in_one_file() -> None:
    data = _file(_entry(), _entry(name="Khác"), _entry(code="1.000894"), _entry())
    with pytest.raises(ValidationFailed) as exc:
        parse_catalogue(data)
    assert exc.value.problems == [
        FieldProblem(
            "procedures[1].code",
            "catalogue.duplicate",
            {"value": "1.001193", "first": "procedures[0]"},
        ),
        FieldProblem(
            "procedures[3].code",
            "catalogue.duplicate",
            {"value": "1.001193", "first": "procedures[0]"},
        ),
    ]


def test_parse_catalogue_collects_problems_of_all_procedures() -> None:
    bad_kind = _entry(code="1.000894", time_limit={"kind": "x", "value": 1})
    no_name = _entry(code="1.000656")
    del no_name["name"]
    with pytest.raises(ValidationFailed) as exc:
        parse_catalogue(_file(_entry(), bad_kind, no_name))
    assert _problems(exc) == {
        ("procedures[1].time_limit.kind", "catalogue.enum"),
        ("procedures[2].name", "catalogue.missing"),
    }


def test_parse_catalogue_file_level_checks() -> None:
    with pytest.raises(ValidationFailed) as exc:
        parse_catalogue({"format": 2, "procedures": {}})
    assert _problems(exc) == {
        ("format", "catalogue.format"),
        ("procedures", "catalogue.type"),
    }
    with pytest.raises(ValidationFailed) as exc:
        parse_catalogue({"source": "x"})
    assert _problems(exc) == {("format", "catalogue.missing"), ("procedures", "catalogue.missing")}


def test_parse_catalogue_keeps_order() -> None:
    data = _file(_entry(code="1.000894"), _entry())
    assert [p.code for p in parse_catalogue(data)] == ["1.000894", "1.001193"]


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": 1,\n  "procedures": [\n    {"code": "1.001193",}\n  ]\n}\n')
    with pytest.raises(ValidationFailed) as exc:
        load_catalogue_file(path)
    assert exc.value.problems == [FieldProblem("file", "catalogue.json", {"line": 4, "col": 25})]


def test_non_utf8_and_non_object_files(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"source": "Hộ tịch"}'.encode("cp1258", errors="replace") + b"\xff")
    with pytest.raises(ValidationFailed) as exc:
        load_catalogue_file(latin)
    assert _problems(exc) == {("file", "catalogue.encoding")}
    array = tmp_path / "array.json"
    array.write_text("[]")
    with pytest.raises(ValidationFailed) as exc:
        load_catalogue_file(array)
    assert _problems(exc) == {("file", "catalogue.type")}


def test_load_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(_file(_entry()), ensure_ascii=False), encoding="utf-8-sig")
    assert [p.code for p in load_catalogue_file(path)] == ["1.001193"]


def test_reader_does_not_mutate_input() -> None:
    entry = _entry()
    before = copy.deepcopy(entry)
    procedure_from_dict(entry)
    assert entry == before

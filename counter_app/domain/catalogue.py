"""Procedure catalogue files (resources/catalogue/*.json) to and from `Procedure` values."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from .errors import FieldProblem, ValidationFailed
from .model import (
    AgencyLevel,
    CopyType,
    DocumentRequirement,
    Fee,
    Procedure,
    ProcedureCode,
    ProcedureForm,
    ResultDelivery,
    TimeLimit,
    TimeLimitKind,
)
from .text import clean

CATALOGUE_FORMAT = 1

# MaTTHC of the national catalogue: "1.001193"; local variants add the agency, e.g.
# "1.013831.H19" or "1.011442.000.00.00.H38".
PROCEDURE_CODE_PATTERN = r"\d\.\d{6}(?:\.[0-9A-Z]+)*"
_CODE_RE = re.compile(PROCEDURE_CODE_PATTERN)
_CUTOFF_RE = re.compile(r"(\d{2}):(\d{2})")

SERVICE_LEVELS = ("info", "partial_online", "full_online")
_DEFAULT_CUTOFF = TimeLimit(TimeLimitKind.SAME_DAY).cutoff

_PROCEDURE_KEYS = frozenset(
    {
        "code",
        "name",
        "field",
        "level",
        "agency",
        "service_level",
        "time_limit",
        "sets",
        "documents",
        "fees",
        "result_delivery",
        "legal_basis",
        "steps",
        "source",
        "note",
        "active",
        "forms",
        "result",
    }
)
_FIELD_KEYS = frozenset({"code", "name"})
_TIME_LIMIT_KEYS = frozenset({"kind", "value", "cutoff"})
_DOCUMENT_KEYS = frozenset({"name", "copy_types", "quantity", "mandatory", "note"})
_FEE_KEYS = frozenset({"name", "amount", "note"})
_FORM_KEYS = frozenset({"code", "name", "file", "sha256"})
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_FILE_KEYS = frozenset({"format", "source", "procedures"})

_MISSING = object()


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


class _Reader:
    """Collects every problem of one input instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def add(self, path: str, code: str, **params: Any) -> None:
        self.problems.append(FieldProblem(path, code, dict(params)))

    def mapping(self, value: Any, path: str, keys: frozenset[str]) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add(path, "catalogue.type", expected="object")
            return None
        for key in value:
            if key not in keys:
                self.add(_join(path, str(key)), "catalogue.unknown")
        return value

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool) -> str:
        where = _join(path, key)
        value = data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.add(where, "catalogue.missing")
            return ""
        if not isinstance(value, str):
            self.add(where, "catalogue.type", expected="string")
            return ""
        cleaned = clean(value)
        if required and not cleaned:
            self.add(where, "catalogue.missing")
        return cleaned

    def integer(
        self, data: Mapping[str, Any], key: str, path: str, *, default: int, minimum: int
    ) -> int:
        where = _join(path, key)
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, "catalogue.type", expected="integer")
            return default
        if value < minimum:
            self.add(where, "catalogue.range", min=minimum, value=value)
            return default
        return value

    def boolean(self, data: Mapping[str, Any], key: str, path: str, *, default: bool) -> bool:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.add(_join(path, key), "catalogue.type", expected="boolean")
            return default
        return value

    def items(self, data: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self.add(_join(path, key), "catalogue.type", expected="array")
            return []
        return value

    def choice(self, value: Any, path: str, allowed: tuple[str, ...]) -> str | None:
        if not isinstance(value, str):
            self.add(path, "catalogue.type", expected="string")
            return None
        if value not in allowed:
            self.add(path, "catalogue.enum", value=value, allowed=list(allowed))
            return None
        return value


def _values(enum_type: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum_type)


def _read_time_limit(r: _Reader, data: Mapping[str, Any], path: str) -> TimeLimit | None:
    where = _join(path, "time_limit")
    raw = data.get("time_limit", _MISSING)
    if raw is _MISSING or raw is None:
        r.add(where, "catalogue.missing")
        return None
    obj = r.mapping(raw, where, _TIME_LIMIT_KEYS)
    if obj is None:
        return None
    before = len(r.problems)
    kind_raw = obj.get("kind", _MISSING)
    kind: TimeLimitKind | None = None
    if kind_raw is _MISSING:
        r.add(_join(where, "kind"), "catalogue.missing")
    else:
        chosen = r.choice(kind_raw, _join(where, "kind"), _values(TimeLimitKind))
        kind = TimeLimitKind(chosen) if chosen is not None else None

    value = 0.0
    value_raw = obj.get("value", _MISSING)
    if value_raw is _MISSING:
        if kind is not None and kind is not TimeLimitKind.SAME_DAY:
            r.add(_join(where, "value"), "catalogue.missing")
    elif isinstance(value_raw, bool) or not isinstance(value_raw, int | float):
        r.add(_join(where, "value"), "catalogue.type", expected="number")
    elif value_raw < 0 or (
        value_raw == 0 and kind is not None and kind is not TimeLimitKind.SAME_DAY
    ):
        r.add(_join(where, "value"), "catalogue.range", min_exclusive=0, value=value_raw)
    else:
        value = float(value_raw)

    cutoff = _DEFAULT_CUTOFF
    cutoff_raw = obj.get("cutoff", _MISSING)
    if cutoff_raw is not _MISSING:
        parsed = _parse_cutoff(cutoff_raw)
        if parsed is None:
            r.add(_join(where, "cutoff"), "catalogue.time_format", value=str(cutoff_raw))
        else:
            cutoff = parsed
    if kind is None or len(r.problems) > before:
        return None
    return TimeLimit(kind, value, cutoff)


def _parse_cutoff(value: Any) -> dt.time | None:
    if not isinstance(value, str):
        return None
    match = _CUTOFF_RE.fullmatch(value.strip())
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def _read_document(r: _Reader, raw: Any, path: str) -> DocumentRequirement | None:
    obj = r.mapping(raw, path, _DOCUMENT_KEYS)
    if obj is None:
        return None
    before = len(r.problems)
    name = r.text(obj, "name", path, required=True)
    copy_types: list[CopyType] = []
    if "copy_types" in obj:
        raw_types = r.items(obj, "copy_types", path)
        if isinstance(obj["copy_types"], list) and not raw_types:
            r.add(_join(path, "copy_types"), "catalogue.missing")
        for i, item in enumerate(raw_types):
            chosen = r.choice(item, f"{_join(path, 'copy_types')}[{i}]", _values(CopyType))
            if chosen is not None:
                kind = CopyType(chosen)
                if kind in copy_types:
                    r.add(f"{_join(path, 'copy_types')}[{i}]", "catalogue.duplicate", value=chosen)
                else:
                    copy_types.append(kind)
    else:
        copy_types.append(CopyType.ORIGINAL)
    quantity = r.integer(obj, "quantity", path, default=1, minimum=1)
    mandatory = r.boolean(obj, "mandatory", path, default=True)
    note = r.text(obj, "note", path, required=False)
    if len(r.problems) > before:
        return None
    return DocumentRequirement(name, tuple(copy_types), quantity, mandatory, note)


def _read_fee(r: _Reader, raw: Any, path: str) -> Fee | None:
    obj = r.mapping(raw, path, _FEE_KEYS)
    if obj is None:
        return None
    before = len(r.problems)
    name = r.text(obj, "name", path, required=True)
    amount = 0
    if "amount" not in obj:
        r.add(_join(path, "amount"), "catalogue.missing")
    else:
        amount = r.integer(obj, "amount", path, default=0, minimum=0)
    note = r.text(obj, "note", path, required=False)
    if len(r.problems) > before:
        return None
    return Fee(name, amount, note)


def _read_forms(r: _Reader, obj: Mapping[str, Any], where: str) -> list[ProcedureForm]:
    forms: list[ProcedureForm] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(r.items(obj, "forms", where)):
        path = f"{_join(where, 'forms')}[{i}]"
        form = r.mapping(raw, path, _FORM_KEYS)
        if form is None:
            continue
        before = len(r.problems)
        code = r.text(form, "code", path, required=True)
        name = r.text(form, "name", path, required=True)
        file = r.text(form, "file", path, required=False)
        sha256 = r.text(form, "sha256", path, required=False).lower()
        if sha256 and _SHA256_RE.fullmatch(sha256) is None:
            r.add(_join(path, "sha256"), "catalogue.sha256_format", value=sha256)
        if not file and not sha256:
            r.add(_join(path, "file"), "catalogue.missing")
        if code in seen:
            r.add(_join(path, "code"), "catalogue.duplicate", value=code,
                  first=f"{_join(where, 'forms')}[{seen[code]}]")
        elif code:
            seen[code] = i
        if len(r.problems) == before:
            forms.append(ProcedureForm(code, name, file, sha256))
    return forms


def _read_procedure(r: _Reader, data: Any, where: str) -> Procedure | None:
    obj = r.mapping(data, where, _PROCEDURE_KEYS)
    if obj is None:
        return None
    before = len(r.problems)

    code = r.text(obj, "code", where, required=True)
    if code and _CODE_RE.fullmatch(code) is None:
        r.add(_join(where, "code"), "catalogue.code_format", value=code)
    name = r.text(obj, "name", where, required=True)

    field_name = field_code = ""
    field_path = _join(where, "field")
    if "field" not in obj or obj["field"] is None:
        r.add(field_path, "catalogue.missing")
    else:
        field_obj = r.mapping(obj["field"], field_path, _FIELD_KEYS)
        if field_obj is not None:
            field_name = r.text(field_obj, "name", field_path, required=True)
            field_code = r.text(field_obj, "code", field_path, required=False)

    level: AgencyLevel | None = None
    if "level" not in obj:
        r.add(_join(where, "level"), "catalogue.missing")
    else:
        chosen = r.choice(obj["level"], _join(where, "level"), _values(AgencyLevel))
        level = AgencyLevel(chosen) if chosen is not None else None

    agency = r.text(obj, "agency", where, required=False)
    service_level = ""
    if "service_level" in obj and obj["service_level"] not in ("", None):
        service_level = (
            r.choice(obj["service_level"], _join(where, "service_level"), SERVICE_LEVELS) or ""
        )
    time_limit = _read_time_limit(r, obj, where)
    sets = r.integer(obj, "sets", where, default=1, minimum=1)

    documents = [
        _read_document(r, raw, f"{_join(where, 'documents')}[{i}]")
        for i, raw in enumerate(r.items(obj, "documents", where))
    ]
    fees = [
        _read_fee(r, raw, f"{_join(where, 'fees')}[{i}]")
        for i, raw in enumerate(r.items(obj, "fees", where))
    ]

    deliveries: list[ResultDelivery] = []
    if "result_delivery" in obj:
        for i, raw in enumerate(r.items(obj, "result_delivery", where)):
            path = f"{_join(where, 'result_delivery')}[{i}]"
            chosen = r.choice(raw, path, _values(ResultDelivery))
            if chosen is not None and ResultDelivery(chosen) not in deliveries:
                deliveries.append(ResultDelivery(chosen))
    else:
        deliveries = [ResultDelivery.COUNTER, ResultDelivery.POST]

    legal_basis: list[str] = []
    for i, raw in enumerate(r.items(obj, "legal_basis", where)):
        path = f"{_join(where, 'legal_basis')}[{i}]"
        if not isinstance(raw, str):
            r.add(path, "catalogue.type", expected="string")
        elif clean(raw):
            legal_basis.append(clean(raw))
        else:
            r.add(path, "catalogue.missing")

    steps = r.text(obj, "steps", where, required=False)
    source = r.text(obj, "source", where, required=False)
    r.text(obj, "note", where, required=False)  # for maintainers; Procedure has no note
    active = r.boolean(obj, "active", where, default=True)
    forms = _read_forms(r, obj, where)
    result = r.text(obj, "result", where, required=False)

    if len(r.problems) > before or level is None or time_limit is None:
        return None
    return Procedure(
        code=ProcedureCode(code),
        name=name,
        field_name=field_name,
        level=level,
        time_limit=time_limit,
        field_code=field_code,
        service_level=service_level,
        agency=agency,
        documents=tuple(d for d in documents if d is not None),
        fees=tuple(f for f in fees if f is not None),
        result_delivery=tuple(deliveries),
        sets=sets,
        legal_basis=tuple(legal_basis),
        steps=steps,
        source=source,
        active=active,
        forms=tuple(forms),
        result=result,
    )


def procedure_from_dict(data: Mapping[str, Any], where: str = "") -> Procedure:
    """One catalogue entry → `Procedure`; ValidationFailed lists every problem, paths under
    `where` (e.g. "procedures[3]")."""
    reader = _Reader()
    procedure = _read_procedure(reader, data, where)
    if reader.problems or procedure is None:
        raise ValidationFailed(reader.problems)
    return procedure


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def procedure_to_dict(p: Procedure) -> dict[str, Any]:
    """`Procedure` → catalogue entry; `procedure_from_dict` gives the same value back."""
    time_limit: dict[str, Any] = {"kind": p.time_limit.kind.value}
    if p.time_limit.kind is not TimeLimitKind.SAME_DAY or p.time_limit.value:
        time_limit["value"] = _number(p.time_limit.value)
    if p.time_limit.kind is TimeLimitKind.SAME_DAY or p.time_limit.cutoff != _DEFAULT_CUTOFF:
        time_limit["cutoff"] = p.time_limit.cutoff.strftime("%H:%M")
    out: dict[str, Any] = {
        "code": str(p.code),
        "name": p.name,
        "field": {"code": p.field_code, "name": p.field_name},
        "level": p.level.value,
        "agency": p.agency,
        "service_level": p.service_level,
        "time_limit": time_limit,
        "sets": p.sets,
        "documents": [
            {
                "name": d.name,
                "copy_types": [c.value for c in d.copy_types],
                "quantity": d.quantity,
                "mandatory": d.mandatory,
                "note": d.note,
            }
            for d in p.documents
        ],
        "fees": [{"name": f.name, "amount": f.amount, "note": f.note} for f in p.fees],
        "result_delivery": [r.value for r in p.result_delivery],
        "legal_basis": list(p.legal_basis),
        "steps": p.steps,
        "source": p.source,
    }
    if not p.active:
        out["active"] = False
    if p.result:
        out["result"] = p.result
    if p.forms:  # only when there are some: entries without forms read as before
        out["forms"] = [_form_to_dict(f) for f in p.forms]
    return out


def _form_to_dict(f: ProcedureForm) -> dict[str, str]:
    out = {"code": f.code, "name": f.name}
    if f.file:
        out["file"] = f.file
    if f.sha256:
        out["sha256"] = f.sha256
    return out


def parse_catalogue(data: Mapping[str, Any]) -> list[Procedure]:
    """A whole catalogue file (already decoded) → its procedures, in file order."""
    reader = _Reader()
    top = reader.mapping(data, "", _FILE_KEYS)
    if top is None:
        raise ValidationFailed(reader.problems)
    fmt = top.get("format", _MISSING)
    if fmt is _MISSING:
        reader.add("format", "catalogue.missing")
    elif isinstance(fmt, bool) or fmt != CATALOGUE_FORMAT:
        reader.add("format", "catalogue.format", value=fmt, supported=CATALOGUE_FORMAT)
    reader.text(top, "source", "", required=False)
    if "procedures" not in top:
        reader.add("procedures", "catalogue.missing")
    procedures: list[Procedure] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(reader.items(top, "procedures", "")):
        where = f"procedures[{i}]"
        procedure = _read_procedure(reader, raw, where)
        code = ""
        if isinstance(raw, Mapping) and isinstance(raw.get("code"), str):
            code = clean(raw["code"])
        if code:
            if code in seen:
                reader.add(
                    _join(where, "code"),
                    "catalogue.duplicate",
                    value=code,
                    first=f"procedures[{seen[code]}]",
                )
            else:
                seen[code] = i
        if procedure is not None:
            procedures.append(procedure)
    if reader.problems:
        raise ValidationFailed(reader.problems)
    return procedures


def load_catalogue_file(path: Path) -> list[Procedure]:
    """Read one UTF-8 JSON catalogue file; bad JSON → problem "file"/"catalogue.json"."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed(
            [FieldProblem("file", "catalogue.encoding", {"offset": exc.start})]
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationFailed(
            [FieldProblem("file", "catalogue.json", {"line": exc.lineno, "col": exc.colno})]
        ) from exc
    if not isinstance(data, dict):
        raise ValidationFailed([FieldProblem("file", "catalogue.type", {"expected": "object"})])
    return parse_catalogue(data)

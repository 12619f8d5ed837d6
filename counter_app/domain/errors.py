"""Typed domain errors: codes and parameters, never user-facing sentences (ui/ translates)."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any


class DomainError(Exception):
    """Base of every error raised by the domain, store and services layers."""

    code: str = "error"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.code if not params else f"{self.code} {params}")


@dataclass(frozen=True)
class FieldProblem:
    """One invalid field: `field` is a dotted path (e.g. "applicant.id_number"), `code` a reason."""

    field: str
    code: str
    params: dict[str, Any] = dc_field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "code": self.code}
        if self.params:
            out["params"] = self.params
        return out


class ValidationFailed(DomainError):
    """Input rejected; `problems` lists every invalid field at once."""

    code = "validation_failed"

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__()
        self.args = ("; ".join(f"{p.field}: {p.code}" for p in self.problems),)


class NotFound(DomainError):
    code = "not_found"


class CodeRangeExhausted(DomainError):
    """The workstation used every dossier number of its range for that day."""

    code = "code_range_exhausted"


class InvalidTransition(DomainError):
    code = "invalid_transition"

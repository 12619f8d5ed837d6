"""Report use cases: Biểu II.06a for a period as numbers, JSON, XLSX or PDF."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum

from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.reports import Counts, GroupBy, ReportRow, StatisticsReport
from ..printing.statistics import statistics_pdf
from ..printing.statistics_xlsx import statistics_xlsx
from ..store import reports as report_store
from .counter import Counter
from .documents import letterhead

UNKNOWN_FIELD = "Lĩnh vực khác"


class ReportFormat(StrEnum):
    JSON = "json"
    XLSX = "xlsx"
    PDF = "pdf"


MEDIA_TYPES = {
    ReportFormat.JSON: "application/json",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.PDF: "application/pdf",
}


@dataclass(frozen=True)
class RenderedReport:
    report: StatisticsReport
    format: ReportFormat
    content: bytes


def check_period(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise ValidationFailed([FieldProblem("end", "date_range.order",
                                             {"start": start.isoformat(),
                                              "end": end.isoformat()})])


def statistics(counter: Counter, start: dt.date, end: dt.date,
               by: GroupBy = GroupBy.FIELD) -> StatisticsReport:
    """II.06a of `start`…`end` (both included), one row per field or procedure that has a
    dossier in the period, sorted by name; see docs/reports.md for the rules."""
    check_period(start, end)
    per_procedure = report_store.counts_by_procedure(counter.conn, start, end)
    names = report_store.procedure_names(counter.conn)
    groups: dict[str, tuple[str, Counts]] = {}
    for code, counts in per_procedure.items():
        name, field_name = names.get(code, ("", ""))
        if not name:
            name = report_store.stored_procedure_name(counter.conn, code) or code
        key, label = (code, name) if by == GroupBy.PROCEDURE else (
            field_name or UNKNOWN_FIELD, field_name or UNKNOWN_FIELD)
        groups.setdefault(key, (label, Counts()))[1].add(counts)
    rows = tuple(sorted((ReportRow(k, label, c) for k, (label, c) in groups.items()),
                        key=lambda r: (r.name.casefold(), r.key)))
    totals = Counts()
    for r in rows:
        totals.add(r.counts)
    return StatisticsReport(start, end, by, rows, totals)


def render(counter: Counter, start: dt.date, end: dt.date, fmt: ReportFormat,
           by: GroupBy = GroupBy.FIELD) -> RenderedReport:
    """The report in one of the output formats (bytes; JSON is UTF-8)."""
    report = statistics(counter, start, end, by)
    if fmt == ReportFormat.JSON:
        content = json.dumps(report.as_dict(), ensure_ascii=False, indent=2).encode("utf-8")
    elif fmt == ReportFormat.XLSX:
        content = statistics_xlsx(report, unit_name=counter.profile.agency_name)
    else:
        content = statistics_pdf(report, letterhead(counter.require_profile()))
    return RenderedReport(report, fmt, content)


__all__ = ["GroupBy", "RenderedReport", "ReportFormat", "render", "statistics"]

"""Mẫu 06 Sổ theo dõi hồ sơ as an Excel workbook: the same columns and rows as the PDF."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from ..domain.model import Channel, Dossier, Procedure
from .book import COLUMNS, TITLE
from .common import Letterhead
from .wording import CHANNELS, short_date, short_moment

FONT = "Times New Roman"
HEADER_ROW = 6  # the column headings; the dossiers from the row below
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(vertical="top", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def book_values(d: Dossier, procedures: Mapping[str, Procedure]) -> list[object]:
    """One line of the book as cell values (numbers as numbers, times as text as printed)."""
    applicant = d.applicant.full_name
    if d.submitter is not None and d.submitter.full_name != d.applicant.full_name:
        applicant += f"\n(Người nộp: {d.submitter.full_name})"
    contact = d.applicant.address + (f"\nĐT: {d.applicant.phone}" if d.applicant.phone else "")
    procedure = procedures.get(d.procedure_code)
    notes = [CHANNELS[d.channel]] if d.channel != Channel.DIRECT else []
    notes += [n for n in (d.postal_item, d.notes) if n]
    return [d.book_sequence, d.code or "", d.procedure_name, d.sets, applicant, contact,
            procedure.agency if procedure else "", short_moment(d.received_at),
            short_moment(d.due_at), "", "", "", "\n".join(notes)]


def book_xlsx(dossiers: Sequence[Dossier], procedures: Mapping[str, Procedure],
              letterhead: Letterhead, *, start: dt.date, end: dt.date) -> bytes:
    """Rows 1–2: the unit; 3: title; 4: book numbers; 5: period; 6: headings; then the book."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Mẫu 06"
    last = get_column_letter(len(COLUMNS))
    lines = [ln for ln in letterhead.header_lines if ln.strip()] or [letterhead.unit_name]
    for i, text in enumerate(lines[-2:], start=1):
        ws.cell(i, 1, text.upper()).font = Font(name=FONT, bold=i == len(lines[-2:]), size=11)
        ws.merge_cells(f"A{i}:F{i}")
    books = sorted({d.book_number for d in dossiers if d.book_number})
    for row, text, font in (
            (3, TITLE, Font(name=FONT, bold=True, size=13)),
            (4, f"Quyển số: {', '.join(books) or '……'}", Font(name=FONT, size=11)),
            (5, f"Từ ngày {short_date(start)} đến ngày {short_date(end)}",
             Font(name=FONT, italic=True, size=11))):
        cell = ws.cell(row, 1, text)
        cell.font, cell.alignment = font, _CENTER
        ws.merge_cells(f"A{row}:{last}{row}")
    for c, (heading, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, c, heading)
        cell.font, cell.alignment, cell.border = Font(name=FONT, bold=True, size=10), _CENTER, _BOX
        ws.column_dimensions[get_column_letter(c)].width = max(6.0, (width or 24) * 0.75)
    for r, d in enumerate(dossiers, start=HEADER_ROW + 1):
        for c, value in enumerate(book_values(d, procedures), start=1):
            cell = ws.cell(r, c, value)
            cell.font, cell.alignment, cell.border = Font(name=FONT, size=10), _WRAP, _BOX
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()

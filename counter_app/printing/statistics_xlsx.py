"""Biểu II.06a as an Excel workbook: the form's header rows and merges, numbers as numbers."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from ..domain.reports import StatisticsReport
from .statistics import (
    COLUMN_COUNT,
    FORM,
    NO_DATA,
    TITLE,
    header_cells,
    number_row,
    period_text,
    table_rows,
)

FONT = "Times New Roman"
HEADER_ROW = 5  # first row of the table's three header rows (1-based)
PERCENT = "0.0%"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def statistics_xlsx(report: StatisticsReport, *, unit_name: str = "") -> bytes:
    """Row 1: unit and form number; 2: title; 3: period; 5–7: headers; 8: column numbers;
    then one row per field or procedure and the totals row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "II.06a"
    last = get_column_letter(COLUMN_COUNT)
    ws["A1"] = unit_name.upper()
    ws["A1"].font = Font(name=FONT, bold=True, size=11)
    ws.merge_cells("A1:F1")
    ws.cell(1, COLUMN_COUNT - 2, FORM).font = Font(name=FONT, italic=True, size=11)
    ws["A2"] = TITLE
    ws["A2"].font = Font(name=FONT, bold=True, size=13)
    ws["A2"].alignment = _CENTER
    ws.merge_cells(f"A2:{last}2")
    ws["A3"] = period_text(report)
    ws["A3"].font = Font(name=FONT, italic=True, size=11)
    ws["A3"].alignment = _CENTER
    ws.merge_cells(f"A3:{last}3")

    bold = Font(name=FONT, bold=True, size=10)
    plain = Font(name=FONT, size=10)
    for row in range(HEADER_ROW, HEADER_ROW + 4):
        for col in range(1, COLUMN_COUNT + 1):
            cell = ws.cell(row, col)
            cell.border, cell.alignment, cell.font = _BOX, _CENTER, bold
    for text, r0, c0, r1, c1 in header_cells(report.by):
        ws.cell(HEADER_ROW + r0, c0 + 1, text)
        if (r0, c0) != (r1, c1):
            ws.merge_cells(start_row=HEADER_ROW + r0, start_column=c0 + 1,
                           end_row=HEADER_ROW + r1, end_column=c1 + 1)
    for col, text in enumerate(number_row(), start=1):
        ws.cell(HEADER_ROW + 3, col, text).font = Font(name=FONT, italic=True, size=10)

    row = HEADER_ROW + 4
    if not report.rows:
        ws.cell(row, 1, NO_DATA).font = plain
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMN_COUNT)
        row += 1
    body = table_rows(report)
    for i, values in enumerate(body):
        font = bold if i == len(body) - 1 else plain
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, None if value == "" else value)
            cell.border, cell.font = _BOX, font
            if col == 2:
                cell.alignment = Alignment(vertical="center", wrap_text=True)
            elif col > 13:
                cell.number_format = PERCENT
        row += 1

    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 40
    for col in range(3, COLUMN_COUNT + 1):
        ws.column_dimensions[get_column_letter(col)].width = 11
    ws.freeze_panes = ws.cell(HEADER_ROW + 4, 3)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 3}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

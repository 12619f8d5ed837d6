"""Biểu II.06a as PDF (landscape A4, letterhead, Tinos), and the layout the XLSX shares."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.reports import Counts, GroupBy, StatisticsReport
from . import fonts
from .common import Letterhead, grid, heading, render, styles, x
from .wording import short_date

FORM = "Biểu số II.06a"
TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
TOTAL = "Tổng cộng"
NO_DATA = "Không có hồ sơ trong kỳ báo cáo."
# Leaf columns, left to right: the form's 13 and the three rates the app adds.
COLUMN_COUNT = 16
FIRST_HEADER = {GroupBy.FIELD: "Lĩnh vực giải quyết", GroupBy.PROCEDURE: "Thủ tục hành chính"}


# The header block: (text, first row, first column, last row, last column), 0-based within the
# three header rows; the PDF and the XLSX draw the same cells and merges.
def header_cells(by: GroupBy) -> list[tuple[str, int, int, int, int]]:
    return [
        ("STT", 0, 0, 2, 0),
        (FIRST_HEADER[by], 0, 1, 2, 1),
        ("Số hồ sơ nhận giải quyết", 0, 2, 0, 5),
        ("Kết quả giải quyết", 0, 6, 0, 12),
        ("Tỷ lệ (%)", 0, 13, 0, 15),
        ("Tổng số", 1, 2, 2, 2),
        ("Số mới tiếp nhận trong kỳ", 1, 3, 1, 4),
        ("Từ kỳ trước chuyển qua", 1, 5, 2, 5),
        ("Số hồ sơ đã giải quyết", 1, 6, 1, 9),
        ("Số hồ sơ đang giải quyết", 1, 10, 1, 12),
        ("Giải quyết trước và đúng hạn", 1, 13, 2, 13),
        ("Tiếp nhận trực tuyến", 1, 14, 2, 14),
        ("Tiếp nhận qua bưu chính", 1, 15, 2, 15),
        ("Trực tuyến", 2, 3, 2, 3),
        ("Trực tiếp, dịch vụ bưu chính", 2, 4, 2, 4),
        ("Tổng số", 2, 6, 2, 6),
        ("Trước hạn", 2, 7, 2, 7),
        ("Đúng hạn", 2, 8, 2, 8),
        ("Quá hạn", 2, 9, 2, 9),
        ("Tổng số", 2, 10, 2, 10),
        ("Trong hạn", 2, 11, 2, 11),
        ("Quá hạn", 2, 12, 2, 12),
    ]


def number_row() -> list[str]:
    """"(1)", "(2)", … under the headers, as official forms number their columns."""
    return [f"({i})" for i in range(1, COLUMN_COUNT + 1)]


def counts_values(c: Counts) -> list[int | float | None]:
    """Columns 3–16 of one row: counts, then rates as fractions (None: nothing to divide)."""
    return [c.received, c.online, c.direct_postal, c.carried_over,
            c.resolved, c.early, c.on_time, c.late,
            c.in_progress, c.within_time, c.overdue,
            c.on_time_rate, c.online_share, c.postal_share]


def period_text(report: StatisticsReport) -> str:
    return f"Kỳ báo cáo: từ ngày {short_date(report.start)} đến ngày {short_date(report.end)}"


def percent(value: float | None) -> str:
    """"80,0" (Vietnamese decimal comma); empty when there is no rate."""
    return "" if value is None else f"{value * 100:.1f}".replace(".", ",")


def table_rows(report: StatisticsReport) -> list[list[Any]]:
    """Body rows as plain values (STT, name, 14 numbers), the totals row last."""
    rows: list[list[Any]] = [[i, r.name, *counts_values(r.counts)]
                             for i, r in enumerate(report.rows, start=1)]
    rows.append(["", TOTAL, *counts_values(report.totals)])
    return rows


_PAGE = landscape(A4)
_MARGINS = (15 * mm, 12 * mm, 15 * mm, 20 * mm)  # top, right, bottom, left
_WIDTH = _PAGE[0] - _MARGINS[1] - _MARGINS[3]
_SIZE = 10.0
_NAME_WIDTH = 62 * mm


def statistics_pdf(report: StatisticsReport, letterhead: Letterhead) -> bytes:
    """The form for `report`: letterhead, title, period, the table with a totals row."""
    st = styles(_SIZE)
    head = st.cell_head
    story: list[Flowable] = [
        heading(letterhead, st, _WIDTH, number=None, day=report.end),
        Spacer(1, 2 * mm),
        Paragraph(f"<i>{FORM}</i>", st.body),
        Paragraph(TITLE, st.title),
        Paragraph(x(period_text(report)), st.subtitle),
        Spacer(1, 3 * mm),
    ]
    rest = (_WIDTH - 10 * mm - _NAME_WIDTH) / (COLUMN_COUNT - 2)
    widths = [10 * mm, _NAME_WIDTH] + [rest] * (COLUMN_COUNT - 2)
    rows: list[list[Any]] = [[""] * COLUMN_COUNT for _ in range(3)]
    extra: list[tuple[Any, ...]] = [("ALIGN", (2, 3), (-1, -1), "RIGHT"),
                                    ("ALIGN", (0, 3), (0, -1), "CENTER")]
    for text, r0, c0, r1, c1 in header_cells(report.by):
        rows[r0][c0] = Paragraph(x(text), head)
        if (r0, c0) != (r1, c1):
            extra.append(("SPAN", (c0, r0), (c1, r1)))
    rows.append([Paragraph(n, st.cell_center) for n in number_row()])
    for values in table_rows(report):
        name_style = st.cell_head if values[1] == TOTAL and values[0] == "" else st.cell
        cells: list[Any] = [str(values[0]), Paragraph(x(values[1]), name_style)]
        cells += [str(v) for v in values[2:13]] + [percent(v) for v in values[13:]]
        rows.append(cells)
    extra.append(("FONT", (2, -1), (-1, -1), fonts.SERIF_BOLD, 9))
    if not report.rows:
        rows.insert(-1, [Paragraph(NO_DATA, st.cell_center)] + [""] * (COLUMN_COUNT - 1))
        extra.append(("SPAN", (0, -2), (-1, -2)))
    extra.append(("FONT", (0, 4), (-1, -2), fonts.SERIF, 9))
    story.append(grid(rows, widths, header_rows=4, extra=extra))
    return render(story, title=f"{FORM} {period_text(report)}", author=letterhead.unit_name,
                  pagesize=_PAGE, margins=_MARGINS)

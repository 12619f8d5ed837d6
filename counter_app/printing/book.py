"""Mẫu 06: Sổ theo dõi hồ sơ for a period, landscape, header row repeated on every page."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.model import Channel, Dossier, Procedure
from . import fonts
from .common import CELL_PADDING, Letterhead, grid, render, styles, table, x
from .wording import CHANNELS, short_date, short_moment, two_digits

TITLE = "SỔ THEO DÕI HỒ SƠ"
_PAGE = landscape(A4)
_MARGINS = (15 * mm, 12 * mm, 15 * mm, 12 * mm)  # top, right, bottom, left
_WIDTH = _PAGE[0] - _MARGINS[1] - _MARGINS[3]
_SIZE = 10.0  # body; table cells are 1.5 pt smaller
# (header, width in mm); the last column takes what is left of the 273 mm line.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("TT", 8), ("Mã hồ sơ", 24), ("Tên TTHC", 34), ("Số lượng hồ sơ (bộ)", 11),
    ("Tên cá nhân, tổ chức", 25), ("Địa chỉ, số điện thoại", 36),
    ("Cơ quan chủ trì giải quyết", 22), ("Nhận hồ sơ", 18), ("Hẹn trả kết quả", 18),
    ("Chuyển hồ sơ đến cơ quan giải quyết", 18), ("Nhận kết quả từ cơ quan giải quyết", 18),
    ("Trả kết quả", 16), ("Ghi chú", 0),
)


def _code_cell(code: str) -> str:
    """"000.00.06.H56-<br/>261120-0001": break after the agency code, never inside it."""
    parts = code.rsplit("-", 2)
    return x(code) if len(parts) != 3 else f"{x(parts[0])}-<br/>{x(parts[1])}-{x(parts[2])}"


def _when(t: dt.datetime | None) -> str:
    return short_moment(t).replace(" ", "<br/>", 1)


def _row(d: Dossier, procedures: Mapping[str, Procedure], cell: ParagraphStyle,
         center: ParagraphStyle) -> list[Any]:
    applicant = x(d.applicant.full_name)
    if d.submitter is not None and d.submitter.full_name != d.applicant.full_name:
        applicant += f"<br/>(Người nộp: {x(d.submitter.full_name)})"
    contact = x(d.applicant.address)
    if d.applicant.phone:
        contact += f"<br/>ĐT: {x(d.applicant.phone)}"
    procedure = procedures.get(d.procedure_code)
    notes = [CHANNELS[d.channel]] if d.channel != Channel.DIRECT else []
    if d.postal_item:
        notes.append(d.postal_item)
    if d.notes:
        notes.append(d.notes)
    return [
        Paragraph(str(d.book_sequence or ""), center),
        Paragraph(_code_cell(d.code or ""), cell),
        Paragraph(x(d.procedure_name), cell),
        Paragraph(two_digits(d.sets), center),
        Paragraph(applicant, cell),
        Paragraph(contact, cell),
        Paragraph(x(procedure.agency if procedure else ""), cell),
        Paragraph(_when(d.received_at), center),
        Paragraph(_when(d.due_at), center),
        "", "", "",
        Paragraph("<br/>".join(x(n) for n in notes), cell),
    ]


def _row_heights(rows: list[list[Any]], widths: list[float]) -> list[float]:
    """Every row's height, measured once. A long table is split once per page and reportlab
    would otherwise measure all the rows left over again at each split."""
    pad_x, pad_y = 2 * CELL_PADDING[0], CELL_PADDING[1] + CELL_PADDING[2]
    heights = []
    for row in rows:
        tallest = 0.0
        for value, width in zip(row, widths, strict=True):
            if isinstance(value, Paragraph):
                tallest = max(tallest, value.wrap(width - pad_x, 1e6)[1])
        heights.append(tallest + pad_y)
    return heights


def _running_head(text: str) -> Any:
    """From page 2 on, a line above the table says which book and period it is."""

    def draw(canv: Canvas, doc: Any) -> None:
        if doc.page > 1:
            canv.saveState()
            canv.setFont(fonts.SERIF_ITALIC, 9)
            canv.drawString(_MARGINS[3], _PAGE[1] - 9 * mm, text)
            canv.restoreState()

    return draw


def book_pdf(dossiers: Sequence[Dossier], procedures: Mapping[str, Procedure],
             letterhead: Letterhead, *, start: dt.date, end: dt.date) -> bytes:
    """Mẫu 06 for the received dossiers of `start`…`end` (both included), in book order."""
    lh, st = letterhead, styles(_SIZE)
    cell = st.cell
    center = st.cell_center
    books = sorted({d.book_number for d in dossiers if d.book_number})
    period = f"Từ ngày {short_date(start)} đến ngày {short_date(end)}"
    lines = [ln for ln in lh.header_lines if ln.strip()]
    unit = [Paragraph(x(t.upper()), st.head_right if i == len(lines) - 1 else st.head_left)
            for i, t in enumerate(lines)]
    story: list[Flowable] = [
        table([[unit, ""]], [95 * mm, _WIDTH - 95 * mm], [("LEFTPADDING", (0, 0), (-1, -1), 0)]),
        Paragraph(TITLE, st.title),
        Paragraph(f"Quyển số: {x(', '.join(books) or '……')}", st.center),
        Paragraph(period, st.subtitle),
        Spacer(1, 2 * mm),
    ]
    widths = [w * mm for _, w in COLUMNS[:-1]]
    widths.append(_WIDTH - sum(widths))
    rows: list[list[Any]] = [[Paragraph(h, st.cell_head) for h, _ in COLUMNS],
                             [Paragraph(f"({i})", center) for i in range(1, len(COLUMNS) + 1)]]
    extra: list[tuple[Any, ...]] = [("VALIGN", (0, 2), (-1, -1), "TOP")]
    for d in dossiers:
        rows.append(_row(d, procedures, cell, center))
    if not dossiers:
        rows.append([Paragraph("Không có hồ sơ tiếp nhận trong thời gian này.", center)]
                    + [""] * (len(COLUMNS) - 1))
        extra.append(("SPAN", (0, 2), (-1, 2)))
    measured = _row_heights(rows, widths)
    room = _PAGE[1] - _MARGINS[0] - _MARGINS[2] - measured[0] - measured[1]
    # A row taller than a page (a huge note) must be split inside the row, which reportlab
    # does only when it measures the rows itself.
    heights = measured if max(measured[2:]) <= room else None
    story.append(grid(rows, widths, header_rows=2, extra=extra, heights=heights))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(f"Tổng số: <b>{len(dossiers)}</b> hồ sơ.", st.body))
    head = f"{TITLE} — {lh.unit_name} — Quyển số {', '.join(books)} — {period}"
    return render(story, title=f"{TITLE} {period}", author=lh.unit_name, pagesize=_PAGE,
                  margins=_MARGINS, always_number=True, decorate=_running_head(head))

"""What every form shares: print settings, styles, the letterhead, signatures, page furniture."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import functools
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.model import IdKind, Person
from . import fonts
from .wording import place_date

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
SIGN_NOTE = "(Ký và ghi rõ họ tên)"
DOTS = "……………………………………"


@dataclass(frozen=True)
class Letterhead:
    """What the forms take from the workstation profile; the service builds it from Profile."""

    header_lines: tuple[str, ...]  # top left, governing body first; the last line is the unit
    unit_name: str  # the receiving unit as named in the text of the forms
    place_name: str  # địa danh of the dateline
    receiver_title: str = "NGƯỜI TIẾP NHẬN HỒ SƠ"
    guide_title: str = "NGƯỜI HƯỚNG DẪN"
    head_title: str = "THỦ TRƯỞNG CƠ QUAN"
    receipt_footnote: str = ""
    hotline: str = ""
    lookup_base_url: str = ""  # empty: no QR (the workstation works offline only)


ID_LABELS = {
    IdKind.CCCD: "Số định danh cá nhân",
    IdKind.CMND: "Số CMND",
    IdKind.PASSPORT: "Số hộ chiếu",
    IdKind.OTHER: "Số giấy tờ tùy thân",
}


def x(text: object) -> str:
    """Plain text made safe for Paragraph markup."""
    return escape(str(text))


@dataclass(frozen=True)
class Styles:
    size: float
    body: ParagraphStyle
    justify: ParagraphStyle
    center: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    head_left: ParagraphStyle
    head_right: ParagraphStyle
    dateline: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    sign_title: ParagraphStyle
    sign_note: ParagraphStyle
    note: ParagraphStyle


@functools.lru_cache(maxsize=8)
def styles(size: float = 13.0) -> Styles:
    """Paragraph styles for a body size: 13 pt on A4 forms (official usage), less for two-up."""
    fonts.register()  # Paragraph resolves the font family when it is built, not when drawn
    lead = size * 1.25
    base = ParagraphStyle("body", fontName=fonts.SERIF, fontSize=size, leading=lead,
                          spaceAfter=size * 0.2, alignment=TA_LEFT)

    def make(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    small = size - 1.5
    return Styles(
        size=size,
        body=base,
        justify=make("justify", alignment=TA_JUSTIFY),
        center=make("center", alignment=TA_CENTER),
        title=make("title", fontName=fonts.SERIF_BOLD, fontSize=size + 1, leading=lead + 2,
                   alignment=TA_CENTER, spaceBefore=size * 0.6, spaceAfter=size * 0.2),
        subtitle=make("subtitle", fontName=fonts.SERIF_ITALIC, alignment=TA_CENTER),
        head_left=make("head_left", fontSize=small, leading=small * 1.2, alignment=TA_CENTER,
                       spaceAfter=0),
        head_right=make("head_right", fontName=fonts.SERIF_BOLD, fontSize=small,
                        leading=small * 1.2, alignment=TA_CENTER, spaceAfter=0),
        dateline=make("dateline", fontName=fonts.SERIF_ITALIC, alignment=TA_CENTER),
        cell=make("cell", fontSize=small, leading=small * 1.2, spaceAfter=0),
        cell_center=make("cell_center", fontSize=small, leading=small * 1.2, spaceAfter=0,
                         alignment=TA_CENTER),
        cell_head=make("cell_head", fontName=fonts.SERIF_BOLD, fontSize=small,
                       leading=small * 1.2, spaceAfter=0, alignment=TA_CENTER),
        sign_title=make("sign_title", fontName=fonts.SERIF_BOLD, alignment=TA_CENTER,
                        spaceAfter=0),
        sign_note=make("sign_note", fontName=fonts.SERIF_ITALIC, fontSize=small,
                       alignment=TA_CENTER),
        note=make("note", fontName=fonts.SERIF_ITALIC, fontSize=small, leading=small * 1.25),
    )


def table(rows: list[list[Any]], widths: Sequence[float],
          style: Sequence[tuple[Any, ...]] = (), **kw: Any) -> Table:
    """A Table whose own font is Tinos too: reportlab's default would pull in Helvetica."""
    t = Table(rows, colWidths=list(widths), **kw)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.SERIF, 10), *style]))
    return t


def line(label: str, value: str, st: Styles, *, bold: bool = False) -> Paragraph:
    """"Label: value" with the value escaped (bold for names and codes)."""
    shown = x(value) if value.strip() else DOTS
    if bold and value.strip():
        shown = f"<b>{shown}</b>"
    return Paragraph(f"{x(label)}: {shown}", st.justify)


def identity_line(person: Person, st: Styles) -> Paragraph:
    """ID number, phone and e-mail on one line: "Số định danh cá nhân: …; Số điện thoại: …"."""
    parts = []
    if person.id_number:
        parts.append(f"{ID_LABELS[person.id_kind]}: {x(person.id_number)}")
    parts.append(f"Số điện thoại: {x(person.phone or '……………')}")
    if person.email:
        parts.append(f"Email: {x(person.email)}")
    return Paragraph("; ".join(parts), st.justify)


def heading(lh: Letterhead, st: Styles, width: float, *, number: str | None,
               day: Any) -> Table:
    """Unit top left (with "Số: …"), national motto and dateline top right."""
    left: list[Flowable] = []
    lines = [ln for ln in lh.header_lines if ln.strip()] or ["……………………"]
    for i, text in enumerate(lines):
        bold = i == len(lines) - 1
        style = st.head_right if bold else st.head_left
        left.append(Paragraph(x(text.upper()), style))
    # Rules under the lines (a Spacer: table cells ignore a flowable's spaceBefore).
    left += [Spacer(1, 2), HRFlowable(width="35%", thickness=0.6, color=colors.black,
                                      spaceAfter=4)]
    if number is not None:
        left.append(Paragraph(f"Số: {x(number)}", st.head_left))
    motto_size = st.size - 0.5
    right: list[Flowable] = [
        Paragraph(MOTTO_1, st.head_right),
        Paragraph(MOTTO_2, ParagraphStyle("motto", parent=st.head_right, fontSize=motto_size,
                                          leading=motto_size * 1.2)),
        Spacer(1, 2),
        HRFlowable(width=fonts.text_width(MOTTO_2, fonts.SERIF_BOLD, motto_size),
                   thickness=0.6, color=colors.black, spaceAfter=4),
        Paragraph(x(place_date(lh.place_name, day)), st.dateline),
    ]
    return table([[left, right]], [width * 0.4, width * 0.6], [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # centres the rules under the lines
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ])


def signatures(st: Styles, width: float,
               blocks: Sequence[tuple[str, str, str]]) -> Flowable:
    """Side-by-side signature blocks (title, note, printed name), kept together."""
    cells: list[list[Flowable]] = []
    for title, note, name in blocks:
        cell: list[Flowable] = [Paragraph(x(title).replace("\n", "<br/>"), st.sign_title)]
        if note:
            cell.append(Paragraph(x(note), st.sign_note))
        cell.append(Spacer(1, st.size * (4 if st.size >= 12 else 3)))  # room to sign
        if name:
            cell.append(Paragraph(f"<b>{x(name)}</b>", st.center))
        cells.append(cell)
    row = table([cells], [width / len(blocks)] * len(blocks), [("VALIGN", (0, 0), (-1, -1), "TOP")])
    return KeepTogether([Spacer(1, st.size * 0.6), row])


CELL_PADDING = (3.0, 2.0, 3.0)  # left and right, top, bottom, in points


def grid(rows: list[list[Any]], widths: Sequence[float], *, header_rows: int = 1,
         extra: Sequence[tuple[Any, ...]] = (), heights: Sequence[float] | None = None) -> Table:
    """A ruled table whose header rows repeat on every page it flows onto."""
    side, top, bottom = CELL_PADDING
    return table(rows, widths, [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), side),
        ("RIGHTPADDING", (0, 0), (-1, -1), side),
        *extra,
    ], repeatRows=header_rows, rowHeights=list(heights) if heights is not None else None,
        splitInRow=1)  # a row taller than a page (a huge note) is split, never an error


class Section(Flowable):  # type: ignore[misc]
    """Zero-size marker: pages from here on are numbered as their own part ("liên")."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.qmc_section = self.name


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so each can say "Trang x/y" within its section."""

    always = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.qmc_section = ""
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(p["qmc_section"] for p in self._pages)
        seen: Counter[str] = Counter()
        for state in self._pages:
            self.__dict__.update(state)
            seen[self.qmc_section] += 1
            total = totals[self.qmc_section]
            if self.always or total > 1:
                width = self._pagesize[0]
                self.setFont(fonts.SERIF, 10)
                self.drawCentredString(width / 2, 9 * mm, f"Trang {seen[self.qmc_section]}/{total}")
            Canvas.showPage(self)
        Canvas.save(self)


class _AlwaysNumberedCanvas(_NumberedCanvas):
    always = True


PageHook = Callable[[Canvas, Any], None]


def draw_reprint_stamp(canv: Canvas, reprint: int, right: float, top: float) -> None:
    """"BẢN IN LẠI (lần n)" in a box whose top right corner is (right, top); 6.5 mm high."""
    text = f"BẢN IN LẠI (lần {reprint})"
    size = 11
    width = fonts.text_width(text, fonts.SERIF_BOLD, size)
    canv.saveState()
    canv.setLineWidth(1)
    canv.rect(right - width - 8, top - size - 7, width + 8, size + 7, stroke=1, fill=0)
    canv.setFont(fonts.SERIF_BOLD, size)
    canv.drawRightString(right - 4, top - size - 3, text)
    canv.restoreState()


def reprint_mark(reprint: int) -> PageHook:
    """Page decoration: the reprint stamp in the top right margin of every page."""

    def draw(canv: Canvas, doc: Any) -> None:
        if reprint > 0:
            draw_reprint_stamp(canv, reprint, canv._pagesize[0] - doc.rightMargin,
                               canv._pagesize[1] - 7 * mm)

    return draw


# Margins of administrative documents (Decree 30/2020/NĐ-CP): top/bottom 20–25 mm,
# left 30–35 mm, right 15–20 mm.
PORTRAIT_MARGINS = (20 * mm, 15 * mm, 20 * mm, 30 * mm)  # top, right, bottom, left


def frame_width(pagesize: tuple[float, float] = A4,
                margins: tuple[float, float, float, float] = PORTRAIT_MARGINS) -> float:
    return pagesize[0] - margins[1] - margins[3]


def render(story: list[Flowable], *, title: str, author: str = "", reprint: int = 0,
           pagesize: tuple[float, float] = A4,
           margins: tuple[float, float, float, float] = PORTRAIT_MARGINS,
           frames: list[Frame] | None = None, always_number: bool = False,
           decorate: PageHook | None = None) -> bytes:
    """Lay the story out on pages and return the PDF (reproducible: no timestamps in it)."""
    fonts.register()
    top, right, bottom, left = margins
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=pagesize, topMargin=top, rightMargin=right, bottomMargin=bottom,
        leftMargin=left, title=title, author=author, creator="Quầy Một Cửa", invariant=1,
        lang="vi-VN", initialFontName=fonts.SERIF,
    )
    if frames is None:
        frames = [Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                        id="body")]
    mark = reprint_mark(reprint)

    def on_page(canv: Canvas, doc: Any) -> None:
        mark(canv, doc)
        if decorate is not None:
            decorate(canv, doc)

    doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=on_page,
                                       pagesize=pagesize)])
    doc.build(story, canvasmaker=_AlwaysNumberedCanvas if always_number else _NumberedCanvas)
    return buf.getvalue()

"""Blank declaration forms (tờ khai) typeset from data: resources/forms/*.json → an A4 PDF.

One generic renderer for every form; a form is a list of blocks (see resources/forms/README.md):
  {"kind": "field", "label": "Họ, chữ đệm, tên", "lines": 1}    label, then a dotted line to fill
  {"kind": "fields", "items": [{"label": "Giới tính"}, …]}       several short fields on one line
  {"kind": "dots", "lines": 2}                                     dotted lines, no label
  {"kind": "text", "text": "…", "style": "body|bold|italic|center|heading"}
  {"kind": "choices", "label": "…", "options": ["Nam", "Nữ"]}     tick boxes
  {"kind": "signature", "title": "NGƯỜI YÊU CẦU", "note": "(Ký, ghi rõ họ, chữ đệm, tên)",
   "dateline": true}
  {"kind": "notes", "title": "Chú thích:", "items": ["(1) …"]}
"""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer

from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.text import clean
from . import fonts
from .common import MOTTO_1, MOTTO_2, Styles, render, styles, table, x

FORMAT = 1
UNVERIFIED = "[chưa kiểm chứng]"
KINDS = ("field", "fields", "dots", "text", "choices", "signature", "notes")
TEXT_STYLES = ("body", "bold", "italic", "center", "heading")
# Tờ khai use 12–13 pt; margins a little narrower than letters so the lines are long enough.
MARGINS = (15 * mm, 15 * mm, 15 * mm, 25 * mm)
BODY_SIZE = 12.5
DOT_GAP = 2.2  # points between dots of a line to fill


@dataclass(frozen=True)
class Block:
    kind: str
    label: str = ""
    text: str = ""
    style: str = "body"
    lines: int = 1
    items: tuple[Mapping[str, Any], ...] = ()
    options: tuple[str, ...] = ()
    title: str = ""
    note: str = ""
    dateline: bool = False


@dataclass(frozen=True)
class FormDefinition:
    """A blank form as data: what it is called, which text issued it, and its blocks."""

    code: str
    title: str
    reference: str  # "Mẫu … ban hành kèm theo Thông tư số …"
    verified: bool
    source: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    subtitle: str = ""
    header: str = "national"  # the national motto on top, or "none"

    @property
    def display_title(self) -> str:
        """The title as listed to the clerk: "[chưa kiểm chứng]" unless verified."""
        return self.title if self.verified else f"{self.title} {UNVERIFIED}"


def _problem(where: str, code: str, **params: Any) -> FieldProblem:
    return FieldProblem(where, code, dict(params))


def _text(data: Mapping[str, Any], key: str, where: str, problems: list[FieldProblem],
          *, required: bool = False) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        problems.append(_problem(f"{where}.{key}", "catalogue.type", expected="string"))
        return ""
    if required and not value.strip():
        problems.append(_problem(f"{where}.{key}", "catalogue.missing"))
    return clean(value)


def _block(raw: Any, where: str, problems: list[FieldProblem]) -> Block | None:
    if not isinstance(raw, Mapping):
        problems.append(_problem(where, "catalogue.type", expected="object"))
        return None
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(_problem(f"{where}.kind", "catalogue.enum", value=str(kind),
                                 allowed=list(KINDS)))
        return None
    style = raw.get("style", "body")
    if style not in TEXT_STYLES:
        problems.append(_problem(f"{where}.style", "catalogue.enum", value=str(style),
                                 allowed=list(TEXT_STYLES)))
    lines = raw.get("lines", 1)
    if isinstance(lines, bool) or not isinstance(lines, int) or not 0 <= lines <= 20:
        problems.append(_problem(f"{where}.lines", "catalogue.range", value=str(lines), min=0))
        lines = 1
    items = raw.get("items", [])
    options = raw.get("options", [])
    if not isinstance(items, list) or not isinstance(options, list):
        problems.append(_problem(where, "catalogue.type", expected="array"))
        items, options = [], []
    if kind == "fields" and not all(isinstance(i, Mapping) and i.get("label") for i in items):
        problems.append(_problem(f"{where}.items", "catalogue.missing"))
    if kind == "notes" and not all(isinstance(i, str) for i in items):
        problems.append(_problem(f"{where}.items", "catalogue.type", expected="string"))
    if kind == "choices" and not (options and all(isinstance(o, str) for o in options)):
        problems.append(_problem(f"{where}.options", "catalogue.missing"))
    if kind == "field":
        _text(raw, "label", where, problems, required=True)
    if kind == "text":
        _text(raw, "text", where, problems, required=True)
    return Block(
        kind=kind, label=_text(raw, "label", where, problems),
        text=_text(raw, "text", where, problems), style=str(style), lines=lines,
        items=tuple(dict(i) if isinstance(i, Mapping) else {"text": clean(str(i))}
                    for i in items),
        options=tuple(clean(str(o)) for o in options), title=_text(raw, "title", where, problems),
        note=_text(raw, "note", where, problems), dateline=raw.get("dateline") is True,
    )


def parse_definition(data: Any, where: str = "") -> FormDefinition:
    """A decoded form definition → FormDefinition; ValidationFailed lists every problem."""
    problems: list[FieldProblem] = []
    if not isinstance(data, Mapping):
        raise ValidationFailed([_problem(where or "file", "catalogue.type", expected="object")])
    if data.get("format") != FORMAT:
        problems.append(_problem(f"{where}format", "catalogue.format", value=data.get("format"),
                                 supported=FORMAT))
    base = where.rstrip(".") or "form"
    title = _text(data, "title", base, problems, required=True)
    reference = _text(data, "reference", base, problems, required=True)
    code = _text(data, "code", base, problems, required=True)
    verified = data.get("verified")
    if not isinstance(verified, bool):
        problems.append(_problem(f"{base}.verified", "catalogue.type", expected="boolean"))
    raw_blocks = data.get("blocks")
    if not isinstance(raw_blocks, list) or not raw_blocks:
        problems.append(_problem(f"{base}.blocks", "catalogue.missing"))
        raw_blocks = []
    blocks = [_block(b, f"{base}.blocks[{i}]", problems) for i, b in enumerate(raw_blocks)]
    header = data.get("header", "national")
    if header not in ("national", "none"):
        problems.append(_problem(f"{base}.header", "catalogue.enum", value=str(header),
                                 allowed=["national", "none"]))
    if problems:
        raise ValidationFailed(problems)
    return FormDefinition(
        code=code, title=title, reference=reference, verified=bool(verified),
        source=_text(data, "source", base, problems), subtitle=_text(data, "subtitle", base,
                                                                     problems),
        header=str(header), blocks=tuple(b for b in blocks if b is not None))


def load_definition(path: Path) -> FormDefinition:
    """Read one resources/forms/*.json file (UTF-8)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValidationFailed([_problem("file", "catalogue.json",
                                         line=getattr(e, "lineno", 0),
                                         col=getattr(e, "colno", 0))]) from None
    return parse_definition(data)


# ----- drawing ---------------------------------------------------------------------------------


class FillLine(Flowable):  # type: ignore[misc]
    """"Label: ……" — the label wrapped to the width, the last line and `extra` lines dotted
    to the right margin, with room to write by hand."""

    def __init__(self, label: str, size: float, extra: int = 0, *, note: str = "") -> None:
        super().__init__()
        self.label = f"{label}{' ' + note if note else ''}:" if label else ""
        self.size = size
        self.extra = extra
        self.leading = size * 1.75  # handwriting needs more room than print
        self._lines: list[str] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._lines = (simpleSplit(self.label, fonts.SERIF, self.size, avail_width * 0.92)
                       if self.label else [""])
        return avail_width, self.leading * (len(self._lines) + self.extra)

    def draw(self) -> None:
        canv = self.canv
        rows = len(self._lines) + self.extra
        canv.setFont(fonts.SERIF, self.size)
        for i in range(rows):
            y = self.leading * (rows - i - 1) + self.size * 0.45
            text = self._lines[i] if i < len(self._lines) else ""
            canv.drawString(0, y, text)
            start = fonts.text_width(text, fonts.SERIF, self.size) + (3 if text else 0)
            dotted(canv, start, y, self.width)


def dotted(canv: Any, start: float, y: float, end: float) -> None:
    """A dotted rule from `start` to `end` on the baseline `y` (drawn, so it is not text)."""
    if end - start < 6:
        return
    canv.saveState()
    canv.setLineWidth(0.7)
    canv.setDash(0.6, DOT_GAP)
    canv.setLineCap(1)
    canv.line(start, y - 1, end, y - 1)
    canv.restoreState()


class FieldRow(Flowable):  # type: ignore[misc]
    """Several short fields sharing one line: "Giới tính: …… Dân tộc: …… Quốc tịch: ……"."""

    def __init__(self, items: Sequence[Mapping[str, Any]], size: float) -> None:
        super().__init__()
        self.items = [(f"{clean(str(i.get('label', '')))}"
                       f"{' ' + clean(str(i['note'])) if i.get('note') else ''}:",
                       float(i.get("share", 1))) for i in items]
        self.size = size
        self.leading = size * 1.75

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.leading

    def draw(self) -> None:
        total = sum(share for _, share in self.items) or 1
        x0, y = 0.0, self.size * 0.45
        self.canv.setFont(fonts.SERIF, self.size)
        for label, share in self.items:
            width = self.width * share / total
            self.canv.drawString(x0, y, label)
            start = x0 + fonts.text_width(label, fonts.SERIF, self.size) + 3
            dotted(self.canv, start, y, x0 + width - 4)
            x0 += width


class Choices(Flowable):  # type: ignore[misc]
    """"Label: ☐ A   ☐ B" with drawn tick boxes (fonts have no reliable ballot box glyph)."""

    def __init__(self, label: str, options: Sequence[str], size: float) -> None:
        super().__init__()
        self.label = f"{label}:" if label else ""
        self.options = list(options)
        self.size = size
        self.leading = size * 1.7
        self._rows: list[list[tuple[float, str]]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        box = self.size * 0.8
        x0 = fonts.text_width(self.label, fonts.SERIF, self.size) + 8 if self.label else 0
        rows: list[list[tuple[float, str]]] = [[]]
        pos = x0
        for option in self.options:
            need = box + 4 + fonts.text_width(option, fonts.SERIF, self.size) + 14
            if rows[-1] and pos + need > avail_width:
                rows.append([])
                pos = x0
            rows[-1].append((pos, option))
            pos += need
        self._rows = rows
        return avail_width, self.leading * len(rows)

    def draw(self) -> None:
        canv = self.canv
        box = self.size * 0.8
        canv.setFont(fonts.SERIF, self.size)
        canv.setLineWidth(0.8)
        for r, row in enumerate(self._rows):
            y = self.leading * (len(self._rows) - r - 1) + self.size * 0.35
            if r == 0 and self.label:
                canv.drawString(0, y, self.label)
            for pos, option in row:
                canv.rect(pos, y - 1, box, box, stroke=1, fill=0)
                canv.drawString(pos + box + 4, y, option)


def _header(definition: FormDefinition, st: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(f"<i>{x(definition.reference)}</i>", _small_right(st))]
    if definition.header == "national":
        motto_size = st.size
        out += [
            Paragraph(MOTTO_1, st.head_right),
            Paragraph(MOTTO_2, st.sign_title),
            Spacer(1, 1),
            HRFlowable(width=fonts.text_width(MOTTO_2, fonts.SERIF_BOLD, motto_size),
                       thickness=0.6, color=colors.black, spaceAfter=6),
        ]
    out.append(Paragraph(x(definition.title), st.title))
    if definition.subtitle:
        out.append(Paragraph(x(definition.subtitle), st.subtitle))
    out.append(Spacer(1, st.size * 0.6))
    return out


def _small_right(st: Styles) -> Any:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("reference", parent=st.note, alignment=TA_RIGHT, fontSize=st.size - 3,
                          leading=(st.size - 3) * 1.2)


def _signature(block: Block, st: Styles, width: float) -> Flowable:
    """One signer on the right, or several side by side (`items`: [{"title", "note"}])."""
    signers = [(str(i.get("title", "")), str(i.get("note", ""))) for i in block.items] or [
        (block.title, block.note)]
    cells: list[list[Flowable]] = []
    for title, note in signers:
        cell: list[Flowable] = [Paragraph(x(clean(title)), st.sign_title)]
        if note:
            cell.append(Paragraph(x(clean(note)), st.sign_note))
        cell.append(Spacer(1, st.size * 4.5))
        cells.append(cell)
    out: list[Flowable] = [Spacer(1, st.size * 0.5)]
    if block.dateline:
        dateline = Paragraph("Làm tại: ……………, ngày …… tháng …… năm ……", st.dateline)
        out.append(dateline if len(cells) > 1 else table(
            [["", dateline]], [width * 0.4, width * 0.6]))
    if len(cells) == 1:
        row = table([["", cells[0]]], [width * 0.4, width * 0.6],
                    [("VALIGN", (0, 0), (-1, -1), "TOP")])
    else:
        row = table([cells], [width / len(cells)] * len(cells),
                    [("VALIGN", (0, 0), (-1, -1), "TOP")])
    return KeepTogether([*out, row])


def _flowables(block: Block, st: Styles, width: float) -> list[Flowable]:
    size = st.size
    if block.kind == "field":
        return [FillLine(block.label, size, max(block.lines - 1, 0), note=block.note)]
    if block.kind == "fields":
        return [FieldRow(block.items, size)]
    if block.kind == "dots":
        return [FillLine("", size, max(block.lines - 1, 0))]
    if block.kind == "choices":
        return [Choices(block.label, block.options, size)]
    if block.kind == "signature":
        return [_signature(block, st, width)]
    if block.kind == "notes":
        out: list[Flowable] = [Spacer(1, size * 0.4)]
        if block.title:
            out.append(Paragraph(f"<b><i>{x(block.title)}</i></b>", st.note))
        out += [Paragraph(x(str(i.get("text", ""))), st.note) for i in block.items]
        return out
    style = {"body": st.justify, "italic": st.note, "center": st.center,
             "bold": st.body, "heading": st.body}[block.style]
    text = x(block.text)
    if block.style in ("bold", "heading"):
        text = f"<b>{text}</b>"
    return [Spacer(1, size * 0.3), Paragraph(text, style)]


def blank_form_pdf(definition: FormDefinition) -> bytes:
    """The form on A4, every field a dotted line to fill by hand. A form whose wording was not
    checked against the circular says so in a footer line and in the PDF's subject."""
    st = styles(BODY_SIZE)
    width = A4[0] - MARGINS[1] - MARGINS[3]
    story = _header(definition, st, width)
    for block in definition.blocks:
        story += _flowables(block, st, width)

    def footer(canv: Any, doc: Any) -> None:
        if definition.verified:
            return
        canv.saveState()
        canv.setFont(fonts.SERIF_ITALIC, 7.5)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.drawString(MARGINS[3], 4.5 * mm, f"{UNVERIFIED} Mẫu dựng lại theo văn bản, "
                        "chưa đối chiếu với bản gốc.")
        canv.restoreState()

    return render(story, title=definition.title, author=definition.reference, margins=MARGINS,
                  decorate=footer)


__all__ = ["Block", "FormDefinition", "UNVERIFIED", "blank_form_pdf", "load_definition",
           "parse_definition"]

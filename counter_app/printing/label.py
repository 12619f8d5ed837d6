"""Folder labels for label printers: barcode, QR and code, applicant, procedure, due date."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..domain.model import Dossier
from . import fonts
from .codes import Barcode128, QrCode
from .options import parse_label_size as parse_label_size  # re-exported
from .wording import short_moment


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with "…" so that it fits `width` at `size`."""
    if fonts.text_width(text, font, size) <= width:
        return text
    while text and fonts.text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _fit_size(text: str, font: str, largest: float, width: float, smallest: float = 5) -> float:
    size = largest
    while size > smallest and fonts.text_width(text, font, size) > width:
        size -= 0.25
    return size


def _wrap(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    """Greedy word wrap into at most `lines` lines, the last one cut with "…"."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and fonts.text_width(f"{line} {words[0]}", font, size) <= width:
            line += " " + words.pop(0)
        out.append(line)
    if words:
        out[-1] = _fit(out[-1] + " " + " ".join(words), font, size, width)
    return [_fit(ln, font, size, width) for ln in out]


def label_pdf(dossier: Dossier, *, size_mm: tuple[float, float] = (50.0, 30.0),
              reprint: int = 0) -> bytes:
    """One label of `size_mm` (the page is the label) for a received dossier.

    The Code 128 spans the whole width (the widest bars the label allows: read by 1D scanners
    from 300 dpi label printers); the QR holds the same code for 2D scanners, which read it
    from any printer.
    """
    if dossier.code is None:
        raise ValueError("a label needs a received dossier with a code")
    fonts.register()
    code = dossier.code
    w, h = size_mm[0] * mm, size_mm[1] * mm
    margin = 1.5 * mm
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=(w, h), invariant=1, initialFontName=fonts.SANS)
    canv.setTitle(f"Nhãn hồ sơ {code}")
    canv.setCreator("Quầy Một Cửa")

    bar_h = max(6 * mm, h * 0.32)
    barcode = Barcode128(code, height=bar_h, max_width=w, fill_width=True)
    barcode.drawOn(canv, (w - barcode.width) / 2, margin)

    top_h = h - 2 * margin - bar_h - 1 * mm
    qr_size = min(top_h, w * 0.32)
    qr = QrCode(code, qr_size)
    qr.drawOn(canv, margin - qr_size * 0.08, h - margin - qr_size + qr_size * 0.08)

    x0 = margin + qr_size * 0.88
    text_w = w - x0 - margin
    y = h - margin
    code_size = _fit_size(code, fonts.SANS_BOLD, 8, text_w)
    y -= code_size
    canv.setFont(fonts.SANS_BOLD, code_size)
    canv.drawString(x0, y, code)
    name_size = 7.5
    y -= name_size + 1
    name_w = text_w
    if reprint > 0:  # "IN LẠI n" at the end of the name line, white on black
        mark = f"IN LẠI {reprint}"
        mark_w = fonts.text_width(mark, fonts.SANS_BOLD, 5.5) + 3
        canv.rect(w - margin - mark_w, y - 1.5, mark_w, 8, stroke=0, fill=1)
        canv.setFillColorRGB(1, 1, 1)
        canv.setFont(fonts.SANS_BOLD, 5.5)
        canv.drawRightString(w - margin - 1.5, y, mark)
        canv.setFillColorRGB(0, 0, 0)
        name_w -= mark_w + 2
    name = dossier.applicant.full_name
    name_size = _fit_size(name, fonts.SANS_BOLD, name_size, name_w, smallest=6)
    canv.setFont(fonts.SANS_BOLD, name_size)
    canv.drawString(x0, y, _fit(name, fonts.SANS_BOLD, name_size, name_w))
    small = 6.0
    due_line = f"Hẹn trả: {short_moment(dossier.due_at)}" if dossier.due_at else ""
    room = int((y - (h - margin - top_h) - (small + 1 if due_line else 0)) // (small + 1))
    canv.setFont(fonts.SANS, small)
    for text in _wrap(dossier.procedure_name, fonts.SANS, small, text_w, max(room, 1)):
        y -= small + 1
        canv.drawString(x0, y, text)
    if due_line:
        canv.setFont(fonts.SANS_BOLD, small + 0.5)
        canv.drawString(x0, h - margin - top_h + 0.5, _fit(due_line, fonts.SANS_BOLD, small + 0.5,
                                                           text_w))
    canv.showPage()
    canv.save()
    return buf.getvalue()

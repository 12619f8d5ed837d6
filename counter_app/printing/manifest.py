"""Danh sách bàn giao hồ sơ (post office → agency) and the address label of a result by post."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.model import Dossier
from . import fonts
from .codes import Barcode128, QrCode
from .common import Letterhead, frame_width, grid, heading, render, signatures, styles, table, x
from .label import _fit, _fit_size, _wrap
from .wording import moment_text, two_digits

TITLE = "DANH SÁCH BÀN GIAO HỒ SƠ"
_SIZE = 12.0
_ROW_BAR = 8 * mm  # a 1D scanner reads each dossier's bars straight off the list
_QR = 38 * mm


def manifest_pdf(*, code: str, agency_name: str, agency_code: str, created_at: dt.datetime,
                 created_by: str, dossiers: Sequence[Dossier], items: Mapping[str, str],
                 list_payload: str, letterhead: Letterhead) -> bytes:
    """The manifest that travels with the pack: its own Code 128 and list QR at the top, one
    line per dossier with the dossier's Code 128, and boxes for the agency's clerk."""
    lh, st = letterhead, styles(_SIZE)
    width = frame_width()
    head_bar = Barcode128(code, height=12 * mm, max_width=width - _QR - 4 * mm)
    left: list[Flowable] = [
        Paragraph(f"Mã danh sách: <b>{x(code)}</b>", st.body),
        head_bar,
        Spacer(1, 2 * mm),
        Paragraph(f"Bàn giao cho: <b>{x(agency_name)}</b> ({x(agency_code)})", st.body),
        Paragraph(f"Thời điểm bàn giao: {x(moment_text(created_at))}", st.body),
        Paragraph(f"Số lượng: <b>{two_digits(len(dossiers))}</b> hồ sơ", st.body),
    ]
    story: list[Flowable] = [
        heading(lh, st, width, number=code, day=created_at.date()),
        Paragraph(TITLE, st.title),
        Paragraph("(Hồ sơ tiếp nhận qua dịch vụ bưu chính công ích)", st.subtitle),
        Spacer(1, 3 * mm),
        table([[left, QrCode(list_payload, _QR)]], [width - _QR - 2 * mm, _QR + 2 * mm],
              [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
        Spacer(1, 3 * mm),
    ]
    widths = [9 * mm, 86 * mm, 0.0, 16 * mm]  # 86 mm: a 26-character code at 0.254 mm
    widths[2] = width - sum(widths)
    rows: list[list[Any]] = [[Paragraph(h, st.cell_head) for h in
                              ("TT", "Mã hồ sơ", "Số hiệu bưu gửi, chủ hồ sơ, thủ tục",
                               "Đã nhận")]]
    for i, d in enumerate(dossiers, start=1):
        dossier_code = d.code or ""
        rows.append([
            Paragraph(str(i), st.cell_center),
            [Barcode128(dossier_code, height=_ROW_BAR, max_width=widths[1] - 6),
             Paragraph(x(dossier_code), st.cell_center)],
            [Paragraph(f"<b>{x(items.get(d.id, d.postal_item))}</b>", st.cell),
             Paragraph(x(d.applicant.full_name), st.cell),
             Paragraph(x(d.procedure_name), st.cell)],
            "",
        ])
    story.append(grid(rows, widths, extra=[("ALIGN", (1, 1), (1, -1), "CENTER")]))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(
        "Bên nhận quét mã danh sách (hoặc từng mã hồ sơ), đối chiếu từng hồ sơ và ghi rõ hồ sơ "
        "thiếu, thừa hoặc hư hỏng.", st.note))
    story.append(signatures(st, width, [
        ("NGƯỜI GIAO", "(Nhân viên bưu chính, ký và ghi rõ họ tên)", created_by),
        ("NGƯỜI NHẬN", "(Bộ phận Một cửa, ký và ghi rõ họ tên)", ""),
    ]))
    return render(story, title=f"{TITLE} {code}", author=lh.unit_name, always_number=True)


def address_label_pdf(*, item: str, name: str, address: str, phone: str, code: str,
                      sender: str, size_mm: tuple[float, float]) -> bytes:
    """An address label for a result sent by post (the page is the label): the S10 item's
    Code 128 across the width, the addressee, and the dossier code and sender in small print."""
    fonts.register()
    w, h = size_mm[0] * mm, size_mm[1] * mm
    margin = 1.5 * mm
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=(w, h), invariant=1, initialFontName=fonts.SANS)
    canv.setTitle(f"Nhãn gửi kết quả {item}")
    canv.setCreator("Quầy Một Cửa")
    bar_h = max(6 * mm, h * 0.28)
    bar = Barcode128(item, height=bar_h, max_width=w, fill_width=True)
    bar.drawOn(canv, (w - bar.width) / 2, h - margin - bar_h)
    text_w = w - 2 * margin
    y = h - margin - bar_h - 1
    item_size = 7.0
    y -= item_size
    canv.setFont(fonts.SANS_BOLD, item_size)
    canv.drawCentredString(w / 2, y, item)
    name_size = _fit_size(f"Người nhận: {name}", fonts.SANS_BOLD, 8, text_w, smallest=6)
    y -= name_size + 2
    canv.setFont(fonts.SANS_BOLD, name_size)
    canv.drawString(margin, y, _fit(f"Người nhận: {name}", fonts.SANS_BOLD, name_size, text_w))
    small = 6.5
    foot = f"Hồ sơ {code} — Gửi từ: {sender}"
    room = int((y - margin - small - 2 - (small + 1 if phone else 0)) // (small + 1))
    canv.setFont(fonts.SANS, small)
    for line in _wrap(address, fonts.SANS, small, text_w, max(room, 1)):
        y -= small + 1
        canv.drawString(margin, y, line)
    if phone:
        y -= small + 1
        canv.drawString(margin, y, f"ĐT: {phone}")
    canv.setFont(fonts.SANS, 5.5)
    canv.drawString(margin, margin, _fit(foot, fonts.SANS, 5.5, text_w))
    canv.showPage()
    canv.save()
    return buf.getvalue()

"""Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with barcode and lookup QR."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ..domain.model import Dossier, Procedure, ResultDelivery
from ..domain.scan import lookup_url
from .codes import Barcode128, QrCode
from .common import (
    Letterhead,
    Section,
    Styles,
    draw_reprint_stamp,
    frame_width,
    grid,
    heading,
    identity_line,
    line,
    render,
    signatures,
    styles,
    table,
    x,
)
from .options import Copies as Copies  # re-exported
from .wording import (
    CHANNELS,
    DELIVERIES,
    moment_text,
    money,
    time_limit_text,
    two_digits,
)

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
COPY_LABELS = (
    "Liên 1: Giao người nộp hồ sơ",
    "Liên 2: Chuyển kèm hồ sơ đến cơ quan giải quyết",
)


def lookup_link(dossier: Dossier, lh: Letterhead) -> str:
    """The receipt's QR text: public lookup URL with the code and secret, never personal data."""
    if not (lh.lookup_base_url and dossier.code and dossier.lookup_secret):
        return ""
    return lookup_url(lh.lookup_base_url, dossier.code, dossier.lookup_secret)


def _documents(dossier: Dossier, st: Styles, width: float) -> Table:
    head = ["TT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản photo"]
    rows: list[list[Any]] = [[Paragraph(h, st.cell_head) for h in head]]
    for i, doc in enumerate(dossier.documents, start=1):
        rows.append([
            Paragraph(str(i), st.cell_center),
            Paragraph(x(doc.name), st.cell),
            *(Paragraph(str(n) if n else "", st.cell_center)
              for n in (doc.original, doc.certified_copy, doc.photocopy)),
        ])
    if not dossier.documents:
        rows.append([Paragraph("", st.cell), Paragraph("……", st.cell), "", "", ""])
    count = 16 * mm if st.size >= 12 else 13 * mm
    return grid(rows, [10 * mm, width - 10 * mm - 3 * count, count, count, count])


def _fees(dossier: Dossier, st: Styles) -> list[Flowable]:
    charged = [f for f in dossier.fees if f.amount]
    if not charged:
        return [Paragraph("7. Phí, lệ phí: không thu.", st.justify)]
    if len(charged) == 1:
        fee = charged[0]
        paid = "đã nộp" if fee.paid else "chưa nộp"
        return [Paragraph(f"7. Phí, lệ phí: {x(fee.name)}: <b>{money(fee.amount)}</b> ({paid}).",
                          st.justify)]
    out: list[Flowable] = [Paragraph("7. Phí, lệ phí:", st.justify)]
    for fee in charged:
        paid = "đã nộp" if fee.paid else "chưa nộp"
        out.append(Paragraph(f"- {x(fee.name)}: {money(fee.amount)} ({paid})", st.justify))
    total = sum(f.amount for f in charged)
    out.append(Paragraph(f"Tổng cộng: <b>{money(total)}</b>", st.justify))
    return out


def _code_block(dossier: Dossier, lh: Letterhead, st: Styles, width: float) -> Table:
    """Code in words and as Code 128 on the left, the lookup QR on the right."""
    assert dossier.code is not None
    url = lookup_link(dossier, lh)
    qr_size = 26 * mm if st.size >= 12 else 20 * mm
    left_w = width - (qr_size + 2 * mm if url else 0)
    left: list[Flowable] = [
        Paragraph(f"Mã hồ sơ: <b>{x(dossier.code)}</b>", st.center),
        Barcode128(dossier.code, height=(12 if st.size >= 12 else 9) * mm,
                   max_width=left_w - 4 * mm),
    ]
    cells: list[Any] = [left]
    widths = [left_w]
    if url:
        cells.append([QrCode(url, qr_size),
                      Paragraph("Quét để tra cứu", st.cell_center)])
        widths.append(width - left_w)
    return table([cells], widths, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])


def _copy(dossier: Dossier, procedure: Procedure | None, lh: Letterhead, st: Styles,
          width: float, copy_label: str) -> list[Flowable]:
    d = dossier
    story: list[Flowable] = [
        heading(lh, st, width, number=None, day=d.received_at.date()),
        Paragraph(TITLE, st.title),
    ]
    if copy_label:
        story.append(Paragraph(f"({x(copy_label)})", st.subtitle))
    story.append(_code_block(d, lh, st, width))
    story.append(Spacer(1, st.size * 0.3))
    story.append(line(f"{lh.unit_name or 'Bộ phận tiếp nhận và trả kết quả'} tiếp nhận hồ sơ của",
                      d.applicant.full_name, st, bold=True))
    story.append(identity_line(d.applicant, st))
    if d.submitter is not None and d.submitter.full_name != d.applicant.full_name:
        story.append(line("Người nộp hồ sơ", d.submitter.full_name, st, bold=True))
        story.append(identity_line(d.submitter, st))
    story.append(line("Địa chỉ", d.applicant.address, st))
    request = d.procedure_name or (procedure.name if procedure else "")
    story.append(line("Nội dung yêu cầu giải quyết", request, st, bold=True))
    channel = CHANNELS[d.channel]
    if d.postal_item:
        channel += f" (số hiệu bưu gửi {d.postal_item})"
    story.append(line("Hình thức nộp hồ sơ", channel, st))
    story.append(Paragraph("1. Thành phần hồ sơ nộp gồm:", st.justify))
    story.append(_documents(d, st, width))
    story.append(Spacer(1, st.size * 0.3))
    story.append(Paragraph(f"2. Số lượng hồ sơ: {two_digits(d.sets)} (bộ).", st.justify))
    limit = time_limit_text(procedure.time_limit) if procedure else ""
    story.append(line("3. Thời gian giải quyết hồ sơ theo quy định", limit, st))
    story.append(line("4. Thời gian nhận hồ sơ", moment_text(d.received_at), st))
    due = moment_text(d.due_at) if d.due_at else "Không có ngày hẹn trả cụ thể"
    story.append(line("5. Thời gian trả kết quả giải quyết hồ sơ", due, st, bold=True))
    delivery = DELIVERIES[d.delivery]
    if d.delivery == ResultDelivery.POST:
        delivery += f", địa chỉ: {d.delivery_address or d.applicant.address}"
    story.append(line("6. Đăng ký nhận kết quả", delivery, st))
    story += _fees(d, st)
    story.append(Paragraph(
        f"Vào Sổ theo dõi hồ sơ, Quyển số: <b>{x(d.book_number)}</b>, "
        f"Số thứ tự: <b>{d.book_sequence or ''}</b>", st.justify))
    submitter = d.submitter or d.applicant
    story.append(signatures(st, width, [
        ("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", submitter.full_name),
        (lh.receiver_title, "(Ký và ghi rõ họ tên)", ""),
    ]))
    story += _notes(d, lh, st)
    return story


def _notes(dossier: Dossier, lh: Letterhead, st: Styles) -> list[Flowable]:
    notes = ["Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên: 01 liên giao "
             "người nộp hồ sơ, 01 liên chuyển kèm hồ sơ đến cơ quan giải quyết."]
    if lh.receipt_footnote.strip():
        notes.append(lh.receipt_footnote.strip())
    url = lookup_link(dossier, lh)
    if url and st.size >= _A4_SIZE:  # half a sheet has no room for it: the QR says it all
        notes.append(f"Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập {url}")
    if lh.hotline.strip():
        notes.append(f"Đường dây nóng: {lh.hotline.strip()}")
    out: list[Flowable] = [Spacer(1, st.size * 0.4)]
    out += [Paragraph(f"Ghi chú: {x(notes[0])}", st.note)]
    out += [Paragraph(f"- {x(n)}", st.note) for n in notes[1:]]
    return out


# Two copies side by side on a landscape A4 sheet: each half is an A5 page with 8 mm margins.
_SHEET = landscape(A4)
_HALF = _SHEET[0] / 2
_MARGIN = 8 * mm
_STAMP_MARGIN = 12 * mm  # top margin with room for the reprint stamp
_HALF_W = _HALF - 2 * _MARGIN
_TWO_UP_SIZE = 9.5
_A4_SIZE = 12.0  # the densest form: 12 pt keeps a usual receipt on one page


def _height(story: list[Flowable], width: float, canv: Canvas | None = None) -> float:
    """Height the story takes in one column of `width`, to decide whether a copy fits."""
    canv = canv or Canvas(io.BytesIO())
    total = 0.0
    for f in story:
        if isinstance(f, KeepTogether):  # its wrap() says "huge" on purpose, to force a split
            total += _height(f._content, width, canv)
            continue
        _, h = f.wrapOn(canv, width, 10_000)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _sheet_marks(reprint: int) -> Callable[[Canvas, Any], None]:
    """A dashed cut line between the halves, and the reprint stamp on each half."""

    def draw(canv: Canvas, doc: Any) -> None:
        canv.saveState()
        canv.setDash(3, 3)
        canv.setLineWidth(0.4)
        canv.line(_HALF, 5 * mm, _HALF, _SHEET[1] - 5 * mm)
        canv.restoreState()
        if reprint > 0:
            for half in (1, 2):
                draw_reprint_stamp(canv, reprint, half * _HALF - _MARGIN, _SHEET[1] - 4 * mm)

    return draw


def receipt_pdf(dossier: Dossier, procedure: Procedure | None, letterhead: Letterhead, *,
                copies: Copies = Copies.TWO_PAGES, reprint: int = 0) -> bytes:
    """Mẫu 01 for a received dossier. `reprint` > 0 prints "BẢN IN LẠI (lần n)".

    TWO_ON_SHEET falls back to TWO_PAGES when one copy does not fit half a sheet (long
    checklists): nothing is ever shrunk below a readable size or cut off.
    """
    if dossier.code is None:
        raise ValueError("a receipt needs a received dossier with a code")
    lh = letterhead
    title = f"{TITLE} {dossier.code}"
    if copies == Copies.TWO_ON_SHEET:
        st = styles(_TWO_UP_SIZE)
        top = _STAMP_MARGIN if reprint else _MARGIN  # each half carries its own stamp
        height = _SHEET[1] - top - _MARGIN
        first = _copy(dossier, procedure, lh, st, _HALF_W, COPY_LABELS[0])
        if _height(first, _HALF_W) <= height * 0.97:
            second = _copy(dossier, procedure, lh, st, _HALF_W, COPY_LABELS[1])
            frames = [Frame(i * _HALF + _MARGIN, _MARGIN, _HALF_W, height, leftPadding=0,
                            rightPadding=0, topPadding=0, bottomPadding=0) for i in (0, 1)]
            return render([*first, FrameBreak(), *second], pagesize=_SHEET,
                          margins=(top, _MARGIN, _MARGIN, _MARGIN), frames=frames,
                          decorate=_sheet_marks(reprint), title=title, author=lh.unit_name)
        copies = Copies.TWO_PAGES
    st = styles(_A4_SIZE)
    width = frame_width()
    if copies == Copies.ONE:
        story = _copy(dossier, procedure, lh, st, width, "")
    else:
        story = [Section("1"), *_copy(dossier, procedure, lh, st, width, COPY_LABELS[0]),
                 PageBreak(), Section("2"),
                 *_copy(dossier, procedure, lh, st, width, COPY_LABELS[1])]
    return render(story, title=title, author=lh.unit_name, reprint=reprint)

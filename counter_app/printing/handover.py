"""Phiếu bàn giao kết quả: what was handed over at the return of a result (status 10)."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.model import Dossier
from ..domain.returns import PaymentMethod, Rating, ResultReturn
from .codes import Barcode128
from .common import (
    ID_LABELS,
    SIGN_NOTE,
    Letterhead,
    frame_width,
    grid,
    heading,
    line,
    render,
    signatures,
    styles,
    x,
)
from .wording import date_text, moment_text, money, two_digits

HANDOVER_TITLE = "PHIẾU BÀN GIAO KẾT QUẢ GIẢI QUYẾT HỒ SƠ"
_SIZE = 13.0

PAYMENTS = {
    PaymentMethod.NONE: "không thu",
    PaymentMethod.CASH: "tiền mặt",
    PaymentMethod.TRANSFER: "chuyển khoản",
    PaymentMethod.CARD: "thẻ",
}
RATINGS = {
    Rating.SATISFIED: "Hài lòng",
    Rating.ACCEPTABLE: "Chấp nhận được",
    Rating.NOT_SATISFIED: "Không hài lòng",
}


def _fee_text(r: ResultReturn) -> str:
    if r.fee == 0 and r.payment == PaymentMethod.NONE:
        return "Không thu phí, lệ phí khi trả kết quả"
    return f"{money(r.fee)} ({PAYMENTS[r.payment]})"


def _receiver(dossier: Dossier, r: ResultReturn) -> list[Flowable]:
    st = styles(_SIZE)
    p = r.receiver
    out: list[Flowable] = [line("Người nhận kết quả", p.full_name, st, bold=True)]
    if p.id_number:
        out.append(line(ID_LABELS[p.id_kind], p.id_number, st))
    if r.receiver_is_applicant:
        out.append(Paragraph("Người nhận là chủ hồ sơ.", st.justify))
    elif r.authorisation is not None:
        a = r.authorisation
        out.append(Paragraph(
            f"Nhận thay chủ hồ sơ <b>{x(dossier.applicant.full_name)}</b> theo giấy ủy quyền "
            f"số <b>{x(a.number)}</b> {date_text(a.signed_on)}.", st.justify))
    return out


def handover_pdf(dossier: Dossier, record: ResultReturn, letterhead: Letterhead, *,
                 reprint: int = 0) -> bytes:
    """The slip both sides sign: dossier, receiver (and authorisation), documents, fees,
    rating. The Code 128 carries only the dossier code; there is no QR code."""
    lh, st, width = letterhead, styles(_SIZE), frame_width()
    code = dossier.code or ""
    story: list[Flowable] = [
        heading(lh, st, width, number=record.slip_number, day=record.returned_at.date()),
        Paragraph(HANDOVER_TITLE, st.title),
        Spacer(1, st.size * 0.3),
        Paragraph(f"Mã hồ sơ: <b>{x(code)}</b>", st.center),
        Barcode128(code, height=12 * mm, max_width=width - 20 * mm),
        Spacer(1, st.size * 0.5),
        line("Hồ sơ của", dossier.applicant.full_name, st, bold=True),
        line("Nội dung yêu cầu giải quyết", dossier.procedure_name, st, bold=True),
        line("Thời gian tiếp nhận", moment_text(dossier.received_at), st),
        line("Thời gian hẹn trả kết quả", moment_text(dossier.due_at), st),
        line("Thời gian trả kết quả", moment_text(record.returned_at), st, bold=True),
    ]
    story += _receiver(dossier, record)
    story.append(Paragraph("Kết quả giải quyết đã bàn giao gồm:", st.justify))
    rows: list[list[object]] = [[Paragraph(h, st.cell_head) for h in
                                 ("TT", "Giấy tờ kết quả", "Số lượng")]]
    for i, item in enumerate(record.items, start=1):
        rows.append([Paragraph(str(i), st.cell_center), Paragraph(x(item.name), st.cell),
                     Paragraph(two_digits(item.quantity), st.cell_center)])
    story.append(grid(rows, [12 * mm, width - 12 * mm - 30 * mm, 30 * mm]))
    story.append(Spacer(1, st.size * 0.5))
    story.append(line("Phí, lệ phí đã thu", _fee_text(record), st))
    rating = RATINGS[record.rating] if record.rating else "Không đánh giá"
    story.append(line("Ý kiến đánh giá của người nhận", rating, st))
    if record.note:
        story.append(line("Ghi chú", record.note, st))
    story.append(signatures(st, width, [("NGƯỜI NHẬN KẾT QUẢ", SIGN_NOTE,
                                         record.receiver.full_name),
                                        ("NGƯỜI TRẢ KẾT QUẢ", SIGN_NOTE, "")]))
    return render(story, title=f"{HANDOVER_TITLE} {record.slip_number}", author=lh.unit_name,
                  reprint=reprint)

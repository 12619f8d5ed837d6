"""Mẫu 02 (bổ sung hồ sơ), Mẫu 03 (từ chối tiếp nhận), Mẫu 04 (xin lỗi, hẹn lại ngày trả)."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.model import CopyType, Dossier, Procedure
from .common import (
    DOTS,
    SIGN_NOTE,
    Letterhead,
    Styles,
    frame_width,
    grid,
    heading,
    identity_line,
    line,
    render,
    signatures,
    styles,
    x,
)
from .options import slip_number as slip_number  # re-exported
from .wording import COPY_TYPES, date_text, moment_text, two_digits

SUPPLEMENT_TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
REFUSAL_TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
APOLOGY_TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
_SIZE = 13.0
_BLANK_ROWS = 5  # rows to fill by hand when the items are not recorded


def _applicant(dossier: Dossier, procedure: Procedure | None, st: Styles,
               intro: str) -> list[Flowable]:
    a = dossier.applicant
    out: list[Flowable] = [line(intro, a.full_name, st, bold=True), identity_line(a, st),
                           line("Địa chỉ", a.address, st)]
    request = dossier.procedure_name or (procedure.name if procedure else "")
    out.append(line("Nội dung yêu cầu giải quyết", request, st, bold=True))
    if dossier.code:
        out.append(line("Mã hồ sơ", dossier.code, st, bold=True))
    return out


def _requirement_note(name: str, procedure: Procedure | None) -> str:
    """"Bản chính hoặc Bản sao chứng thực; 01 bản" from the catalogue, when it knows the item."""
    for req in procedure.documents if procedure else ():
        if req.name == name:
            names = [COPY_TYPES[CopyType(k)] for k in req.copy_types]
            kinds = " hoặc ".join([names[0], *(n.lower() for n in names[1:])])
            note = f"{kinds}; {two_digits(req.quantity)} bản"
            return f"{note}. {req.note}" if req.note else note
    return ""


def _page(dossier: Dossier, lh: Letterhead, st: Styles, title: str, number: str,
          issued_on: dt.date) -> list[Flowable]:
    width = frame_width()
    return [heading(lh, st, width, number=number, day=issued_on), Paragraph(title, st.title),
            Spacer(1, st.size * 0.5)]


def supplement_pdf(dossier: Dossier, procedure: Procedure | None, letterhead: Letterhead, *,
                   issued_on: dt.date, reprint: int = 0) -> bytes:
    """Mẫu 02: every item still to bring, at once, with the reason and whom to ask."""
    lh, st, width = letterhead, styles(_SIZE), frame_width()
    story = _page(dossier, lh, st, SUPPLEMENT_TITLE, slip_number(dossier, "HDHS"), issued_on)
    story += _applicant(dossier, procedure, st, "Hồ sơ của")
    story.append(Paragraph("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
                           st.justify))
    rows: list[list[object]] = [[Paragraph(h, st.cell_head) for h in
                                 ("TT", "Giấy tờ, nội dung cần bổ sung, hoàn thiện", "Ghi chú")]]
    items = list(dossier.missing)
    for i, name in enumerate(items, start=1):
        rows.append([Paragraph(str(i), st.cell_center), Paragraph(x(name), st.cell),
                     Paragraph(x(_requirement_note(name, procedure)), st.cell)])
    for i in range(len(items) + 1, len(items) + 1 + (0 if items else _BLANK_ROWS)):
        rows.append([Paragraph(str(i), st.cell_center), Paragraph(DOTS, st.cell), ""])
    story.append(grid(rows, [12 * mm, width - 12 * mm - 55 * mm, 55 * mm]))
    story.append(Spacer(1, st.size * 0.5))
    reason = dossier.reason or ("Hồ sơ chưa có đủ thành phần theo quy định của thủ tục hành chính."
                                if items else "")
    story.append(line("Lý do", reason, st))
    contact = lh.unit_name or "Bộ phận tiếp nhận và trả kết quả"
    phone = f" theo số điện thoại {x(lh.hotline)}" if lh.hotline.strip() else ""
    story.append(Paragraph(
        f"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với {x(contact)}"
        f"{phone} để được hướng dẫn./.", st.justify))
    story.append(signatures(st, width, [("", "", ""), (lh.guide_title, SIGN_NOTE, "")]))
    return render(story, title=f"{SUPPLEMENT_TITLE} {slip_number(dossier, 'HDHS')}",
                  author=lh.unit_name, reprint=reprint)


def refusal_pdf(dossier: Dossier, procedure: Procedure | None, letterhead: Letterhead, *,
                issued_on: dt.date, reprint: int = 0) -> bytes:
    """Mẫu 03: the refusal with its legal basis and reason."""
    lh, st, width = letterhead, styles(_SIZE), frame_width()
    unit = lh.unit_name or "Bộ phận tiếp nhận và trả kết quả"
    story = _page(dossier, lh, st, REFUSAL_TITLE, slip_number(dossier, "TCHS"), issued_on)
    story += _applicant(dossier, procedure, st, f"{unit} tiếp nhận hồ sơ của")
    basis = "; ".join(procedure.legal_basis) if procedure and procedure.legal_basis else ""
    basis_text = f"Căn cứ quy định tại {x(basis)}, " if basis else "Căn cứ quy định hiện hành, "
    story.append(Paragraph(
        f"{basis_text}{x(unit)} từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau:",
        st.justify))
    story.append(Paragraph(f"<b>{x(dossier.reason)}</b>" if dossier.reason else DOTS * 2,
                           st.justify))
    story.append(Paragraph("Xin thông báo cho ông/bà được biết và thực hiện./.", st.justify))
    story.append(signatures(st, width, [("", "", ""), (lh.receiver_title, SIGN_NOTE, "")]))
    return render(story, title=f"{REFUSAL_TITLE} {slip_number(dossier, 'TCHS')}",
                  author=lh.unit_name, reprint=reprint)


def _when(value: dt.datetime | dt.date | None) -> str:
    if isinstance(value, dt.datetime):
        return moment_text(value)
    if isinstance(value, dt.date):
        return date_text(value)
    return moment_text(None)


def apology_pdf(dossier: Dossier, procedure: Procedure | None, letterhead: Letterhead, *,
                issued_on: dt.date, new_date: dt.datetime | dt.date | None = None,
                reason: str = "", reprint: int = 0) -> bytes:
    """Mẫu 04: apology for a late result and the new date (blank to write by hand)."""
    lh, st, width = letterhead, styles(_SIZE), frame_width()
    unit = x(lh.unit_name or "Bộ phận tiếp nhận và trả kết quả")
    number = slip_number(dossier, "PXL")
    story = _page(dossier, lh, st, APOLOGY_TITLE, number, issued_on)
    name = x(dossier.applicant.full_name)
    request = x(dossier.procedure_name or (procedure.name if procedure else ""))
    story += [
        Paragraph(f"Kính gửi: Ông/bà <b>{name}</b>.", st.center),
        Spacer(1, st.size * 0.4),
        Paragraph(f"{unit} tiếp nhận hồ sơ của Ông/bà đề nghị giải quyết thủ tục hành chính: "
                  f"<b>{request}</b>.", st.justify),
        line("Mã hồ sơ", dossier.code or "", st, bold=True),
        line("Thời gian tiếp nhận hồ sơ", moment_text(dossier.received_at), st),
        line("Thời gian hẹn trả kết quả giải quyết hồ sơ", moment_text(dossier.due_at), st),
        Paragraph(f"Tuy nhiên đến nay, {unit} chưa trả kết quả giải quyết hồ sơ của Ông/bà.",
                  st.justify),
        line("Lý do", reason, st),
    ]
    if not reason.strip():
        story.append(Paragraph(DOTS * 3, st.justify))
    story += [
        Paragraph(f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/bà. {unit} "
                  "xin lỗi Ông/bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/bà vào thời gian: "
                  f"<b>{_when(new_date)}</b>.", st.justify),
        Paragraph("Kính mong nhận được sự thông cảm của Ông/bà./.", st.justify),
        signatures(st, width, [("", "", ""), (lh.head_title, "(Ký tên, đóng dấu)", "")]),
    ]
    return render(story, title=f"{APOLOGY_TITLE} {number}", author=lh.unit_name,
                  reprint=reprint)

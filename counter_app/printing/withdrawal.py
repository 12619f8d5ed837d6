"""Phiếu xác nhận rút hồ sơ: the citizen withdraws a received dossier (status 7) with a reason."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Paragraph, Spacer

from ..domain.model import Dossier, Procedure
from .common import (
    SIGN_NOTE,
    Letterhead,
    frame_width,
    heading,
    identity_line,
    line,
    render,
    signatures,
    styles,
    x,
)
from .slips import slip_number
from .wording import moment_text

WITHDRAWAL_TITLE = "PHIẾU XÁC NHẬN RÚT HỒ SƠ"
_SIZE = 13.0


def withdrawal_pdf(dossier: Dossier, procedure: Procedure | None, letterhead: Letterhead, *,
                   issued_on: dt.date, withdrawn_at: dt.datetime | None, reason: str,
                   reprint: int = 0) -> bytes:
    """The slip both sides sign when the citizen takes the dossier back."""
    lh, st, width = letterhead, styles(_SIZE), frame_width()
    unit = x(lh.unit_name or "Bộ phận tiếp nhận và trả kết quả")
    number = slip_number(dossier, "RHS")
    a = dossier.applicant
    request = dossier.procedure_name or (procedure.name if procedure else "")
    story = [
        heading(lh, st, width, number=number, day=issued_on),
        Paragraph(WITHDRAWAL_TITLE, st.title), Spacer(1, st.size * 0.5),
        line("Chủ hồ sơ", a.full_name, st, bold=True), identity_line(a, st),
        line("Nội dung yêu cầu giải quyết", request, st, bold=True),
        line("Mã hồ sơ", dossier.code or "", st, bold=True),
        line("Thời gian tiếp nhận hồ sơ", moment_text(dossier.received_at), st),
        line("Thời gian rút hồ sơ", moment_text(withdrawn_at), st),
        line("Lý do rút hồ sơ", reason, st),
        Paragraph(f"Theo đề nghị của công dân, {unit} dừng giải quyết và trả lại hồ sơ nêu "
                  "trên. Hồ sơ đã rút không được tiếp tục giải quyết; khi có nhu cầu, công dân "
                  "nộp hồ sơ mới./.", st.justify),
        signatures(st, width, [("NGƯỜI RÚT HỒ SƠ", SIGN_NOTE, ""),
                               (lh.receiver_title, SIGN_NOTE, "")]),
    ]
    return render(story, title=f"{WITHDRAWAL_TITLE} {number}", author=lh.unit_name,
                  reprint=reprint)

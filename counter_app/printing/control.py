"""Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ, which travels with the paper file."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.model import Dossier, Procedure
from .codes import Barcode128
from .common import Letterhead, Styles, frame_width, grid, heading, line, render, styles, x
from .wording import moment_text, time_limit_text

TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
COUNTER = "Bộ phận tiếp nhận và trả kết quả"
_SIZE = 12.0
_HANDOVER_TIME = "…… giờ …… phút<br/>ngày …… / …… / ……"


def _handover(n: int, giver: str, receiver: str, st: Styles) -> list[object]:
    """One hand-over row: who gives and receives, when (by hand), result, note."""
    who = (f"{n}. Giao: {x(giver) if giver else '……………………'}<br/>"
           f"Nhận: {x(receiver) if receiver else '……………………'}")
    when = (f"{_HANDOVER_TIME}<br/><br/><br/>"
            f"<i>Người giao</i>{'&nbsp;' * 14}<i>Người nhận</i>")
    return [Paragraph(who, st.cell), Paragraph(when, st.cell_center), "", ""]


def control_pdf(dossier: Dossier, procedure: Procedure | None, letterhead: Letterhead, *,
                blank_rows: int = 3, reprint: int = 0) -> bytes:
    """Mẫu 05 for a received dossier: the first hand-over (counter → processing agency) filled
    in, `blank_rows` rows to fill by hand, then the way back and the return of the result."""
    if dossier.code is None:
        raise ValueError("a control sheet needs a received dossier with a code")
    lh, st, width = letterhead, styles(_SIZE), frame_width()
    agency = procedure.agency if procedure else ""
    counter = lh.unit_name or COUNTER
    story: list[Flowable] = [
        heading(lh, st, width, number=None, day=dossier.received_at.date()),
        Paragraph(TITLE, st.title),
        Paragraph(f"Mã hồ sơ: <b>{x(dossier.code)}</b>", st.center),
        Barcode128(dossier.code, height=10 * mm, max_width=width),
        Spacer(1, st.size * 0.4),
        Paragraph(f"(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ "
                  f"{x(dossier.code)})", st.subtitle),
        line("Tên thủ tục hành chính", dossier.procedure_name, st, bold=True),
        line("Chủ hồ sơ", dossier.applicant.full_name, st, bold=True),
        line("Thời gian nhận hồ sơ", moment_text(dossier.received_at), st),
        line("Thời gian giải quyết theo quy định",
             time_limit_text(procedure.time_limit) if procedure else "", st),
        line("Thời gian hẹn trả kết quả", moment_text(dossier.due_at), st, bold=True),
        line("Cơ quan (bộ phận) giải quyết hồ sơ", agency, st),
        line("Cơ quan phối hợp giải quyết hồ sơ", "", st),
        Spacer(1, st.size * 0.3),
    ]
    head = ["TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ",
            "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn / đúng hạn / quá hạn)", "GHI CHÚ"]
    rows: list[list[object]] = [[Paragraph(h, st.cell_head) for h in head]]
    rows.append(_handover(1, counter, agency, st))
    n = 1
    for _ in range(blank_rows):
        n += 1
        rows.append(_handover(n, "", "", st))
    rows.append(_handover(n + 1, agency, counter, st))
    rows.append([Paragraph(f"{n + 2}. Trả kết quả cho: {x(dossier.applicant.full_name)}",
                           st.cell), Paragraph(_HANDOVER_TIME, st.cell_center), "", ""])
    story.append(grid(rows, [width * 0.34, width * 0.34, width * 0.18, width * 0.14]))
    return render(story, title=f"{TITLE} {dossier.code}", author=lh.unit_name,
                  reprint=reprint)

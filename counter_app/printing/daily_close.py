"""The daily close sheet (Biên bản chốt sổ cuối ngày) of one workstation as PDF."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.daily_close import METHODS, ClerkDay, DayClose
from .common import Letterhead, frame_width, grid, heading, render, signatures, styles, x
from .wording import date_text, moment_text, money

TITLE = "BIÊN BẢN CHỐT SỔ CUỐI NGÀY"
METHOD_NAMES = {"cash": "Tiền mặt", "transfer": "Chuyển khoản", "card": "Thẻ",
                "unspecified": "Chưa ghi hình thức"}
NO_NAME = "(không ghi tên)"
TOTAL = "Tổng cộng"
UNSYNCED_WARNING = ("Còn {n} thay đổi chưa gửi lên cổng dịch vụ công khi chốt sổ: "
                    "phải đồng bộ ngay khi có mạng.")
ALL_SYNCED = "Mọi thay đổi đã được gửi lên cổng dịch vụ công."


def _methods(close: DayClose) -> list[str]:
    """The methods that have an amount, in the printed order; unknown ones after them."""
    used = set(close.totals.fees)
    return [m for m in METHODS if m in used] + sorted(used - set(METHODS))


def _row(n: int | str, c: ClerkDay, methods: list[str]) -> list[Any]:
    return [str(n), c.user or NO_NAME, str(c.received), str(c.returned), str(c.refused),
            str(c.guidance), *[money(c.fees.get(m, 0)) for m in methods], money(c.fees_total)]


def daily_close_pdf(close: DayClose, letterhead: Letterhead) -> bytes:
    st = styles(12)
    width = frame_width()
    methods = _methods(close)
    story: list[Flowable] = [
        heading(letterhead, st, width, number=None, day=close.day),
        Spacer(1, 3 * mm),
        Paragraph(TITLE, st.title),
        Paragraph(x(f"Máy trạm {close.workstation:02d} — {date_text(close.day)}"), st.subtitle),
        Spacer(1, 3 * mm),
    ]
    header = ["TT", "Cán bộ", "Tiếp nhận", "Trả kết quả", "Từ chối", "Hướng dẫn",
              *[METHOD_NAMES.get(m, m) for m in methods], "Tổng phí, lệ phí"]
    rows: list[list[Any]] = [[Paragraph(x(h), st.cell_head) for h in header]]
    for i, c in enumerate(close.clerks, start=1):
        rows.append(_row(i, c, methods))
    rows.append(_row("", ClerkDay(TOTAL, **_counts(close.totals)), methods))
    name_width = 38 * mm
    rest = (width - 9 * mm - name_width) / (len(header) - 2)
    story.append(grid(rows, [9 * mm, name_width] + [rest] * (len(header) - 2), extra=[
        ("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("FONTSIZE", (0, 1), (-1, -1), 10)]))
    story.append(Spacer(1, 4 * mm))
    if close.unsynced:
        story.append(Paragraph(f"<b>{x(UNSYNCED_WARNING.format(n=close.unsynced))}</b>",
                               st.justify))
    else:
        story.append(Paragraph(x(ALL_SYNCED), st.justify))
    if close.closed_at is not None:
        by = f", người chốt: {close.closed_by}" if close.closed_by else ""
        story.append(Paragraph(x(f"Chốt sổ lúc {moment_text(close.closed_at)}{by}."),
                               st.justify))
    story.append(signatures(st, width, [("NGƯỜI CHỐT SỔ", "(Ký và ghi rõ họ tên)", ""),
                                        ("NGƯỜI KIỂM TRA", "(Ký và ghi rõ họ tên)", "")]))
    return render(story, title=f"{TITLE} {close.day.isoformat()}", author=letterhead.unit_name)


def _counts(c: ClerkDay) -> dict[str, Any]:
    return {"received": c.received, "returned": c.returned, "refused": c.refused,
            "guidance": c.guidance, "fees": c.fees}

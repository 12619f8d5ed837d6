"""Thông tin thủ tục hành chính: one procedure of the catalogue on paper, for the citizen."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ..domain.model import AgencyLevel, CopyType, Procedure
from .common import Letterhead, Styles, frame_width, grid, render, styles, x
from .wording import COPY_TYPES, DELIVERIES, date_text, money, time_limit_text

TITLE = "THÔNG TIN THỦ TỤC HÀNH CHÍNH"
MISSING = "Chưa có trong danh mục của máy trạm — hỏi cán bộ tiếp nhận."
LEVELS = {AgencyLevel.COMMUNE: "Cấp xã", AgencyLevel.PROVINCE: "Cấp tỉnh",
          AgencyLevel.MINISTRY: "Cấp bộ, ngành trung ương"}
SERVICE_LEVELS = {
    "info": "Dịch vụ cung cấp thông tin (nộp hồ sơ trực tiếp hoặc qua bưu chính)",
    "partial_online": "Dịch vụ công trực tuyến một phần",
    "full_online": "Dịch vụ công trực tuyến toàn trình",
}


def level_text(procedure: Procedure) -> str:
    return LEVELS.get(procedure.level, procedure.level.value)


def service_level_text(procedure: Procedure) -> str:
    return SERVICE_LEVELS.get(procedure.service_level, "")


def copy_types_text(types: tuple[CopyType, ...]) -> str:
    """"Bản chính hoặc Bản sao chứng thực"."""
    return " hoặc ".join(COPY_TYPES[t] for t in types)


def _section(title: str, st: Styles) -> Paragraph:
    return Paragraph(f"<b>{x(title)}</b>", st.body)


def _missing(st: Styles) -> Paragraph:
    return Paragraph(f"<i>{x(MISSING)}</i>", st.justify)


def _facts(procedure: Procedure, st: Styles, width: float) -> Flowable:
    rows: list[list[Any]] = []

    def add(label: str, value: str) -> None:
        shown = x(value) if value.strip() else f"<i>{x(MISSING)}</i>"
        rows.append([Paragraph(x(label), st.cell), Paragraph(shown, st.cell)])

    add("Mã thủ tục", str(procedure.code))
    add("Tên thủ tục", procedure.name)
    field = procedure.field_name + (f" ({procedure.field_code})" if procedure.field_code else "")
    add("Lĩnh vực", field)
    add("Cấp thực hiện", level_text(procedure))
    add("Cơ quan thực hiện", procedure.agency)
    add("Thời hạn giải quyết", time_limit_text(procedure.time_limit))
    add("Số bộ hồ sơ", f"{procedure.sets:02d} bộ")
    add("Mức độ dịch vụ công", service_level_text(procedure))
    add("Nhận kết quả", "; ".join(DELIVERIES[d] for d in procedure.result_delivery))
    add("Kết quả thực hiện", procedure.result)
    return grid(rows, [width * 0.3, width * 0.7], header_rows=0,
                extra=[("VALIGN", (0, 0), (-1, -1), "TOP")])


def _fees(procedure: Procedure, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [_section("Phí, lệ phí", st)]
    if not procedure.fees:
        out.append(Paragraph("Không thu phí, lệ phí.", st.justify))
    for fee in procedure.fees:
        amount = money(fee.amount) if fee.amount else "miễn phí"
        text = f"– {x(fee.name)}: <b>{x(amount)}</b>"
        if fee.note:
            text += f". <i>{x(fee.note)}</i>"
        out.append(Paragraph(text, st.justify))
    return out


def _documents(procedure: Procedure, st: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [_section("Thành phần hồ sơ", st)]
    if not procedure.documents:
        out.append(_missing(st))
        return out
    head = ["TT", "Tên giấy tờ", "Loại bản", "Số lượng", "Bắt buộc"]
    rows: list[list[Any]] = [[Paragraph(h, st.cell_head) for h in head]]
    for i, doc in enumerate(procedure.documents, start=1):
        name = x(doc.name) + (f"<br/><i>{x(doc.note)}</i>" if doc.note else "")
        rows.append([
            Paragraph(str(i), st.cell_center),
            Paragraph(name, st.cell),
            Paragraph(x(copy_types_text(doc.copy_types)), st.cell),
            Paragraph(f"{doc.quantity:02d}", st.cell_center),
            Paragraph("Có" if doc.mandatory else "Khi cần", st.cell_center),
        ])
    out.append(grid(rows, [width * w for w in (0.07, 0.53, 0.18, 0.1, 0.12)]))
    out.append(Paragraph(f"Số lượng hồ sơ: {procedure.sets:02d} bộ.", st.note))
    return out


def _forms(procedure: Procedure, st: Styles) -> list[Flowable]:
    if not procedure.forms:
        return []
    out: list[Flowable] = [_section("Mẫu đơn, tờ khai", st)]
    for form in procedure.forms:
        out.append(Paragraph(f"– {x(form.name)}", st.justify))
    out.append(Paragraph("Mẫu để trống được in tại quầy tiếp nhận.", st.note))
    return out


def _list(title: str, items: tuple[str, ...], st: Styles) -> list[Flowable]:
    out: list[Flowable] = [_section(title, st)]
    if not items:
        out.append(_missing(st))
    out += [Paragraph(f"– {x(item)}", st.justify) for item in items]
    return out


def procedure_sheet_pdf(procedure: Procedure, lh: Letterhead, *,
                        printed_on: dt.date | None = None) -> bytes:
    """The procedure's whole information on A4 (several pages when the checklist is long).

    Anything the catalogue lacks (steps, legal basis, result…) says so, never a blank."""
    st = styles(12.0)
    width = frame_width()
    unit = lh.unit_name or (lh.header_lines[-1] if lh.header_lines else "")
    story: list[Flowable] = []
    if unit:
        story.append(Paragraph(x(unit.upper()), st.head_right))
    story += [
        Paragraph(TITLE, st.title),
        Paragraph(f"<b>{x(procedure.name)}</b>", st.center),
        Spacer(1, 6),
        _facts(procedure, st, width),
        Spacer(1, 6),
    ]
    story += _fees(procedure, st)
    story.append(_section("Trình tự thực hiện", st))
    story.append(Paragraph(x(procedure.steps), st.justify) if procedure.steps else _missing(st))
    story += _documents(procedure, st, width)
    story += _forms(procedure, st)
    story += _list("Căn cứ pháp lý", procedure.legal_basis, st)
    tail: list[Flowable] = []
    if procedure.source:
        tail.append(Paragraph(f"Nguồn thông tin: {x(procedure.source)}", st.note))
    footer = "Thông tin in từ danh mục thủ tục của máy trạm"
    if lh.hotline:
        footer += f"; đường dây nóng {lh.hotline}"
    if printed_on is not None:
        footer += f", {date_text(printed_on)}"
    tail.append(Paragraph(x(footer + "."), st.note))
    story.append(KeepTogether([Spacer(1, 6), *tail]))
    return render(story, title=f"Thông tin thủ tục {procedure.code}", author=unit)


__all__ = ["MISSING", "TITLE", "copy_types_text", "level_text", "procedure_sheet_pdf",
           "service_level_text"]

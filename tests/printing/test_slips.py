"""Mẫu 02, 03 and 04 read back from the PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt

from counter_app.printing.slips import apology_pdf, refusal_pdf, slip_number, supplement_pdf
from tests.printing.helpers import (
    CODE,
    LETTERHEAD,
    dossier,
    flat,
    fonts_of,
    guidance,
    page_texts,
    procedure,
    refused,
    text,
)

TODAY = dt.date(2026, 11, 20)


def test_supplement_lists_every_missing_item_with_what_the_catalogue_asks():
    pdf = supplement_pdf(guidance(), procedure(), LETTERHEAD, issued_on=TODAY)
    content = flat(text(pdf))
    for expected in [
        "Số: 5/HDHS-01/2026", "Tân Phú, ngày 20 tháng 11 năm 2026",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Hồ sơ của: Nguyễn Thị Hương",
        "Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh",
        "Bản sao giấy tờ pháp lý của cá nhân", "Bản chính; 01 bản",
        "Lý do: Hồ sơ chưa có đủ thành phần theo quy định của thủ tục hành chính.",
        "liên hệ với Bộ phận Một cửa UBND xã Tân Phú theo số điện thoại 0258 3822 123",
        "NGƯỜI HƯỚNG DẪN",
    ]:
        assert expected in content, expected
    assert "Mã hồ sơ" not in content  # an incomplete dossier gets no code


def test_supplement_for_a_received_dossier_leaves_rows_to_fill():
    pdf = supplement_pdf(dossier(), procedure(), LETTERHEAD, issued_on=dt.date(2026, 11, 23))
    content = flat(text(pdf))
    assert f"Số: {CODE}/HDHS" in content
    assert f"Mã hồ sơ: {CODE}" in content
    assert "ngày 23 tháng 11 năm 2026" in content
    assert all(f" {i} ……" in content for i in range(1, 6))


def test_thirty_missing_items_flow_onto_the_next_page():
    items = tuple(f"Giấy tờ bổ sung số {i:02d}: bản sao có chứng thực văn bản xác nhận của "
                  f"cơ quan có thẩm quyền về nội dung liên quan" for i in range(1, 31))
    pdf = supplement_pdf(guidance(missing=items), procedure(), LETTERHEAD, issued_on=TODAY)
    pages = page_texts(pdf)
    assert len(pages) > 1
    content = flat("\n".join(pages))
    for i in range(1, 31):
        assert content.count(f"Giấy tờ bổ sung số {i:02d}:") == 1
    assert "Giấy tờ, nội dung cần bổ sung, hoàn thiện" in pages[1]  # header row repeated
    assert f"Trang 2/{len(pages)}" in pages[1]


def test_refusal_gives_legal_basis_and_reason():
    pdf = refusal_pdf(refused(), procedure(), LETTERHEAD, issued_on=TODAY, reprint=1)
    content = flat(text(pdf))
    for expected in [
        "Số: 2/TCHS-01/2026", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Bộ phận Một cửa UBND xã Tân Phú tiếp nhận hồ sơ của: Đặng Văn Đức",
        "Căn cứ quy định tại Nghị định 01/2021/NĐ-CP, Bộ phận Một cửa UBND xã Tân Phú từ chối "
        "tiếp nhận, giải quyết hồ sơ này vì lý do sau:",
        "Ngành nghề đăng ký thuộc danh mục cấm kinh doanh.",
        "NGƯỜI TIẾP NHẬN HỒ SƠ", "BẢN IN LẠI (lần 1)",
    ]:
        assert expected in content, expected


def test_apology_with_a_new_date_or_blank_to_write_by_hand():
    pdf = apology_pdf(dossier(), procedure(), LETTERHEAD, issued_on=dt.date(2026, 11, 25),
                      new_date=dt.datetime(2026, 11, 27, 14, 0),
                      reason="Cần xác minh thông tin với cơ quan thuế.")
    content = flat(text(pdf))
    for expected in [
        f"Số: {CODE}/PXL", "Tân Phú, ngày 25 tháng 11 năm 2026",
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "Kính gửi: Ông/bà Nguyễn Thị Hương.",
        "Thời gian tiếp nhận hồ sơ: 09 giờ 32 phút, ngày 20 tháng 11 năm 2026",
        "Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 32 phút, ngày 25 tháng 11 năm 2026",
        "Lý do: Cần xác minh thông tin với cơ quan thuế.",
        "vào thời gian: 14 giờ 00 phút, ngày 27 tháng 11 năm 2026.",
        "THỦ TRƯỞNG CƠ QUAN", "(Ký tên, đóng dấu)",
    ]:
        assert expected in content, expected

    blank = flat(text(apology_pdf(dossier(), procedure(), LETTERHEAD, issued_on=TODAY)))
    assert "vào thời gian: …… giờ …… phút, ngày …… tháng …… năm ……." in blank
    by_day = flat(text(apology_pdf(dossier(), procedure(), LETTERHEAD, issued_on=TODAY,
                                   new_date=dt.date(2026, 12, 1))))
    assert "vào thời gian: ngày 01 tháng 12 năm 2026." in by_day


def test_signer_title_on_two_lines_from_the_profile():
    lh = dataclasses.replace(LETTERHEAD, head_title="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    content = text(apology_pdf(dossier(), procedure(), lh, issued_on=TODAY))
    assert "TM. ỦY BAN NHÂN DÂN\n" in content and "CHỦ TỊCH" in content


def test_slip_numbers():
    assert slip_number(guidance(), "HDHS") == "5/HDHS-01/2026"
    assert slip_number(dossier(), "HDHS") == f"{CODE}/HDHS"
    assert slip_number(guidance(book_sequence=None), "HDHS") == "……/HDHS"


def test_slips_embed_only_tinos():
    pdf = refusal_pdf(refused(), None, LETTERHEAD, issued_on=TODAY)
    assert all("+Tinos" in name for name in fonts_of(pdf))
    assert "Căn cứ quy định hiện hành" in text(pdf)  # no catalogue entry: no legal basis

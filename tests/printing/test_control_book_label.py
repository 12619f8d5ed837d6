"""Mẫu 05, Mẫu 06 and the folder label read back from the PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from counter_app.domain.model import DossierCode
from counter_app.printing.book import book_pdf
from counter_app.printing.control import control_pdf
from counter_app.printing.label import label_pdf, parse_label_size
from tests.printing.helpers import (
    CODE,
    LETTERHEAD,
    dossier,
    flat,
    fonts_of,
    page_sizes_mm,
    page_texts,
    person,
    procedure,
    symbols,
    text,
)


def test_control_sheet_first_hand_over_filled_and_rows_to_fill():
    pdf = control_pdf(dossier(), procedure(), LETTERHEAD)
    content = flat(text(pdf))
    for expected in [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", f"Mã hồ sơ: {CODE}",
        "Chủ hồ sơ: Nguyễn Thị Hương",
        "Thời gian nhận hồ sơ: 09 giờ 32 phút, ngày 20 tháng 11 năm 2026",
        "Thời gian hẹn trả kết quả: 09 giờ 32 phút, ngày 25 tháng 11 năm 2026",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân cấp xã",
        "TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "GHI CHÚ",
        "1. Giao: Bộ phận Một cửa UBND xã Tân Phú Nhận: Ủy ban nhân dân cấp xã",
        "2. Giao: …", "4. Giao: …",
        "5. Giao: Ủy ban nhân dân cấp xã Nhận: Bộ phận Một cửa UBND xã Tân Phú",
        "6. Trả kết quả cho: Nguyễn Thị Hương",
    ]:
        assert expected in content, expected
    assert len(page_texts(pdf)) == 1
    assert symbols(pdf) == [("Code128", CODE)]


def _many(n: int) -> list:
    names = ["Nguyễn Thị Hương", "Đặng Văn Đức", "Trần Ngọc Bích Phương"]
    start = dt.datetime(2026, 11, 20, 7, 30)
    return [dossier(code=DossierCode(f"000.00.06.H56-261120-{i:04d}"), book_sequence=i,
                    received_at=start + dt.timedelta(minutes=9 * i),
                    applicant=person(full_name=names[i % 3], address="Số 12 đường Lê Lợi, "
                                     "thôn Phú Hòa, xã Tân Phú, tỉnh Khánh Hòa " * (1 + i % 3)))
            for i in range(1, n + 1)]


def test_book_is_landscape_with_the_header_row_on_every_page():
    rows = _many(45)
    pdf = book_pdf(rows, {"1.001612": procedure()}, LETTERHEAD, start=dt.date(2026, 11, 20),
                   end=dt.date(2026, 11, 27))
    pages = page_texts(pdf)
    n = len(pages)
    assert n > 2
    assert set(page_sizes_mm(pdf)) == {(297.0, 210.0)}
    for i, page in enumerate(pages, start=1):
        flat_page = flat(page)
        for header in ["Mã hồ sơ", "Tên TTHC", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức",
                       "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ",
                       "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết",
                       "Nhận kết quả từ cơ quan giải quyết", "Trả kết quả", "Ghi chú", "(13)"]:
            assert header in flat_page, (i, header)
        assert f"Trang {i}/{n}" in page
    content = flat("\n".join(pages))
    assert "SỔ THEO DÕI HỒ SƠ" in content and "Quyển số: 01/2026" in content
    assert "Từ ngày 20/11/2026 đến ngày 27/11/2026" in content
    for d in rows:
        # the code is broken after the agency part: "000.00.06.H56- 261120-0007"
        assert content.count(d.code.replace("-", "- ", 1)) == 1, d.code
    assert "Đặng Văn Đức" in content and "Nguyễn Thị Hương" in content
    assert "Tổng số: 45 hồ sơ." in content
    assert all("+Tinos" in name for name in fonts_of(pdf))


def test_empty_book_says_so():
    content = flat(text(book_pdf([], {}, LETTERHEAD, start=dt.date(2026, 1, 1),
                                 end=dt.date(2026, 1, 31))))
    assert "Không có hồ sơ tiếp nhận trong thời gian này." in content
    assert "Tổng số: 0 hồ sơ." in content and "Trang 1/1" in content


@pytest.mark.parametrize("size", [(50.0, 30.0), (62.0, 29.0), (100.0, 50.0)])
def test_label_page_is_the_label_and_its_codes_decode(size):
    pdf = label_pdf(dossier(), size_mm=size)
    assert page_sizes_mm(pdf) == [size]
    content = flat(text(pdf))
    assert CODE in content and "Nguyễn Thị Hương" in content
    assert "Hẹn trả: 09:32 25/11/2026" in content
    # The QR reads at 200 dpi from any printer; the bars of a 50 mm Code 128 need the 300 dpi
    # of a label printer (a 25-character code is 308 modules: 78 mm at 2 pixels of 200 dpi).
    assert ("QRCode", CODE) in symbols(pdf, dpi=200)
    assert symbols(pdf, dpi=300) == [("Code128", CODE), ("QRCode", CODE)]
    assert all(re.fullmatch(r"/[A-Z]{6}\+NotoSans-(Regular|Bold)", name) for name in fonts_of(pdf))


def test_label_cuts_what_does_not_fit_and_marks_reprints():
    long = dossier(procedure_name="Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do "
                   "cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận " * 2,
                   applicant=person(full_name="Công ty TNHH Thương mại Dịch vụ Nguyễn Hoàng "
                                    "Phúc Khánh Hòa"))
    content = text(label_pdf(long, size_mm=(50, 30), reprint=3))
    assert "IN LẠI 3" in content
    assert "…" in content
    assert ("QRCode", CODE) in symbols(label_pdf(long, size_mm=(50, 30)))


@pytest.mark.parametrize("text_in, expected", [
    ("50x30", (50.0, 30.0)), ("62×29 mm", (62.0, 29.0)), (" 100 X 50 ", (100.0, 50.0)),
    ("57,5x32", (57.5, 32.0)),
])
def test_label_sizes(text_in, expected):
    assert parse_label_size(text_in) == expected


@pytest.mark.parametrize("bad", ["", "50", "A4", "10x10", "500x30", "50x30x2"])
def test_bad_label_sizes(bad):
    with pytest.raises(ValueError):
        parse_label_size(bad)


def test_forms_that_need_a_code():
    uncoded = dataclasses.replace(dossier(), code=None)
    for render in (lambda: control_pdf(uncoded, procedure(), LETTERHEAD),
                   lambda: label_pdf(uncoded)):
        with pytest.raises(ValueError):
            render()

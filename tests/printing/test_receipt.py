"""Mẫu 01 read back from the PDF: the words, the fonts, the barcode and the QR code."""

from __future__ import annotations

import dataclasses
import re

import pytest

from counter_app.domain.model import Channel, FeeLine, ReceivedDocument, ResultDelivery
from counter_app.printing.codes import FALLBACK_MODULE, PREFERRED_MODULE, Barcode128
from counter_app.printing.receipt import Copies, lookup_link, receipt_pdf
from tests.printing.helpers import (
    ADDRESS,
    CODE,
    ID_NUMBER,
    LETTERHEAD,
    URL,
    dossier,
    flat,
    fonts_of,
    page_sizes_mm,
    page_texts,
    person,
    procedure,
    reader,
    symbols,
    text,
)


def test_every_field_of_the_form_is_printed():
    pdf = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=Copies.ONE)
    content = flat(text(pdf))
    for expected in [
        "UBND TỈNH KHÁNH HÒA", "BỘ PHẬN MỘT CỬA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Tân Phú, ngày 20 tháng 11 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {CODE}",
        "Bộ phận Một cửa UBND xã Tân Phú tiếp nhận hồ sơ của: Nguyễn Thị Hương",
        f"Số định danh cá nhân: {ID_NUMBER}; Số điện thoại: 0912345678",
        f"Địa chỉ: {ADDRESS}",
        "Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh",
        "Hình thức nộp hồ sơ: Trực tiếp",
        "Giấy đề nghị đăng ký hộ kinh doanh", "Bản sao giấy tờ pháp lý của cá nhân",
        "2. Số lượng hồ sơ: 01 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 09 giờ 32 phút, ngày 20 tháng 11 năm 2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 32 phút, ngày 25 tháng 11 năm 2026",
        "6. Đăng ký nhận kết quả: Tại Bộ phận tiếp nhận và trả kết quả",
        "Lệ phí đăng ký hộ kinh doanh: 100.000 đ (đã nộp)",
        "Quyển số: 01/2026, Số thứ tự: 17",
        "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Khi nhận kết quả, mang theo Giấy tiếp nhận này và giấy tờ tùy thân.",
        f"Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập {URL}",
        "Đường dây nóng: 0258 3822 123",
    ]:
        assert expected in content, expected
    assert "BẢN IN LẠI" not in content
    assert len(reader(pdf).pages) == 1
    assert page_sizes_mm(pdf) == [(210.0, 297.0)]


def test_submitter_post_delivery_channel_and_several_fees():
    d = dossier(
        submitter=person(full_name="Đặng Văn Đức", id_number="001085012345", gender="Nam",
                         phone="0987654321"),
        channel=Channel.POSTAL, postal_item="EB125966888VN",
        delivery=ResultDelivery.POST, delivery_address="Số 5 Trần Phú, phường Lộc Thọ",
        fees=(FeeLine("Phí thẩm định", 1_400_000, paid=True),
              FeeLine("Lệ phí cấp giấy", 100_000, paid=False)),
    )
    content = flat(text(receipt_pdf(d, procedure(), LETTERHEAD, copies=Copies.ONE)))
    assert "Người nộp hồ sơ: Đặng Văn Đức" in content
    assert "Số định danh cá nhân: 001085012345; Số điện thoại: 0987654321" in content
    assert "Hình thức nộp hồ sơ: Qua dịch vụ bưu chính công ích (số hiệu bưu gửi " \
           "EB125966888VN)" in content
    assert "Qua dịch vụ bưu chính công ích, địa chỉ: Số 5 Trần Phú, phường Lộc Thọ" in content
    assert "- Phí thẩm định: 1.400.000 đ (đã nộp)" in content
    assert "- Lệ phí cấp giấy: 100.000 đ (chưa nộp)" in content
    assert "Tổng cộng: 1.500.000 đ" in content
    # The person who handed the dossier in signs it.
    assert re.search(r"NGƯỜI NỘP HỒ SƠ.*Đặng Văn Đức", content)


def test_free_procedure_and_no_due_date():
    d = dossier(fees=(FeeLine("Lệ phí đăng ký khai sinh", 0),), due_at=None)
    content = flat(text(receipt_pdf(d, procedure(), LETTERHEAD, copies=Copies.ONE)))
    assert "7. Phí, lệ phí: không thu." in content
    assert "Không có ngày hẹn trả cụ thể" in content


@pytest.mark.parametrize("copies, pages", [
    (Copies.ONE, 1), (Copies.TWO_PAGES, 2), (Copies.TWO_ON_SHEET, 1),
])
def test_barcode_and_qr_decode_at_200_dpi_on_every_copy(copies, pages):
    pdf = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=copies)
    assert len(reader(pdf).pages) == pages
    per_page = 2 if copies == Copies.TWO_ON_SHEET else 1
    for page in range(pages):
        found = symbols(pdf, page, dpi=200)
        assert found == sorted([("Code128", CODE)] * per_page + [("QRCode", URL)] * per_page)


def test_codes_never_carry_personal_data():
    pdf = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=Copies.ONE)
    payloads = [t for _, t in symbols(pdf)]
    assert lookup_link(dossier(), LETTERHEAD) == URL
    for payload in payloads:
        assert ID_NUMBER not in payload and "0912345678" not in payload
        assert "Lê Lợi" not in payload and "Hương" not in payload


def test_no_qr_without_a_lookup_address():
    offline = dataclasses.replace(LETTERHEAD, lookup_base_url="")
    pdf = receipt_pdf(dossier(), procedure(), offline, copies=Copies.ONE)
    assert symbols(pdf) == [("Code128", CODE)]
    assert "Tra cứu" not in text(pdf)


def test_barcode_bars_are_wide_enough_for_200_dpi():
    # 3 pixels per module at 200 dpi (0.381 mm) whenever it fits, else exactly 2 (0.254 mm).
    mm = 72 / 25.4
    assert PREFERRED_MODULE == pytest.approx(0.381 * mm) and FALLBACK_MODULE == 0.254 * mm
    assert Barcode128(CODE, height=30, max_width=120 * mm).module == PREFERRED_MODULE
    assert Barcode128(CODE, height=30, max_width=100 * mm).module == FALLBACK_MODULE
    narrow = Barcode128(CODE, height=30, max_width=50 * mm)
    assert narrow.width == pytest.approx(50 * mm)
    for copies in Copies:
        pdf = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=copies)
        assert ("Code128", CODE) in symbols(pdf)


def test_two_copies_are_labelled_and_numbered_within_each_copy():
    pdf = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=Copies.TWO_PAGES)
    first, second = page_texts(pdf)
    assert "Liên 1: Giao người nộp hồ sơ" in first
    assert "Liên 2: Chuyển kèm hồ sơ đến cơ quan giải quyết" in second
    assert "Trang" not in first + second  # one page per copy: nothing to number

    sheet = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=Copies.TWO_ON_SHEET)
    assert page_sizes_mm(sheet) == [(297.0, 210.0)]  # landscape, one half per copy
    content = text(sheet)
    assert "Liên 1: Giao người nộp hồ sơ" in content and "Liên 2: Chuyển kèm" in content
    assert content.count("Nguyễn Thị Hương") >= 2


def test_reprint_is_marked_on_every_page():
    pdf = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=Copies.TWO_PAGES, reprint=2)
    assert all("BẢN IN LẠI (lần 2)" in page for page in page_texts(pdf))
    sheet = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=Copies.TWO_ON_SHEET,
                        reprint=1)
    assert text(sheet).count("BẢN IN LẠI (lần 1)") == 2  # on each half


def _long_dossier():
    items = tuple(ReceivedDocument(f"Bản kê khai mục {i:02d} về tình hình tài sản, thu nhập "
                                   f"và nghĩa vụ tài chính của hộ gia đình", original=1)
                  for i in range(1, 31))
    address = ("Căn hộ số 1205, tầng 12, tòa nhà Hoàng Anh Gia Lai, số 357 đường Lê Văn Lương, "
               "tổ dân phố số 14, khu phố Mỹ Lộc, phường Tân Phong, thành phố Nha Trang, "
               "tỉnh Khánh Hòa, Việt Nam (đối diện chợ Xóm Mới).")
    assert len(address) == 200
    name = "Công ty Trách nhiệm hữu hạn Thương mại Dịch vụ Xuất nhập khẩu Nguyễn Hoàng Phúc"
    return dossier(documents=items, applicant=person(full_name=name, address=address)), address


def test_long_checklist_and_address_flow_onto_a_second_page():
    d, address = _long_dossier()
    pdf = receipt_pdf(d, procedure(), LETTERHEAD, copies=Copies.ONE)
    pages = page_texts(pdf)
    assert len(pages) > 1
    content = flat("\n".join(pages))
    for i in range(1, 31):
        assert content.count(f"Bản kê khai mục {i:02d} về") == 1, i
    assert flat(address) in content
    n = len(pages)
    assert all(f"Trang {i}/{n}" in page for i, page in enumerate(pages, start=1))
    # The table's header row is repeated on the page it flows onto.
    assert "Tên giấy tờ" in pages[1]
    assert symbols(pdf, 0) == [("Code128", CODE), ("QRCode", URL)]


def test_two_on_a_sheet_falls_back_to_pages_when_a_copy_is_too_long():
    d, _ = _long_dossier()
    pdf = receipt_pdf(d, procedure(), LETTERHEAD, copies=Copies.TWO_ON_SHEET)
    sizes = page_sizes_mm(pdf)
    assert len(sizes) >= 4 and set(sizes) == {(210.0, 297.0)}
    content = flat(text(pdf))
    assert content.count("Bản kê khai mục 30 về") == 2
    # Pages are numbered within each copy: "Trang 1/n" … "Trang n/n" twice.
    per_copy = len(sizes) // 2
    for i in range(1, per_copy + 1):
        assert content.count(f"Trang {i}/{per_copy}") == 2


def test_fonts_are_embedded_tinos_subsets_never_helvetica():
    pdf = receipt_pdf(dossier(), procedure(), LETTERHEAD, copies=Copies.TWO_ON_SHEET, reprint=1)
    found = fonts_of(pdf)
    assert found, "no fonts"
    for name, info in found.items():
        assert re.fullmatch(r"/[A-Z]{6}\+Tinos(-Bold|-Italic|-BoldItalic)?", name), name
        assert info == {"subtype": "/TrueType", "embedded": True}
    assert b"Helvetica" not in pdf


def test_output_is_reproducible():
    one = receipt_pdf(dossier(), procedure(), LETTERHEAD)
    assert receipt_pdf(dossier(), procedure(), LETTERHEAD) == one


def test_a_dossier_without_code_has_no_receipt():
    with pytest.raises(ValueError):
        receipt_pdf(dossier(code=None), procedure(), LETTERHEAD)

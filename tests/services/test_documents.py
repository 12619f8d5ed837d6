"""Printing through the service: which forms exist for which dossier, reprints, events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pypdf
import pytest

from counter_app.domain.errors import NotFound, ValidationFailed
from counter_app.domain.model import FeeLine, ReceivedDocument
from counter_app.domain.scan import lookup_url
from counter_app.services import documents
from counter_app.services.counter import NotSetUp
from counter_app.services.documents import Copies, Form, FormNotApplicable, PrintOptions
from counter_app.services.profile import Profile
from tests.conftest import AGENCY, applicant, birth_draft

PORTAL = "https://dichvucong.khanhhoa.gov.vn"


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


@pytest.fixture
def printing(counter):
    counter.set_profile(dataclasses.replace(
        counter.profile, governing_body="UBND TỈNH KHÁNH HÒA", portal_url=PORTAL,
        hotline="0258 3822 123"))
    return counter


def _business(counter):
    """A received hộ kinh doanh dossier with its 100.000 đ fee paid."""
    return counter.receive(birth_draft(
        procedure_code="1.001612",
        applicant=applicant(full_name="Đặng Văn Đức", id_number="001085012345", gender="Nam",
                            birth_date=dt.date(1985, 1, 1)),
        documents=(ReceivedDocument("Giấy đề nghị đăng ký hộ kinh doanh", original=1),),
        fees=(FeeLine("Lệ phí đăng ký hộ kinh doanh", 100_000, paid=True),),
    )).dossier


def test_receipt_of_a_received_dossier(printing):
    d = _business(printing)
    content = _text(documents.render(printing, d, Form.RECEIPT))
    for expected in [
        "UBND TỈNH KHÁNH HÒA", "Tân Phú, ngày 20 tháng 11 năm 2026",
        "Bộ phận Một cửa xã Tân Phú tiếp nhận hồ sơ của: Đặng Văn Đức",
        "Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh",
        "4. Thời gian nhận hồ sơ: 09 giờ 32 phút, ngày 20 tháng 11 năm 2026",
        "100.000 đ", "03 ngày làm việc", f"Mã hồ sơ: {AGENCY}-261120-0001",
        lookup_url(PORTAL, d.code or "", d.lookup_secret), "Đường dây nóng: 0258 3822 123",
        "Liên 1", "Liên 2",
    ]:
        assert expected in content, expected
    assert printing.events(d.id)[-1].kind == "received"  # a preview records nothing


def test_every_print_is_recorded_and_reprints_are_counted_per_form(printing, clock):
    d = _business(printing)
    first = documents.print_form(printing, d.id, Form.RECEIPT, user="clerk1")
    assert first.reprint == 0 and "BẢN IN LẠI" not in _text(first.pdf)
    assert first.changes.dossiers == {d.id}
    clock.advance(minutes=5)
    second = documents.print_form(printing, d.id, Form.RECEIPT, user="clerk2",
                                  options=PrintOptions(copies=Copies.ONE))
    assert second.reprint == 1 and "BẢN IN LẠI (lần 1)" in _text(second.pdf)
    label = documents.print_form(printing, d.id, Form.LABEL)
    assert label.reprint == 0  # counted per form
    third = documents.print_form(printing, d.id, Form.RECEIPT)
    assert third.reprint == 2 and "BẢN IN LẠI (lần 2)" in _text(third.pdf)

    printed = [e for e in printing.events(d.id) if e.kind == "printed"]
    assert [(e.payload["form"], e.payload["reprint"]) for e in printed] == [
        ("receipt", 0), ("receipt", 1), ("label", 0), ("receipt", 2)]
    assert [e.user for e in printed][:2] == ["clerk1", "clerk2"]
    assert printed[1].at == dt.datetime(2026, 11, 20, 9, 37)
    assert printed[1].payload["copies"] == "one" and printed[0].payload["copies"] == "two_pages"
    assert printed[0].workstation == 1
    assert documents.reprint_count(printing, d.id, Form.RECEIPT) == 3


def test_a_print_that_cannot_be_delivered_is_not_recorded(printing):
    d = _business(printing)

    def broken_printer(pdf: bytes) -> None:
        raise OSError("printer offline")

    with pytest.raises(OSError):
        documents.print_form(printing, d.id, Form.RECEIPT, deliver=broken_printer)
    assert [e.kind for e in printing.events(d.id)] == ["received"]
    delivered: list[bytes] = []
    result = documents.print_form(printing, d.id, Form.RECEIPT, deliver=delivered.append)
    assert delivered == [result.pdf] and result.reprint == 0


def test_guidance_and_refusal_records_print_their_slips(printing):
    g = printing.record_guidance(birth_draft(documents=(
        ReceivedDocument("Tờ khai đăng ký khai sinh theo mẫu", original=1),))).dossier
    r = printing.refuse(birth_draft(applicant=applicant(full_name="Đặng Văn Đức"),
                                    reason="Không thuộc thẩm quyền giải quyết của xã.")).dossier
    slip = documents.print_form(printing, g.id, Form.SUPPLEMENT)
    content = _text(slip.pdf)
    assert "Số: 1/HDHS-01/2026" in content and "Giấy chứng sinh" in content
    assert "Nguyễn Thị Hương" in content and "Thủ tục đăng ký khai sinh" in content
    refusal = _text(documents.print_form(printing, r.id, Form.REFUSAL).pdf)
    assert "Số: 1/TCHS-01/2026" in refusal and "Đặng Văn Đức" in refusal
    assert "Căn cứ quy định tại Luật Hộ tịch 2014" in refusal
    assert "Không thuộc thẩm quyền giải quyết của xã." in refusal
    assert documents.find(printing, g.id) == g
    assert documents.reference(g) == "1/HDHS-01/2026"


@pytest.mark.parametrize("outcome, form", [
    ("received", Form.REFUSAL), ("guidance", Form.RECEIPT), ("guidance", Form.LABEL),
    ("guidance", Form.REFUSAL), ("refused", Form.SUPPLEMENT), ("refused", Form.CONTROL),
    ("refused", Form.APOLOGY),
])
def test_forms_that_do_not_exist_for_the_dossier(printing, outcome, form):
    if outcome == "received":
        d = printing.receive(birth_draft()).dossier
    elif outcome == "guidance":
        d = printing.record_guidance(birth_draft()).dossier
    else:
        d = printing.refuse(birth_draft(reason="Sai thẩm quyền.")).dossier
    with pytest.raises(FormNotApplicable) as exc:
        documents.print_form(printing, d.id, form)
    assert exc.value.params["form"] == form.value
    assert exc.value.params["outcome"] == outcome
    assert [e.kind for e in printing.events(d.id)] == [d.outcome.value]


def test_apology_new_date_must_be_later_than_the_due_date(printing):
    d = _business(printing)  # due 25/11/2026 09:32
    with pytest.raises(ValidationFailed) as exc:
        documents.print_form(printing, d.id, Form.APOLOGY,
                             options=PrintOptions(new_date=dt.date(2026, 11, 25)))
    assert exc.value.problems[0].code == "new_date.not_later"
    later = documents.print_form(printing, d.id, Form.APOLOGY, options=PrintOptions(
        new_date=dt.datetime(2026, 11, 30, 8, 0), reason="Chờ ý kiến cơ quan thuế."))
    content = _text(later.pdf)
    assert "08 giờ 00 phút, ngày 30 tháng 11 năm 2026" in content
    assert "Chờ ý kiến cơ quan thuế." in content
    assert printing.events(d.id)[-1].payload["new_date"] == "2026-11-30T08:00:00"


def test_label_size_comes_from_the_profile(printing):
    d = _business(printing)
    printing.set_profile(dataclasses.replace(printing.profile, label_size="62x29"))
    pdf = documents.render(printing, d, Form.LABEL)
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (62, 29)
    printing.set_profile(dataclasses.replace(printing.profile, label_size="A4"))
    with pytest.raises(ValidationFailed) as exc:
        documents.render(printing, d, Form.LABEL)
    assert exc.value.problems[0].field == "label_size"


def test_find_by_code_or_id(printing):
    d = _business(printing)
    assert documents.find(printing, (d.code or "").lower()) == d
    assert documents.find(printing, d.id) == d
    with pytest.raises(NotFound):
        documents.find(printing, f"{AGENCY}-261120-0999")
    with pytest.raises(NotFound):
        documents.find(printing, "không phải mã")


def test_letterhead_from_the_profile():
    profile = Profile(agency_code=AGENCY, agency_name="Bộ phận Một cửa xã Tân Phú",
                      workstation=1, governing_body="UBND TỈNH KHÁNH HÒA",
                      place_name="Tân Phú", portal_url="https://portal.example.vn")
    lh = documents.letterhead(profile)
    assert lh.header_lines == ("UBND TỈNH KHÁNH HÒA", "Bộ phận Một cửa xã Tân Phú")
    assert lh.lookup_base_url == "https://portal.example.vn"
    assert lh.receiver_title == "NGƯỜI TIẾP NHẬN HỒ SƠ"
    custom = documents.letterhead(dataclasses.replace(
        profile, print_header="UBND TỈNH KHÁNH HÒA\nUBND XÃ TÂN PHÚ\n\nBỘ PHẬN MỘT CỬA",
        lookup_base_url="https://tracuu.example.vn", head_title="CHỦ TỊCH"))
    assert custom.header_lines == ("UBND TỈNH KHÁNH HÒA", "UBND XÃ TÂN PHÚ", "BỘ PHẬN MỘT CỬA")
    assert custom.lookup_base_url == "https://tracuu.example.vn"
    assert custom.head_title == "CHỦ TỊCH"
    assert documents.letterhead(dataclasses.replace(profile, portal_url="")).lookup_base_url == ""


def test_printing_settings_survive_the_settings_table(counter):
    profile = dataclasses.replace(counter.profile, print_header="A\nB", hotline="1900 1234",
                                  label_size="62x29", head_title="TM. UBND\nCHỦ TỊCH")
    counter.set_profile(profile)
    assert counter.profile == profile


def test_tracking_book_lists_received_dossiers_of_the_period(printing, clock):
    first = printing.receive(birth_draft()).dossier
    printing.record_guidance(birth_draft())  # not in the book
    clock.advance(days=3)  # Monday 23/11
    second = _business(printing)
    clock.advance(days=7)  # 30/11: outside the period
    printing.receive(birth_draft())
    book = documents.tracking_book(printing, dt.date(2026, 11, 20), dt.date(2026, 11, 23))
    assert book.count == 2
    content = _text(book.pdf)
    assert (first.code or "").replace("-", "- ", 1) in content
    assert (second.code or "").replace("-", "- ", 1) in content
    assert "Đặng Văn Đức" in content and "Thủ tục đăng ký khai sinh" in content
    assert "261130" not in content
    assert "Từ ngày 20/11/2026 đến ngày 23/11/2026" in content
    with pytest.raises(ValidationFailed):
        documents.tracking_book(printing, dt.date(2026, 11, 23), dt.date(2026, 11, 20))


def test_printing_needs_a_profile(tmp_path, clock):
    from counter_app.services.counter import Counter

    with Counter.open(tmp_path / "empty", clock) as bare:
        with pytest.raises(NotSetUp):
            documents.tracking_book(bare, dt.date(2026, 1, 1), dt.date(2026, 1, 2))

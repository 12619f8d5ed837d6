"""Return of results (status 9 → 10): who may receive, what is recorded, what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app import messages
from counter_app.domain.errors import ValidationFailed
from counter_app.domain.model import IdKind, Person, Status
from counter_app.domain.returns import (
    Authorisation,
    NotReadyForReturn,
    PaymentMethod,
    Rating,
    ReturnDraft,
    ReturnedItem,
    parse_fee,
)
from counter_app.services import returns
from counter_app.store import sync as sync_store
from tests.conftest import birth_draft
from tests.printing.helpers import flat, fonts_of, symbols
from tests.printing.helpers import text as pdf_text

APPLICANT_ID = "001185012345"
OTHER_ID = "079090001234"


def _done(counter, clock):
    """A received dossier the back office has finished (status 9)."""
    d = counter.receive(birth_draft(user="clerk1")).dossier
    counter.change_status(d.id, Status.IN_PROGRESS)
    clock.advance(days=1)
    counter.change_status(d.id, Status.RESOLVED)
    clock.advance(hours=1)
    return counter.get_by_id(d.id)


def _draft(dossier_id: str, **overrides: object) -> ReturnDraft:
    values: dict[str, object] = dict(
        dossier_id=dossier_id,
        receiver=Person(full_name="Nguyễn Thị Hương", id_number=APPLICANT_ID),
        items=(ReturnedItem("Giấy khai sinh (bản chính)", 1),
               ReturnedItem("Trích lục khai sinh (bản sao)", 2)),
        fee_text="8.000", payment=PaymentMethod.CASH, rating=Rating.SATISFIED, user="clerk1")
    values.update(overrides)
    return ReturnDraft(**values)  # type: ignore[arg-type]


def _state(counter, dossier_id):
    return counter.get_by_id(dossier_id), [e.kind for e in counter.events(dossier_id)]


def _fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: p.code for p in exc.value.problems}


def test_applicant_receives_status_10_and_one_pushed_event(counter, clock):
    d = _done(counter, clock)
    out = returns.record_return(counter, _draft(d.id))
    assert out.dossier.status == Status.RETURNED
    assert counter.get_by_id(d.id).status == Status.RETURNED
    evts = counter.events(d.id)
    assert evts[-1].kind == "result_returned"
    p = evts[-1].payload
    assert p["from"] == 9 and p["to"] == 10
    assert p["returned_at"] == clock.now.isoformat()
    assert p["receiver"] == {"full_name": "Nguyễn Thị Hương", "id_number": APPLICANT_ID,
                             "id_kind": "cccd", "is_applicant": True}
    assert p["authorisation"] is None
    assert p["items"] == [{"name": "Giấy khai sinh (bản chính)", "quantity": 1},
                          {"name": "Trích lục khai sinh (bản sao)", "quantity": 2}]
    assert p["fee"] == {"amount": 8000, "method": "cash"}
    assert p["rating"] == "satisfied"
    assert p["slip_number"] == f"{d.code}/BGKQ"
    assert evts[-1].kind in sync_store.PUSHED_KINDS
    assert returns.find_return(counter, d.id) == out.record


def test_someone_else_with_an_authorisation_letter(counter, clock):
    d = _done(counter, clock)
    draft = _draft(d.id, receiver=Person(full_name="Trần Văn Bình", id_number="079 090 001 234"),
                   authorisation=Authorisation(" UQ-15/2026 ", dt.date(2026, 11, 18)),
                   fee_text="", payment=PaymentMethod.NONE, rating=None)
    out = returns.record_return(counter, draft)
    p = counter.events(d.id)[-1].payload
    assert p["receiver"]["is_applicant"] is False
    assert p["receiver"]["id_number"] == OTHER_ID
    assert p["authorisation"] == {"number": "UQ-15/2026", "signed_on": "2026-11-18"}
    assert p["fee"] == {"amount": 0, "method": "none"}
    assert p["rating"] is None
    assert out.record.receiver_is_applicant is False


def test_not_done_is_refused_and_nothing_changes(counter, clock):
    d = counter.receive(birth_draft()).dossier  # status 2
    before = _state(counter, d.id)
    with pytest.raises(NotReadyForReturn) as exc:
        returns.record_return(counter, _draft(d.id))
    assert _state(counter, d.id) == before
    assert messages.describe(exc.value) == (
        f"Chưa trả được kết quả hồ sơ {d.code}: hồ sơ đang ở trạng thái 2 (Được tiếp nhận), "
        "chưa ở trạng thái 9 (Đã xử lý xong).")


def test_returned_twice_is_refused(counter, clock):
    d = _done(counter, clock)
    returns.record_return(counter, _draft(d.id))
    before = _state(counter, d.id)
    with pytest.raises(NotReadyForReturn):
        returns.record_return(counter, _draft(d.id))
    assert _state(counter, d.id) == before


def test_other_receiver_without_authorisation_is_refused(counter, clock):
    d = _done(counter, clock)
    before = _state(counter, d.id)
    with pytest.raises(ValidationFailed) as exc:
        returns.record_return(counter, _draft(
            d.id, receiver=Person(full_name="Trần Văn Bình", id_number=OTHER_ID)))
    assert _fields(exc) == {"authorisation": "return.authorisation_required"}
    assert _state(counter, d.id) == before
    assert "giấy ủy quyền" in messages.describe(exc.value)


def test_authorisation_needs_number_and_a_past_date(counter, clock):
    d = _done(counter, clock)
    with pytest.raises(ValidationFailed) as exc:
        returns.record_return(counter, _draft(
            d.id, receiver=Person(full_name="Trần Văn Bình", id_number=OTHER_ID),
            authorisation=Authorisation("", clock.now.date() + dt.timedelta(days=1))))
    assert _fields(exc) == {"authorisation.number": "required",
                            "authorisation.signed_on": "date.future"}


@pytest.mark.parametrize(("text", "code"), [
    ("-5000", "amount.negative"), ("abc", "amount.format"), ("12a", "amount.format"),
    ("1,5 triệu", "amount.format"), ("٣٠٠", "amount.format"),
    ("99999999999999999", "amount.too_large")])
def test_bad_fee_is_refused_and_nothing_changes(counter, clock, text, code):
    d = _done(counter, clock)
    before = _state(counter, d.id)
    with pytest.raises(ValidationFailed) as exc:
        returns.record_return(counter, _draft(d.id, fee_text=text))
    assert _fields(exc) == {"fee": code}
    assert _state(counter, d.id) == before
    assert messages.describe(exc.value).startswith("Dữ liệu chưa hợp lệ — Phí, lệ phí đã thu:")


def test_fee_without_payment_method_receiver_and_items_missing(counter, clock):
    d = _done(counter, clock)
    with pytest.raises(ValidationFailed) as exc:
        returns.record_return(counter, _draft(
            d.id, receiver=Person(full_name=""), items=(), payment=PaymentMethod.NONE))
    assert _fields(exc) == {"receiver.full_name": "required", "receiver.id_number": "id.empty",
                            "items": "return.items_required", "payment": "return.payment_required"}


def test_item_quantity_and_name(counter, clock):
    d = _done(counter, clock)
    with pytest.raises(ValidationFailed) as exc:
        returns.record_return(counter, _draft(d.id, items=(ReturnedItem("  ", 1),
                                                           ReturnedItem("Giấy", 0))))
    assert _fields(exc) == {"items[0].name": "required", "items[1].quantity": "quantity.range"}


@pytest.mark.parametrize(("text", "amount"), [
    ("", 0), ("0", 0), ("8000", 8000), ("8.000", 8000), ("1.500.000 đ", 1_500_000),
    (" 1 500 000 VNĐ ", 1_500_000), ("50,000đ", 50_000)])
def test_parse_fee(text, amount):
    assert parse_fee(text) == (amount, None)


def test_passport_receiver_kind_is_recognised(counter, clock):
    d = _done(counter, clock)
    returns.record_return(counter, _draft(
        d.id, receiver=Person(full_name="Lê Văn An", id_number="c1234567"),
        authorisation=Authorisation("12/UQ", dt.date(2026, 11, 1))))
    assert counter.events(d.id)[-1].payload["receiver"]["id_kind"] == IdKind.PASSPORT.value


def test_handover_slip_prints_code_receiver_items_fee_rating(counter, clock):
    d = _done(counter, clock)
    returns.record_return(counter, _draft(
        d.id, receiver=Person(full_name="Trần Văn Bình", id_number=OTHER_ID),
        authorisation=Authorisation("UQ-15/2026", dt.date(2026, 11, 18))))
    printed = returns.print_handover(counter, d.id, user="clerk1")
    text = flat(pdf_text(printed.pdf))
    for expected in ("PHIẾU BÀN GIAO KẾT QUẢ GIẢI QUYẾT HỒ SƠ", f"{d.code}/BGKQ",
                     "Trần Văn Bình", OTHER_ID, "Nguyễn Thị Hương", "UQ-15/2026",
                     "ngày 18 tháng 11 năm 2026", "Giấy khai sinh (bản chính)", "8.000 đ",
                     "tiền mặt", "Hài lòng", "10 giờ 32 phút, ngày 21 tháng 11 năm 2026",
                     "NGƯỜI NHẬN KẾT QUẢ", "NGƯỜI TRẢ KẾT QUẢ"):
        assert expected in text, expected
    assert "BẢN IN LẠI" not in text
    assert symbols(printed.pdf) == [("Code128", d.code)]  # and no QR code at all
    fonts = fonts_of(printed.pdf)
    assert fonts and all("+Tinos" in name and f["embedded"] for name, f in fonts.items())
    again = returns.print_handover(counter, d.id)
    assert again.reprint == 1 and "BẢN IN LẠI (lần 1)" in pdf_text(again.pdf)
    assert [e.payload["form"] for e in counter.events(d.id) if e.kind == "printed"] == [
        "handover", "handover"]


def test_handover_slip_needs_a_return(counter, clock):
    d = _done(counter, clock)
    with pytest.raises(NotReadyForReturn):
        returns.print_handover(counter, d.id)


def test_parse_items():
    from counter_app.domain.returns import parse_items
    assert parse_items("Giấy khai sinh\n\n  Trích lục khai sinh; 2 \nBản sao × 3 bản\nx") == [
        ("Giấy khai sinh", 1), ("Trích lục khai sinh", 2), ("Bản sao", 3), ("x", 1)]

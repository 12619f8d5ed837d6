"""After the receipt: the to-act-on lists, online acceptance, supplements, apology, withdrawal."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app import messages
from counter_app.domain.errors import ValidationFailed
from counter_app.domain.followup import AlreadyApologised, SupplementRule, WrongStatus
from counter_app.domain.model import ReceivedDocument, Status
from counter_app.services.followup import Category
from counter_app.store import sync as sync_store
from tests.conftest import applicant, birth_draft
from tests.services.followup_helpers import online_dossier, portal_sets

BIRTH_DOCS = (ReceivedDocument("Tờ khai đăng ký khai sinh theo mẫu", original=1),
              ReceivedDocument("Giấy chứng sinh", original=1))
PAPERS = (ReceivedDocument("Bản sao giấy xác nhận cư trú", certified_copy=1),)


def _snapshot(counter, dossier_id):
    return counter.get_by_id(dossier_id), [e.kind for e in counter.events(dossier_id)]


def _codes(items):
    return [i.summary.code for i in items]


def test_lists_show_what_needs_the_counter(counter, clock):
    a = counter.receive(birth_draft()).dossier  # due Mon 23/11 09:32 (1 working day)
    b = counter.receive(birth_draft(applicant=applicant(full_name="Trần Văn Bình",
                                                        id_number="001085012345",
                                                        gender="Nam"))).dossier
    c = counter.receive(birth_draft(procedure_code="1.001612", documents=(
        ReceivedDocument("Giấy đề nghị đăng ký hộ kinh doanh", original=1),))).dossier
    d = counter.receive(birth_draft()).dossier
    portal_sets(counter, a, Status.SUPPLEMENT_REQUESTED, "Bản sao giấy xác nhận cư trú")
    portal_sets(counter, b, Status.STOPPED, "Người yêu cầu đã chết trước khi giải quyết")
    portal_sets(counter, c, Status.RESOLVED, "Đã ký giấy chứng nhận")
    online = online_dossier(counter)

    clock.now = dt.datetime(2026, 11, 20, 16, 0)  # Friday afternoon
    lists = counter.followup.to_act_on()
    assert _codes(lists.lists[Category.SUPPLEMENT]) == [a.code]
    assert lists.lists[Category.SUPPLEMENT][0].note == "Bản sao giấy xác nhận cư trú"
    assert lists.lists[Category.SUPPLEMENT][0].department == "Phòng Tư pháp"
    assert _codes(lists.lists[Category.STOPPED]) == [b.code]
    assert lists.lists[Category.STOPPED][0].note.startswith("Người yêu cầu đã chết")
    assert _codes(lists.lists[Category.DONE]) == [c.code]
    assert _codes(lists.lists[Category.ONLINE]) == [online.code]
    # The weekend does not count: Friday 16:00 + 24 hours reaches Monday 16:00.
    assert lists.horizon == dt.datetime(2026, 11, 23, 16, 0)
    assert _codes(lists.lists[Category.DUE_SOON]) == [d.code]  # a waits for the citizen
    assert lists.counts[Category.OVERDUE] == 0

    clock.now = dt.datetime(2026, 11, 23, 10, 0)  # Monday, after d's due time
    lists = counter.followup.to_act_on()
    assert _codes(lists.lists[Category.OVERDUE]) == [d.code]
    assert lists.counts == {Category.ONLINE: 1, Category.SUPPLEMENT: 1, Category.FINANCIAL: 0,
                            Category.DONE: 1, Category.STOPPED: 1, Category.DUE_SOON: 0,
                            Category.OVERDUE: 1}
    clock.now = dt.datetime(2026, 12, 30, 10, 0)  # a stop leaves the list after 30 days
    assert counter.followup.to_act_on().counts[Category.STOPPED] == 0


def test_accepting_an_online_dossier(counter, clock):
    online = online_dossier(counter)
    before = _snapshot(counter, online.id)
    with pytest.raises(ValidationFailed) as e:  # "Giấy chứng sinh" is mandatory
        counter.followup.accept_online(online.id, BIRTH_DOCS[:1], user="lan")
    assert "Giấy chứng sinh" in messages.describe(e.value)
    assert _snapshot(counter, online.id) == before

    result = counter.followup.accept_online(online.id, BIRTH_DOCS, user="lan")
    d = result.dossier
    assert d.status == Status.RECEIVED and d.received_at == clock.now
    assert d.due_at == dt.datetime(2026, 11, 23, 9, 32)  # 1 working day from Friday 09:32
    assert d.book_sequence == 1 and d.book_number and d.created_by == "lan"
    assert counter.get_by_id(d.id) == d
    event = counter.events(d.id)[-1]
    assert event.kind == "accepted" and event.payload["due_at"] == "2026-11-23T09:32:00"
    assert event.payload["from"] == 1 and event.payload["to"] == 2
    assert "accepted" in sync_store.PUSHED_KINDS

    with pytest.raises(WrongStatus) as again:
        counter.followup.accept_online(online.id, BIRTH_DOCS)
    assert messages.describe(again.value) == (
        f"Không thể tiếp nhận hồ sơ nộp trực tuyến cho hồ sơ {d.code}: hồ sơ đang ở trạng thái "
        "«Được tiếp nhận». Không có gì thay đổi.")
    direct = counter.receive(birth_draft()).dossier
    with pytest.raises(WrongStatus):
        counter.followup.accept_online(direct.id, BIRTH_DOCS)


def test_supplement_restarts_the_clock(counter, clock):
    d = counter.receive(birth_draft()).dossier
    portal_sets(counter, d, Status.IN_PROGRESS, "Chuyển Phòng Tư pháp")
    with pytest.raises(WrongStatus):  # nothing was asked for yet
        counter.followup.record_supplement(d.id, PAPERS)
    clock.now = dt.datetime(2026, 11, 20, 14, 0)
    portal_sets(counter, d, Status.SUPPLEMENT_REQUESTED,
                "Bản sao giấy xác nhận cư trú; Giấy tờ chứng minh quan hệ cha con")
    request = counter.followup.supplement_request(d.id)
    assert request.items == ("Bản sao giấy xác nhận cư trú",
                             "Giấy tờ chứng minh quan hệ cha con")
    assert request.requested_at == dt.datetime(2026, 11, 20, 14, 0) and not request.repeat

    clock.now = dt.datetime(2026, 11, 25, 8, 0)  # Wednesday (Tuesday 24/11 is a day off)
    before = _snapshot(counter, d.id)
    with pytest.raises(ValidationFailed) as e:
        counter.followup.record_supplement(d.id, (ReceivedDocument("Giấy tờ X"),))
    assert "chưa đánh dấu giấy tờ nào" in messages.describe(e.value)
    assert _snapshot(counter, d.id) == before

    result = counter.followup.record_supplement(d.id, PAPERS, user="lan")
    assert result.dossier.status == Status.IN_PROGRESS
    assert result.dossier.due_at == dt.datetime(2026, 11, 26, 8, 0)  # 1 working day again
    event = counter.events(d.id)[-1]
    assert event.kind == "supplement_received" and event.payload["rule"] == "restart"
    assert event.payload["previous_due_at"] == "2026-11-23T09:32:00"
    assert event.payload["repeat_request"] is False


def test_supplement_can_shift_the_due_date_instead(counter, clock):
    d = counter.receive(birth_draft()).dossier  # due Mon 23/11 09:32
    clock.now = dt.datetime(2026, 11, 20, 14, 0)
    portal_sets(counter, d, Status.SUPPLEMENT_REQUESTED, "Bản sao giấy xác nhận cư trú")
    clock.now = dt.datetime(2026, 11, 20, 16, 0)  # 2 working hours later
    result = counter.followup.record_supplement(d.id, PAPERS, rule=SupplementRule.SHIFT)
    assert result.dossier.due_at == dt.datetime(2026, 11, 23, 13, 32)  # over the lunch break


def test_a_second_request_of_the_same_department_is_flagged(counter, clock):
    d = counter.receive(birth_draft()).dossier
    portal_sets(counter, d, Status.SUPPLEMENT_REQUESTED, "Bản sao giấy xác nhận cư trú")
    counter.followup.record_supplement(d.id, PAPERS)
    clock.advance(hours=1)
    portal_sets(counter, d, Status.SUPPLEMENT_REQUESTED, "Bản chính giấy chứng sinh")
    assert counter.followup.supplement_request(d.id).repeat
    item = counter.followup.to_act_on().lists[Category.SUPPLEMENT][0]
    assert item.repeat_request and item.note == "Bản chính giấy chứng sinh"
    clock.advance(hours=1)
    counter.followup.record_supplement(d.id, (ReceivedDocument("Giấy chứng sinh", original=1),))
    assert counter.events(d.id)[-1].payload["repeat_request"] is True


def test_apology_once_with_a_later_date_and_a_reason(counter, clock):
    d = counter.receive(birth_draft()).dossier  # due Mon 23/11 09:32
    later = dt.datetime(2026, 11, 26, 9, 32)
    before = _snapshot(counter, d.id)
    with pytest.raises(ValidationFailed) as e:
        counter.followup.apologise(d.id, dt.datetime(2026, 11, 23, 9, 0), "  ")
    assert {p.field for p in e.value.problems} == {"reason", "new_date"}
    assert _snapshot(counter, d.id) == before

    result = counter.followup.apologise(d.id, later, "Chờ ý kiến của Sở Tư pháp", user="lan")
    assert result.dossier.due_at == later
    event = counter.events(d.id)[-1]
    assert event.kind == "delay_apology"
    assert event.payload == {"previous_due_at": "2026-11-23T09:32:00",
                             "due_at": "2026-11-26T09:32:00",
                             "reason": "Chờ ý kiến của Sở Tư pháp"}
    before = _snapshot(counter, d.id)
    with pytest.raises(AlreadyApologised) as again:
        counter.followup.apologise(d.id, later + dt.timedelta(days=2), "Lần nữa")
    assert messages.describe(again.value) == (
        f"Hồ sơ {d.code} đã có phiếu xin lỗi và hẹn lại ngày trả kết quả (lúc 09 giờ 32 phút, "
        "20/11/2026); mỗi hồ sơ chỉ được hẹn lại một lần. Không có gì thay đổi.")
    assert _snapshot(counter, d.id) == before


def test_withdrawal_needs_a_reason_and_an_open_dossier(counter):
    d = counter.receive(birth_draft()).dossier
    with pytest.raises(ValidationFailed) as e:
        counter.followup.withdraw(d.id, "")
    assert messages.describe(e.value) == "Dữ liệu chưa hợp lệ — Lý do: chưa nhập"
    result = counter.followup.withdraw(d.id, "Công dân không còn nhu cầu", user="lan")
    assert result.dossier.status == Status.WITHDRAWN
    assert counter.events(d.id)[-1].payload == {"from": 2, "to": 7,
                                                "reason": "Công dân không còn nhu cầu"}
    with pytest.raises(WrongStatus) as again:
        counter.followup.withdraw(d.id, "Lần nữa")
    assert "«Công dân yêu cầu rút hồ sơ»" in messages.describe(again.value)


def test_stop_reason_from_the_portal(counter):
    d = counter.receive(birth_draft()).dossier
    assert counter.followup.stop_reason(d.id) == ""
    portal_sets(counter, d, Status.STOPPED, "Hồ sơ giả mạo giấy tờ")
    assert counter.followup.stop_reason(d.id) == "Hồ sơ giả mạo giấy tờ"


def _pdf_text(pdf: bytes) -> str:
    import io

    import pypdf

    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


def test_forms_read_what_was_recorded(counter, clock):
    from counter_app.services import documents
    from counter_app.services.documents import Form, FormNotApplicable

    d = counter.receive(birth_draft()).dossier
    with pytest.raises(FormNotApplicable):  # nothing withdrawn yet
        documents.render(counter, d, Form.WITHDRAWAL)
    portal_sets(counter, d, Status.SUPPLEMENT_REQUESTED,
                "Bản sao giấy xác nhận cư trú; Giấy tờ chứng minh quan hệ cha con")
    text = _pdf_text(documents.render(counter, counter.get_by_id(d.id), Form.SUPPLEMENT))
    assert "Bản sao giấy xác nhận cư trú" in text and "quan hệ cha con" in text
    assert "(Phòng Tư pháp)" in text
    counter.followup.apologise(d.id, dt.datetime(2026, 11, 26, 9, 30), "Chờ ý kiến Sở Tư pháp")
    printed = documents.print_form(counter, d.id, Form.APOLOGY, user="lan")
    text = _pdf_text(printed.pdf)
    assert "09 giờ 32 phút, ngày 23 tháng 11 năm 2026" in text  # the due date apologised for
    assert "09 giờ 30 phút, ngày 26 tháng 11 năm 2026" in text and "Chờ ý kiến Sở Tư pháp" in text
    counter.followup.withdraw(d.id, "Công dân không còn nhu cầu")
    text = _pdf_text(documents.render(counter, counter.get_by_id(d.id), Form.WITHDRAWAL))
    assert "PHIẾU XÁC NHẬN RÚT HỒ SƠ" in text and "Công dân không còn nhu cầu" in text
    assert f"{d.code}/RHS" in text

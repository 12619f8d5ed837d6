"""Messages to citizens at the counter: queued with what they tell, texts in one place."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import pytest

from counter_app.domain import notices as n
from counter_app.domain.model import Status
from counter_app.services.profile import Profile
from counter_app.store import notices as notice_store
from counter_app.store import sync as sync_store
from tests.conftest import applicant, birth_draft


def _enable(counter, channels: str = "sms,email,zalo") -> None:
    counter.set_profile(dataclasses.replace(counter.profile, notice_channels=channels))


def _queued(counter, dossier_id):
    return [e.payload for e in counter.events(dossier_id) if e.kind == n.EVENT_KIND]


def test_the_profile_key_is_the_one_the_store_reads():
    assert notice_store.CHANNELS_KEY in Profile(notice_channels="sms").to_settings()


def test_nothing_is_queued_unless_the_agency_turned_messages_on(counter):
    d = counter.receive(birth_draft()).dossier
    assert _queued(counter, d.id) == []


def test_reception_queues_one_message_per_channel_with_an_address(counter):
    _enable(counter)
    d = counter.receive(birth_draft(applicant=applicant(email="huong@example.vn"))).dossier
    queued = _queued(counter, d.id)
    assert [(q["channel"], q["to"]) for q in queued] == [
        ("sms", "0912345678"), ("email", "huong@example.vn"), ("zalo", "0912345678")]
    sms = queued[0]
    assert sms["kind"] == "received" and sms["dossier_code"] == d.code
    assert sms["text"] == (
        f"Bộ phận Một cửa xã Tân Phú đã tiếp nhận hồ sơ {d.code} (Thủ tục đăng ký khai sinh) "
        "của Ông/bà Nguyễn Thị Hương. Hẹn trả kết quả: 09 giờ 32 phút, ngày 23/11/2026.")
    assert sms["subject"] == f"Hồ sơ {d.code} đã được tiếp nhận"
    assert len({q["notice_id"] for q in queued}) == 3
    assert n.EVENT_KIND in sync_store.PUSHED_KINDS


def test_no_address_no_message_and_no_personal_data_in_any_text(counter):
    _enable(counter, "email")
    d = counter.receive(birth_draft()).dossier  # no e-mail address
    assert _queued(counter, d.id) == []
    _enable(counter, "sms")
    d = counter.receive(birth_draft()).dossier
    for kind in n.NoticeKind:
        subject, text = n.compose(kind, d, agency="UBND xã Tân Phú",
                                  new_due=dt.datetime(2026, 12, 1, 9, 0))
        assert d.applicant.id_number not in text + subject
        assert "Lê Lợi" not in text + subject  # the address
        assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(("status", "kind"), [(Status.SUPPLEMENT_REQUESTED, "supplement"),
                                              (Status.RESOLVED, "result_ready")])
def test_supplement_and_result_ready_are_queued_with_the_status(counter, status, kind):
    _enable(counter, "sms")
    d = counter.receive(birth_draft()).dossier
    if status == Status.RESOLVED:
        counter.change_status(d.id, Status.IN_PROGRESS)
    counter.change_status(d.id, status)
    queued = _queued(counter, d.id)
    assert [q["kind"] for q in queued] == ["received", kind]
    assert "Ông/bà Nguyễn Thị Hương" in queued[-1]["text"]


def test_delay_text_names_the_new_date(counter):
    d = counter.receive(birth_draft()).dossier
    _, text = n.compose(n.NoticeKind.DELAY, d, agency="UBND xã Tân Phú",
                        new_due=dt.datetime(2026, 12, 1, 9, 0))
    assert text.endswith("Ngày hẹn trả mới: 09 giờ 00 phút, ngày 01/12/2026.")


def test_long_sms_is_cut_email_is_not(counter):
    counter.set_profile(dataclasses.replace(
        counter.profile, notice_channels="sms,email",
        agency_name="Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân xã Tân Phú " * 3))
    d = counter.receive(birth_draft(applicant=applicant(email="a@example.vn"))).dossier
    sms, email = _queued(counter, d.id)
    assert len(sms["text"]) <= n.MAX_SMS and sms["text"].endswith("…")
    assert not email["text"].endswith("…")


def test_status_pulled_back_is_shown_once(counter):
    _enable(counter, "sms")
    d = counter.receive(birth_draft()).dossier
    [q] = _queued(counter, d.id)
    [line] = notice_store.for_dossier(counter.conn, d.id)
    assert line.state == n.NoticeState.QUEUED and line.sent_at is None
    data = {"notice_id": q["notice_id"], "state": "queued", "attempts": 1, "sent_at": None,
            "error": "ConnectionError"}
    for _ in range(2):
        notice_store.apply_status(counter.conn, data, at=counter.clock(), workstation=1)
    [line] = notice_store.for_dossier(counter.conn, d.id)
    assert line.state == n.NoticeState.QUEUED and line.attempts == 1
    sent = {**data, "state": "sent", "attempts": 2, "sent_at": "2026-11-20T09:40:00"}
    notice_store.apply_status(counter.conn, sent, at=counter.clock(), workstation=1)
    notice_store.apply_status(counter.conn, data, at=counter.clock(), workstation=1)  # late
    [line] = notice_store.for_dossier(counter.conn, d.id)
    assert line.state == n.NoticeState.SENT
    assert line.sent_at == dt.datetime(2026, 11, 20, 9, 40)
    assert [e.kind for e in counter.events(d.id)].count(n.STATUS_KIND) == 2
    unknown = {**data, "notice_id": "00000000-0000-4000-8000-000000000000"}
    assert notice_store.apply_status(counter.conn, unknown, at=counter.clock(),
                                     workstation=1) is None


def test_the_apology_queues_the_delay_message_and_acceptance_the_received_one(counter):
    _enable(counter, "sms")
    d = counter.receive(birth_draft()).dossier
    counter.followup.apologise(d.id, dt.datetime(2026, 12, 1, 9, 0), "Chờ xác minh")
    queued = _queued(counter, d.id)
    assert [q["kind"] for q in queued] == ["received", "delay"]
    assert queued[-1]["text"].endswith("Ngày hẹn trả mới: 09 giờ 00 phút, ngày 01/12/2026.")

"""Receiving, guiding and refusing at the counter, through the service facade."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter_app.domain.errors import InvalidTransition, NotFound, ValidationFailed
from counter_app.domain.model import (
    Channel,
    Outcome,
    ReceivedDocument,
    ResultDelivery,
    Status,
)
from counter_app.store import dossiers as dossier_store
from counter_app.store import events as event_store
from tests.conftest import AGENCY, applicant, birth_draft


def _fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: p.code for p in exc.value.problems}


def test_receive_gives_code_due_time_status_book_line_and_event(counter, clock):
    result = counter.receive(birth_draft())
    d = result.dossier
    assert d.code == f"{AGENCY}-261120-0001"
    assert d.status == Status.RECEIVED
    assert d.outcome == Outcome.RECEIVED
    assert d.received_at == dt.datetime(2026, 11, 20, 9, 32)
    # 1 working day from Friday 09:32 → Monday 23/11 09:32 (Tue 24/11 is not involved).
    assert d.due_at == dt.datetime(2026, 11, 23, 9, 32)
    assert (d.book_number, d.book_sequence) == ("01/2026", 1)
    assert len(d.lookup_secret) >= 8
    assert result.changes.dossiers == {d.id}

    stored = counter.get(d.code)
    assert stored == d
    evts = counter.events(d.id)
    assert [e.kind for e in evts] == ["received"]
    assert evts[0].user == "clerk1"
    assert evts[0].payload["dossier"]["code"] == d.code


def test_codes_follow_each_other_and_restart_daily(counter, clock):
    first = counter.receive(birth_draft()).dossier
    second = counter.receive(birth_draft()).dossier
    clock.advance(days=3)  # Monday 23/11
    third = counter.receive(birth_draft()).dossier
    assert [first.code, second.code, third.code] == [
        f"{AGENCY}-261120-0001", f"{AGENCY}-261120-0002", f"{AGENCY}-261123-0001"]
    assert third.book_sequence == 3  # the tracking book runs on across days


def test_second_workstation_numbers_in_its_own_range(counter):
    counter.set_profile(dataclasses.replace(counter.profile, workstation=2))
    assert counter.receive(birth_draft()).dossier.code == f"{AGENCY}-261120-1001"


def test_text_is_normalised_to_nfc_and_tidied(counter):
    import unicodedata

    nfd_name = unicodedata.normalize("NFD", "  Đặng   Văn Đức ")
    d = counter.receive(birth_draft(applicant=applicant(
        full_name=nfd_name, gender="Nam", id_number="001 085 012 345",
        birth_date=dt.date(1985, 1, 1), phone="+84 912 345 678"))).dossier
    assert d.applicant.full_name == "Đặng Văn Đức"
    assert unicodedata.is_normalized("NFC", d.applicant.full_name)
    assert d.applicant.id_number == "001085012345"
    assert d.applicant.phone == "0912345678"


def test_every_problem_is_named_at_once_and_nothing_is_written(counter):
    draft = birth_draft(
        applicant=applicant(full_name="", id_number="12345", phone="12", email="a@"),
        documents=(ReceivedDocument("Tờ khai đăng ký khai sinh theo mẫu", photocopy=1),),
        sets=0,
    )
    with pytest.raises(ValidationFailed) as exc:
        counter.receive(draft)
    fields = _fields(exc)
    assert fields["applicant.full_name"] == "required"
    assert fields["applicant.id_number"] == "cccd.length"
    assert fields["applicant.phone"].startswith("phone.")
    assert fields["applicant.email"] == "email.format"
    assert fields["documents[0].copy_type"] == "copy_type.not_accepted"
    assert fields["sets"] == "sets.min"
    missing = next(p for p in exc.value.problems if p.field == "documents")
    assert missing.params["names"] == ["Giấy chứng sinh"]
    assert dossier_store.count(counter.conn) == 0
    assert event_store.count(counter.conn) == 0
    # The failed attempt did not use up a number.
    assert counter.receive(birth_draft()).dossier.code.endswith("-0001")


def test_cccd_inconsistent_with_birth_date_and_gender(counter):
    with pytest.raises(ValidationFailed) as exc:
        counter.receive(birth_draft(applicant=applicant(
            id_number="001085012345", birth_date=dt.date(1990, 1, 1), gender="Nữ")))
    assert _fields(exc)["applicant.id_number"] in {"cccd.birth_year", "cccd.gender"}


def test_unknown_procedure_and_future_time(counter, clock):
    with pytest.raises(ValidationFailed) as exc:
        counter.receive(birth_draft(procedure_code="9.999999"))
    assert _fields(exc) == {"procedure_code": "procedure.unknown"}
    with pytest.raises(ValidationFailed) as exc:
        counter.receive(birth_draft(received_at=clock.now + dt.timedelta(hours=1)))
    assert _fields(exc) == {"received_at": "received_at.future"}


def test_postal_delivery_needs_an_address_and_valid_item_number(counter):
    with pytest.raises(ValidationFailed) as exc:
        counter.receive(birth_draft(
            applicant=applicant(address=""), delivery=ResultDelivery.POST,
            channel=Channel.POSTAL, postal_item="EB125966880VN"))
    assert _fields(exc) == {"delivery_address": "required", "postal_item": "s10.check_digit"}
    ok = counter.receive(birth_draft(delivery=ResultDelivery.POST, channel=Channel.POSTAL,
                                     postal_item="eb125966888vn")).dossier
    assert ok.postal_item == "EB125966888VN"
    assert ok.channel == Channel.POSTAL


def test_same_day_procedure_after_cutoff_is_due_next_working_day(counter, clock):
    clock.now = dt.datetime(2026, 11, 20, 15, 30)  # Friday after 15:00
    d = counter.receive(birth_draft(
        procedure_code="2.000815",
        documents=(
            ReceivedDocument("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao",
                             original=1),
            ReceivedDocument("Bản sao cần chứng thực", photocopy=3),
        ))).dossier
    assert d.due_at == dt.datetime(2026, 11, 23, 17, 0)


def test_guidance_records_missing_items_without_a_code(counter):
    draft = birth_draft(documents=(ReceivedDocument("Giấy chứng sinh", original=1),))
    result = counter.record_guidance(draft)
    d = result.dossier
    assert d.outcome == Outcome.GUIDANCE
    assert d.code is None and d.status is None and d.due_at is None
    assert d.missing == ("Tờ khai đăng ký khai sinh theo mẫu",)
    assert (d.book_number, d.book_sequence) == ("HDHS-01/2026", 1)
    (event,) = counter.events(d.id)
    assert event.kind == "guidance"
    assert event.payload["dossier"]["missing"] == ["Tờ khai đăng ký khai sinh theo mẫu"]
    assert counter.get_by_id(d.id) == d


def test_refusal_needs_a_reason(counter):
    with pytest.raises(ValidationFailed) as exc:
        counter.refuse(birth_draft())
    assert _fields(exc) == {"reason": "required"}
    d = counter.refuse(birth_draft(reason="Không thuộc thẩm quyền giải quyết")).dossier
    assert d.status == Status.NOT_RECEIVED
    assert d.reason == "Không thuộc thẩm quyền giải quyết"
    assert (d.book_number, d.book_sequence) == ("TCHS-01/2026", 1)
    assert [e.kind for e in counter.events(d.id)] == ["refused"]


def test_receive_many_is_all_or_nothing(counter):
    bad = birth_draft(applicant=applicant(full_name=""))
    with pytest.raises(ValidationFailed) as exc:
        counter.receive_many([birth_draft(), bad])
    assert _fields(exc) == {"[1].applicant.full_name": "required"}
    assert dossier_store.count(counter.conn) == 0
    results = counter.receive_many([birth_draft(), birth_draft()])
    assert [r.dossier.code[-4:] for r in results] == ["0001", "0002"]


def test_status_changes_follow_the_allowed_transitions(counter):
    d = counter.receive(birth_draft()).dossier
    counter.change_status(d.id, Status.IN_PROGRESS, note="Chuyển phòng Tư pháp")
    with pytest.raises(InvalidTransition):
        counter.change_status(d.id, Status.RETURNED)
    counter.change_status(d.id, Status.RESOLVED)
    after = counter.change_status(d.id, Status.RETURNED).dossier
    assert after.status == Status.RETURNED
    assert counter.get(d.code).status == Status.RETURNED
    kinds = [(e.kind, e.payload.get("to")) for e in counter.events(d.id)]
    assert kinds == [("received", None), ("status_changed", 4), ("status_changed", 9),
                     ("status_changed", 10)]


def test_lookup_of_an_unknown_code_is_not_found(counter):
    with pytest.raises(NotFound):
        counter.get(f"{AGENCY}-261120-0099")
    with pytest.raises(NotFound):
        counter.get("not a code")

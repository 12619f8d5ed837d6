"""The post-office desk through the facade: accept by post, manifests, intake, results by post."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from counter_app.domain.errors import ValidationFailed
from counter_app.domain.model import Channel, ResultDelivery
from counter_app.domain.postal import (
    Decision,
    Discrepancy,
    IntakeLine,
    ManifestAlreadyTakenIn,
    NothingToHandOver,
    NotPostalWork,
    parse_manifest_code,
)
from counter_app.domain.validation import s10_check_digit
from counter_app.services.counter import Counter
from counter_app.services.profile import Profile
from counter_app.store import events as event_store
from tests.conftest import AGENCY, SMALL_CATALOGUE, applicant, birth_draft


def s10(serial: int, prefix: str = "RR") -> str:
    digits = f"{serial:08d}"
    return f"{prefix}{digits}{s10_check_digit(digits)}VN"


def _fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: p.code for p in exc.value.problems}


@pytest.fixture
def post_office(tmp_path: Path, clock) -> Counter:
    """Workstation 91 of the agency: the post office's desk (docs/postal.md)."""
    c = Counter.open(tmp_path / "post", clock)
    c.set_profile(Profile(agency_code=AGENCY, agency_name="Bộ phận Một cửa xã Tân Phú",
                          workstation=91, place_name="Tân Phú"))
    c.import_catalogue([SMALL_CATALOGUE])
    yield c
    c.close()


def _accept(c: Counter, serial: int, **overrides: object):
    return c.postal.accept(birth_draft(user="buudien1", postal_item=s10(serial), **overrides))


def test_accept_by_post_gives_a_code_from_the_desk_range_and_records_the_item(post_office):
    result = _accept(post_office, 12345678)
    d = result.dossier
    assert d.code == f"{AGENCY}-261120-90001"  # workstation 91's range (1000 a day)
    assert d.channel == Channel.POSTAL
    assert d.postal_item == s10(12345678)
    kinds = [e.kind for e in post_office.events(d.id)]
    assert kinds == ["received", "postal_accepted"]
    accepted = post_office.events(d.id)[1].payload
    assert accepted == {"item": s10(12345678),
                        "return_address": applicant().address}
    assert post_office.postal.waiting() == [(AGENCY, d.code, s10(12345678))]


def test_accept_refuses_missing_invalid_and_reused_items_and_writes_nothing(post_office):
    with pytest.raises(ValidationFailed) as exc:
        post_office.postal.accept(birth_draft(postal_item=""))
    assert _fields(exc)["postal_item"] == "required"
    with pytest.raises(ValidationFailed) as exc:
        post_office.postal.accept(birth_draft(postal_item="RR123456789VN"))
    assert _fields(exc)["postal_item"] == "s10.check_digit"
    _accept(post_office, 1)
    before = event_store.count(post_office.conn)
    with pytest.raises(ValidationFailed) as exc:
        _accept(post_office, 1, applicant=applicant(full_name=""))
    assert _fields(exc) == {"postal_item": "s10.used", "applicant.full_name": "required"}
    assert event_store.count(post_office.conn) == before


def test_accept_needs_a_return_address(post_office):
    with pytest.raises(ValidationFailed) as exc:
        _accept(post_office, 2, applicant=applicant(address=""))
    assert _fields(exc) == {"return_address": "required"}
    d = post_office.postal.accept(birth_draft(postal_item=s10(2),
                                              applicant=applicant(address="")),
                                  "Bưu cục Tân Phú").dossier
    assert post_office.events(d.id)[1].payload["return_address"] == "Bưu cục Tân Phú"


def test_manifest_groups_waiting_dossiers_and_takes_each_once(post_office, clock):
    first = [_accept(post_office, n).dossier for n in range(1, 4)]
    (manifest,) = post_office.postal.create_manifests("buudien1")
    assert manifest.code == f"BG-{AGENCY}-91-261120-01"
    assert parse_manifest_code(manifest.code) is not None
    assert manifest.codes == [d.code for d in first]
    assert manifest.items[first[0].id] == s10(1)
    assert post_office.postal.waiting() == []
    with pytest.raises(NothingToHandOver):
        post_office.postal.create_manifests()
    _accept(post_office, 4)
    (second,) = post_office.postal.create_manifests()
    assert second.code.endswith("-02") and len(second.dossiers) == 1
    created = [e for e in post_office.events(manifest.id)]
    assert [e.kind for e in created] == ["manifest_created"]
    items = created[0].payload["manifest"]["items"]
    assert [i["code"] for i in items] == manifest.codes


def test_intake_with_the_list_records_missing_extra_and_damaged(counter, post_office):
    dossiers = [_accept(post_office, n).dossier for n in range(1, 5)]
    (manifest,) = post_office.postal.create_manifests()
    codes = manifest.codes
    extra = f"{AGENCY}-261120-90099"
    lines = [IntakeLine(codes[0], Decision.CONFIRMED),
             IntakeLine(codes[1], Decision.REJECTED, Discrepancy.DAMAGED, "Ướt, rách"),
             IntakeLine(codes[2], Decision.CONFIRMED, Discrepancy.DAMAGED),
             IntakeLine(extra, Decision.CONFIRMED)]
    intake = counter.postal.take_in(manifest.code, lines, expected=codes, user="clerk1")
    assert [(x.code, x.decision, x.discrepancy) for x in intake.lines] == [
        (codes[0], Decision.CONFIRMED, Discrepancy.NONE),
        (codes[1], Decision.REJECTED, Discrepancy.DAMAGED),
        (codes[2], Decision.CONFIRMED, Discrepancy.DAMAGED),
        (dossiers[3].code, Decision.REJECTED, Discrepancy.MISSING),
        (extra, Decision.CONFIRMED, Discrepancy.EXTRA),
    ]
    assert intake.count(Decision.CONFIRMED) == 3 and len(intake.discrepancies()) == 4
    stored = counter.postal.intake(manifest.code)
    assert stored is not None and stored.lines == intake.lines and stored.listed
    (event,) = counter.events(intake.id)
    assert event.kind == "manifest_taken_in"
    assert event.payload["intake"]["manifest_code"] == manifest.code


def test_a_manifest_scanned_twice_is_refused_and_nothing_changes(counter, post_office):
    _accept(post_office, 1)
    (manifest,) = post_office.postal.create_manifests()
    counter.postal.take_in(manifest.code, [IntakeLine(manifest.codes[0], Decision.CONFIRMED)],
                           expected=manifest.codes)
    before = event_store.count(counter.conn)
    with pytest.raises(ManifestAlreadyTakenIn) as exc:
        counter.postal.take_in(manifest.code.lower(), [], expected=manifest.codes)
    assert exc.value.params["manifest"] == manifest.code
    assert event_store.count(counter.conn) == before


def test_intake_without_the_list_keeps_the_scanned_dossiers(counter, post_office):
    _accept(post_office, 1)
    (manifest,) = post_office.postal.create_manifests()
    intake = counter.postal.take_in(manifest.code,
                                    [IntakeLine(manifest.codes[0], Decision.CONFIRMED)])
    assert not intake.listed and len(intake.lines) == 1


def test_intake_refuses_bad_codes_and_other_agencies(counter):
    with pytest.raises(ValidationFailed) as exc:
        counter.postal.take_in("BG-X", [])
    assert _fields(exc) == {"manifest_code": "manifest.format"}
    with pytest.raises(ValidationFailed) as exc:
        counter.postal.take_in(f"BG-{AGENCY}-91-261120-01",
                               [IntakeLine("H99-261120-0001", Decision.CONFIRMED)])
    assert _fields(exc) == {"lines[0].code": "manifest.wrong_agency"}
    with pytest.raises(ValidationFailed) as exc:
        counter.postal.take_in(f"BG-{AGENCY}-91-261120-01", [])
    assert _fields(exc) == {"lines": "manifest.empty"}
    assert counter.postal.intake(f"BG-{AGENCY}-91-261120-01") is None


def test_result_by_post_dispatch_then_delivery(post_office, clock):
    d = _accept(post_office, 1, delivery=ResultDelivery.POST,
                delivery_address="Thôn 3, xã Tân Phú").dossier
    with pytest.raises(ValidationFailed) as exc:
        post_office.postal.dispatch_result(d.code, "EE123456789VN")
    assert _fields(exc) == {"item": "s10.check_digit"}
    with pytest.raises(ValidationFailed) as exc:
        post_office.postal.dispatch_result(d.code, s10(1))  # the incoming item's number
    assert _fields(exc) == {"item": "s10.used"}
    with pytest.raises(NotPostalWork) as refused:
        post_office.postal.record_delivery(d.code)
    assert refused.value.params["reason"] == "not_dispatched"
    clock.advance(days=3)
    post = post_office.postal.dispatch_result(d.code, s10(77, "EE").lower(), user="buudien1")
    assert (post.item, post.address) == (s10(77, "EE"), "Thôn 3, xã Tân Phú")
    with pytest.raises(NotPostalWork):
        post_office.postal.dispatch_result(d.code, s10(78, "EE"))
    clock.advance(days=1)
    delivered = post_office.postal.record_delivery(d.code, user="buudien1")
    assert delivered.delivered_at == clock.now
    with pytest.raises(NotPostalWork) as refused:
        post_office.postal.record_delivery(d.code)
    assert refused.value.params["reason"] == "already_delivered"
    kinds = [e.kind for e in post_office.events(d.id)]
    assert kinds[-2:] == ["result_posted", "result_delivered"]


def test_result_by_post_refused_for_counter_delivery(counter):
    d = counter.receive(birth_draft()).dossier
    with pytest.raises(NotPostalWork) as refused:
        counter.postal.dispatch_result(d.code, s10(5, "EE"))
    assert refused.value.params["reason"] == "delivery_counter"
    assert dataclasses.replace(d) == counter.get(d.code)

"""Enrolment: the token is stored, the profile must match the portal's agency, range size."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import ValidationFailed
from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from counter_app.services.profile import Profile
from counter_app.store import sync as sync_store
from counter_app.sync import errors
from portal import agencies
from tests.conftest import AGENCY, birth_draft
from tests.sync.conftest import BASE


def test_enrol_stores_the_token_and_the_portal(counter, portal):
    r = sync_service.enrol(counter, BASE + "/", portal.code(), "Quầy 1",
                           client=portal.client())
    assert (r.agency_code, r.workstation, r.range_size, r.profile_created) == (AGENCY, 1, 1000,
                                                                              False)
    e = sync_store.get_enrolment(counter.conn)
    assert (e.portal_url, e.device_id, e.workstation, e.device_name) == (
        BASE, r.device_id, 1, "Quầy 1")
    assert len(e.token) >= 40
    assert counter.profile.portal_url == BASE
    client = sync_service.client_for(counter, session=portal.session())
    assert client.me()["workstation"] == 1


def test_a_fresh_data_directory_takes_the_portals_agency(tmp_path, portal, clock):
    with Counter.open(tmp_path / "fresh", clock) as counter:
        with pytest.raises(ValidationFailed) as missing:
            sync_service.enrol(counter, BASE, "X", client=portal.client())
        assert missing.value.problems[0].code == "enrol.workstation_required"
        r = sync_service.enrol(counter, BASE, portal.code(), workstation=3,
                               client=portal.client())
        assert r.profile_created
        p = counter.profile
        assert (p.agency_code, p.agency_name, p.workstation, p.range_size) == (
            AGENCY, "UBND xã Tân Phú", 3, 1000)


def test_a_code_of_another_agency_is_refused_and_nothing_is_stored(counter, portal):
    agencies.create_agency(portal.db, "000.00.07.H56", "UBND xã Khác", 500, portal.clock())
    with pytest.raises(errors.EnrolmentMismatch) as info:
        sync_service.enrol(counter, BASE, portal.code("000.00.07.H56"), client=portal.client())
    assert info.value.params["portal_agency"] == "000.00.07.H56"
    assert info.value.params["device_id"]  # for the administrator to revoke
    assert sync_store.get_enrolment(counter.conn) is None
    assert counter.profile.range_size == 1000 and counter.profile.portal_url == ""


def test_the_portals_range_size_is_adopted(counter, make_portal, clock):
    p = make_portal()
    agencies.create_agency(p.db, AGENCY, "UBND", 500, clock())
    r = sync_service.enrol(counter, BASE, p.code(), client=p.client())
    assert (r.range_size, r.range_size_before) == (500, 1000)
    assert counter.profile.range_size == 500


def test_a_workstation_number_that_differs_from_the_profile_is_refused(counter, portal):
    with pytest.raises(ValidationFailed) as info:
        sync_service.enrol(counter, BASE, portal.code(), workstation=2, client=portal.client())
    assert info.value.problems[0].code == "enrol.workstation_differs"


def test_portal_refusals_keep_their_message(counter, portal):
    with pytest.raises(errors.RequestRejected) as info:
        sync_service.enrol(counter, BASE, "AAAA-BBBB-CCCC-DDDD", client=portal.client())
    assert info.value.error == "enrolment_code_invalid"
    assert "Mã đăng ký máy không đúng" in info.value.message


def test_status_states(counter, portal, tmp_path, clock):
    assert sync_service.status(counter).state == "not_enrolled"
    sync_service.enrol(counter, BASE, portal.code(), client=portal.client())
    assert sync_service.status(counter).state == "up_to_date"
    counter.receive(birth_draft())
    st = sync_service.status(counter)
    assert (st.state, st.pending) == ("pending", 1)
    with counter.conn:
        sync_store.mark_error(counter.conn, "sync.offline", "", clock())
    assert sync_service.status(counter).state == "offline"
    with counter.conn:
        sync_store.mark_error(counter.conn, "sync.server_error", "Cổng đang bận.", clock())
    assert sync_service.status(counter).state == "failed"


def test_not_enrolled_sync_is_a_typed_error(counter):
    with pytest.raises(errors.NotEnrolled):
        sync_service.client_for(counter)


def test_the_profile_declares_the_sync_settings():
    p = Profile.from_settings({"profile.sync_interval_minutes": "10"})
    assert (p.sync_interval_minutes, p.sync_timeout_seconds) == (10, 30)

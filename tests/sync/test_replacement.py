"""A replacement PC for the same workstation number: its codes of the day continue above the
codes the old PC sent, told by the portal at enrolment and with a `dossier_code_taken`."""

from __future__ import annotations

from counter_app.services import sync as sync_service
from counter_app.services.counter import Counter
from counter_app.services.profile import Profile
from tests.conftest import AGENCY, SMALL_CATALOGUE, birth_draft
from tests.sync.conftest import BASE, make_engine


def _workstation(path, clock) -> Counter:
    c = Counter.open(path, clock)
    c.set_profile(Profile(agency_code=AGENCY, agency_name="Bộ phận Một cửa xã Tân Phú",
                          workstation=1, place_name="Tân Phú"))
    c.import_catalogue([SMALL_CATALOGUE])
    return c


def _codes(counter: Counter, n: int) -> list[str]:
    return [r.dossier.code or "" for r in counter.receive_many([birth_draft()
                                                                for _ in range(n)])]


def _old_pc_sends_five_and_dies(tmp_path, clock, portal) -> list[str]:
    with _workstation(tmp_path / "old", clock) as old:
        sync_service.enrol(old, BASE, portal.code(), "Quầy 1", client=portal.client())
        codes = _codes(old, 5)
        assert make_engine(old, portal).run_until_idle().idle
    portal.revoke(workstation=1)
    return codes


def test_enrolment_moves_the_counter_past_the_old_pcs_codes(tmp_path, clock, portal):
    old = _old_pc_sends_five_and_dies(tmp_path, clock, portal)
    assert [c[-4:] for c in old] == ["0001", "0002", "0003", "0004", "0005"]
    with _workstation(tmp_path / "new", clock) as new:
        sync_service.enrol(new, BASE, portal.code(), "Quầy 1 (máy mới)",
                           client=portal.client())
        codes = _codes(new, 2)
        summary = make_engine(new, portal).run_until_idle()
    assert [c[-4:] for c in codes] == ["0006", "0007"]
    assert summary.idle and summary.applied == 2 and summary.conflicts == 0
    assert sorted(d["MaHoSo"] for d in portal.listing()) == sorted(old + codes)


def test_a_taken_code_moves_the_counter_for_the_next_dossiers(tmp_path, clock, portal):
    _old_pc_sends_five_and_dies(tmp_path, clock, portal)
    with _workstation(tmp_path / "new", clock) as new:
        sync_service.enrol(new, BASE, portal.code(), client=portal.client())
        # as if enrolled with a portal that did not say (or the counter was reset)
        new.conn.execute("DELETE FROM code_counters")
        [first] = _codes(new, 1)
        assert first.endswith("-0001")
        summary = make_engine(new, portal).run_until_idle()
        assert summary.conflicts == 1
        [problem] = sync_service.problems(new)
        assert problem.reason == "dossier_code_taken"
        assert problem.params["highest_sequence"] == 5
        assert problem.params["day"] == clock().date().isoformat()
        [after] = _codes(new, 1)
        assert after.endswith("-0006")
        assert make_engine(new, portal).run_until_idle().applied == 1
    assert len(portal.listing()) == 6


def test_the_counter_never_moves_back_and_other_days_are_untouched(tmp_path, clock, portal):
    _old_pc_sends_five_and_dies(tmp_path, clock, portal)
    with _workstation(tmp_path / "new", clock) as new:
        ahead = _codes(new, 8)  # worked offline before enrolling: already past 0005
        sync_service.enrol(new, BASE, portal.code(), client=portal.client())
        assert _codes(new, 1)[0].endswith("-0009")
        clock.now = clock.now.replace(day=clock.now.day + 3)  # Monday
        assert _codes(new, 1)[0].endswith("-0001")
    assert ahead[0].endswith("-0001")

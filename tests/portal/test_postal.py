"""The post-office desk at the portal: postal receptions, manifests and intakes (in either
order), results by post, and what the agency's listing shows. Events are the real counter's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counter_app.domain.model import ResultDelivery
from counter_app.domain.postal import Decision, Discrepancy, IntakeLine
from counter_app.services.counter import Counter
from counter_app.services.profile import Profile
from portal import dossiers as portal_dossiers
from portal import postal as portal_postal
from tests.conftest import SMALL_CATALOGUE, FakeClock, birth_draft
from tests.portal.conftest import AGENCY, Harness
from tests.services.test_postal import s10


def _counter(path: Path, clock: FakeClock, workstation: int) -> Counter:
    c = Counter.open(path, clock)
    c.set_profile(Profile(agency_code=AGENCY, agency_name="Bộ phận Một cửa xã Tân Phú",
                          workstation=workstation, place_name="Tân Phú"))
    c.import_catalogue([SMALL_CATALOGUE])
    return c


def outbox(c: Counter, after: int = 0) -> list[dict[str, Any]]:
    rows = c.conn.execute("SELECT * FROM dossier_events WHERE seq > ? ORDER BY seq", (after,))
    return [{"id": r["id"], "dossier_id": r["dossier_id"], "kind": r["kind"], "at": r["at"],
             "user": r["user"], "workstation": r["workstation"],
             "payload": json.loads(r["payload"])} for r in rows]


@pytest.fixture
def desks(tmp_path: Path, clock: FakeClock):
    post = _counter(tmp_path / "post", clock, 91)
    clerk = _counter(tmp_path / "clerk", clock, 1)
    yield post, clerk
    post.close()
    clerk.close()


def _accept_and_hand_over(post: Counter, n: int):
    found = [post.postal.accept(birth_draft(user="buudien1", postal_item=s10(i),
                                            delivery=ResultDelivery.POST)).dossier
             for i in range(1, n + 1)]
    (manifest,) = post.postal.create_manifests("buudien1")
    return found, manifest


def _results(found: list[dict[str, Any]]) -> list[str]:
    return [r["result"] for r in found]


@pytest.mark.parametrize("clerk_first", [False, True])
def test_manifest_and_intake_meet_in_either_order(harness: Harness, desks, clock,
                                                  clerk_first: bool) -> None:
    post, clerk = desks
    post_device, clerk_device = harness.device(workstation=91), harness.device(workstation=1)
    found, manifest = _accept_and_hand_over(post, 3)
    clock.advance(hours=2)
    lines = [IntakeLine(found[0].code, Decision.CONFIRMED),
             IntakeLine(found[1].code, Decision.REJECTED, Discrepancy.DAMAGED, "Ướt")]
    clerk.postal.take_in(manifest.code, lines, expected=manifest.codes, user="clerk1")
    pushes = [(post_device, outbox(post)), (clerk_device, outbox(clerk))]
    for device, events in (reversed(pushes) if clerk_first else pushes):
        assert set(_results(device.push(events))) == {"applied"}
    listing = {d["MaHoSo"]: d for d in portal_dossiers.list_for_agency(harness.db, AGENCY)}
    first = listing[found[0].code]
    assert first["BuuGuiDen"]["SoHieuBuuGui"] == s10(1)
    assert first["BuuGuiDen"]["DiaChiHoanTra"] == found[0].applicant.address
    hand = first["BanGiaoBuuChinh"]
    assert hand["MaDanhSach"] == manifest.code
    assert hand["ThoiDiemBanGiao"] == "2026-11-20T09:32:00"
    assert hand["ThoiDiemNhan"] == "2026-11-20T11:32:00"
    assert (hand["KetQua"], hand["SaiLech"]) == ("confirmed", "none")
    second = listing[found[1].code]["BanGiaoBuuChinh"]
    assert (second["KetQua"], second["SaiLech"], second["GhiChu"]) == (
        "rejected", "damaged", "Ướt")
    third = listing[found[2].code]["BanGiaoBuuChinh"]
    assert (third["KetQua"], third["SaiLech"]) == ("rejected", "missing")
    (m,) = portal_postal.manifests_for_agency(harness.db, AGENCY)
    assert m["SoHoSo"] == 3 and len(m["HoSo"]) == 3


def test_an_intake_without_the_list_is_compared_at_the_portal(harness: Harness, desks) -> None:
    post, clerk = desks
    found, manifest = _accept_and_hand_over(post, 2)
    extra = f"{AGENCY}-261120-0999"
    clerk.postal.take_in(manifest.code, [IntakeLine(found[0].code, Decision.CONFIRMED),
                                         IntakeLine(extra, Decision.CONFIRMED)])
    harness.device(workstation=91).push(outbox(post))
    harness.device(workstation=1).push(outbox(clerk))
    (m,) = portal_postal.manifests_for_agency(harness.db, AGENCY)
    assert {(x["MaHoSo"], x["KetQua"], x["SaiLech"]) for x in m["HoSo"]} == {
        (found[0].code, "confirmed", "none"), (found[1].code, "rejected", "missing"),
        (extra, "confirmed", "extra")}


def test_a_second_intake_of_one_manifest_is_a_conflict(harness: Harness, desks, tmp_path,
                                                       clock) -> None:
    post, clerk = desks
    found, manifest = _accept_and_hand_over(post, 1)
    other = _counter(tmp_path / "clerk2", clock, 2)
    for c in (clerk, other):
        c.postal.take_in(manifest.code, [IntakeLine(found[0].code, Decision.CONFIRMED)])
    assert _results(harness.device(workstation=1).push(outbox(clerk))) == ["applied"]
    [r] = harness.device(workstation=2).push(outbox(other))
    other.close()
    assert (r["result"], r["reason"]) == ("conflict", "manifest_taken_in")


def test_manifests_are_checked_against_the_pushing_device(harness: Harness, desks) -> None:
    post, _ = desks
    _accept_and_hand_over(post, 1)
    events = outbox(post)
    device = harness.device(workstation=1)  # not the desk whose number the manifest carries
    answers = device.push([e for e in events if e["kind"] == "manifest_created"])
    assert (answers[0]["result"], answers[0]["reason"]) == ("rejected", "manifest_not_yours")


def test_results_by_post_are_listed(harness: Harness, desks, clock) -> None:
    post, _ = desks
    found, _ = _accept_and_hand_over(post, 1)
    clock.advance(days=3)
    post.postal.dispatch_result(found[0].code, s10(50, "EE"))
    clock.advance(days=1)
    post.postal.record_delivery(found[0].code)
    device = harness.device(workstation=91)
    assert set(_results(device.push(outbox(post)))) == {"applied"}
    (d,) = portal_dossiers.list_for_agency(harness.db, AGENCY)
    assert d["KetQuaBuuChinh"] == {"SoHieuBuuGui": s10(50, "EE"),
                                   "DiaChi": found[0].applicant.address,
                                   "ThoiDiemGui": "2026-11-23T09:32:00",
                                   "ThoiDiemPhat": "2026-11-24T09:32:00"}

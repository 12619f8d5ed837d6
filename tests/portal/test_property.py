"""Random batches with replays and changed content: every UUID stored once, results as modelled."""

from __future__ import annotations

import copy
import itertools
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain.model import Status
from counter_app.domain.status import can_move
from tests.portal import builders
from tests.portal.conftest import Harness

_agencies = itertools.count(1)
KINDS = ["received", "received_variant", "status4", "status4_variant", "status9", "bad"]


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[int, list[list[tuple[int, str]]]]:
    n = draw(st.integers(1, 4))
    pick = st.tuples(st.integers(0, n - 1), st.sampled_from(KINDS))
    batches = draw(st.lists(st.lists(pick, min_size=1, max_size=8), min_size=1, max_size=4))
    return n, batches


def _events(agency: str, n: int) -> dict[tuple[int, str], dict[str, Any]]:
    out: dict[tuple[int, str], dict[str, Any]] = {}
    for i in range(n):
        received = builders.received_event(agency=agency, sequence=i + 1)
        variant = copy.deepcopy(received)
        variant["payload"]["dossier"]["applicant"]["phone"] = "0999999999"
        did = received["dossier_id"]
        to4 = builders.status_event(did, 2, 4, "a")
        to4_variant = copy.deepcopy(to4)
        to4_variant["payload"]["note"] = "b"
        out[(i, "received")], out[(i, "received_variant")] = received, variant
        out[(i, "status4")], out[(i, "status4_variant")] = to4, to4_variant
        out[(i, "status9")] = builders.status_event(did, 4, 9, "c")
        out[(i, "bad")] = builders.received_event(agency="000.00.00.X99", sequence=i + 1)
    return out


class Model:
    """What the portal should answer: first content per UUID wins, statuses by the rules."""

    def __init__(self) -> None:
        self.stored: dict[str, str] = {}  # event id → canonical content
        self.status: dict[str, int] = {}  # dossier id → TrangThaiHoSo

    def push(self, event: dict[str, Any]) -> str:
        content = repr(sorted(event.items()))
        if event["id"] in self.stored:
            return "duplicate" if self.stored[event["id"]] == content else "conflict"
        did = event["dossier_id"]
        if event["kind"] == "received":
            if event["payload"]["dossier"]["agency_code"] != self.agency:
                return "rejected"
            self.status[did] = 2
        else:
            current, new = self.status.get(did), event["payload"]["to"]
            if current is None or (current != new and not can_move(Status(current),
                                                                   Status(new))):
                return "rejected"
            self.status[did] = new
        self.stored[event["id"]] = content
        return "applied"

    agency = ""


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(scenario=scenarios())
def test_random_batches_match_the_model(harness: Harness,
                                        scenario: tuple[int, list[list[tuple[int, str]]]]
                                        ) -> None:
    n, batches = scenario
    agency = f"P{next(_agencies)}.{uuid.uuid4().hex[:4].upper()}"
    harness.agency(agency, "Đơn vị thử")
    device = harness.device(agency)
    events = _events(agency, n)
    model = Model()
    model.agency = agency
    for batch in batches:
        sent = [events[key] for key in batch]
        expected = [model.push(e) for e in sent]
        assert [r["result"] for r in device.push(sent)] == expected

    with harness.db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id FROM events WHERE agency_code = ?" if "sqlite" in harness.url
            else "SELECT id FROM events WHERE agency_code = %s", (agency,)).scalars().all()
        statuses = dict(conn.exec_driver_sql(
            "SELECT id, status FROM dossiers WHERE agency_code = ?" if "sqlite" in harness.url
            else "SELECT id, status FROM dossiers WHERE agency_code = %s", (agency,)).all())
    assert len(rows) == len(set(rows)) == len(model.stored)
    assert set(rows) == set(model.stored)
    assert statuses == model.status

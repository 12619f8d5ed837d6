"""The counter's real event log, pushed as the sync engine will push it."""

from __future__ import annotations

import json
from typing import Any

from counter_app.domain.model import Status
from counter_app.domain.records import dossier_to_dict
from counter_app.domain.scan import lookup_url
from portal.payloads import DossierIn, PersonIn
from tests.conftest import birth_draft
from tests.portal import builders
from tests.portal.conftest import AGENCY, Harness


def outbox(counter: Any) -> list[dict[str, Any]]:
    """Rows of `dossier_events` in local order, payload decoded: the wire format."""
    rows = counter.conn.execute(
        "SELECT id, dossier_id, kind, at, user, workstation, payload FROM dossier_events"
        " ORDER BY seq").fetchall()
    return [{"id": r[0], "dossier_id": r[1], "kind": r[2], "at": r[3], "user": r[4],
             "workstation": r[5], "payload": json.loads(r[6])} for r in rows]


def test_the_payload_model_knows_every_field_the_counter_writes() -> None:
    written = dossier_to_dict(builders.dossier())
    assert set(written) == set(DossierIn.model_fields)
    assert set(written["applicant"]) == set(PersonIn.model_fields)


def test_a_days_work_at_a_real_counter_arrives_once(harness: Harness, counter: Any) -> None:
    received = counter.receive(birth_draft()).dossier
    second = counter.receive(birth_draft()).dossier
    counter.change_status(received.id, Status.IN_PROGRESS, note="Chuyển xử lý", user="clerk1")
    counter.record_guidance(birth_draft(documents=()))
    counter.refuse(birth_draft(reason="Không thuộc thẩm quyền"))
    events = outbox(counter)
    assert [e["kind"] for e in events] == ["received", "received", "status_changed",
                                          "guidance", "refused"]

    device = harness.device(AGENCY, workstation=1)
    assert [r["result"] for r in device.push(events)] == ["applied"] * 5
    assert [r["result"] for r in device.push(events)] == ["duplicate"] * 5

    from portal import dossiers

    listed = {d["id"]: d for d in dossiers.list_for_agency(harness.db, AGENCY)}
    assert len(listed) == 4
    assert listed[received.id]["MaHoSo"] == received.code
    assert listed[received.id]["TrangThaiHoSo"] == "4"
    assert listed[second.id]["TrangThaiHoSo"] == "2"

    # The receipt's QR link opens the portal's page for that dossier.
    url = lookup_url("http://testserver", received.code or "", received.lookup_secret)
    page = harness.client.get(url)
    assert page.status_code == 200
    assert "Đang xử lý" in page.text and "N.T.H." in page.text

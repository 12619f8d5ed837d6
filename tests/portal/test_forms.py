"""Blank forms at the portal: an agency's attached forms are checked, kept per agency, pulled by
its other devices, and only their PDFs can be fetched back (never a dossier's scans)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from tests.portal.conftest import OTHER_AGENCY, Device, Harness
from tests.portal.test_attachments import put

BIRTH = "1.001193"
PDF = b"%PDF-1.4\n" + b"mau to khai cua tinh " * 5000 + b"\n%%EOF\n"
SHA = hashlib.sha256(PDF).hexdigest()


def attached(at: str = "2026-11-20T09:32:00", *, code: str = "tinh", name: str = "Tờ khai",
             sha256: str = SHA, size: int = len(PDF)) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "dossier_id": str(uuid.uuid5(uuid.NAMESPACE_URL, code)),
            "kind": "form_attached", "at": at, "user": "admin", "workstation": 1,
            "payload": {"procedure": BIRTH, "form": {"code": code, "name": name,
                                                      "sha256": sha256, "size": size}}}


def detached(at: str, code: str = "tinh") -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "dossier_id": str(uuid.uuid5(uuid.NAMESPACE_URL, code)),
            "kind": "form_detached", "at": at, "user": "admin", "workstation": 1,
            "payload": {"procedure": BIRTH, "form": {"code": code, "name": "Tờ khai"}}}


def content(device: Device, sha: str = SHA, rng: str | None = None):
    headers = {**device.auth, **({"Range": rng} if rng else {})}
    return device.client.get(f"/api/v1/attachments/{sha}/content", headers=headers)


def forms_pulled(device: Device) -> list[dict[str, Any]]:
    items, _ = device.pull_all(limit=100)
    return [i["data"] for i in items if i["kind"] == "agency_form"]


def upload(device: Device) -> None:
    assert put(device, SHA, PDF, 0, len(PDF)).json()["complete"] is True


def test_an_attached_form_goes_to_the_agencys_other_devices_only(harness: Harness) -> None:
    one, two = harness.device(workstation=1), harness.device(workstation=2)
    harness.agency(OTHER_AGENCY, "UBND xã khác")
    stranger = harness.device(OTHER_AGENCY)
    event = attached()
    assert [r["result"] for r in one.push([event])] == ["applied"]
    assert [r["result"] for r in one.push([event])] == ["duplicate"]
    assert forms_pulled(two) == [{"procedure": BIRTH, "code": "tinh", "name": "Tờ khai",
                                  "sha256": SHA, "size": len(PDF),
                                  "at": "2026-11-20T09:32:00"}]
    assert forms_pulled(one) == []  # its own choice is not sent back
    assert forms_pulled(stranger) == []

    assert content(two).status_code == 404  # not uploaded yet
    upload(one)
    whole = content(two)
    assert whole.status_code == 200 and whole.content == PDF
    part = content(two, rng="bytes=1000-1999")
    assert part.status_code == 206 and part.content == PDF[1000:2000]
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(PDF)}"
    refused = content(stranger)
    assert refused.status_code == 404 and refused.json()["error"] == "attachment_not_found"


def test_a_later_choice_wins_and_the_feed_keeps_only_the_latest(harness: Harness) -> None:
    one, two, three = (harness.device(workstation=n) for n in (1, 2, 3))
    assert one.push([attached("2026-11-20T10:00:00", name="Bản mười giờ")])[0]["result"] \
        == "applied"
    # Pushed later but made earlier (the workstation was offline): applied, not taking effect.
    assert two.push([attached("2026-11-20T09:00:00", name="Bản chín giờ")])[0]["result"] \
        == "applied"
    assert [f["name"] for f in forms_pulled(three)] == ["Bản mười giờ"]
    assert two.push([detached("2026-11-20T11:00:00")])[0]["result"] == "applied"
    assert forms_pulled(three) == [{"procedure": BIRTH, "code": "tinh", "name": "Tờ khai",
                                    "sha256": "", "size": 0, "at": "2026-11-20T11:00:00"}]
    upload(one)
    assert content(three).status_code == 404  # detached: no longer the agency's form


def test_a_dossiers_scan_cannot_be_fetched(harness: Harness) -> None:
    device = harness.device()
    device.push([device.receive(attachments=[{"sha256": SHA, "name": "Giấy chứng sinh",
                                              "size": len(PDF)}])])
    upload(device)
    assert content(device).status_code == 404


def test_a_malformed_form_event_is_rejected_with_its_fields(harness: Harness) -> None:
    device = harness.device()
    bad = [attached(sha256="A" * 64), attached(code=" tinh"), attached(size=0),
           {**attached(), "payload": {"procedure": BIRTH, "form": {"code": "x", "name": "y"}}}]
    results = device.push(bad)
    assert [r["reason"] for r in results] == ["invalid_payload"] * 4
    assert [p["field"] for p in results[3]["problems"]] == ["form.sha256", "form.size"]
    assert forms_pulled(harness.device(workstation=2)) == []

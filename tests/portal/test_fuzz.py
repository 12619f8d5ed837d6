"""Random and mutated requests: always a clear 4xx or per-event verdict, never a 5xx."""

from __future__ import annotations

import copy
import itertools
import json
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.portal.conftest import Device, Harness

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                   max_size=4),
    max_leaves=12,
)
NASTY = st.sampled_from(["", "\x00", "\ud800", "2026-02-30T25:00:00", "9" * 400, "../../x",
                         "000.00.06.H56-261120-0001\n", "' OR 1=1 --", "%00", "ǅ"])

PATHS = [
    "id", "dossier_id", "kind", "at", "user", "workstation", "payload",
    "payload.dossier", "payload.dossier.id", "payload.dossier.code",
    "payload.dossier.status", "payload.dossier.channel", "payload.dossier.received_at",
    "payload.dossier.due_at", "payload.dossier.procedure_code", "payload.dossier.applicant",
    "payload.dossier.applicant.full_name", "payload.dossier.documents",
    "payload.dossier.fees", "payload.dossier.lookup_secret", "payload.dossier.agency_code",
    "payload.attachments",
]

_numbers = itertools.count(0)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def _set(event: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    event = copy.deepcopy(event)
    *parents, last = path.split(".")
    target: Any = event
    for key in parents:
        target = target[key]
    target[last] = value
    return event


def _count(h: Harness) -> int:
    with h.db.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one())


def _post(h: Harness, device: Device, body: bytes) -> Any:
    return h.client.post("/api/v1/events", content=body,
                         headers={**device.auth, "Content-Type": "application/json"})


@SETTINGS
@given(path=st.sampled_from(PATHS), value=JSON | NASTY)
def test_a_mutated_event_gets_a_clear_answer(harness: Harness, path: str, value: Any) -> None:
    device = getattr(harness, "fuzz_device", None) or harness.device()
    harness.fuzz_device = device  # type: ignore[attr-defined]
    event = _set(device.receive(next(_numbers) % 999), path, value)
    before = _count(harness)
    body = json.dumps({"events": [event]}, ensure_ascii=False).encode("utf-8", "surrogatepass")
    r = _post(harness, device, body)
    assert r.status_code in (200, 400, 422), r.text
    if r.status_code == 200:
        [result] = r.json()["results"]
        assert result["result"] in ("applied", "rejected"), result
        if result["result"] == "rejected":
            assert result["message"] and _count(harness) == before
    else:
        assert r.json()["error"] in ("malformed_json", "invalid_request")
        assert _count(harness) == before


@SETTINGS
@given(body=JSON)
def test_random_bodies_never_break_the_portal(harness: Harness, body: Any) -> None:
    device = getattr(harness, "fuzz_device", None) or harness.device()
    harness.fuzz_device = device  # type: ignore[attr-defined]
    for payload in (body, {"events": body}, {"events": [body]}):
        r = _post(harness, device, json.dumps(payload).encode())
        assert r.status_code in (200, 400, 422), r.text
        r = harness.client.post("/api/v1/enrol", json=payload)
        assert r.status_code in (403, 422), r.text
    assert _count(harness) == 0


@SETTINGS
@given(text=NASTY.filter(lambda s: "\ud800" not in s)
       | st.text(st.characters(exclude_categories=("Cs",)), max_size=30))
def test_odd_paths_and_queries(harness: Harness, text: str) -> None:
    device = getattr(harness, "fuzz_device", None) or harness.device()
    harness.fuzz_device = device  # type: ignore[attr-defined]
    c = harness.client
    quoted = text.encode("utf-8").hex()
    for r in (c.get("/api/v1/changes", params={"cursor": text}, headers=device.auth),
              c.get(f"/api/v1/dossiers/{quoted}", headers=device.auth),
              c.get("/tra-cuu/X", params={"k": text}),
              c.get("/tra-cuu/000.00.06.H56-261120-0001", params={"k": text, "format": "json"}),
              c.get(f"/api/v1/attachments/{quoted[:64]}", headers=device.auth),
              c.get("/api/v1/dossiers/%00", headers=device.auth),
              c.get(f"/tra-cuu/{quote(text, safe='')}%00", params={"k": "abcdefgh"})):
        assert r.status_code < 500, (r.request.url, r.text)


def test_an_event_id_postgresql_cannot_hold_is_rejected_not_a_server_error(
        harness: Harness) -> None:
    device = harness.device()
    event = _set(device.receive(), "id", "\x00")
    r = _post(harness, device, json.dumps({"events": [event]}).encode())
    assert r.status_code == 200, r.text
    [result] = r.json()["results"]
    assert result["result"] == "rejected" and result["reason"] == "invalid_text"

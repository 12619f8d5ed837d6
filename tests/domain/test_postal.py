"""Manifest codes, the manifest's list QR and intake completion (domain/postal.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.codes import parse_code
from counter_app.domain.postal import (
    Decision,
    Discrepancy,
    IntakeLine,
    complete_intake,
    format_manifest_code,
    list_payload,
    parse_list_payload,
    parse_manifest_code,
)

AGENCY = "000.00.06.H56"
DAY = dt.date(2026, 11, 22)


def test_manifest_codes_round_trip_and_are_never_dossier_codes():
    code = format_manifest_code(AGENCY, 91, DAY, 3)
    assert code == "BG-000.00.06.H56-91-261122-03"
    parsed = parse_manifest_code(f"  {code.lower()} ")
    assert parsed is not None and parsed.text == code
    assert (parsed.agency_code, parsed.workstation, parsed.day, parsed.sequence) == (
        AGENCY, 91, DAY, 3)
    assert parse_code(code) is None
    assert parse_manifest_code(f"{AGENCY}-261122-0001") is None


@pytest.mark.parametrize("text", ["BG-H56-00-261122-01", "BG-H56-91-261340-01", "BG-H56-91",
                                  "XX-H56-91-261122-01", ""])
def test_bad_manifest_codes(text):
    assert parse_manifest_code(text) is None


def test_two_desks_never_share_a_manifest_code():
    codes = {format_manifest_code(agency, ws, DAY, n) for agency in (AGENCY, "H56.14")
             for ws in range(1, 100) for n in range(1, 20)}
    assert len(codes) == 2 * 99 * 19


def test_list_payload_round_trip_without_personal_data():
    codes = [f"{AGENCY}-261122-90001", f"{AGENCY}-261122-90002"]
    text = list_payload("BG-000.00.06.H56-91-261122-01", AGENCY, codes)
    assert text == "QMC-BG|BG-000.00.06.H56-91-261122-01|000.00.06.H56|261122-90001,261122-90002"
    found = parse_list_payload(text)
    assert found is not None and list(found.codes) == codes
    with pytest.raises(ValueError):
        list_payload("BG-000.00.06.H56-91-261122-01", AGENCY, ["H99-261122-0001"])
    assert parse_list_payload(text.replace("261122-90002", "Nguyễn")) is None


def test_complete_intake_marks_missing_and_extra():
    listed = ["A-261122-0001", "A-261122-0002"]
    lines = [IntakeLine("a-261122-0002", Decision.CONFIRMED),
             IntakeLine("A-261122-0009", Decision.REJECTED, Discrepancy.DAMAGED)]
    done = complete_intake(listed, lines)
    assert [(x.code, x.decision, x.discrepancy) for x in done] == [
        ("A-261122-0001", Decision.REJECTED, Discrepancy.MISSING),
        ("A-261122-0002", Decision.CONFIRMED, Discrepancy.NONE),
        ("A-261122-0009", Decision.REJECTED, Discrepancy.EXTRA),
    ]
    assert [x.code for x in complete_intake(None, lines)] == ["A-261122-0002", "A-261122-0009"]

"""What the look-up box does with what a clerk or a scanner typed."""

from __future__ import annotations

from counter_app.ui.lookup_intent import (
    OpenCode,
    ScanProblem,
    Search,
    enter_intent,
    search_intent,
)

CODE = "000.00.06.H56-261120-0002"
CCCD = "001085012346|123456789|Đặng Văn Đức|04031985|Nam|xã Tân Phú|01072021"


def test_plain_text_is_searched_as_typed():
    assert search_intent("  dang van duc ") == Search("dang van duc")
    assert enter_intent("dang van duc") == Search("dang van duc")


def test_a_dossier_code_opens_on_enter_in_any_case():
    assert enter_intent(CODE.lower()) == OpenCode(CODE)
    assert search_intent(CODE) == Search(CODE)  # while typing, it is only a search


def test_our_receipt_qr_opens_its_dossier():
    url = f"https://dvc.example.vn/tra-cuu/{CODE}?k=Ab12Cd34"
    assert enter_intent(url) == OpenCode(CODE)
    assert search_intent(url) == Search(CODE, replace_box=True)


def test_a_cccd_qr_searches_by_its_id_number():
    assert search_intent(CCCD) == Search("001085012346", replace_box=True)
    assert enter_intent(CCCD) == Search("001085012346", replace_box=True)
    # Half a payload (the scanner is still typing): still the number, not the rest.
    assert search_intent("001085012346|1234") == Search("001085012346")


def test_mojibake_from_a_misconfigured_scanner_is_reported():
    broken = "001085012346|123456789|Äáº·ng VÄƒn Äá»©c|04031985|Nam|xã|01072021"
    assert enter_intent(broken) == ScanProblem("scan.mojibake")
    assert search_intent(broken) == ScanProblem("scan.mojibake")

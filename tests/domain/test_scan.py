"""Tests of counter_app.domain.scan: what a keyboard-wedge scanner typed at the counter."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.scan import (
    CccdScan,
    DossierCodeScan,
    LookupUrlScan,
    PostalItemScan,
    ScanKind,
    UnknownScan,
    as_dict,
    looks_like_mojibake,
    lookup_url,
    parse_scan,
    repair_mojibake,
)
from counter_app.domain.validation import s10_check_digit

NAME = "Nguyễn Thị Hương"
ADDRESS = "Số 12 ngõ 34 phố Đặng Văn Ngữ, phường Đống Đa, thành phố Hà Nội"
QR7 = f"001303012345|012345678|{NAME}|15052003|Nữ|{ADDRESS}|10082021"
QR6 = f"001303012345|012345678|{NAME}|15052003|Nữ|{ADDRESS}"
EXPECTED = CccdScan(
    id_number="001303012345",
    old_id_number="012345678",
    full_name=NAME,
    birth_date=dt.date(2003, 5, 15),
    gender="Nữ",
    address=ADDRESS,
    issue_date=dt.date(2021, 8, 10),
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---------------------------------------------------------------- CCCD QR


def test_full_seven_field_cccd_qr() -> None:
    result = parse_scan(QR7)
    assert result == EXPECTED
    assert result.kind is ScanKind.CCCD


def test_cccd_qr_in_nfd_comes_back_in_nfc() -> None:
    assert nfd(QR7) != QR7
    result = parse_scan(nfd(QR7))
    assert result == EXPECTED
    assert isinstance(result, CccdScan)
    assert unicodedata.is_normalized("NFC", result.full_name)
    assert unicodedata.is_normalized("NFC", result.address)


def test_cccd_qr_with_six_fields_has_no_issue_date() -> None:
    assert parse_scan(QR6) == CccdScan(
        "001303012345", "012345678", NAME, dt.date(2003, 5, 15), "Nữ", ADDRESS, None
    )


@pytest.mark.parametrize("suffix", ["||", "|", "|||||", "||extra|fields", "\r\n", "|\r\n"])
def test_cccd_qr_with_trailing_fields(suffix: str) -> None:
    assert parse_scan(QR7 + suffix) == EXPECTED


def test_cccd_qr_without_old_id_and_male_gender() -> None:
    text = "079085001234||Trần Văn Đức|01011985|Nam|Ấp 3, xã Tân Thạnh Đông, TP Hồ Chí Minh|"
    result = parse_scan(text)
    assert isinstance(result, CccdScan)
    assert result.old_id_number == ""
    assert result.gender == "Nam"
    assert result.birth_date == dt.date(1985, 1, 1)
    assert result.issue_date is None


def test_cccd_qr_gender_and_blanks_are_normalised() -> None:
    text = f"001303012345|| {NAME}  |15052003| nữ |{ADDRESS} |10082021"
    result = parse_scan(text)
    assert isinstance(result, CccdScan)
    assert result.gender == "Nữ" and result.full_name == NAME and result.address == ADDRESS


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"001303012345|012345678|{NAME}|15052003|Nữ", "scan.cccd_fields"),
        (f"001303012345|012345678||15052003|Nữ|{ADDRESS}", "scan.cccd_fields"),
        (f"001303012345|012345678|{NAME}|15052003|X|{ADDRESS}", "scan.cccd_fields"),
        (f"001303012345|0123|{NAME}|15052003|Nữ|{ADDRESS}", "scan.cccd_fields"),
        (f"001303012345|012345678|{NAME}|31022003|Nữ|{ADDRESS}", "scan.cccd_date"),
        (f"001303012345|012345678|{NAME}|2003-05-15|Nữ|{ADDRESS}", "scan.cccd_date"),
        (f"001303012345|012345678|{NAME}||Nữ|{ADDRESS}", "scan.cccd_date"),
        (f"001303012345|012345678|{NAME}|15052003|Nữ|{ADDRESS}|1008202", "scan.cccd_date"),
        (f"001303012345|012345678|{NAME}|15052003|Nữ|{ADDRESS}|10082001", "scan.cccd_date"),
        (f"001303012345|012345678|{NAME}|15052003|Nữ|{ADDRESS}|01012999", "scan.cccd_date"),
        (f"001303012345|012345678|{NAME}|15052999|Nữ|{ADDRESS}|", "scan.cccd_date"),
        (f"00130301234|012345678|{NAME}|15052003|Nữ|{ADDRESS}|10082021", "scan.cccd_number"),
        (f"003303012345|012345678|{NAME}|15052003|Nữ|{ADDRESS}|10082021", "scan.cccd_number"),
        # birth year on the card disagrees with digits 4–6 of the number
        (f"001303012345|012345678|{NAME}|15052004|Nữ|{ADDRESS}|10082021", "scan.cccd_number"),
        # gender disagrees with the 4th digit (3 = female born in the 2000s)
        (f"001303012345|012345678|{NAME}|15052003|Nam|{ADDRESS}|10082021", "scan.cccd_number"),
        ("hello|world", "scan.unrecognised"),
    ],
)
def test_bad_cccd_qr(text: str, reason: str) -> None:
    assert parse_scan(text) == UnknownScan(reason)


# ---------------------------------------------------------------- mojibake


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mojibake_is_reported_not_repaired(codec: str) -> None:
    garbled = QR7.encode("utf-8").decode(codec, errors="replace")
    assert "Nguy" in garbled and NAME not in garbled
    assert parse_scan(garbled) == UnknownScan("scan.mojibake")
    assert looks_like_mojibake(garbled)


def test_repair_mojibake_offers_the_original_text() -> None:
    assert repair_mojibake(QR7.encode("utf-8").decode("latin-1")) == QR7
    assert repair_mojibake("Nguyá»…n Thá»‹ HÆ°Æ¡ng") == NAME
    assert repair_mojibake("NguyÃªn") == "Nguyên"
    # bytes cp1252 leaves undefined (Đ = C4 90) were dropped: nothing to give back
    assert repair_mojibake("Ä\ufffdặng") is None


@pytest.mark.parametrize("text", [QR7, NAME, "Lê Hà", "Café", "NGÃ", "EB125966888VN", ""])
def test_real_text_is_not_mojibake(text: str) -> None:
    assert repair_mojibake(text) is None
    assert not looks_like_mojibake(text)


# ---------------------------------------------------------------- codes, items, URLs


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("000.00.06.H56-231027-0361", "000.00.06.H56-231027-0361"),
        ("000.00.06.h56-231027-0361", "000.00.06.H56-231027-0361"),
        ("  h56.14-240823-0001\r\n", "H56.14-240823-0001"),
    ],
)
def test_dossier_codes(text: str, code: str) -> None:
    assert parse_scan(text) == DossierCodeScan(code)


def test_bad_dossier_date_is_unrecognised() -> None:
    assert parse_scan("H56.14-241323-0001") == UnknownScan("scan.unrecognised")


@pytest.mark.parametrize(
    ("text", "item"),
    [("EB125966888VN", "EB125966888VN"), ("rr123456785tr", "RR123456785TR")],
)
def test_postal_items(text: str, item: str) -> None:
    assert parse_scan(text) == PostalItemScan(item)


def test_postal_item_with_wrong_check_digit() -> None:
    assert parse_scan("EB125966887VN") == UnknownScan("scan.s10_check_digit")


def test_lookup_url_round_trip() -> None:
    url = lookup_url("https://dichvucong.example.gov.vn/", "000.00.06.H56-231027-0361", "Ab3_x-9Z")
    assert url == "https://dichvucong.example.gov.vn/tra-cuu/000.00.06.H56-231027-0361?k=Ab3_x-9Z"
    assert parse_scan(url) == LookupUrlScan(url, "000.00.06.H56-231027-0361", "Ab3_x-9Z")


def test_lookup_url_under_a_sub_path_and_lower_case_code() -> None:
    url = "http://10.0.0.5:8080/mot-cua/tra-cuu/h56.14-240823-0001?k=secret123&lang=vi"
    assert parse_scan(url) == LookupUrlScan(url, "H56.14-240823-0001", "secret123")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.vn/tra-cuu/H56.14-240823-0001",  # no secret
        "https://example.vn/tra-cuu/H56.14-240823-0001?k=abc",  # secret too short
        "https://example.vn/tra-cuu/H56.14-240823-0001?k=abc%20def",
        "https://example.vn/tra-cuu/H56.14-240823-0001?k=abcdef&k=ghijkl",
        "https://example.vn/tra-cuu/not-a-code?k=abcdef12",
        "https://example.vn/other/H56.14-240823-0001?k=abcdef12",
        "ftp://example.vn/tra-cuu/H56.14-240823-0001?k=abcdef12",
        "https://[::1/tra-cuu/H56.14-240823-0001?k=abcdef12",
        "https://www.google.com/",
    ],
)
def test_foreign_or_broken_urls_are_unrecognised(url: str) -> None:
    assert parse_scan(url) == UnknownScan("scan.unrecognised")


def test_lookup_url_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        lookup_url("https://x.vn", "not a code", "abcdef12")
    with pytest.raises(ValueError):
        lookup_url("https://x.vn", "H56.14-240823-0001", "short")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "scan.empty"),
        ("   \r\n", "scan.empty"),
        ("\r\n", "scan.empty"),
        ("8934588013027", "scan.unrecognised"),  # an EAN-13 product barcode
        ("hello world", "scan.unrecognised"),
        ("001303012345", "scan.unrecognised"),  # a bare number, not the card's QR
        ("\ufffd\ufffd", "scan.mojibake"),
    ],
)
def test_empty_and_garbage(text: str, reason: str) -> None:
    assert parse_scan(text) == UnknownScan(reason)


# ---------------------------------------------------------------- as_dict


def test_as_dict_cccd_is_json_ready() -> None:
    data = as_dict(EXPECTED)
    assert data == {
        "kind": "cccd",
        "id_number": "001303012345",
        "old_id_number": "012345678",
        "full_name": NAME,
        "birth_date": "2003-05-15",
        "gender": "Nữ",
        "address": ADDRESS,
        "issue_date": "2021-08-10",
    }
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert as_dict(parse_scan(QR6))["issue_date"] is None


def test_as_dict_other_kinds() -> None:
    assert as_dict(DossierCodeScan("H56.14-240823-0001")) == {
        "kind": "dossier_code",
        "code": "H56.14-240823-0001",
    }
    assert as_dict(PostalItemScan("EB125966888VN")) == {
        "kind": "postal_item",
        "item_number": "EB125966888VN",
    }
    assert as_dict(LookupUrlScan("u", "c", "s")) == {
        "kind": "lookup_url",
        "url": "u",
        "code": "c",
        "secret": "s",
    }
    assert as_dict(UnknownScan("scan.empty")) == {"kind": "unknown", "reason": "scan.empty"}


# ---------------------------------------------------------------- properties


@given(st.text())
def test_parse_scan_never_raises(text: str) -> None:
    result = parse_scan(text)
    assert result.kind in set(ScanKind)
    json.dumps(as_dict(result))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40).map(lambda s: "|".join([s] * 7)))
def test_parse_scan_never_raises_on_pipes(text: str) -> None:
    parse_scan(text)


@given(st.text())
def test_parse_scan_is_invariant_under_normalisation(text: str) -> None:
    assert parse_scan(nfd(text)) == parse_scan(unicodedata.normalize("NFC", text))


@given(
    prefix=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    serial=st.text("0123456789", min_size=8, max_size=8),
    country=st.sampled_from(["VN", "TR", "US", "FR"]),
)
def test_scanned_s10_items_round_trip(prefix: str, serial: str, country: str) -> None:
    item = f"{prefix}{serial}{s10_check_digit(serial)}{country}"
    assert parse_scan(item.lower()) == PostalItemScan(item)


@given(
    seq=st.integers(1, 99999),
    day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
    secret=st.from_regex(r"[A-Za-z0-9_-]{6,64}", fullmatch=True),
)
def test_lookup_url_always_parses_back(seq: int, day: dt.date, secret: str) -> None:
    code = f"000.00.06.H56-{day:%y%m%d}-{seq:04d}"
    result = parse_scan(lookup_url("https://tracuu.example.vn/hcc", code, secret))
    assert isinstance(result, LookupUrlScan)
    assert (result.code, result.secret) == (code, secret)

"""Tests of counter_app.domain.validation: ID numbers, phones, e-mails, agency codes, S10 items."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.model import IdKind
from counter_app.domain.validation import (
    PROVINCE_CODES,
    CccdInfo,
    agency_code_problem,
    cccd_info,
    cccd_problem,
    cmnd_problem,
    email_problem,
    guess_id_kind,
    id_problem,
    normalise_gender,
    normalise_phone,
    normalise_s10,
    passport_problem,
    phone_problem,
    s10_check_digit,
    s10_problem,
)

TODAY = dt.date(2025, 6, 1)
MAN_HANOI_2003 = "001203012345"
WOMAN_HCM_1985 = "079185001234"


# ---------------------------------------------------------------- CCCD


def test_province_table_has_the_63_pre_2025_provinces() -> None:
    assert len(PROVINCE_CODES) == 63
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)
    assert min(PROVINCE_CODES) == "001" and max(PROVINCE_CODES) == "096"
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["048"] == "Đà Nẵng"
    assert PROVINCE_CODES["092"] == "Cần Thơ"
    assert "003" not in PROVINCE_CODES and "005" not in PROVINCE_CODES
    assert all(name == unicodedata.normalize("NFC", name) for name in PROVINCE_CODES.values())


def test_valid_cccd_numbers() -> None:
    assert cccd_problem(MAN_HANOI_2003) is None
    assert cccd_problem(WOMAN_HCM_1985) is None
    assert cccd_problem(MAN_HANOI_2003, dt.date(2003, 4, 12), "Nam") is None
    assert cccd_problem(WOMAN_HCM_1985, dt.date(1985, 12, 31), "Nữ") is None


@pytest.mark.parametrize(
    "typed", ["001 203 012 345", "001.203.012.345", " 001203012345 ", "001-203-012345"]
)
def test_cccd_typed_with_separators(typed: str) -> None:
    assert cccd_problem(typed, dt.date(2003, 1, 1), "Nam") is None


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("", "id.empty"),
        ("   ", "id.empty"),
        ("00120301234A", "cccd.not_digits"),
        ("C1234567", "cccd.not_digits"),
        ("001203012345/", "cccd.not_digits"),
        ("00120301234", "cccd.length"),
        ("0012030123456", "cccd.length"),
        ("003203012345", "cccd.province"),  # 003 is not a province code
        ("097203012345", "cccd.province"),
        ("000203012345", "cccd.province"),
        ("001403012345", "cccd.century"),  # 4 → 2100s
        ("001703012345", "cccd.century"),  # 7 → 2200s
        ("001299012345", "cccd.birth_year"),  # 2099 is in the future
    ],
)
def test_cccd_structure_problems(number: str, code: str) -> None:
    assert cccd_problem(number, today=TODAY) == code


def test_cccd_against_birth_date() -> None:
    assert cccd_problem(MAN_HANOI_2003, dt.date(2004, 1, 1)) == "cccd.birth_year"
    # right two digits, wrong century: the 4th digit says 2000s
    assert cccd_problem(MAN_HANOI_2003, dt.date(1903, 1, 1)) == "cccd.birth_year"
    assert cccd_problem(WOMAN_HCM_1985, dt.date(2085, 1, 1)) == "cccd.birth_year"


@pytest.mark.parametrize("gender", ["Nam", "nam", "NAM", "male", "Male", "M"])
def test_cccd_gender_male_spellings(gender: str) -> None:
    assert cccd_problem(MAN_HANOI_2003, gender=gender) is None
    assert cccd_problem(WOMAN_HCM_1985, gender=gender) == "cccd.gender"


@pytest.mark.parametrize("gender", ["Nữ", "nữ", "NỮ", "nu", "Nu", "female", "Nu\u031b\u0303"])
def test_cccd_gender_female_spellings(gender: str) -> None:
    assert cccd_problem(WOMAN_HCM_1985, gender=gender) is None
    assert cccd_problem(MAN_HANOI_2003, gender=gender) == "cccd.gender"


def test_cccd_gender_unknown_or_empty_is_not_compared() -> None:
    assert cccd_problem(MAN_HANOI_2003, gender="") is None
    assert cccd_problem(MAN_HANOI_2003, gender="khác") is None


def test_cccd_1800s_century_digits_are_accepted() -> None:
    assert cccd_problem("001899012345", dt.date(1899, 1, 1), "Nam") is None  # 8: male, 1800s
    assert cccd_problem("001999012345", dt.date(1899, 1, 1), "Nữ") is None  # 9: female, 1800s
    assert cccd_problem("001899012345", dt.date(1999, 1, 1)) == "cccd.birth_year"


def test_cccd_info() -> None:
    assert cccd_info(MAN_HANOI_2003) == CccdInfo("001", "Hà Nội", 2000, "Nam", 3)
    info = cccd_info(WOMAN_HCM_1985)
    assert info == CccdInfo("079", "Hồ Chí Minh", 1900, "Nữ", 85)
    assert info is not None and info.birth_year == 1985
    assert cccd_info("001 203 012 345") == cccd_info(MAN_HANOI_2003)
    assert cccd_info("003203012345") is None
    assert cccd_info("12345") is None
    assert cccd_info("") is None


@given(
    province=st.sampled_from(sorted(PROVINCE_CODES)),
    year=st.integers(1900, 2024),
    female=st.booleans(),
    tail=st.text("0123456789", min_size=6, max_size=6),
)
def test_cccd_built_from_its_parts_validates(
    province: str, year: int, female: bool, tail: str
) -> None:
    digit = {1900: 0, 2000: 2}[year // 100 * 100] + int(female)
    number = f"{province}{digit}{year % 100:02d}{tail}"
    gender = "Nữ" if female else "Nam"
    assert cccd_problem(number, dt.date(year, 6, 1), gender, today=TODAY) is None
    info = cccd_info(number, today=TODAY)
    assert info is not None and info.birth_year == year and info.gender == gender
    # the same number with dots every three digits is the same number
    dotted = ".".join(number[i : i + 3] for i in range(0, 12, 3))
    assert cccd_problem(dotted, dt.date(year, 6, 1), gender, today=TODAY) is None


def test_normalise_gender() -> None:
    assert normalise_gender("Nam") == "Nam"
    assert normalise_gender(" nữ ") == "Nữ"
    assert normalise_gender("FEMALE") == "Nữ"
    assert normalise_gender("") is None
    assert normalise_gender(None) is None
    assert normalise_gender("x") is None


# ---------------------------------------------------------------- CMND, passport, dispatch


def test_cmnd() -> None:
    assert cmnd_problem("012345678") is None
    assert cmnd_problem("012 345 678") is None
    assert cmnd_problem("") == "id.empty"
    assert cmnd_problem("01234567A") == "cmnd.not_digits"
    assert cmnd_problem("01234567") == "cmnd.length"
    assert cmnd_problem("001203012345") == "cmnd.length"  # 12-digit numbers are CCCD


def test_passport() -> None:
    assert passport_problem("C1234567") is None
    assert passport_problem("c1234567") is None
    assert passport_problem("B 1234567") is None
    assert passport_problem("AB1234567") is None
    assert passport_problem("") == "id.empty"
    assert passport_problem("C123456") == "passport.format"
    assert passport_problem("C12345678") == "passport.format"
    assert passport_problem("ABC1234567") == "passport.format"
    assert passport_problem("12345678") == "passport.format"
    assert passport_problem("Đ1234567") == "passport.format"


def test_id_problem_dispatches_on_kind() -> None:
    assert id_problem(IdKind.CCCD, MAN_HANOI_2003, dt.date(2003, 2, 2), "Nam") is None
    assert id_problem(IdKind.CCCD, MAN_HANOI_2003, dt.date(2003, 2, 2), "Nữ") == "cccd.gender"
    assert id_problem(IdKind.CMND, "012345678") is None
    assert id_problem(IdKind.CMND, MAN_HANOI_2003) == "cmnd.length"
    assert id_problem(IdKind.PASSPORT, "C1234567") is None
    assert id_problem(IdKind.PASSPORT, "012345678") == "passport.format"
    assert id_problem(IdKind.OTHER, "GP-123/2020") is None
    assert id_problem(IdKind.OTHER, "ab") == "id.length"
    assert id_problem(IdKind.OTHER, "x" * 31) == "id.length"
    assert id_problem(IdKind.OTHER, "  ") == "id.empty"
    assert id_problem(IdKind("cccd"), "") == "id.empty"


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        (MAN_HANOI_2003, IdKind.CCCD),
        ("001 203 012 345", IdKind.CCCD),
        ("012345678", IdKind.CMND),
        ("C1234567", IdKind.PASSPORT),
        ("b1234567", IdKind.PASSPORT),
        ("AB1234567", IdKind.PASSPORT),
        ("12345", IdKind.CCCD),  # a mistyped number is checked as a CCCD
        ("GP-123/2020", IdKind.OTHER),
        ("", IdKind.OTHER),
    ],
)
def test_guess_id_kind(number: str, kind: IdKind) -> None:
    assert guess_id_kind(number) is kind


# ---------------------------------------------------------------- phone


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("(+84) 912 345 678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("912345678", "0912345678"),  # leading zero lost in a spreadsheet
        ("024 3825 1234", "02438251234"),
        ("+84 24 3825 1234", "02438251234"),
        ("", ""),
    ],
)
def test_normalise_phone(typed: str, normal: str) -> None:
    assert normalise_phone(typed) == normal
    assert normalise_phone(normal) == normal


@pytest.mark.parametrize(
    "phone",
    [
        "0912345678",
        "+84 912 345 678",
        "84912345678",
        "0912.345.678",
        "0387654321",
        "0567654321",
        "0701234567",
        "0812345678",
        "024 3825 1234",
        "0236 3821 234",
        "",
    ],
)
def test_valid_phones(phone: str) -> None:
    assert phone_problem(phone) is None


@pytest.mark.parametrize(
    ("phone", "code"),
    [
        ("0912abc678", "phone.not_digits"),
        ("09123456789x", "phone.not_digits"),
        ("+", "phone.not_digits"),
        ("091234567", "phone.length"),
        ("09123456789", "phone.length"),
        ("0243825123", "phone.length"),  # landlines have 11 digits
        ("024382512345", "phone.length"),
        ("0123456789", "phone.prefix"),
        ("0612345678", "phone.prefix"),
        ("1900 1234 56", "phone.prefix"),
        ("+1 202 555 0100", "phone.prefix"),
        ("12345", "phone.length"),
    ],
)
def test_invalid_phones(phone: str, code: str) -> None:
    assert phone_problem(phone) == code


@given(st.text())
def test_normalise_phone_is_idempotent_and_digits_only(text: str) -> None:
    once = normalise_phone(text)
    assert once.isascii() and (once == "" or once.isdigit())
    assert normalise_phone(once) == once


# ---------------------------------------------------------------- e-mail


@pytest.mark.parametrize(
    "email",
    [
        "nguyen.van.a@gmail.com",
        "a+b@so-tu-phap.hanoi.gov.vn",
        "hương@ví-dụ.vn",
        "hu\u031bo\u031b\u0300ng@example.vn",
        " x@y.vn ",
        "",
    ],
)
def test_valid_emails(email: str) -> None:
    assert email_problem(email) is None


@pytest.mark.parametrize(
    "email",
    [
        "abc",
        "a@b",
        "a@@b.vn",
        "a@b@c.vn",
        "nguyen van@gmail.com",
        "@gmail.com",
        "a@.vn",
        "a@b..vn",
        "a@-b.vn",
        "a@b.v",
        "a@b.123",
        ".a@b.vn",
        "a..b@c.vn",
        "a<b>@c.vn",
        "a@b_c.vn",
        "a" * 65 + "@b.vn",
        "a@" + "b" * 250 + ".vn",
    ],
)
def test_invalid_emails(email: str) -> None:
    assert email_problem(email) == "email.format"


@given(st.emails())
def test_generated_emails_are_accepted_in_nfc_and_nfd(email: str) -> None:
    assert email_problem(email) is None
    assert email_problem(unicodedata.normalize("NFD", email)) == email_problem(email)


# ---------------------------------------------------------------- agency codes


@pytest.mark.parametrize(
    "code", ["000.00.06.H56", "000.00.00.H56", "H56.14", "G01", "000.00.00.G12"]
)
def test_valid_agency_codes(code: str) -> None:
    assert agency_code_problem(code) is None


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("", "agency_code.empty"),
        ("  ", "agency_code.empty"),
        ("000.00.06", "agency_code.format"),  # no province/ministry group
        ("h56.14", "agency_code.format"),
        ("H56..14", "agency_code.format"),
        ("H56 14", "agency_code.format"),
        ("H56-14", "agency_code.format"),
        ("Đ56.14", "agency_code.format"),
        ("H5.14", "agency_code.format"),
    ],
)
def test_invalid_agency_codes(code: str, problem: str) -> None:
    assert agency_code_problem(code) == problem


# ---------------------------------------------------------------- UPU S10


def test_s10_check_digit_known_examples() -> None:
    assert s10_check_digit("12596688") == 8
    assert s10_check_digit("12345678") == 5
    assert s10_check_digit("00000000") == 5  # sum 0 → 11 → 5
    assert s10_check_digit("00010000") == 9  # weight 2 → sum 2 → 11 − 2
    with pytest.raises(ValueError):
        s10_check_digit("1234567")
    with pytest.raises(ValueError):
        s10_check_digit("1234567A")


def test_s10_check_digit_ten_becomes_zero() -> None:
    assert s10_check_digit("70000000") == 0  # sum 56 ≡ 1 (mod 11) → 10 → 0


def test_s10_problem() -> None:
    assert s10_problem("EB125966888VN") is None
    assert s10_problem("RR123456785TR") is None
    assert s10_problem("eb 125 966 888 vn") is None
    assert normalise_s10(" eb125966888vn ") == "EB125966888VN"
    assert s10_problem("EB125966887VN") == "s10.check_digit"
    assert s10_problem("RR123456789TR") == "s10.check_digit"
    assert s10_problem("") == "s10.format"
    assert s10_problem("EB12596688VN") == "s10.format"
    assert s10_problem("E1125966888VN") == "s10.format"
    assert s10_problem("EB125966888V") == "s10.format"
    assert s10_problem("EB-125966888-VN") == "s10.format"


@given(
    prefix=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    serial=st.text("0123456789", min_size=8, max_size=8),
)
def test_s10_only_the_computed_check_digit_validates(prefix: str, serial: str) -> None:
    check = s10_check_digit(serial)
    assert 0 <= check <= 9
    for digit in range(10):
        item = f"{prefix}{serial}{digit}VN"
        expected = None if digit == check else "s10.check_digit"
        assert s10_problem(item) == expected

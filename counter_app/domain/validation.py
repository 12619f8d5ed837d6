"""Field checks for identity numbers, phones, e-mails, agency codes and S10 items: problem codes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .codes import AGENCY_CODE_PATTERN
from .model import IdKind
from .text import clean, digits_only, fold, nfc

# Province-of-birth codes, the first 3 digits of a CCCD number: Circular 07/2016/TT-BCA
# (Appendix: "Danh mục mã tỉnh, thành phố trực thuộc trung ương nơi công dân đăng ký khai sinh"),
# as amended by Circular 41/2019/TT-BCA. They are the 63 pre-2025 provinces with the GSO
# administrative-unit code (Decision 124/2004/QĐ-TTg) zero-padded to 3 digits. The 2025 merger
# of provinces did not renumber issued cards, so this table stays valid for existing numbers.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

MALE = "Nam"
FEMALE = "Nữ"

# 4th CCCD digit: pairs (even = male, odd = female) give the century of birth.
_CENTURY_BY_PAIR = {0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800}
_GENDER_WORDS = {"nam": MALE, "male": MALE, "m": MALE, "nu": FEMALE, "female": FEMALE, "f": FEMALE}

_ID_TYPED = re.compile(r"[0-9 .\-]+")  # what a clerk may type for a numeric ID
_PASSPORT = re.compile(r"[A-Z]{1,2}[0-9]{7}")
_PASSPORT_LIKE = re.compile(r"[A-Z]{1,2}[0-9]+")
_PHONE_TYPED = re.compile(r"\+?[0-9 .\-()]+")
_MOBILE_PREFIXES = frozenset({"03", "05", "07", "08", "09"})
_LANDLINE_PREFIX = "02"
_AGENCY_CODE = re.compile(AGENCY_CODE_PATTERN)
_AGENCY_LETTER_GROUP = re.compile(r"[A-Z][0-9]{2}")
_EMAIL_LOCAL_FORBIDDEN = frozenset('()<>[]\\,;:"')
_S10 = re.compile(r"(?P<prefix>[A-Z]{2})(?P<serial>[0-9]{8})(?P<check>[0-9])(?P<country>[A-Z]{2})")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


# ---------------------------------------------------------------- identity numbers


@dataclass(frozen=True)
class CccdInfo:
    """What the structure of a 12-digit CCCD number says about its holder."""

    province_code: str
    province_name: str
    century: int  # e.g. 1900
    gender: str  # "Nam" / "Nữ"
    birth_year_2digits: int

    @property
    def birth_year(self) -> int:
        return self.century + self.birth_year_2digits


def normalise_gender(text: str | None) -> str | None:
    """Return "Nam"/"Nữ" for "Nam", "NỮ", "nu", "male", "F"…; None when empty or unknown."""
    return _GENDER_WORDS.get(fold(text))


def _typed_digits(text: str) -> str | None:
    """Digits of a numeric ID typed with spaces, dots or dashes; None if other characters occur."""
    return digits_only(text) if _ID_TYPED.fullmatch(text) else None


def _decode_cccd(digits: str) -> CccdInfo:
    code = int(digits[3])
    return CccdInfo(
        province_code=digits[:3],
        province_name=PROVINCE_CODES.get(digits[:3], ""),
        century=_CENTURY_BY_PAIR[code // 2],
        gender=MALE if code % 2 == 0 else FEMALE,
        birth_year_2digits=int(digits[4:6]),
    )


def cccd_problem(
    number: str,
    birth_date: dt.date | None = None,
    gender: str | None = None,
    *,
    today: dt.date | None = None,
) -> str | None:
    """Problem code for a 12-digit CCCD number (căn cước), None when valid.

    Checks digits, length, the province-of-birth code, that the century/year digits do not put
    the birth in the future (`today` defaults to the current date), and, when given, agreement
    with `birth_date` (year and century) and `gender`. An unrecognised `gender` is not compared.
    """
    text = clean(number)
    if not text:
        return "id.empty"
    digits = _typed_digits(text)
    if digits is None:
        return "cccd.not_digits"
    if len(digits) != 12:
        return "cccd.length"
    if digits[:3] not in PROVINCE_CODES:
        return "cccd.province"
    info = _decode_cccd(digits)
    year_now = (today or dt.date.today()).year
    if info.century > year_now // 100 * 100:
        return "cccd.century"
    if info.birth_year > year_now:
        return "cccd.birth_year"
    if birth_date is not None and birth_date.year != info.birth_year:
        return "cccd.birth_year"
    expected_gender = normalise_gender(gender)
    if expected_gender is not None and expected_gender != info.gender:
        return "cccd.gender"
    return None


def cccd_info(number: str, *, today: dt.date | None = None) -> CccdInfo | None:
    """Decode a CCCD number; None when `cccd_problem` finds it invalid."""
    if cccd_problem(number, today=today) is not None:
        return None
    return _decode_cccd(digits_only(number))


def cmnd_problem(number: str) -> str | None:
    """Problem code for an old 9-digit CMND (chứng minh nhân dân) number, None when valid."""
    text = clean(number)
    if not text:
        return "id.empty"
    digits = _typed_digits(text)
    if digits is None:
        return "cmnd.not_digits"
    if len(digits) != 9:
        return "cmnd.length"
    return None


def _compact_upper(text: str | None) -> str:
    return "".join(clean(text).split()).upper()


def passport_problem(number: str) -> str | None:
    """Vietnamese passport: 1 letter + 7 digits (C1234567) or, on older books, 2 letters + 7."""
    text = _compact_upper(number)
    if not text:
        return "id.empty"
    return None if _PASSPORT.fullmatch(text) else "passport.format"


def id_problem(
    kind: IdKind,
    number: str,
    birth_date: dt.date | None = None,
    gender: str | None = None,
) -> str | None:
    """Check `number` as an identity document of `kind`; OTHER accepts any 3–30 characters."""
    kind = IdKind(kind)
    if kind is IdKind.CCCD:
        return cccd_problem(number, birth_date, gender)
    if kind is IdKind.CMND:
        return cmnd_problem(number)
    if kind is IdKind.PASSPORT:
        return passport_problem(number)
    text = clean(number)
    if not text:
        return "id.empty"
    return None if 3 <= len(text) <= 30 else "id.length"


def guess_id_kind(number: str) -> IdKind:
    """9 digits → CMND, other digit strings → CCCD (so a mistyped one is caught as a CCCD),
    1–2 letters then digits → PASSPORT, else OTHER."""
    text = clean(number)
    digits = _typed_digits(text) if text else None
    if digits is not None and len(digits) == 9:
        return IdKind.CMND
    if digits is not None:
        return IdKind.CCCD
    if _PASSPORT_LIKE.fullmatch(_compact_upper(text)):
        return IdKind.PASSPORT
    return IdKind.OTHER


# ---------------------------------------------------------------- contact details


def normalise_phone(text: str | None) -> str:
    """Vietnamese phone number in national form: "+84 912 345 678" / "84912345678" → "0912345678".

    Only digits are kept; a country code 84 (or 0084) becomes the trunk prefix 0, and a number
    whose leading 0 was lost (9-digit mobile, 10-digit landline) gets it back.
    """
    value = clean(text)
    digits = digits_only(value)
    if digits.startswith("0084"):
        digits = digits[4:]
    elif digits.startswith("84") and (value.startswith("+") or len(digits) in (11, 12)):
        digits = digits[2:]
    if digits and not digits.startswith("0") and len(digits) in (9, 10):
        digits = "0" + digits
    return digits


def phone_problem(text: str | None) -> str | None:
    """Problem code for a Vietnamese phone number; None when valid or empty (phone is optional).

    Mobile: 10 digits starting 03, 05, 07, 08 or 09; landline: 11 digits starting 02.
    """
    value = clean(text)
    if not value:
        return None
    if not _PHONE_TYPED.fullmatch(value):
        return "phone.not_digits"
    number = normalise_phone(value)
    if not number:
        return "phone.not_digits"
    prefix = number[:2]
    if prefix == _LANDLINE_PREFIX:
        return None if len(number) == 11 else "phone.length"
    if prefix in _MOBILE_PREFIXES:
        return None if len(number) == 10 else "phone.length"
    if len(number) not in (10, 11):
        return "phone.length"
    return "phone.prefix"


def email_problem(text: str | None) -> str | None:
    """Pragmatic e-mail check (one @, dotted domain, no blanks, at most 254 characters).

    Unicode letters are accepted in both parts (compared in NFC). Empty → None (optional field).
    """
    value = nfc(text or "").strip()
    if not value:
        return None
    if len(value) > 254 or value.count("@") != 1 or any(ch.isspace() for ch in value):
        return "email.format"
    if any(not ch.isprintable() for ch in value):
        return "email.format"
    local, domain = value.split("@")
    if not local or len(local) > 64 or local.startswith(".") or local.endswith("."):
        return "email.format"
    if ".." in local or any(ch in _EMAIL_LOCAL_FORBIDDEN for ch in local):
        return "email.format"
    labels = domain.split(".")
    if len(labels) < 2:
        return "email.format"
    for label in labels:
        if not label or len(label) > 63 or label.startswith("-") or label.endswith("-"):
            return "email.format"
        if not all(ch.isalnum() or ch == "-" for ch in label):
            return "email.format"
    if len(labels[-1]) < 2 or labels[-1].isdigit():
        return "email.format"
    return None


# ---------------------------------------------------------------- agency codes


def agency_code_problem(text: str | None) -> str | None:
    """Agency code in the QCVN 102:2016 style: "000.00.06.H56", "H56.14", "G01".

    Dot-separated upper-case groups, at least one of them a letter + 2 digits (H.. province,
    G.. ministry…). Lower case is rejected rather than fixed: the code goes into dossier codes.
    """
    value = clean(text)
    if not value:
        return "agency_code.empty"
    if not _AGENCY_CODE.fullmatch(value):
        return "agency_code.format"
    if not any(_AGENCY_LETTER_GROUP.fullmatch(group) for group in value.split(".")):
        return "agency_code.format"
    return None


# ---------------------------------------------------------------- UPU S10 postal items


def s10_check_digit(serial8: str) -> int:
    """UPU S10 check digit of an 8-digit serial: weights 8,6,4,2,3,5,9,7; 11−(sum mod 11).

    A result of 10 becomes 0 and 11 becomes 5. Raises ValueError unless given 8 ASCII digits.
    """
    if len(serial8) != 8 or not all("0" <= ch <= "9" for ch in serial8):
        raise ValueError("serial must be 8 digits")
    total = sum(int(ch) * w for ch, w in zip(serial8, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def normalise_s10(text: str | None) -> str:
    """An S10 item number as stored: blanks removed, upper case ("eb 12596688 8 vn" → …)."""
    return _compact_upper(text)


def s10_problem(text: str | None) -> str | None:
    """Problem code for a UPU S10 item number such as "EB125966888VN", None when valid."""
    m = _S10.fullmatch(normalise_s10(text))
    if not m:
        return "s10.format"
    if s10_check_digit(m["serial"]) != int(m["check"]):
        return "s10.check_digit"
    return None

"""What a keyboard-wedge barcode/QR scanner typed: CCCD QR, dossier code, S10 item, lookup URL."""

# The scanned text is personal data (Decree 13/2023/NĐ-CP): never log or print it.

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

from .codes import parse_code
from .postal import LIST_PREFIX, parse_list_payload, parse_manifest_code
from .text import clean, digits_only, nfc
from .validation import cccd_problem, normalise_gender, normalise_s10, s10_check_digit


class ScanKind(StrEnum):
    CCCD = "cccd"
    DOSSIER_CODE = "dossier_code"
    POSTAL_ITEM = "postal_item"
    LOOKUP_URL = "lookup_url"
    MANIFEST = "manifest"  # hand-over manifest: its Code 128 or its list QR
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CccdScan:
    """The QR of a chip ID card: `số CCCD|số CMND cũ|Họ và tên|ngày sinh|giới tính|nơi thường trú|
    ngày cấp`. Text fields are NFC; `gender` is "Nam" or "Nữ"."""

    id_number: str
    old_id_number: str
    full_name: str
    birth_date: dt.date | None
    gender: str
    address: str
    issue_date: dt.date | None
    kind: Literal[ScanKind.CCCD] = field(default=ScanKind.CCCD, init=False)


@dataclass(frozen=True)
class DossierCodeScan:
    code: str  # canonical upper-case dossier code
    kind: Literal[ScanKind.DOSSIER_CODE] = field(default=ScanKind.DOSSIER_CODE, init=False)


@dataclass(frozen=True)
class PostalItemScan:
    item_number: str  # UPU S10, e.g. "EB125966888VN"
    kind: Literal[ScanKind.POSTAL_ITEM] = field(default=ScanKind.POSTAL_ITEM, init=False)


@dataclass(frozen=True)
class LookupUrlScan:
    """The QR printed on our receipts (Mẫu 01): status-lookup URL with the dossier code."""

    url: str
    code: str
    secret: str
    kind: Literal[ScanKind.LOOKUP_URL] = field(default=ScanKind.LOOKUP_URL, init=False)


@dataclass(frozen=True)
class ManifestScan:
    """A hand-over manifest (domain/postal.py): `codes` is empty for its Code 128 (the code
    only) and holds the dossier codes when its list QR was scanned."""

    manifest_code: str
    agency_code: str = ""
    codes: tuple[str, ...] = ()
    listed: bool = False  # the list QR: `codes` is the whole list (possibly empty)
    kind: Literal[ScanKind.MANIFEST] = field(default=ScanKind.MANIFEST, init=False)


@dataclass(frozen=True)
class UnknownScan:
    """Not usable; `reason` is a problem code such as "scan.mojibake" or "scan.unrecognised"."""

    reason: str
    kind: Literal[ScanKind.UNKNOWN] = field(default=ScanKind.UNKNOWN, init=False)


ScanResult = (CccdScan | DossierCodeScan | PostalItemScan | LookupUrlScan | ManifestScan
              | UnknownScan)

LOOKUP_PATH = "tra-cuu"
_SECRET = re.compile(r"[A-Za-z0-9_-]{6,64}")
_S10_SHAPE = re.compile(r"[A-Z]{2}[0-9]{9}[A-Z]{2}")
_DATE = re.compile(r"[0-9]{8}")
_CCCD_MIN_FIELDS = 6  # the issue date (7th field) is missing on some cards/readers

# Mojibake: UTF-8 bytes shown as cp1252/Latin-1 characters. A UTF-8 lead byte (Ã Ä Å Æ for
# Latin letters with marks and Ơ/Ư/Đ; "á" + º/» for the Vietnamese block U+1E00–U+1EFF;
# "â€" for punctuation) followed by characters that stand for continuation bytes 0x80–0xBF.
_CONTINUATION = "".join(
    sorted(
        {bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xC0)}
        | {chr(b) for b in range(0x80, 0xC0)}
    )
)
_CONT_CLASS = "[" + re.escape(_CONTINUATION) + "]"
_MOJIBAKE = re.compile(f"[ÃÄÅÆ]{_CONT_CLASS}|á[º»]{_CONT_CLASS}|â€")


def _encode_single_byte(text: str) -> bytes | None:
    """Bytes a scanner in cp1252/Latin-1 mode would have received; None if impossible."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))  # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined
    return bytes(out)


def repair_mojibake(text: str) -> str | None:
    """The UTF-8 text that `text` was before a cp1252/Latin-1 mix-up, or None if it was not one.

    "Nguyá»…n Thá»‹ HÆ°Æ¡ng" → "Nguyễn Thị Hương". For a UI that wants to offer the fix; the
    scanner itself should still be switched to UTF-8.
    """
    raw = _encode_single_byte(text)
    if raw is None:
        return None
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if repaired == text or not any(ch.isalpha() and ord(ch) > 0x7F for ch in repaired):
        return None
    return nfc(repaired)


def looks_like_mojibake(text: str) -> bool:
    """True when `text` shows the tell-tales of UTF-8 read as a single-byte code page."""
    return "\ufffd" in text or repair_mojibake(text) is not None or bool(_MOJIBAKE.search(text))


def _parse_date(value: str) -> dt.date:
    """ddMMyyyy → date; raises ValueError when malformed."""
    if not _DATE.fullmatch(value):
        raise ValueError(value)
    return dt.date(int(value[4:]), int(value[2:4]), int(value[:2]))


def _parse_cccd(parts: list[str]) -> ScanResult:
    if len(parts) < _CCCD_MIN_FIELDS:
        return UnknownScan("scan.cccd_fields")
    parts = [clean(p) for p in parts[:7]] + [""] * (7 - min(len(parts), 7))
    id_number, old_id, full_name, birth_text, gender_text, address, issue_text = parts
    gender = normalise_gender(gender_text)
    old_id_ok = not old_id or (digits_only(old_id) == old_id and len(old_id) in (9, 12))
    if not full_name or gender is None or not old_id_ok:
        return UnknownScan("scan.cccd_fields")
    try:
        birth_date = _parse_date(birth_text)
        issue_date = _parse_date(issue_text) if issue_text else None
    except ValueError:
        return UnknownScan("scan.cccd_date")
    today = dt.date.today()
    if birth_date > today or (issue_date is not None and not birth_date <= issue_date <= today):
        return UnknownScan("scan.cccd_date")
    if digits_only(id_number) != id_number or cccd_problem(id_number, birth_date, gender):
        return UnknownScan("scan.cccd_number")
    return CccdScan(id_number, old_id, full_name, birth_date, gender, address, issue_date)


def _parse_lookup_url(text: str) -> LookupUrlScan | None:
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    segments = parts.path.rstrip("/").split("/")
    if len(segments) < 2 or segments[-2].lower() != LOOKUP_PATH:
        return None
    parsed = parse_code(unquote(segments[-1]))
    secrets = parse_qs(parts.query).get("k", [])
    if parsed is None or len(secrets) != 1 or not _SECRET.fullmatch(secrets[0]):
        return None
    return LookupUrlScan(url=text, code=parsed.text, secret=secrets[0])


def parse_scan(text: str) -> ScanResult:
    """Classify and parse one scan; never raises.

    Mojibake (a scanner set to a single-byte keyboard layout/code page instead of UTF-8) is
    reported as UnknownScan("scan.mojibake") and deliberately not repaired here: a guessed
    repair could silently put a wrong name on a dossier, so the clerk must fix the scanner's
    mode and scan again. `repair_mojibake` exists for a UI that wants to offer the fix.
    """
    value = nfc(text.rstrip("\r\n")).strip()
    if not value:
        return UnknownScan("scan.empty")
    if looks_like_mojibake(value):
        return UnknownScan("scan.mojibake")
    if value.upper().startswith(LIST_PREFIX + "|"):
        found = parse_list_payload(value)
        if found is None:
            return UnknownScan("scan.unrecognised")
        return ManifestScan(found.manifest_code, found.agency_code, found.codes, listed=True)
    if "|" in value:
        first = value.split("|", 1)[0].strip()
        if first and digits_only(first) == first:
            return _parse_cccd(value.split("|"))
        return UnknownScan("scan.unrecognised")
    if value.lower().startswith(("http://", "https://")):
        url = _parse_lookup_url(value)
        return url if url is not None else UnknownScan("scan.unrecognised")
    code = parse_code(value)
    if code is not None:
        return DossierCodeScan(code.text)
    manifest = parse_manifest_code(value)
    if manifest is not None:
        return ManifestScan(manifest.text, manifest.agency_code)
    item = normalise_s10(value)
    if _S10_SHAPE.fullmatch(item):
        if s10_check_digit(item[2:10]) != int(item[10]):
            return UnknownScan("scan.s10_check_digit")
        return PostalItemScan(item)
    return UnknownScan("scan.unrecognised")


def lookup_url(base_url: str, code: str, secret: str) -> str:
    """Our receipts' QR: f"{base_url}/tra-cuu/{code}?k={secret}" (base_url without trailing /).

    Raises ValueError when `code` is not a dossier code or `secret` not [A-Za-z0-9_-]{6,64}.
    """
    if parse_code(code) is None:
        raise ValueError("not a dossier code")
    if not _SECRET.fullmatch(secret):
        raise ValueError("secret must be 6-64 characters of [A-Za-z0-9_-]")
    return f"{base_url.rstrip('/')}/{LOOKUP_PATH}/{code}?k={secret}"


def as_dict(result: ScanResult) -> dict[str, object]:
    """JSON-ready form: {"kind": "cccd", "id_number": …, "birth_date": "YYYY-MM-DD", …}."""
    out: dict[str, object] = {"kind": result.kind.value}
    for f in fields(result):
        if f.name == "kind":
            continue
        value = getattr(result, f.name)
        out[f.name] = value.isoformat() if isinstance(value, dt.date) else value
    return out

"""The post-office desk: hand-over manifest codes, the manifest's list QR, intake decisions.

Manifest code (mã danh sách bàn giao): `BG-‹agency›-‹WW›-‹yyMMdd›-‹NN›`, e.g.
`BG-000.00.06.H56-91-261122-01`: the issuing workstation's agency code and number (unique
per agency, checked at enrolment), the day, and that workstation's daily manifest sequence.
Two workstations can therefore never issue the same code, however long both stay offline,
for the same reason as dossier codes. See docs/postal.md.

The manifest's QR holds its list so that the agency can check the pack offline:
`QMC-BG|‹manifest code›|‹agency›|‹yyMMdd-NNNN›,‹yyMMdd-NNNN›,…` (dossier codes without
their shared agency prefix; no personal data).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from .codes import AGENCY_CODE_PATTERN, MAX_WORKSTATION, parse_code
from .errors import DomainError

MANIFEST_PREFIX = "BG"
LIST_PREFIX = "QMC-BG"
MAX_MANIFEST_ITEMS = 200  # one pack; a QR of 200 short codes still fits a printed page
_MANIFEST_RE = re.compile(
    rf"^{MANIFEST_PREFIX}-(?P<agency>{AGENCY_CODE_PATTERN})-(?P<ws>\d{{2}})"
    r"-(?P<date>\d{6})-(?P<seq>\d{2,})$")
_SUFFIX_RE = re.compile(r"^\d{6}-\d{4,}$")


class Decision(StrEnum):
    """What the agency's clerk did with one dossier of the pack."""

    CONFIRMED = "confirmed"  # taken in
    REJECTED = "rejected"  # not taken in (sent back to the post office)


class Discrepancy(StrEnum):
    """What did not match the manifest (sai lệch)."""

    NONE = "none"
    MISSING = "missing"  # listed, not in the pack
    EXTRA = "extra"  # in the pack, not listed
    DAMAGED = "damaged"  # in the pack, damaged (rách, ướt, thiếu trang)


@dataclass(frozen=True)
class ParsedManifestCode:
    agency_code: str
    workstation: int
    day: dt.date
    sequence: int

    @property
    def text(self) -> str:
        return format_manifest_code(self.agency_code, self.workstation, self.day, self.sequence)


@dataclass(frozen=True)
class IntakeLine:
    """One dossier of an intake: its code, the clerk's decision, what did not match."""

    code: str
    decision: Decision
    discrepancy: Discrepancy = Discrepancy.NONE
    note: str = ""


class ManifestAlreadyTakenIn(DomainError):
    """The manifest was already taken in (params: manifest, at, by): nothing changed."""

    code = "manifest.already_taken_in"


class ManifestNotFound(DomainError):
    code = "manifest.not_found"


class NothingToHandOver(DomainError):
    """No accepted dossier waits for a manifest."""

    code = "manifest.nothing_to_hand_over"


class PostalItemUsed(DomainError):
    """The S10 item number is already on another dossier (params: item, code)."""

    code = "postal.item_used"


class NotPostalWork(DomainError):
    """The dossier is not one the post handles this way (params: code, reason)."""

    code = "postal.not_applicable"


def format_manifest_code(agency_code: str, workstation: int, day: dt.date, sequence: int) -> str:
    if not 1 <= workstation <= MAX_WORKSTATION:
        raise ValueError(f"workstation must be 1..{MAX_WORKSTATION}")
    return f"{MANIFEST_PREFIX}-{agency_code}-{workstation:02d}-{day:%y%m%d}-{sequence:02d}"


def parse_manifest_code(text: str) -> ParsedManifestCode | None:
    """A manifest code (case-insensitive, blanks around ignored); None if it is not one."""
    m = _MANIFEST_RE.match(text.strip().upper())
    if not m:
        return None
    digits = m["date"]
    try:
        day = dt.date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    ws = int(m["ws"])
    if not 1 <= ws <= MAX_WORKSTATION:
        return None
    return ParsedManifestCode(m["agency"], ws, day, int(m["seq"]))


def list_payload(manifest_code: str, agency_code: str, codes: list[str]) -> str:
    """The text of the manifest's list QR (see the module docstring)."""
    suffixes = []
    for code in codes:
        parsed = parse_code(code)
        if parsed is None or parsed.agency_code != agency_code:
            raise ValueError(f"{code!r} is not a dossier code of {agency_code}")
        suffixes.append(parsed.text[len(agency_code) + 1:])
    return "|".join((LIST_PREFIX, manifest_code, agency_code, ",".join(suffixes)))


@dataclass(frozen=True)
class ManifestList:
    """A scanned manifest list QR: the manifest's code, its agency and its dossier codes."""

    manifest_code: str
    agency_code: str
    codes: tuple[str, ...]


def parse_list_payload(text: str) -> ManifestList | None:
    parts = text.strip().split("|")
    if len(parts) != 4 or parts[0].upper() != LIST_PREFIX:
        return None
    manifest = parse_manifest_code(parts[1])
    agency = parts[2].strip().upper()
    if manifest is None or not re.fullmatch(AGENCY_CODE_PATTERN, agency):
        return None
    codes = []
    for suffix in filter(None, (s.strip() for s in parts[3].split(","))):
        if not _SUFFIX_RE.fullmatch(suffix) or parse_code(f"{agency}-{suffix}") is None:
            return None
        codes.append(f"{agency}-{suffix}")
    return ManifestList(manifest.text, agency, tuple(codes))


def complete_intake(expected: list[str] | None, lines: list[IntakeLine]) -> list[IntakeLine]:
    """The clerk's lines with what the manifest lists: listed codes not scanned become MISSING
    (rejected), scanned codes not listed are marked EXTRA. Order: the manifest's, then extras.
    With no list (only the manifest's Code 128 was scanned, offline), the lines stand as given
    and the portal compares them with the manifest when both have synced."""
    by_code: dict[str, IntakeLine] = {}
    for line in lines:
        code = line.code.strip().upper()
        by_code.setdefault(code, dataclasses.replace(line, code=code))
    if expected is None:
        return list(by_code.values())
    listed = [c.strip().upper() for c in expected]
    out = []
    for code in listed:
        if code in by_code:
            out.append(by_code.pop(code))
        else:
            out.append(IntakeLine(code, Decision.REJECTED, Discrepancy.MISSING))
    for code, line in by_code.items():
        out.append(IntakeLine(code, line.decision, Discrepancy.EXTRA, line.note))
    return out

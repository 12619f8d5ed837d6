"""What the text of the look-up box asks for: a search, or a scanned code to open at once."""

# The scanned text is personal data (Decree 13/2023/NĐ-CP): never log it.

from __future__ import annotations

from dataclasses import dataclass

from ..domain.scan import (
    CccdScan,
    DossierCodeScan,
    LookupUrlScan,
    PostalItemScan,
    UnknownScan,
    parse_scan,
)


@dataclass(frozen=True)
class OpenCode:
    """A dossier code (typed, scanned from a barcode or from our receipt's QR): open it."""

    code: str


@dataclass(frozen=True)
class Search:
    """Search for `text`; `replace_box` when the box should show it instead (a CCCD QR)."""

    text: str
    replace_box: bool = False


@dataclass(frozen=True)
class ScanProblem:
    """A scan that cannot be used; `reason` is a problem code of counter_app.messages."""

    reason: str


Intent = OpenCode | Search | ScanProblem


def search_intent(text: str) -> Search | ScanProblem:
    """What to search for while the clerk types (or a scanner types) into the box."""
    value = text.strip()
    if "|" not in value and not value.lower().startswith(("http://", "https://")):
        return Search(value)
    scan = parse_scan(value)
    if isinstance(scan, CccdScan):
        return Search(scan.id_number, replace_box=True)
    if isinstance(scan, LookupUrlScan):
        return Search(scan.code, replace_box=True)
    if isinstance(scan, UnknownScan) and scan.reason == "scan.mojibake":
        return ScanProblem(scan.reason)
    if "|" in value:
        # A CCCD QR whose other fields do not check out: its first field is still the number.
        return Search(value.split("|", 1)[0].strip())
    return Search(value)


def enter_intent(text: str) -> Intent:
    """What Enter (which ends every scanner read) asks for."""
    scan = parse_scan(text)
    if isinstance(scan, DossierCodeScan | LookupUrlScan):
        return OpenCode(scan.code)
    if isinstance(scan, CccdScan):
        return Search(scan.id_number, replace_box=True)
    if isinstance(scan, PostalItemScan):
        return Search(scan.item_number)
    if isinstance(scan, UnknownScan) and scan.reason == "scan.mojibake":
        return ScanProblem(scan.reason)
    return search_intent(text)

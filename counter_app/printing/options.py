"""What a print is asked with, free of reportlab: copies, label size, slip numbers.

The window and the services import these without loading the PDF machinery; the form modules
(receipt, label, slips) re-export them where they were first defined."""

from __future__ import annotations

import re
from enum import StrEnum

from ..domain.model import Dossier

_SIZE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(?:mm)?\s*$", re.I)
MIN_SIZE = (30.0, 15.0)
MAX_SIZE = (150.0, 150.0)


class Copies(StrEnum):
    """How many copies ("liên") of Mẫu 01 and how they sit on paper."""

    ONE = "one"
    TWO_PAGES = "two_pages"  # each copy on its own A4 page(s)
    TWO_ON_SHEET = "two_on_sheet"  # both side by side on one landscape A4 sheet, cut in half


def parse_label_size(text: str) -> tuple[float, float]:
    """"50x30", "62×29 mm" → (width, height) in mm; ValueError when it is not a usable size."""
    m = _SIZE.match(text or "")
    if not m:
        raise ValueError(f"label size {text!r} is not WIDTHxHEIGHT in mm")
    w, h = (float(g.replace(",", ".")) for g in m.groups())
    if not (MIN_SIZE[0] <= w <= MAX_SIZE[0] and MIN_SIZE[1] <= h <= MAX_SIZE[1]):
        raise ValueError(f"label size {text!r} is outside 30x15 … 150x150 mm")
    return w, h


def slip_number(dossier: Dossier, suffix: str) -> str:
    """"Số:" of a slip: "‹code›/HDHS" for a coded dossier, else "‹n›/‹book›" of its own book."""
    if dossier.code:
        return f"{dossier.code}/{suffix}"
    if dossier.book_sequence is not None:
        return f"{dossier.book_sequence}/{dossier.book_number}"
    return f"……/{suffix}"

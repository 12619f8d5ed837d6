"""Vietnamese text at the boundaries: NFC normalisation and the folded form used for search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Letters that do not decompose into base + combining mark under NFD.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC: what we store, show, print and send."""
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC, outer whitespace stripped and inner runs of whitespace collapsed to one space."""
    if text is None:
        return ""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str | None) -> str:
    """Folded search form: marks stripped, đ→d, lower case, whitespace collapsed.

    "Đặng Văn Đức" → "dang van duc". Used on both sides of every search.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_FOLD_EXTRA)).strip()


def digits_only(text: str | None) -> str:
    """The ASCII digits of `text` in order (for phone and ID numbers typed with spaces or dots)."""
    if not text:
        return ""
    return "".join(ch for ch in nfc(text) if "0" <= ch <= "9")

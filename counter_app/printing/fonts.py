"""The fonts every PDF uses, registered with reportlab once: Tinos (forms), Noto Sans (labels)."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource

# Tinos has Times New Roman's metrics and full Vietnamese coverage; the standard 14 PDF fonts
# (Helvetica, Times) have no Vietnamese glyphs. reportlab embeds a subset of each TTF it uses.
SERIF = "Tinos"
SERIF_BOLD = "Tinos-Bold"
SERIF_ITALIC = "Tinos-Italic"
SERIF_BOLD_ITALIC = "Tinos-BoldItalic"
SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"

_FILES = {
    SERIF: "Tinos-Regular.ttf",
    SERIF_BOLD: "Tinos-Bold.ttf",
    SERIF_ITALIC: "Tinos-Italic.ttf",
    SERIF_BOLD_ITALIC: "Tinos-BoldItalic.ttf",
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def register() -> None:
    """Load the TTF files into reportlab's registry (first call only; thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        # <b> and <i> inside Paragraph markup pick the right face of the family.
        for family, regular, bold, italic, bold_italic in (
            (SERIF, SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC),
            (SANS, SANS, SANS_BOLD, SANS, SANS_BOLD),
        ):
            addMapping(family, 0, 0, regular)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, italic)
            addMapping(family, 1, 1, bold_italic)
        _registered = True


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of `text` set in a registered font."""
    register()
    return float(pdfmetrics.stringWidth(text, font, size))

"""The bundled font is the application font and has every Vietnamese letter."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QRawFont

from counter_app.resources import resource
from counter_app.ui import appearance

from .helpers import QT_STRICT

pytestmark = QT_STRICT

VIETNAMESE = "ĂÂĐÊÔƠƯăâđêôơư" "ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ" \
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


def test_noto_sans_is_the_application_font(qapp):
    assert appearance.load_fonts(qapp) == "Noto Sans"
    assert qapp.font().family() == "Noto Sans"
    metrics = QFontMetrics(qapp.font())  # inFont(str) is False past Latin-1: use code points
    assert [ch for ch in VIETNAMESE if not metrics.inFontUcs4(ord(ch))] == []


def test_shipped_fonts_have_their_licences():
    fonts = resource("fonts")
    for ttf in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "Tinos-Regular.ttf",
                "Tinos-Bold.ttf", "Tinos-Italic.ttf", "Tinos-BoldItalic.ttf"):
        raw = QRawFont(str(fonts / ttf), 12)
        assert raw.isValid(), ttf
        assert all(raw.supportsCharacter(ord(ch)) for ch in VIETNAMESE), ttf
    assert "SIL OPEN FONT LICENSE" in (fonts / "OFL-NotoSans.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in (fonts / "OFL-Tinos.txt").read_text(encoding="utf-8")

"""Files as scanners and clerks make them, for the tests of scans."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def picture(fmt: str, size: tuple[int, int] = (1654, 2339), mode: str = "RGB",
            dpi: int | None = 200, **save: object) -> bytes:
    """A page-like picture: white with lines of 'text'."""
    image = Image.new("RGBA", size, (255, 255, 255, 0 if mode == "RGBA" else 255))
    draw = ImageDraw.Draw(image)
    for y in range(size[1] // 20, size[1] - size[1] // 20, max(4, size[1] // 50)):
        right = max(size[0] // 10 + 2, size[0] - size[0] // 10 - (y * 7) % (size[0] // 5))
        draw.rectangle((size[0] // 10, y, right, y + 2), fill=(20, 20, 60, 255))
    image = image if mode == "RGBA" else image.convert("RGB" if mode == "I;16" else mode)
    if mode == "I;16":
        image = image.convert("L").convert("I").point(lambda v: v * 257).convert("I;16")
    out = io.BytesIO()
    if dpi:
        save["dpi"] = (dpi, dpi)
    image.save(out, fmt, **save)
    return out.getvalue()


def pdf_file(pages: int = 3) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    for n in range(pages):
        c.drawString(72, 720, f"Trang {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def titled_pdf(title: str, pages: int = 1) -> bytes:
    """A PDF whose bytes depend on `title` (pdf_file's are the same for the same page count)."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    for n in range(pages):
        c.drawString(72, 720, f"{title} - trang {n + 1}")
        c.showPage()
    c.save()
    return out.getvalue()

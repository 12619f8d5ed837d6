"""What a scanner or a clerk hands over (PDF, JPEG, PNG) turned into the PDF that is stored.

A PDF is kept byte for byte once PDFium has opened it. A JPEG or PNG becomes one A4 page
(landscape when the picture is wider than tall): turned upright by its EXIF orientation, fitted
to the page without changing its proportions (never enlarged beyond its real size when the file
says its resolution), resampled to at most PAGE_DPI and stored as a JPEG of JPEG_QUALITY — a
scanned A4 page comes to roughly 100–300 KB. EXIF and other metadata (GPS position, camera) are
dropped. The same picture always gives the same PDF bytes, so it is stored once.

PDFium is not thread-safe: run this in one thread at a time (the database lane).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.errors import DomainError

if TYPE_CHECKING:  # PDFium and Pillow load with the first scan, not with the window
    from PIL import Image

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
MAX_FILE_BYTES = 40 * 1024 * 1024  # one scanned file; a 100-page colour PDF is well below
MAX_PIXELS = 80_000_000  # an A3 page at 600 dpi is 70 million; Pillow warns above 89
MAX_PDF_PAGES = 500
PAGE_DPI = 150  # legible print and screen, ~1240 × 1754 pixels on A4
JPEG_QUALITY = 70
A4_PT = (595.2756, 841.8898)  # 210 × 297 mm in points
_PDFIUM_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD


class AttachmentRejected(DomainError):
    """A file that cannot become a scan of the dossier; `code` says why (messages.py)."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        super().__init__(**params)


@dataclass(frozen=True)
class Converted:
    pdf: bytes
    pages: int
    source_type: str  # PDF, JPEG or PNG


def sniff(data: bytes) -> str | None:
    """The type by its first bytes (never by the file name's extension)."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if b"%PDF-" in data[:1024]:  # the header may follow a little junk
        return PDF
    return None


def convert(data: bytes, name: str = "") -> Converted:
    """The PDF to store for a file's bytes, or AttachmentRejected."""
    if not data:
        raise AttachmentRejected("attachment.empty", name=name)
    if len(data) > MAX_FILE_BYTES:
        raise AttachmentRejected("attachment.too_large", name=name, size_mb=_mb(len(data)),
                                 limit_mb=_mb(MAX_FILE_BYTES))
    kind = sniff(data)
    if kind is None:
        raise AttachmentRejected("attachment.unsupported", name=name)
    if kind == PDF:
        return Converted(data, pdf_page_count(data, name), PDF)
    pdf = image_to_pdf(data, name)
    return Converted(pdf, pdf_page_count(pdf, name), kind)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


def pdf_page_count(data: bytes, name: str = "") -> int:
    """Pages of a PDF that PDFium can open and whose first page it can read."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = ("attachment.encrypted" if getattr(e, "err_code", None) == _PDFIUM_PASSWORD_ERROR
                else "attachment.unreadable")
        raise AttachmentRejected(code, name=name) from None
    try:
        pages = len(document)
        if pages < 1:
            raise AttachmentRejected("attachment.unreadable", name=name)
        if pages > MAX_PDF_PAGES:
            raise AttachmentRejected("attachment.too_many_pages", name=name, pages=pages,
                                     limit=MAX_PDF_PAGES)
        page = document[0]
        try:
            width, height = page.get_size()
        finally:
            page.close()
        if not (width > 0 and height > 0):
            raise AttachmentRejected("attachment.unreadable", name=name)
        return int(pages)
    except pdfium.PdfiumError:
        raise AttachmentRejected("attachment.unreadable", name=name) from None
    finally:
        document.close()


# ----- pictures --------------------------------------------------------------------------------


def _open_image(data: bytes, name: str) -> Image.Image:
    from PIL import Image, UnidentifiedImageError

    too_big = AttachmentRejected("attachment.too_many_pixels", name=name,
                                 limit=MAX_PIXELS // 1_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # checked below
            image = Image.open(io.BytesIO(data))
            if image.format not in ("JPEG", "PNG"):
                raise AttachmentRejected("attachment.unsupported", name=name)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise too_big
            image.load()
    except AttachmentRejected:
        raise
    except Image.DecompressionBombError:
        raise too_big from None
    except (OSError, SyntaxError, ValueError, EOFError, UnidentifiedImageError):
        raise AttachmentRejected("attachment.unreadable", name=name) from None
    if width < 1 or height < 1:
        raise AttachmentRejected("attachment.unreadable", name=name)
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """RGB or 8-bit grey on white, as a JPEG can hold it."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        return image.convert("I").point(lambda v: v / 257).convert("L")
    has_alpha = mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in image.info)
    if has_alpha:
        from PIL import Image

        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        white.alpha_composite(rgba)
        return white.convert("L" if mode == "LA" else "RGB")
    if mode in ("1", "L"):
        return image.convert("L")
    return image.convert("RGB")


def _dpi(image: Image.Image) -> float | None:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return None
    return value if 50 <= value <= 2400 else None


def image_to_pdf(data: bytes, name: str = "") -> bytes:
    """One A4 page holding the picture (see the module's description)."""
    from PIL import Image, ImageOps

    source = _open_image(data, name)
    dpi = _dpi(source)
    try:
        upright = ImageOps.exif_transpose(source)
    except (OSError, ValueError, SyntaxError):
        upright = source
    image = _flatten(upright)
    width, height = image.size
    page_w, page_h = A4_PT if height >= width else (A4_PT[1], A4_PT[0])
    scale = min(page_w / width, page_h / height)  # points per pixel, the whole picture shown
    if dpi is not None:
        scale = min(scale, 72 / dpi)  # a small card stays card-sized
    draw_w, draw_h = width * scale, height * scale
    most = round(draw_w / 72 * PAGE_DPI)
    if width > most * 1.05:
        image = image.resize((most, max(1, round(height * most / width))),
                             Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    x, y = (page_w - draw_w) / 2, (page_h - draw_h) / 2
    return jpeg_page(out.getvalue(), image.size, image.mode == "L", (page_w, page_h),
                     (x, y, draw_w, draw_h))


def jpeg_page(jpeg: bytes, pixels: tuple[int, int], grey: bool, page: tuple[float, float],
              place: tuple[float, float, float, float]) -> bytes:
    """A one-page PDF showing a JPEG as it is (DCTDecode): small, and the same bytes every
    time for the same input (no creation date, no random document ID)."""
    def num(v: float) -> str:
        return f"{v:.4f}".rstrip("0").rstrip(".")

    x, y, w, h = place
    content = f"q {num(w)} 0 0 {num(h)} {num(x)} {num(y)} cm /Im0 Do Q\n".encode("ascii")
    colour = "DeviceGray" if grey else "DeviceRGB"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {num(page[0])} {num(page[1])}]"
         " /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>").encode("ascii"),
        (f"<< /Type /XObject /Subtype /Image /Width {pixels[0]} /Height {pixels[1]}"
         f" /ColorSpace /{colour} /BitsPerComponent 8 /Filter /DCTDecode /Length {len(jpeg)} >>"
         "\nstream\n").encode("ascii") + jpeg + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode("ascii") + content + b"endstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += b"".join(f"{o:010d} 00000 n \n".encode("ascii") for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode("ascii"))
    return bytes(out)

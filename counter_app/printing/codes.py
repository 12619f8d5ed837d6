"""Machine-readable marks as vector flowables: Code 128 of the dossier code, QR of a URL."""
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import functools

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

# Module (narrowest bar) widths that land on whole pixels of a 200 dpi scan and on whole dots
# of 300/600 dpi printers: 0.381 mm = 3/200 inch (15 mil), else 0.254 mm = 2/200 inch (10 mil).
# Widths in between decode or not depending on where the bars fall on the pixel grid (0.33 mm,
# 2.6 px, fails for one position in three at 200 dpi), so they are never chosen.
PREFERRED_MODULE = 0.381 * mm
FALLBACK_MODULE = 0.254 * mm
QUIET_MODULES = 10  # quiet zone on each side, as ISO/IEC 15417 asks


@functools.lru_cache(maxsize=256)
def _modules(value: str) -> float:
    """Width of the symbol of `value`, quiet zones included, in modules."""
    probe = Code128(value, barWidth=1.0, quiet=1, lquiet=QUIET_MODULES, rquiet=QUIET_MODULES,
                    humanReadable=0)
    return float(probe.width)


class Barcode128(Flowable):  # type: ignore[misc]
    """Code 128 of `value`, drawn as filled rectangles, quiet zones included in `width`.

    The module is `module`, else FALLBACK_MODULE when `max_width` is too narrow for it, else
    whatever fits; `fill_width` stretches it to `max_width` instead (labels, where the widest
    possible bars read best).
    """

    def __init__(self, value: str, *, height: float, module: float = PREFERRED_MODULE,
                 max_width: float | None = None, fill_width: bool = False) -> None:
        super().__init__()
        self.value = value
        modules = _modules(value)
        if max_width is not None:
            if fill_width:
                module = max_width / modules
            elif modules * module > max_width:
                module = FALLBACK_MODULE if modules * FALLBACK_MODULE <= max_width else (
                    max_width / modules)
        self.module = module
        self.symbol = Code128(value, barWidth=module, barHeight=height, quiet=1,
                              lquiet=QUIET_MODULES * module, rquiet=QUIET_MODULES * module,
                              humanReadable=0)
        self.width = float(self.symbol.width)
        self.height = height
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.symbol.drawOn(self.canv, 0, 0)


@functools.lru_cache(maxsize=64)
def qr_matrix(data: str) -> tuple[bytes, ...]:
    """Dark (1) / light (0) modules of the QR of `data`, without border. Cached: choosing the
    best mask is most of a receipt's cost, and both copies and any reprint share the code."""
    qr = segno.make(data, encoding="utf-8", error="m", micro=False)
    return tuple(bytes(row) for row in qr.matrix)


def _rectangles(matrix: tuple[bytes, ...]) -> list[tuple[int, int, int, int]]:
    """(column, row, width, height) rectangles covering the dark modules: horizontal runs,
    each merged with the identical runs of the rows below it (fewer PDF operators)."""
    runs: list[set[tuple[int, int]]] = []
    for row in matrix:
        found: set[tuple[int, int]] = set()
        c, n = 0, len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                found.add((start, c))
            else:
                c += 1
        runs.append(found)
    out: list[tuple[int, int, int, int]] = []
    for r, found in enumerate(runs):
        for start, end in sorted(found):
            height = 1
            while r + height < len(runs) and (start, end) in runs[r + height]:
                runs[r + height].discard((start, end))
                height += 1
            out.append((start, r, end - start, height))
    return out


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code of `data` (UTF-8, error correction M), `size` wide with its 4-module border."""

    BORDER = 4

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.data = data
        self.matrix = qr_matrix(data)
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        n = len(self.matrix)
        unit = self.width / (n + 2 * self.BORDER)
        canv = self.canv
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        path = canv.beginPath()
        for col, row, w, h in _rectangles(self.matrix):
            y = self.height - (self.BORDER + row + h) * unit
            path.rect((self.BORDER + col) * unit, y, w * unit, h * unit)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()

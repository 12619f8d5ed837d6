"""Printing benchmark: one Mẫu 01 receipt PDF next to the floor of a minimal reportlab PDF.

    .venv/bin/python bench/bench_printing.py [--runs N]

The floor is a one-page PDF drawn with reportlab's canvas in the same embedded font (Tinos
subset) with the very same text lines as the receipt (read back from it with pypdf), and
nothing else: no layout, no tables, no barcode, no QR. Both are timed in the same process,
after one warm-up call each (font files are parsed once per process; the cold first call is
reported separately). "ratio" is receipt / floor for the medians. Target: a receipt in under
40 ms. Prints one JSON object on stdout; not part of the test run.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import itertools
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app.domain.model import Dossier  # noqa: E402
from counter_app.printing import fonts  # noqa: E402
from counter_app.printing.receipt import Copies, receipt_pdf  # noqa: E402
from tests.printing.helpers import LETTERHEAD, dossier, procedure  # noqa: E402

TARGET_MS = 40.0


def _ms(fn: Callable[[], bytes], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def floor_pdf(lines: list[str]) -> bytes:
    """The same lines of text in the same font on one A4 page, drawn directly."""
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=A4, invariant=1, initialFontName=fonts.SERIF)
    y = A4[1] - 50
    canv.setFont(fonts.SERIF, 12)
    for line in lines:
        canv.drawString(70, y, line)
        y -= 12.5
    canv.showPage()
    canv.save()
    return buf.getvalue()


def summary(samples: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(samples), 2),
            "mean_ms": round(statistics.fmean(samples), 2),
            "min_ms": round(min(samples), 2),
            "p90_ms": round(sorted(samples)[int(len(samples) * 0.9) - 1], 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=60)
    args, _ = parser.parse_known_args(argv)
    d, p = dossier(), procedure()

    t0 = time.perf_counter()
    first = receipt_pdf(d, p, LETTERHEAD, copies=Copies.ONE)
    cold_ms = (time.perf_counter() - t0) * 1000
    page = pypdf.PdfReader(io.BytesIO(first)).pages[0]
    lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
    floor_pdf(lines)  # warm-up

    # Every timed receipt is a new dossier (a new lookup secret, so a new QR code): the QR
    # cache only helps the second copy and reprints, which is what happens at the counter.
    serial = itertools.count()

    def fresh() -> Dossier:
        return dataclasses.replace(d, lookup_secret=f"bench{next(serial):08d}")

    cases: dict[str, Callable[[], bytes]] = {
        "receipt_one_copy": lambda: receipt_pdf(fresh(), p, LETTERHEAD, copies=Copies.ONE),
        "receipt_two_pages": lambda: receipt_pdf(fresh(), p, LETTERHEAD,
                                                 copies=Copies.TWO_PAGES),
        "receipt_two_on_sheet": lambda: receipt_pdf(fresh(), p, LETTERHEAD,
                                                    copies=Copies.TWO_ON_SHEET),
        "receipt_reprint_same_dossier": lambda: receipt_pdf(d, p, LETTERHEAD, copies=Copies.ONE,
                                                            reprint=1),
        "floor_same_text": lambda: floor_pdf(lines),
    }
    for fn in cases.values():
        fn()
    results = {name: summary(_ms(fn, args.runs)) for name, fn in cases.items()}
    receipt = results["receipt_one_copy"]["median_ms"]
    floor = results["floor_same_text"]["median_ms"]
    out = {
        "python": platform.python_version(),
        "runs": args.runs,
        "text_lines": len(lines),
        "receipt_bytes": len(first),
        "cold_first_receipt_ms": round(cold_ms, 1),
        **results,
        "ratio": round(receipt / floor, 2),
        "target_ms": TARGET_MS,
        "meets_target": receipt < TARGET_MS,
    }
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

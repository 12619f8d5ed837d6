"""Barcodes and QR codes alone: every shape of dossier code and lookup URL decodes."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from counter_app.domain.scan import lookup_url
from counter_app.printing.codes import FALLBACK_MODULE, PREFERRED_MODULE, Barcode128, QrCode
from tests.printing.helpers import symbols

CODES = ["000.00.06.H56-261120-0001", "H56.14-240823-0001", "000.00.06.H56-261120-12345",
         "000.00.00.G12-991231-9999", "001.02.03.H01-260101-1001"]


def _page(flowable, x_offset: float = 0.0) -> bytes:
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=(150 * mm, 60 * mm))
    flowable.wrapOn(canv, 140 * mm, 50 * mm)
    flowable.drawOn(canv, 5 * mm + x_offset, 5 * mm)
    canv.save()
    return buf.getvalue()


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("module", [PREFERRED_MODULE, FALLBACK_MODULE])
def test_code128_decodes_at_200_dpi_wherever_it_falls_on_the_pixel_grid(code, module):
    for step in range(6):  # sub-pixel positions
        pdf = _page(Barcode128(code, height=10 * mm, module=module), x_offset=step * 0.021 * mm)
        assert symbols(pdf, dpi=200) == [("Code128", code)]


@pytest.mark.parametrize("code", CODES)
def test_lookup_qr_decodes_to_exactly_the_url(code):
    url = lookup_url("https://dichvucong.khanhhoa.gov.vn/", code, "Ab-9_xYz12")
    pdf = _page(QrCode(url, 22 * mm))
    assert symbols(pdf, dpi=200) == [("QRCode", url)]

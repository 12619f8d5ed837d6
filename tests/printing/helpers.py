"""Dossiers to print without a database, and ways to read a PDF back: text, fonts, barcodes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from typing import Any

import pypdf
import pypdfium2 as pdfium
import zxingcpp

from counter_app.domain.model import (
    AgencyLevel,
    Channel,
    DocumentRequirement,
    Dossier,
    DossierCode,
    DossierId,
    Fee,
    FeeLine,
    IdKind,
    Outcome,
    Person,
    Procedure,
    ProcedureCode,
    ReceivedDocument,
    ResultDelivery,
    Status,
    TimeLimit,
    TimeLimitKind,
)
from counter_app.domain.scan import lookup_url
from counter_app.printing.common import Letterhead

CODE = "000.00.06.H56-261120-0001"
SECRET = "Xy7_k-9Q"
PORTAL = "https://dichvucong.khanhhoa.gov.vn"
URL = lookup_url(PORTAL, CODE, SECRET)
ID_NUMBER = "001185012345"
ADDRESS = "Số 12 đường Lê Lợi, thôn Phú Hòa, xã Tân Phú, tỉnh Khánh Hòa"

LETTERHEAD = Letterhead(
    header_lines=("UBND TỈNH KHÁNH HÒA", "UBND XÃ TÂN PHÚ", "Bộ phận Một cửa"),
    unit_name="Bộ phận Một cửa UBND xã Tân Phú",
    place_name="Tân Phú",
    receipt_footnote="Khi nhận kết quả, mang theo Giấy tiếp nhận này và giấy tờ tùy thân.",
    hotline="0258 3822 123",
    lookup_base_url=PORTAL,
)


def procedure(**overrides: Any) -> Procedure:
    values: dict[str, Any] = dict(
        code=ProcedureCode("1.001612"),
        name="Đăng ký thành lập hộ kinh doanh",
        field_name="Thành lập và hoạt động của hộ kinh doanh",
        level=AgencyLevel.COMMUNE,
        time_limit=TimeLimit(TimeLimitKind.WORKING_DAYS, 3),
        agency="Ủy ban nhân dân cấp xã",
        documents=(DocumentRequirement("Giấy đề nghị đăng ký hộ kinh doanh"),
                   DocumentRequirement("Bản sao giấy tờ pháp lý của cá nhân")),
        fees=(Fee("Lệ phí đăng ký hộ kinh doanh", 100_000),),
        legal_basis=("Nghị định 01/2021/NĐ-CP",),
    )
    values.update(overrides)
    return Procedure(**values)


def person(**overrides: Any) -> Person:
    values: dict[str, Any] = dict(
        full_name="Nguyễn Thị Hương", id_number=ID_NUMBER, id_kind=IdKind.CCCD,
        birth_date=dt.date(1985, 3, 4), gender="Nữ", phone="0912345678", address=ADDRESS,
    )
    values.update(overrides)
    return Person(**values)


def dossier(**overrides: Any) -> Dossier:
    """A received dossier of procedure() as the service would have stored it."""
    values: dict[str, Any] = dict(
        id=DossierId("6f1c2d1e-0000-4000-8000-000000000001"),
        code=DossierCode(CODE),
        outcome=Outcome.RECEIVED,
        procedure_code=ProcedureCode("1.001612"),
        procedure_name="Đăng ký thành lập hộ kinh doanh",
        agency_code="000.00.06.H56",
        workstation=1,
        applicant=person(),
        submitter=None,
        documents=(ReceivedDocument("Giấy đề nghị đăng ký hộ kinh doanh", original=1),
                   ReceivedDocument("Bản sao giấy tờ pháp lý của cá nhân", certified_copy=2)),
        channel=Channel.DIRECT,
        sets=1,
        received_at=dt.datetime(2026, 11, 20, 9, 32),
        due_at=dt.datetime(2026, 11, 25, 9, 32),
        status=Status.RECEIVED,
        delivery=ResultDelivery.COUNTER,
        delivery_address="",
        fees=(FeeLine("Lệ phí đăng ký hộ kinh doanh", 100_000, paid=True),),
        book_number="01/2026",
        book_sequence=17,
        lookup_secret=SECRET,
    )
    values.update(overrides)
    return Dossier(**values)


def guidance(**overrides: Any) -> Dossier:
    values: dict[str, Any] = dict(
        id=DossierId("6f1c2d1e-0000-4000-8000-000000000002"), code=None,
        outcome=Outcome.GUIDANCE, status=None, due_at=None, lookup_secret="",
        book_number="HDHS-01/2026", book_sequence=5,
        missing=("Bản sao giấy tờ pháp lý của cá nhân",),
    )
    values.update(overrides)
    return dataclasses.replace(dossier(), **values)


def refused(**overrides: Any) -> Dossier:
    values: dict[str, Any] = dict(
        id=DossierId("6f1c2d1e-0000-4000-8000-000000000003"), code=None,
        outcome=Outcome.REFUSED, status=Status.NOT_RECEIVED, due_at=None, lookup_secret="",
        book_number="TCHS-01/2026", book_sequence=2,
        applicant=person(full_name="Đặng Văn Đức", id_number="001085012345", gender="Nam"),
        reason="Ngành nghề đăng ký thuộc danh mục cấm kinh doanh.",
    )
    values.update(overrides)
    return dataclasses.replace(dossier(), **values)


# ----- reading PDFs back -----------------------------------------------------------------------


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf), strict=True)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def flat(value: str) -> str:
    """Whitespace (line breaks of wrapped text included) collapsed to single blanks."""
    return " ".join(value.split())


def fonts_of(pdf: bytes) -> dict[str, dict[str, Any]]:
    """BaseFont → {"subtype", "embedded"} for every font any page uses."""
    out: dict[str, dict[str, Any]] = {}
    for page in reader(pdf).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            out[str(font["/BaseFont"])] = {"subtype": str(font["/Subtype"]),
                                           "embedded": embedded}
    return out


def symbols(pdf: bytes, page: int = 0, dpi: int = 200) -> list[tuple[str, str]]:
    """(format, text) of every barcode zxing-cpp finds on the page rasterised at `dpi`."""
    image = pdfium.PdfDocument(pdf)[page].render(scale=dpi / 72).to_pil()
    return sorted((r.format.name, r.text) for r in zxingcpp.read_barcodes(image))


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width) / 72 * 25.4, 1),
             round(float(p.mediabox.height) / 72 * 25.4, 1)) for p in reader(pdf).pages]

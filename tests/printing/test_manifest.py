"""The hand-over manifest and the result's address label, read back from the PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt

from counter_app.domain.model import DossierCode, DossierId
from counter_app.domain.postal import list_payload, parse_list_payload
from counter_app.domain.scan import ManifestScan, parse_scan
from counter_app.printing.manifest import address_label_pdf, manifest_pdf
from tests.printing.helpers import (
    LETTERHEAD,
    dossier,
    flat,
    fonts_of,
    page_sizes_mm,
    person,
    symbols,
    text,
)

AGENCY = "000.00.06.H56"
MANIFEST = f"BG-{AGENCY}-91-261120-01"


def _dossiers(n: int) -> list:
    return [dataclasses.replace(
        dossier(), id=DossierId(f"id-{i}"), code=DossierCode(f"{AGENCY}-261120-{90001 + i}"),
        postal_item=f"RR{i:09d}VN", applicant=person(full_name=f"Trần Văn Bảo {i}"))
        for i in range(n)]


def _manifest(n: int) -> tuple[bytes, list]:
    found = _dossiers(n)
    codes = [d.code for d in found]
    pdf = manifest_pdf(code=MANIFEST, agency_name="Bộ phận Một cửa xã Tân Phú",
                       agency_code=AGENCY, created_at=dt.datetime(2026, 11, 20, 16, 5),
                       created_by="Lê Thị Bưu", dossiers=found,
                       items={d.id: d.postal_item for d in found},
                       list_payload=list_payload(MANIFEST, AGENCY, codes), letterhead=LETTERHEAD)
    return pdf, codes


def test_manifest_text_fonts_and_every_barcode_decodes():
    pdf, codes = _manifest(20)
    content = flat(text(pdf))
    for expected in ["DANH SÁCH BÀN GIAO HỒ SƠ", f"Mã danh sách: {MANIFEST}",
                     f"Bàn giao cho: Bộ phận Một cửa xã Tân Phú ({AGENCY})",
                     "Thời điểm bàn giao: 16 giờ 05 phút, ngày 20 tháng 11 năm 2026",
                     "Số lượng: 20 hồ sơ", "Trần Văn Bảo 19", "RR000000007VN",
                     "NGƯỜI GIAO", "NGƯỜI NHẬN", "Lê Thị Bưu"]:
        assert expected in content, expected
    assert all(f["embedded"] for f in fonts_of(pdf).values())
    pages = len(page_sizes_mm(pdf))
    found = [s for page in range(pages) for s in symbols(pdf, page)]
    bars = sorted(t for f, t in found if f == "Code128")
    assert bars == sorted([*codes, MANIFEST])
    (qr,) = [t for f, t in found if f == "QRCode"]
    scan = parse_scan(qr)
    assert isinstance(scan, ManifestScan) and scan.listed
    assert (scan.manifest_code, list(scan.codes)) == (MANIFEST, codes)
    assert parse_list_payload(qr) is not None


def test_manifest_code_128_scans_as_a_manifest():
    scan = parse_scan(MANIFEST.lower() + "\r\n")
    assert isinstance(scan, ManifestScan) and not scan.listed
    assert scan.manifest_code == MANIFEST


def test_address_label_at_the_profile_size_with_the_item_barcode():
    pdf = address_label_pdf(item="EE123456785VN", name="Nguyễn Thị Hương",
                            address="Số 12 đường Lê Lợi, xã Tân Phú, tỉnh Khánh Hòa",
                            phone="0912345678", code=f"{AGENCY}-261120-90001",
                            sender="Bộ phận Một cửa xã Tân Phú", size_mm=(100.0, 60.0))
    assert page_sizes_mm(pdf) == [(100.0, 60.0)]
    content = flat(text(pdf))
    for expected in ["EE123456785VN", "Người nhận: Nguyễn Thị Hương", "Số 12 đường Lê Lợi",
                     "ĐT: 0912345678"]:
        assert expected in content, expected
    assert symbols(pdf, dpi=300) == [("Code128", "EE123456785VN")]
    assert all(f["embedded"] for f in fonts_of(pdf).values())

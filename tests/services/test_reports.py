"""Biểu II.06a against a hand-built dataset: JSON numbers, XLSX cells, PDF text."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pypdf
import pytest

from counter_app.domain.errors import ValidationFailed
from counter_app.domain.model import Status
from counter_app.domain.reports import Counts, GroupBy, count_dossier
from counter_app.services import reports
from counter_app.store import reports as report_store
from tests.services.report_data import (
    CERT,
    CIVIL,
    END,
    EXPECTED_ROWS,
    EXPECTED_TOTALS,
    START,
    build,
)


@pytest.fixture
def dataset(counter, clock):
    return build(counter, clock)


def test_json_numbers_per_field(counter, dataset):
    out = json.loads(reports.render(counter, START, END, reports.ReportFormat.JSON).content)
    assert out["form"] == "II.06a" and (out["from"], out["to"]) == ("2026-11-02", "2026-11-13")
    assert [r["name"] for r in out["rows"]] == [CERT, CIVIL]
    for row in out["rows"]:
        got = {k: v for k, v in row.items() if k not in ("key", "name")}
        assert got == EXPECTED_ROWS[row["name"]], row["name"]
    assert out["totals"] == EXPECTED_TOTALS


def test_per_procedure(counter, dataset):
    report = reports.statistics(counter, START, END, GroupBy.PROCEDURE)
    assert [r.key for r in report.rows] == ["2.000815", "1.001193"]
    assert report.rows[1].name.startswith("Thủ tục đăng ký khai sinh")
    assert report.totals.as_dict() == EXPECTED_TOTALS


def _pure_counts(counter, codes, start, end) -> Counts:
    """The same period counted dossier by dossier with the domain's reference rule."""
    total = Counts()
    for dossier_id in codes.values():
        d = counter.get_by_id(dossier_id)
        finished = stopped = None
        for e in counter.events(dossier_id):
            if e.kind not in ("status_changed", "portal_status"):
                continue
            when = dt.datetime.fromisoformat(e.payload.get("at") or e.at.isoformat()).date() \
                if e.kind == "portal_status" else e.at.date()
            if e.payload["to"] in (9, 10) and finished is None:
                finished = when
            if e.payload["to"] in (7, 8) and stopped is None:
                stopped = when
        assert d.status is not None
        if d.status not in (Status.RESOLVED, Status.RETURNED):
            finished = None
        total.add(count_dossier(start=start, end=end, received=d.received_at.date(),
                                channel=d.channel, finished=finished, stopped=stopped,
                                due=d.due_at.date() if d.due_at else None))
    return total


@pytest.mark.parametrize(("start", "end"), [
    (START, END), (dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
    (dt.date(2026, 11, 3), dt.date(2026, 11, 3)), (dt.date(2026, 11, 14), dt.date(2026, 11, 20)),
    (dt.date(2026, 10, 27), dt.date(2026, 11, 30)),
])
def test_sql_agrees_with_the_reference_rule(counter, dataset, start, end):
    total = Counts()
    for c in report_store.counts_by_procedure(counter.conn, start, end).values():
        total.add(c)
    assert total == _pure_counts(counter, dataset, start, end)


def test_empty_period_and_wrong_order(counter, dataset):
    report = reports.statistics(counter, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert report.rows == () and report.totals == Counts()
    with pytest.raises(ValidationFailed):
        reports.statistics(counter, END, START)
    pdf = reports.render(counter, dt.date(2025, 1, 1), dt.date(2025, 1, 31),
                         reports.ReportFormat.PDF).content
    assert "Không có hồ sơ trong kỳ báo cáo" in _pdf_text(pdf)


def test_xlsx_cell_by_cell(counter, dataset):
    content = reports.render(counter, START, END, reports.ReportFormat.XLSX).content
    ws = openpyxl.load_workbook(io.BytesIO(content)).active
    assert ws.title == "II.06a"
    assert ws["A1"].value == "BỘ PHẬN MỘT CỬA XÃ TÂN PHÚ"
    assert ws["A2"].value == "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    assert ws["A3"].value == "Kỳ báo cáo: từ ngày 02/11/2026 đến ngày 13/11/2026"
    assert [ws.cell(5, c).value for c in (1, 2, 3, 7, 14)] == [
        "STT", "Lĩnh vực giải quyết", "Số hồ sơ nhận giải quyết", "Kết quả giải quyết",
        "Tỷ lệ (%)"]
    assert [ws.cell(6, c).value for c in (3, 4, 6, 7, 11)] == [
        "Tổng số", "Số mới tiếp nhận trong kỳ", "Từ kỳ trước chuyển qua",
        "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết"]
    assert [ws.cell(7, c).value for c in range(4, 6)] == ["Trực tuyến",
                                                          "Trực tiếp, dịch vụ bưu chính"]
    assert [ws.cell(7, c).value for c in range(7, 14)] == [
        "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A5:A7", "B5:B7", "C5:F5", "G5:M5", "C6:C7", "D6:E6", "G6:J6", "K6:M6"} <= merged
    assert [ws.cell(8, c).value for c in (1, 16)] == ["(1)", "(16)"]
    rows = [[ws.cell(r, c).value for c in range(1, 17)] for r in (9, 10, 11)]
    assert rows == [
        [1, CERT, 2, 1, 1, 0, 2, 0, 2, 0, 0, 0, 0, 1.0, 0.5, 0.0],
        [2, CIVIL, 10, 1, 7, 2, 5, 2, 1, 2, 4, 1, 3, 0.6, 0.125, 0.125],
        [None, "Tổng cộng", 12, 2, 8, 2, 7, 2, 3, 2, 4, 1, 3, 0.7143, 0.2, 0.1],
    ]
    assert ws.cell(11, 14).number_format == "0.0%"
    assert ws.cell(12, 1).value is None


def _pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_pdf_text(counter, dataset):
    pdf = reports.render(counter, START, END, reports.ReportFormat.PDF).content
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    fonts = {str(f) for p in reader.pages
             for f in p["/Resources"]["/Font"].values() for f in [f.get_object()["/BaseFont"]]}
    assert all("Tinos" in f for f in fonts)
    text = _pdf_text(pdf)
    for expected in ("BỘ PHẬN MỘT CỬA XÃ TÂN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Tân Phú, ngày 13 tháng 11 năm 2026", "Biểu số II.06a",
                     "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
                     "Kỳ báo cáo: từ ngày 02/11/2026 đến ngày 13/11/2026",
                     "Trước hạn", "Đúng hạn", "Từ kỳ trước chuyển qua",
                     f"2 {CIVIL} 10 1 7 2 5 2 1 2 4 1 3 60,0 12,5 12,5",
                     f"1 {CERT} 2 1 1 0 2 0 2 0 0 0 0 100,0 50,0 0,0",
                     "Tổng cộng 12 2 8 2 7 2 3 2 4 1 3 71,4 20,0 10,0"):
        assert expected in text, expected

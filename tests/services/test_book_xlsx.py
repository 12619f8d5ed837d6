"""Mẫu 06 as XLSX: opened with openpyxl and compared cell by cell; the `book --format xlsx`
command writes it."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from counter_app.domain.errors import ValidationFailed
from counter_app.domain.model import Channel
from counter_app.services.book_export import tracking_book_xlsx
from tests.cli.test_cli import ok
from tests.conftest import applicant, birth_draft


@pytest.fixture
def two_dossiers(counter, clock):
    first = counter.receive(birth_draft()).dossier
    clock.advance(minutes=20)
    second = counter.receive(birth_draft(
        applicant=applicant(full_name="Đặng Văn Đức", gender="Nam", id_number="001085012346"),
        submitter=applicant(full_name="Trần Thị Mai", id_number="079190001234",
                            birth_date=dt.date(1990, 6, 1)),
        channel=Channel.POSTAL, postal_item="EB125966888VN", notes="Gửi kèm bản sao")).dossier
    clock.advance(days=10)
    counter.receive(birth_draft())  # after the period
    return first, second


def test_the_book_workbook_cell_by_cell(counter, two_dossiers):
    first, second = two_dossiers
    content, count = tracking_book_xlsx(counter, dt.date(2026, 11, 1), dt.date(2026, 11, 20))
    assert count == 2
    ws = openpyxl.load_workbook(io.BytesIO(content)).active
    assert ws["A3"].value == "SỔ THEO DÕI HỒ SƠ"
    assert ws["A4"].value == "Quyển số: 01/2026"
    assert ws["A5"].value == "Từ ngày 01/11/2026 đến ngày 20/11/2026"
    assert [ws.cell(6, c).value for c in (1, 2, 3, 8, 9, 13)] == [
        "TT", "Mã hồ sơ", "Tên TTHC", "Nhận hồ sơ", "Hẹn trả kết quả", "Ghi chú"]
    rows = [[ws.cell(r, c).value for c in range(1, 14)] for r in (7, 8)]
    assert rows[0] == [1, first.code, "Thủ tục đăng ký khai sinh", 1, "Nguyễn Thị Hương",
                       "Số 12 đường Lê Lợi, xã Tân Phú, tỉnh Khánh Hòa\nĐT: 0912345678",
                       rows[0][6], "09:32 20/11/2026", "09:32 23/11/2026", None, None, None,
                       None]
    assert rows[1][0:2] == [2, second.code]
    assert rows[1][4] == "Đặng Văn Đức\n(Người nộp: Trần Thị Mai)"
    assert rows[1][12] == "Qua dịch vụ bưu chính công ích\nEB125966888VN\nGửi kèm bản sao"
    assert ws.cell(9, 1).value is None  # nothing after the period
    assert ws.freeze_panes == "A7"


def test_an_inverted_period_is_refused(counter):
    with pytest.raises(ValidationFailed):
        tracking_book_xlsx(counter, dt.date(2026, 11, 30), dt.date(2026, 11, 1))


def test_book_command_writes_xlsx(counter, two_dossiers, tmp_path):
    counter.close()
    out = tmp_path / "so.xlsx"
    result = ok(counter.data_dir, "book", "--from", "2026-11-01", "--to", "2026-11-20",
                "--format", "xlsx", "--out", str(out))
    assert (result["dossiers"], result["format"]) == (2, "xlsx")
    ws = openpyxl.load_workbook(out).active
    assert ws.cell(8, 5).value.startswith("Đặng Văn Đức")

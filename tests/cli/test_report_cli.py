"""`report`, `backup` and `restore` as a script uses them: real processes, files on disk."""

from __future__ import annotations

import io
import json

import openpyxl
import pypdf
import pytest

from tests.cli.test_cli import ok, run
from tests.services.report_data import CIVIL, EXPECTED_ROWS, EXPECTED_TOTALS, build


@pytest.fixture
def data_dir(counter, clock):
    build(counter, clock)
    return counter.data_dir


def test_report_json_on_stdout(data_dir):
    out = ok(data_dir, "report", "--from", "2026-11-02", "--to", "2026-11-13")
    assert out["totals"] == EXPECTED_TOTALS
    civil = next(r for r in out["rows"] if r["name"] == CIVIL)
    assert {k: v for k, v in civil.items() if k not in ("key", "name")} == EXPECTED_ROWS[CIVIL]


def test_report_by_procedure_to_files(data_dir, tmp_path):
    out = ok(data_dir, "report", "--from", "2026-11-02", "--to", "2026-11-13", "--by",
             "procedure", "--format", "json", "--out", str(tmp_path / "r.json"))
    assert (out["rows"], out["received"]) == (2, 12)
    saved = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [r["key"] for r in saved["rows"]] == ["2.000815", "1.001193"]

    ok(data_dir, "report", "--from", "2026-11-02", "--to", "2026-11-13", "--format", "xlsx",
       "--out", str(tmp_path / "r.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert [ws.cell(11, c).value for c in (2, 3, 8)] == ["Tổng cộng", 12, 2]

    ok(data_dir, "report", "--from", "2026-11-02", "--to", "2026-11-13", "--format", "pdf",
       "--out", str(tmp_path / "r.pdf"))
    reader = pypdf.PdfReader(io.BytesIO((tmp_path / "r.pdf").read_bytes()))
    assert "Biểu số II.06a" in reader.pages[0].extract_text()


@pytest.mark.parametrize(("args", "needle"), [
    (("--from", "2026-13-01", "--to", "2026-11-13"), "--from 2026-13-01: ngày không đúng dạng"),
    (("--from", "2026-11-13", "--to", "2026-11-02"), "ngày bắt đầu 2026-11-13 sau ngày kết thúc"),
])
def test_report_refuses_bad_dates(data_dir, args, needle):
    p = run(data_dir, "report", *args)
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.startswith("Lỗi: ") and needle in p.stderr and p.stderr.count("\n") == 1


def test_report_unwritable_out(data_dir, tmp_path):
    p = run(data_dir, "report", "--from", "2026-11-02", "--to", "2026-11-13", "--format", "pdf",
            "--out", str(tmp_path / "no" / "such" / "dir" / "r.pdf"))
    assert p.returncode == 2 and "Không ghi được tệp" in p.stderr


def test_backup_then_restore(data_dir, tmp_path):
    out = ok(data_dir, "backup", "--keep-daily", "3")
    assert out["path"].startswith(str(data_dir / "backups" / "counter-"))
    ok(data_dir, "backup", "--to", str(tmp_path / "elsewhere"))
    assert len(list((tmp_path / "elsewhere").glob("counter-*.sqlite3"))) == 1
    p = run(data_dir, "restore", out["path"])
    assert p.returncode == 0, p.stderr
    assert "Hãy đóng ứng dụng" in p.stderr and "Đã khôi phục" in p.stderr
    assert json.loads(p.stdout)["safety_copy"].endswith(".sqlite3")


def test_restore_of_a_corrupt_file_is_refused(data_dir, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = (data_dir / "counter.sqlite3").stat().st_mtime_ns
    p = run(data_dir, "restore", str(bad))
    assert p.returncode == 2
    assert f"Lỗi: Tệp {bad} không phải bản sao lưu dùng được" in p.stderr
    assert "dữ liệu hiện tại không thay đổi" in p.stderr
    assert (data_dir / "counter.sqlite3").stat().st_mtime_ns == before
    assert not (data_dir / "backups").exists()

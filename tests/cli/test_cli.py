"""The command line as an administrator or a script uses it: real processes, JSON out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SMALL_CATALOGUE

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=60,
    )


def ok(data_dir: Path, *args: str, stdin: str | None = None):
    p = run(data_dir, *args, stdin=stdin)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("cli") / "data"
    ok(d, "init", "--agency-code", "000.00.06.H56", "--agency-name", "UBND xã Tân Phú",
       "--workstation", "3", "--no-catalogue")
    ok(d, "import-catalogue", str(SMALL_CATALOGUE))
    return d


DRAFT = {
    "procedure_code": "1.001193",
    "applicant": {"full_name": "Đặng Văn Đức", "id_number": "001085012345",
                  "birth_date": "1985-01-01", "gender": "Nam", "phone": "0912345678",
                  "address": "Thôn Phú Hòa, xã Tân Phú"},
    "documents": [{"name": "Tờ khai đăng ký khai sinh theo mẫu", "original": 1},
                  {"name": "Giấy chứng sinh", "original": 1}],
    "channel": 1,
    "received_at": "2023-10-27T09:32:00",
}


def test_receive_show_and_search(data_dir, tmp_path):
    source = tmp_path / "draft.json"
    source.write_text(json.dumps(DRAFT, ensure_ascii=False), encoding="utf-8")
    received = ok(data_dir, "receive", "--json", str(source))
    assert received["code"] == "000.00.06.H56-231027-2001"  # workstation 3's range
    assert received["status"] == 2
    assert received["due_at"] == "2023-10-30T09:32:00"  # 1 working day over the weekend

    shown = ok(data_dir, "show", received["code"].lower())
    assert shown["applicant"]["full_name"] == "Đặng Văn Đức"
    assert shown["status"] == 2

    from_stdin = ok(data_dir, "receive", "--json", "-",
                    stdin=json.dumps({**DRAFT, "received_at": "2023-10-27T10:00:00"}))
    assert from_stdin["code"].endswith("-2002")

    found = ok(data_dir, "search", "dang van duc")
    assert [d["code"] for d in found] == [from_stdin["code"], received["code"]]
    assert ok(data_dir, "search")[0]["code"] == from_stdin["code"]


def test_bad_input_exits_2_with_one_vietnamese_line(data_dir, tmp_path):
    bad = {**DRAFT, "applicant": {**DRAFT["applicant"], "id_number": "12345", "phone": "12"},
           "documents": []}
    p = run(data_dir, "receive", "--json", "-", stdin=json.dumps(bad, ensure_ascii=False))
    assert p.returncode == 2
    assert p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "số CCCD phải có đúng 12 chữ số" in lines[0]
    assert "còn thiếu giấy tờ bắt buộc: Tờ khai đăng ký khai sinh theo mẫu" in lines[0]

    p = run(data_dir, "receive", "--json", "-", stdin="{not json")
    assert p.returncode == 2 and "JSON sai cú pháp ở dòng 1" in p.stderr

    p = run(data_dir, "receive", "--json", str(tmp_path / "missing.json"))
    assert p.returncode == 2 and "Không đọc được tệp" in p.stderr

    p = run(data_dir, "show", "000.00.06.H56-231027-9999")
    assert p.returncode == 2 and "Không tìm thấy hồ sơ 000.00.06.H56-231027-9999" in p.stderr


def test_unknown_field_and_wrong_types_are_named(data_dir):
    bad = {**DRAFT, "sets": "two", "colour": "red"}
    p = run(data_dir, "receive", "--json", "-", stdin=json.dumps(bad, ensure_ascii=False))
    assert p.returncode == 2
    assert "Số bộ hồ sơ: phải là số nguyên" in p.stderr
    assert "colour: trường không được hỗ trợ" in p.stderr


@pytest.mark.parametrize("args, expected", [
    (["--received", "2023-10-27T09:32", "--working-days", "5"], "2023-11-03T09:32:00"),
    (["--received", "2026-02-13T10:00", "--working-days", "3"], "2026-02-25T10:00:00"),
    (["--received", "2026-11-20T11:00", "--working-hours", "2.5"], "2026-11-20T15:30:00"),
    (["--received", "2026-11-20T15:30", "--same-day"], "2026-11-23T17:00:00"),
    (["--received", "2026-11-20T14:00", "--same-day", "--cutoff", "16:00"],
     "2026-11-20T17:00:00"),
    (["--received", "2026-04-20T09:00", "--calendar-days", "10"], "2026-05-04T09:00:00"),
])
def test_due_date(data_dir, args, expected):
    p = run(data_dir, "due-date", *args)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == expected


def test_due_date_rejects_bad_input(data_dir):
    p = run(data_dir, "due-date", "--received", "27/10/2023", "--working-days", "5")
    assert p.returncode == 2 and "--received" in p.stderr
    p = run(data_dir, "due-date", "--received", "2023-10-27T09:32", "--working-days", "0")
    assert p.returncode == 2 and "Thời hạn phải lớn hơn 0" in p.stderr


def test_calendar_exception_changes_due_dates(data_dir):
    args = ["due-date", "--received", "2026-12-30T09:00", "--working-days", "1"]
    assert run(data_dir, *args).stdout.strip() == "2026-12-31T09:00:00"
    ok(data_dir, "calendar", "add", "--date", "2026-12-31", "--kind", "off",
       "--note", "Nghỉ bù (thử)")
    assert run(data_dir, *args).stdout.strip() == "2027-01-04T09:00:00"
    listed = ok(data_dir, "calendar", "remove", "--date", "2026-12-31")
    assert "2026-12-31" not in [e["date"] for e in listed]
    assert run(data_dir, *args).stdout.strip() == "2026-12-31T09:00:00"


def test_parse_scan(data_dir):
    qr = "001085012345|123456789|Đặng Văn Đức|01011985|Nam|Thôn Phú Hòa, xã Tân Phú|15082021"
    got = ok(data_dir, "parse-scan", qr)
    assert got == {**got, "kind": "cccd", "id_number": "001085012345",
                   "old_id_number": "123456789", "full_name": "Đặng Văn Đức",
                   "birth_date": "1985-01-01", "issue_date": "2021-08-15", "gender": "Nam",
                   "address": "Thôn Phú Hòa, xã Tân Phú"}
    assert ok(data_dir, "parse-scan", "h56.14-240823-0001") == {
        "kind": "dossier_code", "code": "H56.14-240823-0001"}
    assert ok(data_dir, "parse-scan", "EB125966888VN")["kind"] == "postal_item"
    url = ok(data_dir, "parse-scan", "https://dvc.example.vn/tra-cuu/H56.14-240823-0001?k=Ab3dE6fG")
    assert url["kind"] == "lookup_url" and url["secret"] == "Ab3dE6fG"

    p = run(data_dir, "parse-scan", "hello world")
    assert p.returncode == 2 and "Không nhận ra mã vừa quét" in p.stderr
    mangled = qr.encode("utf-8").decode("latin-1")
    p = run(data_dir, "parse-scan", mangled)
    assert p.returncode == 2 and "UTF-8" in p.stderr


def test_commands_before_init_say_what_to_do(tmp_path):
    p = run(tmp_path / "empty", "receive", "--json", "-", stdin=json.dumps(DRAFT))
    assert p.returncode == 2 and "chạy lệnh init" in p.stderr
    p = run(tmp_path / "bad", "init", "--agency-code", "xyz", "--agency-name", "A",
            "--workstation", "120")
    assert p.returncode == 2
    assert "Mã cơ quan: không đúng dạng" in p.stderr and "Số máy trạm: phải từ 1 đến 99" in p.stderr


def test_check_reports_a_sound_database(data_dir):
    assert ok(data_dir, "check") == {"ok": True, "problems": []}

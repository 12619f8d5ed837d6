"""`users …` as an administrator types it: real processes, the password on standard input only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .test_cli import ok, run

PASSWORD = "mật-khẩu-2026"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("users") / "data"
    ok(d, "init", "--agency-code", "000.00.06.H56", "--agency-name", "UBND xã Tân Phú",
       "--workstation", "1", "--no-catalogue")
    ok(d, "users", "add", "--username", "quantri", "--full-name", "Lê Văn Quản",
       "--role", "administrator", "--password-stdin", stdin=PASSWORD + "\n")
    return d


def _one_vietnamese_line(p) -> str:
    assert p.returncode == 2
    assert p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert lines[0].startswith("Lỗi: ")
    return lines[0]


def test_add_and_list_show_no_hash(data_dir):
    added = ok(data_dir, "users", "add", "--username", "Hương", "--full-name",
               "Nguyễn Thị Hương", "--role", "clerk", "--password-stdin", stdin=PASSWORD + "\n")
    assert added["username"] == "Hương" and added["role"] == "clerk" and added["active"]
    listed = ok(data_dir, "users", "list")
    assert {u["username"] for u in listed} >= {"quantri", "Hương"}
    raw = run(data_dir, "users", "list").stdout
    assert "argon2" not in raw and "hash" not in raw and PASSWORD not in raw
    # The real KDF parameters, in the file.
    with sqlite3.connect(data_dir / "counter.sqlite3") as conn:
        stored = conn.execute("SELECT password_hash FROM users WHERE username = 'Hương'")
        assert stored.fetchone()[0].startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_passwd_set_role_deactivate_and_activate(data_dir):
    ok(data_dir, "users", "add", "--username", "an", "--full-name", "Trần Văn An",
       "--role", "postal_agent", "--password-stdin", stdin=PASSWORD + "\n")
    changed = ok(data_dir, "users", "passwd", "an", "--password-stdin", stdin="mat-khau-moi\n")
    assert changed["username"] == "an"
    assert ok(data_dir, "users", "set-role", "AN", "supervisor")["role"] == "supervisor"
    assert ok(data_dir, "users", "deactivate", "an")["active"] is False
    assert ok(data_dir, "users", "activate", "an")["active"] is True


def test_the_password_is_never_an_argument(data_dir):
    p = run(data_dir, "users", "add", "--username", "ba", "--full-name", "Võ Văn Ba",
            "--role", "clerk", "--password", PASSWORD)
    assert p.returncode == 2  # argparse: no such option
    # Without --password-stdin and without a terminal, it says how to give one.
    line = _one_vietnamese_line(run(data_dir, "users", "add", "--username", "ba", "--full-name",
                                    "Võ Văn Ba", "--role", "clerk", stdin=PASSWORD + "\n"))
    assert "--password-stdin" in line


@pytest.mark.parametrize(("args", "stdin", "expected"), [
    (["add", "--username", "ba", "--full-name", "Võ Văn Ba", "--role", "clerk",
      "--password-stdin"], "ngắn\n", "Mật khẩu: phải có ít nhất 8 ký tự"),
    (["add", "--username", "ba", "--full-name", "Võ Văn Ba", "--role", "clerk",
      "--password-stdin"], "ba\n", "Mật khẩu: phải có ít nhất 8 ký tự"),
    (["add", "--username", "baba.baba", "--full-name", "Võ Văn Ba", "--role", "clerk",
      "--password-stdin"], "BABA.BABA\n", "không được trùng với tên đăng nhập"),
    (["add", "--username", "ba", "--full-name", "Võ Văn Ba", "--role", "boss",
      "--password-stdin"], PASSWORD + "\n", "vai trò boss không có"),
    (["add", "--username", "QUANTRI", "--full-name", "Người Khác", "--role", "clerk",
      "--password-stdin"], PASSWORD + "\n", "tên đăng nhập QUANTRI đã có người dùng"),
    (["add", "--username", "có khoảng trắng", "--full-name", "Võ Văn Ba", "--role", "clerk",
      "--password-stdin"], PASSWORD + "\n", "không có khoảng trắng"),
    (["set-role", "quantri", "clerk"], None, "quản trị viên cuối cùng"),
    (["deactivate", "quantri"], None, "quản trị viên cuối cùng"),
    (["passwd", "ai-do", "--password-stdin"], PASSWORD + "\n", "Không có tài khoản ai-do."),
    (["set-role", "ai-do", "clerk"], None, "Không có tài khoản ai-do."),
])
def test_bad_input_exits_2_with_one_vietnamese_line(data_dir, args, stdin, expected):
    line = _one_vietnamese_line(run(data_dir, "users", *args, stdin=stdin))
    assert expected in line
    assert PASSWORD not in line


def test_demo_setup_creates_the_demo_administrator_and_says_how_to_log_in(tmp_path):
    p = run(tmp_path / "demo", "demo-setup")
    assert p.returncode == 0, p.stderr
    assert "tên đăng nhập admin, mật khẩu demo-2026" in p.stderr
    users = ok(tmp_path / "demo", "users", "list")
    assert [(u["username"], u["role"]) for u in users] == [("admin", "administrator")]

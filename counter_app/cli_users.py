"""`python -m counter_app users …`: local accounts from the command line (never a password as an
argument: it would stay in the shell history and the process list)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from .domain.accounts import Role, User
from .domain.errors import DomainError, FieldProblem, ValidationFailed
from .domain.records import iso
from .services.accounts import cli_actor
from .services.counter import Counter


class PasswordNeeded(DomainError):
    """No terminal to ask on and no --password-stdin."""

    code = "password.stdin_needed"


def user_to_dict(user: User) -> dict[str, Any]:
    """What `users list` shows: no hash, ever."""
    return {"username": user.username, "full_name": user.full_name, "role": user.role.value,
            "active": user.active, "created_at": iso(user.created_at),
            "updated_at": iso(user.updated_at), "last_login_at": iso(user.last_login_at),
            "locked_until": iso(user.locked_until)}


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _actor(args: argparse.Namespace) -> str:
    return args.user or cli_actor()


def read_password(args: argparse.Namespace) -> str:
    """One line of standard input with --password-stdin; else asked twice on the terminal."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise PasswordNeeded()
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise ValidationFailed([FieldProblem("password", "password.mismatch")])
    return first


def cmd_users_add(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        password = read_password(args)
        user = counter.accounts.create(args.username, args.full_name, args.role, password,
                                       actor=_actor(args))
        _out(user_to_dict(user))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        _out([user_to_dict(u) for u in counter.accounts.users()])
    return 0


def cmd_users_passwd(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        counter.accounts.get(args.username)  # an unknown name before asking for a password
        password = read_password(args)
        _out(user_to_dict(counter.accounts.change_password(args.username, password,
                                                           actor=_actor(args))))
    return 0


def cmd_users_set_role(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        _out(user_to_dict(counter.accounts.set_role(args.username, args.role,
                                                    actor=_actor(args))))
    return 0


def cmd_users_set_active(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        _out(user_to_dict(counter.accounts.set_active(args.username, args.active,
                                                      actor=_actor(args))))
    return 0


def register(sub: Any) -> None:
    """Add the `users` command to the main parser's subcommands."""
    roles = ", ".join(r.value for r in Role)
    users = sub.add_parser("users", help="tài khoản người dùng trên máy trạm")
    verbs = users.add_subparsers(dest="users_command", metavar="VIỆC", required=True)

    p = verbs.add_parser("add", help="thêm tài khoản (mật khẩu: hỏi, hoặc --password-stdin)")
    p.add_argument("--username", required=True, help="tên đăng nhập")
    p.add_argument("--full-name", required=True, help="họ và tên")
    p.add_argument("--role", required=True, metavar="VAI_TRÒ", help=f"một trong: {roles}")
    p.add_argument("--password-stdin", action="store_true",
                   help="đọc mật khẩu từ dòng đầu tiên của đầu vào chuẩn")
    p.set_defaults(func=cmd_users_add)

    p = verbs.add_parser("list", help="liệt kê tài khoản (JSON, không có mật khẩu)")
    p.set_defaults(func=cmd_users_list)

    p = verbs.add_parser("passwd", help="đặt mật khẩu mới (mở khóa nếu đang tạm khóa)")
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true",
                   help="đọc mật khẩu từ dòng đầu tiên của đầu vào chuẩn")
    p.set_defaults(func=cmd_users_passwd)

    p = verbs.add_parser("set-role", help="đổi vai trò")
    p.add_argument("username")
    p.add_argument("role", metavar="VAI_TRÒ", help=f"một trong: {roles}")
    p.set_defaults(func=cmd_users_set_role)

    p = verbs.add_parser("deactivate", help="ngừng hoạt động (tài khoản không bao giờ bị xóa)")
    p.add_argument("username")
    p.set_defaults(func=cmd_users_set_active, active=False)

    p = verbs.add_parser("activate", help="cho hoạt động lại")
    p.add_argument("username")
    p.set_defaults(func=cmd_users_set_active, active=True)

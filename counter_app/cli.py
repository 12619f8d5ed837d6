"""Command line: `python -m counter_app SUBCOMMAND …` for administrators, scripts and tests."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import platform
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import cli_followup, cli_forms, cli_postal, cli_reports, cli_users, messages
from .domain.calendar import CalendarException, DayKind
from .domain.errors import DomainError
from .domain.model import Status, TimeLimit, TimeLimitKind
from .domain.records import dossier_to_dict, iso
from .domain.scan import UnknownScan, as_dict, parse_scan
from .domain.text import nfc
from .launch import add_global_options
from .services import book_export, demo, documents
from .services import sync as sync_service
from .services.counter import Counter
from .services.drafts import draft_from_dict
from .services.profile import Profile
from .store.db import StoreError
from .sync.summary import Progress

EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A one-line reason for the user; exit code 2."""


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _open(args: argparse.Namespace) -> Counter:
    return Counter.open(args.data_dir)


def _read_json(source: str) -> Any:
    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as e:
        raise CliError(messages.text("file.unreadable", path=source, detail=e.strerror)) from e
    try:
        return json.loads(nfc(raw))
    except json.JSONDecodeError as e:
        raise CliError(messages.text("json.invalid", line=e.lineno, col=e.colno)) from e


def _parse_dt(text: str, what: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError as e:
        raise CliError(messages.text("datetime.format", field=what, value=text)) from e
    return value.replace(tzinfo=None)


def _parse_date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise CliError(messages.text("date.arg_format", field=what, value=text)) from e


def _writer(path: Path) -> Callable[[bytes], None]:
    """Writes the PDF to `path`; an OSError becomes a one-line reason (and nothing is recorded)."""

    def write(pdf: bytes) -> None:
        try:
            path.write_bytes(pdf)
        except OSError as e:
            raise CliError(messages.text("file.unwritable", path=str(path),
                                         detail=e.strerror or str(e))) from e

    return write


# ----- subcommands ---------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        old = counter.profile
        profile = Profile(
            agency_code=args.agency_code.strip().upper(),
            agency_name=nfc(args.agency_name).strip(),
            workstation=args.workstation,
            governing_body=nfc(args.governing_body or old.governing_body),
            place_name=nfc(args.place_name or old.place_name),
            range_size=args.range_size or old.range_size,
            working_hours=args.working_hours or old.working_hours,
            portal_url=args.portal_url if args.portal_url is not None else old.portal_url,
        )
        counter.set_profile(profile)
        if not counter.procedures() and not args.no_catalogue:
            counter.import_catalogue(demo.seed_catalogue_files())
        if not counter.calendar_exceptions():
            counter.put_calendar_exceptions(demo.seed_calendar_exceptions())
        _out({"data_dir": str(Path(args.data_dir).resolve()), **counter.profile.to_settings(),
              "procedures": len(counter.procedures())})
    return 0


def cmd_import_catalogue(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        n, _ = counter.import_catalogue(args.files)
        _out({"imported": n, "procedures": len(counter.procedures())})
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        summary = demo.seed(counter, dossiers=args.dossiers, seed=args.seed)
        _out(summary)
    return 0


def cmd_demo_setup(args: argparse.Namespace) -> int:
    """What `make run` does first: a demo profile, the seed catalogue and demo dossiers, once."""
    with _open(args) as counter:
        summary = demo.ensure_demo(counter)
        print_err(messages.text("demo.ready", path=str(Path(args.data_dir).resolve()),
                                dossiers=summary["dossiers"]))
        print_err(messages.text("demo.login", username=demo.DEMO_LOGIN[0],
                                password=demo.DEMO_LOGIN[3]))
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    data = _read_json(args.json)
    with _open(args) as counter:
        result = counter.receive(draft_from_dict(data, user=args.user))
        _out(dossier_to_dict(result.dossier))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        dossier = counter.get(args.code)
        out = dossier_to_dict(dossier)
        if args.events:
            out["events"] = [
                {"id": e.id, "kind": e.kind, "at": iso(e.at), "user": e.user}
                for e in counter.events(dossier.id)
            ]
        _out(out)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        _out([dossier_to_dict(d) for d in counter.search(nfc(args.text), args.limit)])
    return 0


def cmd_set_status(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        dossier = counter.get(args.code)
        try:
            status = Status(args.status)
        except ValueError as e:
            raise CliError(messages.text("status.unknown", value=args.status)) from e
        result = counter.change_status(dossier.id, status, note=nfc(args.note), user=args.user)
        _out(dossier_to_dict(result.dossier))
    return 0


def cmd_due_date(args: argparse.Namespace) -> int:
    received = _parse_dt(args.received, "--received")
    if args.working_days is not None:
        limit = TimeLimit(TimeLimitKind.WORKING_DAYS, args.working_days)
    elif args.working_hours is not None:
        limit = TimeLimit(TimeLimitKind.WORKING_HOURS, args.working_hours)
    elif args.calendar_days is not None:
        limit = TimeLimit(TimeLimitKind.CALENDAR_DAYS, args.calendar_days)
    else:
        try:
            cutoff = dt.time.fromisoformat(args.cutoff)
        except ValueError as e:
            raise CliError(messages.text("time.format", value=args.cutoff)) from e
        limit = TimeLimit(TimeLimitKind.SAME_DAY, 0, cutoff)
    if limit.kind != TimeLimitKind.SAME_DAY and limit.value <= 0:
        raise CliError(messages.text("limit.positive"))
    with _open(args) as counter:
        sys.stdout.write(iso(counter.due_at(received, limit)) + "\n")
    return 0


def cmd_parse_scan(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    result = parse_scan(text)
    if isinstance(result, UnknownScan):
        raise CliError(messages.text(result.reason))
    _out(as_dict(result))
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        if args.action == "add":
            try:
                day = dt.date.fromisoformat(args.date)
            except (TypeError, ValueError) as e:
                raise CliError(messages.text("date.format", value=args.date)) from e
            counter.put_calendar_exceptions([CalendarException(
                day, DayKind(args.kind), nfc(args.note), nfc(args.legal_ref))])
        elif args.action == "remove":
            try:
                day = dt.date.fromisoformat(args.date)
            except (TypeError, ValueError) as e:
                raise CliError(messages.text("date.format", value=args.date)) from e
            counter.remove_calendar_exception(day)
        _out([{"date": e.day.isoformat(), "kind": e.kind.value, "note": e.note,
               "legal_ref": e.legal_ref} for e in counter.calendar_exceptions()])
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    new_date: dt.date | dt.datetime | None = None
    if args.new_date:
        new_date = (_parse_dt(args.new_date, "--new-date") if "T" in args.new_date
                    or " " in args.new_date.strip() else _parse_date(args.new_date, "--new-date"))
    copies = documents.Copies.ONE
    if args.copies == 2:
        copies = documents.Copies.TWO_ON_SHEET if args.one_sheet else documents.Copies.TWO_PAGES
    options = documents.PrintOptions(copies=copies, new_date=new_date, reason=nfc(args.reason))
    with _open(args) as counter:
        dossier = documents.find(counter, args.code)
        result = documents.print_form(counter, dossier.id, documents.Form(args.form),
                                      user=args.user, options=options, deliver=_writer(args.out))
        _out({"form": result.form.value, "code": dossier.code, "id": dossier.id,
              "reprint": result.reprint, "out": str(args.out), "bytes": len(result.pdf)})
    return 0


def cmd_book(args: argparse.Namespace) -> int:
    start = _parse_date(args.date_from, "--from")
    end = _parse_date(args.date_to, "--to")
    with _open(args) as counter:
        if args.format == "xlsx":
            content, count = book_export.tracking_book_xlsx(counter, start, end)
        else:
            book = documents.tracking_book(counter, start, end)
            content, count = book.pdf, book.count
        _writer(args.out)(content)
        _out({"from": start.isoformat(), "to": end.isoformat(), "dossiers": count,
              "out": str(args.out), "bytes": len(content), "format": args.format})
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        problems = counter.integrity_problems(full=not args.quick)
        _out({"ok": not problems, "problems": problems[:50]})
    if problems:
        print_err(messages.text("database_corrupt", path=str(args.data_dir)))
        return 1
    return 0


def cmd_procedures(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        _out([{"code": p.code, "name": p.name, "field": p.field_name, "level": p.level.value}
              for p in counter.procedures(nfc(args.text))])
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    with _open(args) as counter:
        r = sync_service.enrol(counter, args.portal, args.code,
                               nfc(args.device_name or platform.node()), args.workstation)
        if r.profile_created and not counter.calendar_exceptions():
            counter.put_calendar_exceptions(demo.seed_calendar_exceptions())
        if r.range_size_before is not None:
            print_err(messages.text("enrol.range_size_changed", old=r.range_size_before,
                                    new=r.range_size))
        print_err(messages.text("enrol.done", workstation=r.workstation, url=r.portal_url,
                                agency_name=r.agency_name, agency_code=r.agency_code))
        _out({"portal_url": r.portal_url, "agency_code": r.agency_code,
              "agency_name": r.agency_name, "workstation": r.workstation,
              "range_size": r.range_size, "device_id": r.device_id})
    return 0


def _progress(p: Progress) -> None:
    if p.stage == "wait":
        reason = messages.SYNC_REASONS.get(p.error, p.error)
        print_err(messages.text("sync.progress.wait", reason=reason, delay=f"{p.delay:.1f}"))
    else:
        print_err(messages.text(f"sync.progress.{p.stage}", done=p.done, left=p.left))


def cmd_sync(args: argparse.Namespace) -> int:
    """Exit 0: nothing pending; 1: something still to send (offline, portal busy, time up);
    2: needs a person (not enrolled, token revoked, a request refused)."""
    with _open(args) as counter:
        engine = sync_service.engine(counter, portal_url=args.portal, progress=_progress)
        result = (sync_service.run_until_idle(counter, args.max_seconds, engine)
                  if args.until_idle else sync_service.sync_once(counter, engine))
        s = result.summary
        _out(s.as_dict())
        if s.quarantined or s.open_conflicts:
            print_err(messages.text("sync.attention", quarantined=s.quarantined,
                                    conflicts=s.open_conflicts))
        if s.error:
            print_err("Lỗi: " + messages.text(s.error, **s.error_params,
                                               message=s.error_message))
            return 1 if s.retryable else EXIT_BAD_INPUT
        if s.pending:
            print_err(messages.text("sync.pending", pending=s.pending))
            return 1
        if s.uploads_pending:
            print_err(messages.text("sync.uploads_pending", files=s.uploads_pending))
            return 1
        print_err(messages.text("sync.done", pushed=s.pushed, pulled=s.pulled))
    return 0


# ----- parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m counter_app",
        description="Quầy Một Cửa — tiếp nhận và trả kết quả hồ sơ thủ tục hành chính. "
        "Không có lệnh con: mở cửa sổ ứng dụng.",
    )
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")

    p = sub.add_parser("init", help="khai báo cơ quan và số máy trạm (lần đầu)")
    p.add_argument("--agency-code", required=True, help="mã cơ quan, vd. 000.00.06.H56")
    p.add_argument("--agency-name", required=True, help="tên đơn vị tiếp nhận")
    p.add_argument("--workstation", type=int, required=True, help="số máy trạm 1–99")
    p.add_argument("--governing-body", default="", help="cơ quan chủ quản (in góc trái)")
    p.add_argument("--place-name", default="", help="địa danh ghi trên văn bản")
    p.add_argument("--range-size", type=int, default=0,
                   help="số mã hồ sơ mỗi máy trạm mỗi ngày (giống nhau trong cả cơ quan)")
    p.add_argument("--working-hours", default="", help="giờ làm việc, vd. 07:00-11:30,13:30-17:00")
    p.add_argument("--portal-url", default=None, help="địa chỉ cổng dịch vụ công (có thể để trống)")
    p.add_argument("--no-catalogue", action="store_true", help="không nạp danh mục mẫu")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("import-catalogue", help="nạp danh mục thủ tục từ tệp JSON")
    p.add_argument("files", nargs="+", type=Path)
    p.set_defaults(func=cmd_import_catalogue)

    p = sub.add_parser("seed-demo", help="tạo dữ liệu minh họa")
    p.add_argument("--dossiers", type=int, default=200)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_seed_demo)

    p = sub.add_parser("demo-setup", help="chuẩn bị thư mục dữ liệu minh họa (dùng bởi make run)")
    p.set_defaults(func=cmd_demo_setup)

    p = sub.add_parser("receive", help="tiếp nhận một hồ sơ đầy đủ từ JSON (tệp hoặc -)")
    p.add_argument("--json", required=True, metavar="FILE|-")
    p.set_defaults(func=cmd_receive)

    p = sub.add_parser("show", help="xem một hồ sơ theo mã")
    p.add_argument("code")
    p.add_argument("--events", action="store_true", help="kèm nhật ký sự kiện")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="tìm hồ sơ (mã, tên không dấu, số giấy tờ, điện thoại)")
    p.add_argument("text", nargs="?", default="")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("set-status", help="chuyển trạng thái hồ sơ (mã trạng thái 1–10)")
    p.add_argument("code")
    p.add_argument("status", type=int)
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_set_status)

    p = sub.add_parser("due-date", help="tính ngày hẹn trả theo lịch làm việc")
    p.add_argument("--received", required=True, help="thời điểm nhận, ISO 8601 giờ địa phương")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--working-days", type=float)
    g.add_argument("--working-hours", type=float)
    g.add_argument("--calendar-days", type=int)
    g.add_argument("--same-day", action="store_true")
    p.add_argument("--cutoff", default="15:00", help="giờ chốt cho thủ tục trong ngày")
    p.set_defaults(func=cmd_due_date)

    p = sub.add_parser("parse-scan", help="nhận dạng chuỗi do máy quét gõ vào")
    p.add_argument("text")
    p.set_defaults(func=cmd_parse_scan)

    p = sub.add_parser("calendar", help="xem, thêm, xóa ngày nghỉ/ngày làm bù")
    p.add_argument("action", choices=["list", "add", "remove"], nargs="?", default="list")
    p.add_argument("--date")
    p.add_argument("--kind", choices=[k.value for k in DayKind], default=DayKind.OFF.value)
    p.add_argument("--note", default="")
    p.add_argument("--legal-ref", default="")
    p.set_defaults(func=cmd_calendar)

    p = sub.add_parser("print", help="in một mẫu giấy tờ của hồ sơ ra tệp PDF (ghi nhận lần in)")
    p.add_argument("code", help="mã hồ sơ, hoặc mã định danh (id) của phiếu hướng dẫn/từ chối")
    p.add_argument("--form", required=True, choices=[f.value for f in documents.Form],
                   help="receipt = Mẫu 01, supplement = Mẫu 02, refusal = Mẫu 03, "
                   "apology = Mẫu 04, control = Mẫu 05, label = nhãn hồ sơ")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument("--copies", type=int, choices=[1, 2], default=2,
                   help="số liên của Mẫu 01 (mặc định 2)")
    p.add_argument("--one-sheet", action="store_true",
                   help="Mẫu 01: in 2 liên trên một tờ A4 ngang")
    p.add_argument("--new-date", default="",
                   help="Mẫu 04: ngày hẹn trả mới (YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM); "
                   "bỏ trống để viết tay")
    p.add_argument("--reason", default="", help="Mẫu 04: lý do chậm trả kết quả")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("book", help="Sổ theo dõi hồ sơ (Mẫu 06) của một khoảng ngày: PDF, XLSX")
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=["pdf", "xlsx"], default="pdf")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx")
    p.set_defaults(func=cmd_book)

    p = sub.add_parser("check", help="kiểm tra toàn vẹn toàn bộ cơ sở dữ liệu")
    p.add_argument("--quick", action="store_true", help="quick_check thay cho integrity_check")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("enrol", help="đăng ký máy trạm với cổng dịch vụ công (mã dùng một lần)")
    p.add_argument("--portal", required=True, metavar="URL", help="địa chỉ cổng, vd. https://…")
    p.add_argument("--code", required=True, help="mã đăng ký máy do quản trị viên cấp")
    p.add_argument("--device-name", default="", help="tên máy (mặc định: tên máy tính)")
    p.add_argument("--workstation", type=int, default=None,
                   help="số máy trạm 1–99, khi chưa chạy init")
    p.set_defaults(func=cmd_enrol)

    p = sub.add_parser("sync", help="gửi dữ liệu lên cổng và nhận thay đổi về")
    p.add_argument("--until-idle", action="store_true",
                   help="thử lại (chờ tăng dần) đến khi không còn gì chờ gửi")
    p.add_argument("--portal", default=None, metavar="URL",
                   help="địa chỉ khác của cùng cổng, chỉ cho lần chạy này")
    p.add_argument("--max-seconds", type=float, default=300.0,
                   help="giới hạn thời gian với --until-idle (mặc định %(default)s)")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("procedures", help="liệt kê thủ tục (lọc theo chữ không dấu)")
    p.add_argument("text", nargs="?", default="")
    p.set_defaults(func=cmd_procedures)

    cli_users.register(sub)
    cli_forms.register(sub)
    cli_reports.register(sub)
    cli_followup.register(sub)
    cli_postal.register(sub)
    return parser


def print_err(line: str) -> None:
    sys.stderr.write(line.rstrip("\n") + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        from .app import run_gui  # Qt only when the window is wanted

        return run_gui(args.data_dir)
    try:
        return int(args.func(args))
    except CliError as e:
        print_err(f"Lỗi: {e}")
    except DomainError as e:
        print_err(f"Lỗi: {messages.describe(e)}")
    except StoreError as e:
        print_err(f"Lỗi: {messages.describe(e)}")
    return EXIT_BAD_INPUT

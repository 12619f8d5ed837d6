"""`python -m counter_app report | backup | restore`: statistics and safe operation."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from . import messages
from .domain.errors import DomainError
from .domain.reports import GroupBy
from .services import auto_backup, daily_close, reports
from .services import backup as backup_service
from .services.counter import Counter, local_now


class ArgumentProblem(DomainError):
    """A command-line value that cannot be used; `code` names the sentence in messages.py."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        super().__init__(**params)


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def _date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise ArgumentProblem("date.arg_format", field=what, value=text) from e


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as e:
        raise ArgumentProblem("file.unwritable", path=str(path),
                              detail=e.strerror or str(e)) from e


def cmd_report(args: argparse.Namespace) -> int:
    start = _date(args.date_from, "--from")
    end = _date(args.date_to, "--to")
    fmt = reports.ReportFormat(args.format)
    with Counter.open(args.data_dir) as counter:
        rendered = reports.render(counter, start, end, fmt, GroupBy(args.by))
    if args.out is None and fmt == reports.ReportFormat.JSON:
        sys.stdout.write(rendered.content.decode("utf-8") + "\n")
        return 0
    out = args.out or Path(f"II06a-{start:%Y%m%d}-{end:%Y%m%d}.{fmt.value}")
    _write(out, rendered.content)
    _out({"from": start.isoformat(), "to": end.isoformat(), "by": args.by,
          "format": fmt.value, "rows": len(rendered.report.rows),
          "received": rendered.report.totals.received, "out": str(out),
          "bytes": len(rendered.content)})
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    rotation = backup_service.Rotation(daily=args.keep_daily, weekly=args.keep_weekly)
    with Counter.open(args.data_dir) as counter:
        target = args.to or backup_service.default_dir(Path(args.data_dir))
        made = auto_backup.backup_now(counter, target, rotation)
    assert made.made is not None
    result, scans = made.made, made.attachments
    _err(messages.text("backup.done", path=str(result.path), size=result.size,
                       removed=len(result.removed)))
    _out({"path": str(result.path), "bytes": result.size,
          "removed": [str(p) for p in result.removed], "scans_copied": scans.copied,
          "scans_damaged": list(scans.damaged)})
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _err(messages.text("restore.close_app"))
    result = backup_service.restore(Path(args.data_dir), args.file, local_now())
    safety = str(result.safety_copy) if result.safety_copy else "—"
    _err(messages.text("restore.done", path=str(result.restored_from), safety=safety))
    _out({"restored_from": str(result.restored_from), "safety_copy": result.safety_copy
          and str(result.safety_copy), "schema_version": result.schema_version})
    return 0


def cmd_close_day(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        day = _date(args.date, "--date") if args.date else counter.clock().date()
        closed = daily_close.close_day(counter, day, user=args.user,
                                       allow_unsynced=args.allow_unsynced)
        pdf = daily_close.close_pdf(counter, closed) if args.out else b""
    if args.out:
        _write(args.out, pdf)
    if closed.forced:
        _err(messages.text("close.forced", count=closed.unsynced))
    _out({**closed.as_dict(), "out": str(args.out) if args.out else None})
    return 0


def register(sub: Any) -> None:
    """Add `report`, `backup` and `restore` to the main parser's subcommands."""
    p = sub.add_parser("report", help="báo cáo thống kê Biểu II.06a của một kỳ (JSON, XLSX, PDF)")
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=[f.value for f in reports.ReportFormat], default="json")
    p.add_argument("--by", choices=[g.value for g in GroupBy], default=GroupBy.FIELD.value,
                   help="một dòng cho mỗi lĩnh vực (field) hoặc mỗi thủ tục (procedure)")
    p.add_argument("--out", type=Path, default=None, metavar="FILE",
                   help="tệp kết quả (JSON mặc định ra màn hình)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (kiểm tra bản sao, xoay vòng)")
    p.add_argument("--to", type=Path, default=None, metavar="DIR",
                   help="thư mục sao lưu (mặc định: <thư mục dữ liệu>/backups)")
    p.add_argument("--keep-daily", type=int, default=backup_service.Rotation.daily,
                   help="giữ bản mới nhất của bao nhiêu ngày gần nhất (mặc định %(default)s)")
    p.add_argument("--keep-weekly", type=int, default=backup_service.Rotation.weekly,
                   help="giữ bản mới nhất của bao nhiêu tuần gần nhất (mặc định %(default)s)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("close-day", help="chốt sổ cuối ngày của máy trạm (in biên bản PDF)")
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="mặc định: hôm nay")
    p.add_argument("--user", default="", help="tên đăng nhập của người chốt sổ")
    p.add_argument("--allow-unsynced", action="store_true",
                   help="chốt sổ dù còn thay đổi chưa gửi lên cổng (ghi rõ trong biên bản)")
    p.add_argument("--out", type=Path, default=None, metavar="FILE.pdf",
                   help="lưu biên bản chốt sổ ra tệp PDF")
    p.set_defaults(func=cmd_close_day)

    p = sub.add_parser("restore", help="khôi phục từ một bản sao lưu (đóng ứng dụng trước)")
    p.add_argument("file", type=Path, metavar="FILE.sqlite3")
    p.set_defaults(func=cmd_restore)

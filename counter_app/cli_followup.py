"""`python -m counter_app act-on | accept-online | supplement | apology | withdraw`: the
dossier's life after the receipt from the command line (services/followup.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from .domain.errors import FieldProblem, ValidationFailed
from .domain.followup import SupplementRule
from .domain.model import CopyType, ReceivedDocument
from .domain.records import iso
from .domain.text import nfc
from .services.counter import Counter
from .services.followup import ActionItem


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def parse_doc(text: str, index: int) -> ReceivedDocument:
    """`NAME` (one original) or `NAME=COPY_TYPE[:N]`, e.g. "Giấy chứng sinh=certified_copy:2"."""
    name, _, spec = nfc(text).rpartition("=") if "=" in text else (nfc(text), "", "")
    kind, _, count = spec.partition(":")
    try:
        copy = CopyType(kind) if kind else CopyType.ORIGINAL
        n = int(count) if count else 1
    except ValueError:
        raise ValidationFailed([FieldProblem(f"documents[{index}]", "enum", {
            "allowed": [c.value for c in CopyType]})]) from None
    return ReceivedDocument(name.strip(), **{copy.value: n})


def _docs(args: argparse.Namespace) -> tuple[ReceivedDocument, ...]:
    return tuple(parse_doc(text, i) for i, text in enumerate(args.doc or ()))


def _item(i: ActionItem) -> dict[str, Any]:
    s = i.summary
    return {"id": s.id, "code": s.code, "applicant": s.applicant_name,
            "procedure": s.procedure_name, "status": int(s.status) if s.status else None,
            "due_at": iso(s.due_at), "since": iso(i.since), "note": i.note,
            "department": i.department, "repeat_request": i.repeat_request}


def cmd_act_on(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        lists = counter.followup.to_act_on(limit=args.limit)
        _out({"now": iso(lists.now), "due_soon_until": iso(lists.horizon),
              "counts": {k.value: n for k, n in lists.counts.items()},
              "lists": {k.value: [_item(i) for i in rows] for k, rows in lists.lists.items()}})
    return 0


def _done(result: Any) -> int:
    d = result.dossier
    _out({"code": d.code, "status": int(d.status) if d.status else None,
          "due_at": iso(d.due_at)})
    return 0


def cmd_accept_online(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        d = counter.get(args.code)
        return _done(counter.followup.accept_online(d.id, _docs(args), user=args.user))


def cmd_supplement(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        d = counter.get(args.code)
        rule = SupplementRule(args.rule) if args.rule else None
        return _done(counter.followup.record_supplement(d.id, _docs(args), user=args.user,
                                                        rule=rule, note=nfc(args.note)))


def cmd_apology(args: argparse.Namespace) -> int:
    try:
        new_date = dt.datetime.fromisoformat(args.new_date).replace(tzinfo=None)
    except ValueError:
        raise ValidationFailed([FieldProblem("new_date", "datetime.format", {
            "field": "--new-date", "value": args.new_date})]) from None
    with Counter.open(args.data_dir) as counter:
        d = counter.get(args.code)
        return _done(counter.followup.apologise(d.id, new_date, nfc(args.reason),
                                                user=args.user))


def cmd_withdraw(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        d = counter.get(args.code)
        return _done(counter.followup.withdraw(d.id, nfc(args.reason), user=args.user))


def register(sub: Any) -> None:
    doc_help = ('giấy tờ nhận: "TÊN" (1 bản chính) hoặc "TÊN=certified_copy:2"; '
                "lặp lại cho từng giấy tờ")
    p = sub.add_parser("act-on", help="danh sách hồ sơ cần xử lý (JSON)")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_act_on)
    p = sub.add_parser("accept-online", help="tiếp nhận hồ sơ nộp trực tuyến (1 → 2)")
    p.add_argument("code")
    p.add_argument("--doc", action="append", help=doc_help)
    p.set_defaults(func=cmd_accept_online)
    p = sub.add_parser("supplement", help="ghi nhận giấy tờ bổ sung (5 → 4), tính lại hạn")
    p.add_argument("code")
    p.add_argument("--doc", action="append", help=doc_help)
    p.add_argument("--rule", choices=[r.value for r in SupplementRule],
                   help="restart: tính lại từ đầu; shift: lùi hạn (mặc định: cài đặt máy)")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_supplement)
    p = sub.add_parser("apology", help="xin lỗi, hẹn lại ngày trả (Mẫu 04), một lần")
    p.add_argument("code")
    p.add_argument("--new-date", required=True, help="vd. 2026-11-26T09:30")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_apology)
    p = sub.add_parser("withdraw", help="công dân rút hồ sơ (→ 7), lý do bắt buộc")
    p.add_argument("code")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_withdraw)

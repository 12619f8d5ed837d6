"""`python -m counter_app postal …`: the post-office desk from the command line (docs/postal.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .domain.errors import FieldProblem, ValidationFailed
from .domain.postal import Decision, Discrepancy, IntakeLine, parse_list_payload
from .domain.records import dossier_to_dict, iso
from .domain.text import nfc
from .services.counter import Counter
from .services.drafts import draft_from_dict
from .services.postal import Intake, Manifest
from .store.postal import ResultPost


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _read(source: str) -> Any:
    from .cli import _read_json  # one reader, one set of messages

    return _read_json(source)


def manifest_to_dict(m: Manifest) -> dict[str, Any]:
    return {"code": m.code, "agency_code": m.agency_code, "created_at": iso(m.created_at),
            "created_by": m.created_by,
            "dossiers": [{"code": d.code, "item": m.items.get(d.id, "")} for d in m.dossiers]}


def intake_to_dict(t: Intake) -> dict[str, Any]:
    return {"manifest_code": t.manifest_code, "taken_in_at": iso(t.taken_in_at),
            "taken_in_by": t.taken_in_by, "listed": t.listed,
            "lines": [{"code": x.code, "decision": x.decision.value,
                       "discrepancy": x.discrepancy.value, "note": x.note} for x in t.lines]}


def post_to_dict(p: ResultPost) -> dict[str, Any]:
    return {"item": p.item, "address": p.address, "dispatched_at": iso(p.dispatched_at),
            "delivered_at": iso(p.delivered_at)}


def cmd_accept(args: argparse.Namespace) -> int:
    data = _read(args.json)
    with Counter.open(args.data_dir) as counter:
        result = counter.postal.accept(draft_from_dict(data, user=args.user),
                                       nfc(args.return_address))
        _out(dossier_to_dict(result.dossier))
    return 0


def cmd_hand_over(args: argparse.Namespace) -> int:
    """Make the manifests; with --out-dir, write each one's PDF there (‹code›.pdf)."""
    with Counter.open(args.data_dir) as counter:
        made = counter.postal.create_manifests(args.user)
        out = []
        for m in made:
            item = manifest_to_dict(m)
            if args.out_dir is not None:
                path = args.out_dir / f"{m.code}.pdf"
                path.write_bytes(counter.postal.manifest_pdf(m.code))
                item["pdf"] = str(path)
            out.append(item)
        _out(out)
    return 0


def cmd_manifest(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        if args.out is not None:
            args.out.write_bytes(counter.postal.manifest_pdf(args.code))
        _out(manifest_to_dict(counter.postal.manifest(args.code)))
    return 0


def _line(text: str, decision: Decision) -> IntakeLine:
    """"CODE" or "CODE:damaged[:note]"."""
    code, _, rest = text.partition(":")
    kind, _, note = rest.partition(":")
    try:
        discrepancy = Discrepancy(kind) if kind else Discrepancy.NONE
    except ValueError:
        raise ValidationFailed([FieldProblem("lines", "enum", {
            "allowed": [d.value for d in Discrepancy]})]) from None
    return IntakeLine(code.strip(), decision, discrepancy, nfc(note))


def cmd_take_in(args: argparse.Namespace) -> int:
    """The agency takes a pack in: the manifest code (or its list QR's text), then the
    dossiers confirmed and rejected; --all confirms every listed one not rejected."""
    listed = parse_list_payload(args.manifest) if args.manifest.startswith("QMC-BG|") else None
    code = listed.manifest_code if listed else args.manifest
    rejected = [_line(x, Decision.REJECTED) for x in args.reject]
    confirmed = [_line(x, Decision.CONFIRMED) for x in args.confirm]
    with Counter.open(args.data_dir) as counter:
        code = counter.postal.check_not_taken_in(code)  # refused before anything else
        expected = list(listed.codes) if listed else None
        if args.all:
            if expected is None:
                local = counter.postal.manifest(code)  # made here: its list is known
                expected = local.codes
            named = {x.code.upper() for x in rejected + confirmed}
            confirmed += [IntakeLine(c, Decision.CONFIRMED) for c in expected
                          if c.upper() not in named]
        intake = counter.postal.take_in(code, confirmed + rejected, expected=expected,
                                        user=args.user)
        _out(intake_to_dict(intake))
    return 0


def cmd_dispatch(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        post = counter.postal.dispatch_result(args.code, args.item, user=args.user)
        if args.label is not None:
            args.label.write_bytes(counter.postal.address_label_pdf(args.code))
        _out(post_to_dict(post))
    return 0


def cmd_delivered(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        _out(post_to_dict(counter.postal.record_delivery(args.code, user=args.user)))
    return 0


def register(sub: Any) -> None:
    """Add `postal …` to the main parser's subcommands."""
    p = sub.add_parser("postal", help="bàn bưu chính: nhận hồ sơ qua bưu điện, bàn giao, "
                       "trả kết quả qua bưu chính")
    commands = p.add_subparsers(dest="postal_command", metavar="VIỆC", required=True)

    q = commands.add_parser("accept", help="nhận một hồ sơ tại bưu điện từ JSON (có postal_item)")
    q.add_argument("--json", required=True, metavar="FILE|-")
    q.add_argument("--return-address", default="", help="địa chỉ hoàn trả (mặc định: người gửi)")
    q.set_defaults(func=cmd_accept)

    q = commands.add_parser("hand-over", help="lập danh sách bàn giao cho từng cơ quan")
    q.add_argument("--out-dir", type=Path, default=None, help="thư mục ghi tệp PDF")
    q.set_defaults(func=cmd_hand_over)

    q = commands.add_parser("manifest", help="xem (và in) một danh sách bàn giao")
    q.add_argument("code")
    q.add_argument("--out", type=Path, default=None, metavar="FILE.pdf")
    q.set_defaults(func=cmd_manifest)

    q = commands.add_parser("take-in", help="cơ quan nhận túi hồ sơ theo danh sách bàn giao")
    q.add_argument("manifest", help="mã danh sách (mã vạch) hoặc nội dung mã QR danh sách")
    q.add_argument("--all", action="store_true", help="nhận mọi hồ sơ trong danh sách")
    q.add_argument("--confirm", action="append", default=[], metavar="MÃ[:damaged[:ghi chú]]")
    q.add_argument("--reject", action="append", default=[], metavar="MÃ[:damaged[:ghi chú]]")
    q.set_defaults(func=cmd_take_in)

    q = commands.add_parser("dispatch", help="gửi kết quả qua bưu chính (số hiệu bưu gửi S10)")
    q.add_argument("code")
    q.add_argument("item")
    q.add_argument("--label", type=Path, default=None, metavar="FILE.pdf",
                   help="in nhãn địa chỉ (khổ nhãn của máy trạm)")
    q.set_defaults(func=cmd_dispatch)

    q = commands.add_parser("delivered", help="ghi nhận bưu điện đã phát kết quả")
    q.add_argument("code")
    q.set_defaults(func=cmd_delivered)

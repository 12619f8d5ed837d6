"""`python -m portal SUBCOMMAND --db URL …`: serve, and what administrators and back offices do.

Data goes to stdout (JSON, or the enrolment code on the last line); errors give exit code 2
and one line in Vietnamese on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import exc as sa_exc

from . import agencies, catalogue, dossiers, forms, postal
from .db import Database, unreachable
from .errors import PortalError, message
from .migrations import migrate
from .settings import Settings

EXIT_ERROR = 2
DB_ENV = "PORTAL_DB"


class _Parser(argparse.ArgumentParser):
    def error(self, msg: str) -> NoReturn:  # argparse's own errors, in Vietnamese
        sys.stderr.write("Lỗi: " + message("bad_argument", detail=msg) + "\n")
        raise SystemExit(EXIT_ERROR)


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _open(args: argparse.Namespace) -> Database:
    db = Database(args.db)
    try:
        migrate(db)
    except sa_exc.OperationalError as e:
        raise unreachable(e) from e
    return db


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(public_url=getattr(args, "public_url", "") or "")


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .api.app import create_app

    settings = Settings(blob_dir=Path(args.blob_dir), rate_per_second=args.rate_limit,
                        public_rate_per_second=args.public_rate_limit,
                        public_url=args.public_url or "")
    app = create_app(args.db, settings=settings)
    if args.notice_spool:  # messages to citizens, sent by the reference sender
        from .notify import SpoolSender, start_worker

        start_worker(args.db, SpoolSender(args.notice_spool), args.notice_interval)
    # uvicorn's access log prints raw paths and query strings (lookup secrets): ours does not.
    uvicorn.run(app, host=args.host, port=args.port, access_log=False,
                log_level="warning", timeout_keep_alive=30)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    db = Database(args.db)
    try:
        applied = migrate(db)
    except sa_exc.OperationalError as e:
        raise unreachable(e) from e
    _out({"applied": applied})
    return 0


def cmd_create_agency(args: argparse.Namespace) -> int:
    agency = agencies.create_agency(_open(args), args.code, args.name, args.range_size,
                                    _settings(args).clock())
    _out({"code": agency.code, "name": agency.name, "range_size": agency.range_size})
    return 0


def cmd_agencies(args: argparse.Namespace) -> int:
    _out(agencies.list_agencies(_open(args)))
    return 0


def cmd_enrolment_code(args: argparse.Namespace) -> int:
    settings = _settings(args)
    valid = (dt.timedelta(hours=args.valid_hours) if args.valid_hours is not None
             else settings.enrolment_valid)
    code, expires = agencies.make_enrolment_code(_open(args), args.agency, settings.clock(),
                                                 valid)
    sys.stdout.write(f"Mã đăng ký máy cho đơn vị {args.agency.upper()}, dùng một lần, "
                     f"hết hạn {expires:%H:%M %d/%m/%Y}:\n{code}\n")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    _out(agencies.list_devices(_open(args), args.agency))
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    count = agencies.revoke(_open(args), _settings(args).clock(), device_id=args.device,
                            agency_code=args.agency, workstation=args.workstation)
    _out({"revoked": count})
    return 0


def cmd_import_catalogue(args: argparse.Namespace) -> int:
    procedures = catalogue.read_catalogue_files([Path(f) for f in args.files])
    changed = catalogue.import_procedures(_open(args), procedures, _settings(args).clock())
    _out({"procedures": len(procedures), "changed": changed})
    return 0


def cmd_import_calendar(args: argparse.Namespace) -> int:
    items = catalogue.read_calendar_file(Path(args.file))
    changed = catalogue.import_calendar(_open(args), items, _settings(args).clock())
    _out({"exceptions": len(items), "changed": changed})
    return 0


def cmd_remove_calendar_exception(args: argparse.Namespace) -> int:
    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        detail = f"ngày phải có dạng YYYY-MM-DD: {args.date}"
        raise PortalError("bad_argument", 422, detail=detail) from None
    removed = catalogue.remove_calendar_exception(_open(args), day, _settings(args).clock())
    _out({"removed": removed})
    return 0


def cmd_set_status(args: argparse.Namespace) -> int:
    record = dossiers.set_status(_open(args), args.dossier_code, args.status, args.note,
                                 _settings(args).clock(), by=args.by, department=args.department)
    _out(record)
    return 0


def cmd_send_notices(args: argparse.Namespace) -> int:
    from .notify import SpoolSender, deliver_due

    done = deliver_due(_open(args), SpoolSender(args.spool), _settings(args).clock())
    _out({"sent": done.sent, "failed": done.failed})
    return 0


def cmd_notices(args: argparse.Namespace) -> int:
    from .notify import list_for_agency

    _out(list_for_agency(_open(args), args.agency))
    return 0


def cmd_dossiers(args: argparse.Namespace) -> int:
    _out(dossiers.list_for_agency(_open(args), args.agency, with_progress=args.progress))
    return 0


def cmd_manifests(args: argparse.Namespace) -> int:
    db = _open(args)
    with db.read() as conn:
        agencies.get_agency(conn, args.agency)  # an unknown agency is an error, not an empty list
    _out(postal.manifests_for_agency(db, args.agency.strip().upper()))
    return 0


def cmd_forms(args: argparse.Namespace) -> int:
    db = _open(args)
    with db.read() as conn:
        agencies.get_agency(conn, args.agency)
    _out(forms.listing(db, args.agency.strip().upper()))
    return 0


def cmd_create_online(args: argparse.Namespace) -> int:
    applicant = {"name": args.name, "id_number": args.id_number, "phone": args.phone,
                 "email": args.email, "address": args.address}
    result = dossiers.create_online(_open(args), args.agency, args.procedure, applicant,
                                    _settings(args).clock())
    if args.public_url:
        result["lookup_url"] = (f"{args.public_url.rstrip('/')}/tra-cuu/{result['MaHoSo']}"
                                f"?k={result['lookup_secret']}")
    _out(result)
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", default=os.environ.get(DB_ENV), required=DB_ENV not in os.environ,
                        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db or "
                             f"sqlite:///portal.db (default: ${DB_ENV})")
    common.add_argument("-v", "--verbose", action="store_true")
    parser = _Parser(prog="python -m portal", description="Cổng trung tâm Quầy Một Cửa")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(name: str, func: Any, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(func=func)
        return p

    p = add("serve", cmd_serve, "run the HTTP server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--blob-dir", default="portal-blobs", help="where attachments are stored")
    p.add_argument("--rate-limit", type=float, default=None,
                   help="requests per second per device token (default: no limit)")
    p.add_argument("--public-rate-limit", type=float, default=None,
                   help="requests per second per address on /tra-cuu and /enrol")
    p.add_argument("--public-url", default="")
    p.add_argument("--notice-spool", default="",
                   help="send messages to citizens into this JSON-lines file (reference sender)")
    p.add_argument("--notice-interval", type=float, default=5.0, help="seconds between rounds")
    add("migrate", cmd_migrate, "create or upgrade the database schema")
    p = add("create-agency", cmd_create_agency, "add an agency (đơn vị)")
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--range-size", type=int, default=1000)
    add("agencies", cmd_agencies, "list agencies (JSON)")
    p = add("enrolment-code", cmd_enrolment_code, "a one-time code to enrol one device")
    p.add_argument("--agency", required=True)
    p.add_argument("--valid-hours", type=float, default=None, help="default 72")
    p = add("devices", cmd_devices, "list an agency's devices (JSON)")
    p.add_argument("--agency", required=True)
    p = add("revoke-device", cmd_revoke_device, "revoke a device's token")
    p.add_argument("--device", help="device id (from `devices`)")
    p.add_argument("--agency")
    p.add_argument("--workstation", type=int)
    p = add("import-catalogue", cmd_import_catalogue, "import procedure catalogue files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p = add("import-calendar", cmd_import_calendar, "import the days-off exceptions file")
    p.add_argument("file", metavar="FILE")
    p = add("remove-calendar-exception", cmd_remove_calendar_exception,
            "delete one days-off exception")
    p.add_argument("date", metavar="YYYY-MM-DD")
    p = add("set-status", cmd_set_status, "back office: set status 4–9 with a note")
    p.add_argument("dossier_code", metavar="DOSSIER_CODE")
    p.add_argument("status", metavar="STATUS", type=int)
    p.add_argument("--note", required=True)
    p.add_argument("--by", default="", help="NguoiXuLy")
    p.add_argument("--department", default="", help="PhongBanXuLy")
    p = add("send-notices", cmd_send_notices,
            "send the messages to citizens that are due, once (JSON counts)")
    p.add_argument("--spool", required=True, help="JSON-lines file the reference sender writes")
    p = add("notices", cmd_notices, "an agency's messages to citizens and their state (JSON)")
    p.add_argument("--agency", required=True)
    p = add("dossiers", cmd_dossiers, "an agency's dossiers (JSON list)")
    p.add_argument("--agency", required=True)
    p.add_argument("--progress", action="store_true", help="with CapNhatTienDoHoSoMC rows")
    p = add("manifests", cmd_manifests, "an agency's hand-over manifests from the post office "
            "and their intake (JSON list; docs/postal.md)")
    p.add_argument("--agency", required=True)
    p = add("forms", cmd_forms, "blank forms an agency attached at its workstations (JSON "
            "list; sha256 \"\": detached)")
    p.add_argument("--agency", required=True)
    p = add("create-online-dossier", cmd_create_online, "record a dossier submitted online")
    p.add_argument("--agency", required=True)
    p.add_argument("--procedure", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--id-number", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--email", default="")
    p.add_argument("--address", default="")
    p.add_argument("--public-url", default="")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except PortalError as e:
        sys.stderr.write(f"Lỗi: {e.message}\n")
    except sa_exc.OperationalError as e:
        sys.stderr.write(f"Lỗi: {unreachable(e).message}\n")
    except sa_exc.ArgumentError as e:
        sys.stderr.write(f"Lỗi: {message('bad_argument', detail=str(e).splitlines()[0])}\n")
    except sa_exc.SQLAlchemyError as e:  # parameters are hidden: no personal data here
        sys.stderr.write(f"Lỗi: {message('database_error', detail=type(e).__name__)}\n")
    return EXIT_ERROR

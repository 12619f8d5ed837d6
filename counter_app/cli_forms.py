"""`python -m counter_app procedure-info | blank-form | attach-form`: a procedure's information
sheet and its blank declaration forms (tờ khai) from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .domain.errors import NotFound
from .domain.model import ProcedureForm
from .domain.text import clean, fold
from .services import forms
from .services.counter import Counter


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _write(path: Path, pdf: bytes) -> None:
    from .cli import _writer  # one wording for unwritable files

    _writer(path)(pdf)


def cmd_procedure_info(args: argparse.Namespace) -> int:
    from .printing.procedure_sheet import procedure_sheet_pdf
    from .services.documents import letterhead

    with Counter.open(args.data_dir) as counter:
        procedure = counter.procedure(args.code)
        if procedure is None:
            raise NotFound(code=args.code)
        pdf = procedure_sheet_pdf(procedure, letterhead(counter.profile),
                                  printed_on=counter.clock().date())
    _write(args.out, pdf)
    _out({"code": procedure.code, "out": str(args.out), "bytes": len(pdf),
          "forms": [{"code": f.code, "name": f.name} for f in procedure.forms]})
    return 0


def cmd_blank_form(args: argparse.Namespace) -> int:
    with Counter.open(args.data_dir) as counter:
        procedure = counter.procedure(args.code)
        if procedure is None or not procedure.forms:
            raise NotFound(code=args.code)
        code = args.form or procedure.forms[0].code
        pdf = forms.form_pdf(counter, procedure.code, code)
    _write(args.out, pdf)
    _out({"code": procedure.code, "form": code, "out": str(args.out), "bytes": len(pdf)})
    return 0


def cmd_attach_form(args: argparse.Namespace) -> int:
    name = clean(args.name)
    form = ProcedureForm(args.form or "-".join(fold(name).split()), name)
    from . import messages
    from .cli import CliError

    with Counter.open(args.data_dir) as counter:
        try:
            forms.attach_form(counter, args.code, form, args.file)
        except OSError as e:
            raise CliError(messages.text("file.unreadable", path=str(args.file),
                                         detail=e.strerror or str(e))) from e
        procedure = counter.procedure(args.code)
    assert procedure is not None
    _out({"code": procedure.code, "forms": [{"code": f.code, "name": f.name, "sha256": f.sha256}
                                            for f in procedure.forms]})
    return 0


def register(sub: Any) -> None:
    """Add the commands to the main parser's subcommands."""
    p = sub.add_parser("procedure-info", help="in thông tin thủ tục hành chính ra tệp PDF")
    p.add_argument("code", help="mã thủ tục, vd. 1.001193")
    p.add_argument("--out", type=Path, required=True, help="tệp PDF")
    p.set_defaults(func=cmd_procedure_info)

    p = sub.add_parser("blank-form", help="in tờ khai để trống của thủ tục ra tệp PDF")
    p.add_argument("code", help="mã thủ tục")
    p.add_argument("--form", default="", help="mã mẫu tờ khai (mặc định: mẫu đầu tiên)")
    p.add_argument("--out", type=Path, required=True, help="tệp PDF")
    p.set_defaults(func=cmd_blank_form)

    p = sub.add_parser("attach-form", help="đính kèm tờ khai PDF do tỉnh cung cấp vào thủ tục")
    p.add_argument("code", help="mã thủ tục")
    p.add_argument("--file", type=Path, required=True, help="tệp PDF")
    p.add_argument("--name", required=True, help="tên mẫu, vd. «Tờ khai đăng ký khai sinh»")
    p.add_argument("--form", default="", help="mã mẫu (mặc định: từ tên); mẫu cùng mã bị thay")
    p.set_defaults(func=cmd_attach_form)

"""Entry point: the window when no subcommand is given, otherwise the command line.

The window path must not pay for the command line's modules (reports, XLSX, sync client…):
only the global options are read here, and `cli` is imported only for a subcommand.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from .services.profile import default_data_dir


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """Options every invocation takes, before any subcommand."""
    parser.add_argument("--data-dir", type=Path, default=default_data_dir(),
                        help="thư mục dữ liệu (mặc định: %(default)s)")
    parser.add_argument("--user", default="", help="tên người dùng ghi vào sự kiện")
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")


def resume_gc() -> None:
    """Turn the garbage collector back on (`__main__` turns it off for start-up) with what
    exists now moved out of its way: start-up's objects live as long as the process, so later
    collections need not scan them again. Idempotent."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    pre = argparse.ArgumentParser(add_help=False)
    add_global_options(pre)
    known, rest = pre.parse_known_args(args_list)
    if rest:  # a subcommand, or -h
        resume_gc()
        from .cli import main as cli_main

        return cli_main(args_list)
    logging.basicConfig(level=logging.INFO if known.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from .app import run_gui  # Qt only when the window is wanted

    return run_gui(known.data_dir)

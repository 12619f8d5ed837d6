"""Entry point: the window when no subcommand is given, otherwise the command line.

The window path must not pay for the command line's modules (reports, XLSX, sync client…):
only the global options are read here, by hand (argparse's help texts go through gettext,
which searches the disk for translations), and `cli` is imported only for a subcommand.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .services.profile import default_data_dir

if TYPE_CHECKING:
    import argparse


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


def window_options(args: Sequence[str]) -> tuple[Path, bool] | None:
    """(data directory, verbose) when `args` hold only the global options; None for anything
    else (a subcommand, -h, an option without its value): the command line's parser takes
    those, and says what is wrong."""
    data_dir, verbose = default_data_dir(), False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if name in ("--data-dir", "--user") and (eq or rest):
            value = value if eq else rest.pop(0)
            if name == "--data-dir":
                data_dir = Path(value)
        elif arg in ("-v", "--verbose"):
            verbose = True
        else:
            return None
    return data_dir, verbose


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    window = window_options(args_list)
    if window is None:  # a subcommand, or -h
        resume_gc()
        from .cli import main as cli_main

        return cli_main(args_list)
    data_dir, verbose = window
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from .app import run_gui  # Qt only when the window is wanted

    return run_gui(data_dir)

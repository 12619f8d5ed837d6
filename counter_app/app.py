"""Starting the window: kept apart so that the command line never imports Qt."""

from __future__ import annotations

from pathlib import Path


def run_gui(data_dir: Path) -> int:
    from .ui.main import run

    return run(data_dir)

"""Finding shipped resources (fonts, seed data, translations) from source and when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The `resources/` folder: beside the package from source, in the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def program_name() -> str:
    """How the user starts this program: the bundle's executable, or the module from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "python -m counter_app"

"""The portal may use the counter's pure domain rules, never its store, services or UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PORTAL = Path(__file__).resolve().parents[2] / "portal"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted(PORTAL.rglob("*.py")), ids=lambda p: p.name)
def test_portal_imports_only_the_counters_domain(path: Path) -> None:
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] == "counter_app":
            assert parts[:2] == ["counter_app", "domain"], f"{path.name} imports {name}"
        assert parts[0] not in ("PySide6", "shiboken6"), f"{path.name} imports {name}"

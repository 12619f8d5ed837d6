"""The layer rules of docs/ARCHITECTURE.md, checked by parsing every module's imports."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "counter_app"
QT = {"PySide6", "shiboken6"}
STDLIB = set(sys.stdlib_module_names)

# What each layer may import from inside counter_app (besides itself).
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "printing": {"domain", "resources"},
    "sync": {"domain", "store"},
    "services": {"domain", "store", "printing", "resources", "sync"},
}


def _imports(path: Path) -> list[tuple[str, int]]:
    """Absolute top-level names and relative targets ("counter_app.x") imported by a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = list(path.relative_to(ROOT).with_suffix("").parts[:-1])
    out: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                if not node.module:
                    out += [(f"{name}.{a.name}", node.lineno) for a in node.names]
                    continue
                out.append((name, node.lineno))
            else:
                out.append((node.module or "", node.lineno))
    return out


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_ui_imports_qt(path):
    if _layer(path) == "ui":
        return
    bad = [(n, line) for n, line in _imports(path) if n.split(".")[0] in QT]
    assert not bad, f"{path.relative_to(ROOT)} imports Qt: {bad}"


@pytest.mark.parametrize("path", [p for p in _modules() if _layer(p) in ALLOWED],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_layers_import_only_downwards(path):
    layer = _layer(path)
    for name, line in _imports(path):
        top = name.split(".")[0]
        if top == "counter_app":
            target = name.split(".")[1] if "." in name else ""
            assert target == layer or target in ALLOWED[layer], (
                f"{path.relative_to(ROOT)}:{line} ({layer}) imports counter_app.{target}")
        elif layer == "domain":
            assert top in STDLIB or top == "holidays", (
                f"{path.relative_to(ROOT)}:{line}: domain imports {name}")


def test_the_checker_sees_a_forbidden_import(tmp_path):
    """Guard against a checker that silently finds nothing."""
    fake = PACKAGE / "domain" / "_probe_tmp.py"
    fake.write_text("import requests\nfrom ..store import db\nfrom PySide6 import QtCore\n")
    try:
        names = [n for n, _ in _imports(fake)]
    finally:
        fake.unlink()
    assert names == ["requests", "counter_app.store", "PySide6"]

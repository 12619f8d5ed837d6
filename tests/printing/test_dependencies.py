"""counter_app.printing stays pure: standard library, reportlab, segno, python-barcode, openpyxl."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PRINTING = Path(__file__).resolve().parents[2] / "counter_app" / "printing"
ALLOWED_THIRD_PARTY = {"reportlab", "segno", "barcode", "openpyxl"}


def test_printing_imports_no_qt_store_or_services():
    modules = sorted(PRINTING.glob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: only the package itself, domain and resources
                    target = (node.module or "").split(".")[0]
                    assert node.level == 1 or target in {"domain", "resources"}, (path, target)
                    continue
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY, (path, name)

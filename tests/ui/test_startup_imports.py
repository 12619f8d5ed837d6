"""The window's start keeps the heavy libraries off its path: they load when first used.

A fresh process opens the real window on a set-up data directory (QMC_STARTUP_PROBE: it quits
once the login screen has the keyboard and the reception page its catalogue) and lists the
modules it imported by then. Importing reportlab alone costs about as much as a bare PySide6
window takes to start (docs/benchmarks.md, "Start-up"), so a stray top-level import in a
module the window loads would undo the start-up target without any test noticing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import DemoData

ROOT = Path(__file__).resolve().parents[2]

# Loaded on first use only: PDFs (print preview, reprint, reports), spreadsheets, the portal's
# HTTP client, scanned pictures and PDF pages, the holiday tables (first due date), QR codes;
# and the windows no clerk needs at start: dossier view, administration, first run, the
# supervisor's sync problems, the pages of the other tabs.
HEAVY = ("reportlab", "openpyxl", "requests", "urllib3", "PIL", "pypdfium2", "holidays", "segno",
         "counter_app.printing.common", "counter_app.printing.receipt",
         "counter_app.sync.client", "counter_app.sync.engine", "counter_app.ui.dossier_view",
         "counter_app.ui.admin_page", "counter_app.ui.accounts_page", "counter_app.ui.first_run",
         "counter_app.ui.account_form", "counter_app.ui.sync_problems_page",
         # the pages behind the other tabs, made when their tab is first opened
         "counter_app.ui.lookup_page", "counter_app.ui.act_on_page", "counter_app.ui.postal_page",
         "counter_app.ui.return_page",
         # the print preview and its printers (F1 / F2, a slip), the first password (argon2's
         # cffi), the first scan's parser, the backup made after start, logging's extras
         "counter_app.ui.procedure_info", "counter_app.ui.print_preview",
         "counter_app.ui.pdf_pages", "PySide6.QtPrintSupport", "argon2", "_cffi_backend",
         "counter_app.domain.scan", "counter_app.services.auto_backup", "logging.handlers")


def test_the_window_starts_without_the_heavy_libraries(demo_data: DemoData,
                                                       tmp_path: Path) -> None:
    listing = tmp_path / "modules.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QMC_STARTUP_PROBE="1",
               QMC_STARTUP_MODULES=str(listing), XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, "-m", "counter_app", "--data-dir",
                           str(demo_data.data_dir)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert any(line.startswith("ready ") for line in proc.stderr.splitlines()), proc.stderr

    modules = set(listing.read_text(encoding="utf-8").split())
    assert "counter_app.ui.reception_page" in modules  # the listing is the window's
    loaded = sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert loaded == []

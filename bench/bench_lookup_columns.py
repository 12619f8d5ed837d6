"""The look-up page's column widths for a full page of results (200 rows), on the GUI thread.

    .venv/bin/python bench/bench_lookup_columns.py [--repeat R]

On a demo data directory (made in a temporary folder), the page's first result list: 200
dossiers, the widths of its five sized columns. Measured R times each, alternating, on fresh
pages (QT_QPA_PLATFORM=offscreen):

1. the app: `LookupPage._size_columns` (`ui/column_widths.fit_to_widest`: font metrics of every
   text, the delegate's size of the three widest per column);
2. before: `QTableView.resizeColumnToContents` for the five columns, what the page did until
   then (the delegate's size of every cell: about 8,000 data() calls into Python);
3. floor: the font metrics of the 1,000 texts alone, already in a list: what knowing the
   widest text costs at least.

The widths of 1 and 2 must be equal (the run fails otherwise). Prints one JSON object on
stdout; not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's app, not another install
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFontMetricsF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from counter_app.services.counter import Counter  # noqa: E402
from counter_app.ui.dossier_table_model import Column  # noqa: E402
from counter_app.ui.lookup_page import COLUMN_PADDING, PAGE_SIZE, LookupPage  # noqa: E402
from counter_app.ui.main import configure_application  # noqa: E402

SIZED = [c for c in Column if c != Column.PROCEDURE]


def ms(samples: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(samples) * 1000, 2),
            "min_ms": round(min(samples) * 1000, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # no saved header state
        subprocess.run([sys.executable, "-m", "counter_app", "--data-dir", f"{tmp}/data",
                        "demo-setup"], check=True, capture_output=True, cwd=ROOT)
        app = QApplication(sys.argv[:1])
        configure_application(app)
        with Counter.open(Path(tmp) / "data") as counter:
            rows = counter.search_summaries("", limit=PAGE_SIZE)
        times: dict[str, list[float]] = {"app": [], "before": [], "floor": []}
        widths: dict[str, list[int]] = {}

        def page() -> LookupPage:
            p = LookupPage(None)  # type: ignore[arg-type]  # no lane: rows are given
            p.resize(1200, 700)
            p.model.set_dossiers(rows)
            return p

        def before(p: LookupPage) -> None:
            header = p.table.horizontalHeader()
            for column in SIZED:
                p.table.resizeColumnToContents(column)
                header.resizeSection(column, header.sectionSize(column) + COLUMN_PADDING)

        for _ in range(args.repeat):
            for name, size in (("app", LookupPage._size_columns), ("before", before)):
                p = page()
                t0 = time.perf_counter()
                size(p)
                times[name].append(time.perf_counter() - t0)
                widths[name] = [p.table.horizontalHeader().sectionSize(c) for c in SIZED]
                p.deleteLater()
                app.processEvents()
            p = page()
            metrics = QFontMetricsF(p.table.font())
            texts = [p.model.cell(r, c, Qt.ItemDataRole.DisplayRole) for c in SIZED
                     for r in p.model.rows()]
            t0 = time.perf_counter()
            for text in texts:
                metrics.horizontalAdvance(text)
            times["floor"].append(time.perf_counter() - t0)
            p.deleteLater()
            app.processEvents()
    out: dict[str, Any] = {
        "bench": "lookup_columns", "rows": len(rows), "columns": len(SIZED),
        "repeat": args.repeat, "widths": widths, "same_widths": widths["app"] == widths["before"],
        "app": ms(times["app"]), "before": ms(times["before"]), "floor": ms(times["floor"]),
        "ratio": round(statistics.median(times["app"]) / statistics.median(times["floor"]), 1),
        "speed_up_over_before": round(statistics.median(times["before"])
                                      / statistics.median(times["app"]), 1),
        "load_average": os.getloadavg(),
    }
    print(json.dumps(out, indent=2))
    return 0 if out["same_widths"] else 1


if __name__ == "__main__":
    sys.exit(main())

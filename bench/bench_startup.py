"""Start-up benchmark: cold start to the counter ready for input, next to a bare PySide6 window.

    .venv/bin/python bench/bench_startup.py [--runs N] [--data-dir DIR]

Each run is a fresh process (QT_QPA_PLATFORM=offscreen). The app is started with
QMC_STARTUP_PROBE=1 (counter_app/ui/startup_probe.py): once the window is shown, its login
screen focused and the reception page's catalogue loaded, it writes "ready <s>" to stderr and
quits. The bare window is QApplication + QMainWindow shown, then the same line. Both are timed
from process spawn to that line; "ratio" is app / bare for the medians (target ≤ 2.5). Peak
memory is the child's ru_maxrss. Without --data-dir a small demo data directory is made in a
temporary folder. Prints one JSON object on stdout; not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.resize(1200, 760); w.show()\n"
    "def ready():\n"
    "    sys.stderr.write('ready 0\\n'); sys.stderr.flush(); app.exit(0)\n"
    "QTimer.singleShot(0, ready)\n"
    "app.exec()\n"
)


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawn to the "ready" line, and the child's peak RSS in KiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, cwd=ROOT)
    assert proc.stderr is not None
    elapsed = None
    for line in proc.stderr:
        if line.startswith("ready "):
            elapsed = time.perf_counter() - start
            break
    proc.wait(timeout=60)
    if elapsed is None:
        raise RuntimeError(f"{args[:3]} never became ready (exit {proc.returncode})")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def _demo(data_dir: Path) -> None:
    subprocess.run([sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "demo-setup"],
                   check=True, cwd=ROOT, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QMC_STARTUP_PROBE="1")
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # no developer settings
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(tmp) / "data"
            _demo(data_dir)
        app_cmd = [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir)]
        bare, app, peak = [], [], 0
        for _ in range(args.runs):  # interleaved, so that machine noise hits both alike
            bare.append(_timed([sys.executable, "-c", BARE], env)[0])
            seconds, rss = _timed(app_cmd, env)
            app.append(seconds)
            peak = max(peak, rss)
    result = {
        "bench": "startup", "runs": args.runs, "python": sys.version.split()[0],
        "data_dir": str(args.data_dir) if args.data_dir else "demo (temporary)",
        "bare_window_s": round(statistics.median(bare), 3),
        "app_ready_s": round(statistics.median(app), 3),
        "ratio": round(statistics.median(app) / statistics.median(bare), 2),
        "peak_rss_mib": round(peak / 1024, 1),
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

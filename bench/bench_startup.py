"""Start-up benchmark: cold start to the counter ready for input, next to a bare PySide6 window.

    .venv/bin/python bench/bench_startup.py [--runs N] [--data-dir DIR]

Each run is a fresh process (QT_QPA_PLATFORM=offscreen). The app is started with
QMC_STARTUP_PROBE=1 (counter_app/ui/startup_probe.py): once the window is shown, its login
screen focused and the reception page's catalogue loaded, it writes "ready <s>" to stderr and
quits. The bare window is QApplication + QMainWindow shown, then the same line. Both are timed
from process spawn to that line; "ratio" is app / bare for the medians (target ≤ 2.5). Peak
memory is the child's ru_maxrss. Without --data-dir a small demo data directory is made in a
temporary folder. Prints one JSON object on stdout; not part of the test run.

    .venv/bin/python bench/bench_startup.py --build 1000000 --data-dir DIR

first fills DIR (which must be new or empty) with the demo set-up (profile, catalogue, 300 demo
dossiers, the demo administrator) plus N more dossiers through bench_store's bulk importer
(`Counter.receive_many`, 10,000 per transaction); later runs reuse DIR with --data-dir alone.
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
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
BARE = (
    "import sys, time\n"
    "def peak_rss_kib():\n"
    "    with open('/proc/self/status') as f:\n"
    "        return next(int(x.split()[1]) for x in f if x.startswith('VmHWM:'))\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.resize(1200, 760); w.show()\n"
    "def ready():\n"
    "    sys.stderr.write(f'ready 0 {peak_rss_kib()} {time.process_time():.3f}\\n')\n"
    "    sys.stderr.flush(); app.exit(0)\n"
    "QTimer.singleShot(0, ready)\n"
    "app.exec()\n"
)


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


class Run(NamedTuple):
    seconds: float  # spawn to the "ready" line
    peak_kib: int  # the child's own VmHWM when ready (ru_maxrss would carry ours across fork)
    cpu: float  # CPU seconds the child used in all, start to exit, all threads
    cpu_ready: float  # CPU seconds the child had used when ready (its own process_time)


def _timed(args: list[str], env: dict[str, str]) -> Run:
    """One fresh process, timed to its "ready" line."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, _cpu(usage)
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, cwd=ROOT)
    assert proc.stderr is not None
    elapsed = None
    reported, cpu_ready = 0, 0.0
    for line in proc.stderr:
        if line.startswith("ready "):
            elapsed = time.perf_counter() - start
            fields = line.split()
            reported = int(fields[2]) if len(fields) > 2 else 0
            cpu_ready = float(fields[3]) if len(fields) > 3 else 0.0
            break
    proc.wait(timeout=60)
    if elapsed is None:
        raise RuntimeError(f"{args[:3]} never became ready (exit {proc.returncode})")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Run(elapsed, reported or max(usage.ru_maxrss, before), _cpu(usage) - cpu_before,
               cpu_ready)


def _demo(data_dir: Path) -> None:
    subprocess.run([sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "demo-setup"],
                   check=True, cwd=ROOT, capture_output=True)


def _build(data_dir: Path, n: int) -> None:
    """Demo set-up plus n dossiers through bench_store's bulk importer (progress on stderr)."""
    import dataclasses

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_store import RANGE_SIZE, bulk_import  # type: ignore[import-not-found]

    from counter_app.services.counter import Counter
    from counter_app.services.demo import ensure_demo

    data_dir.mkdir(parents=True, exist_ok=True)
    counter = Counter.open(data_dir)
    try:
        ensure_demo(counter)
        counter.set_profile(dataclasses.replace(counter.profile, range_size=RANGE_SIZE))
        bulk_import(counter, n)
        counter.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        counter.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--build", type=int, metavar="N",
                        help="first fill --data-dir with the demo plus N dossiers")
    args = parser.parse_args()
    if args.build:
        if args.data_dir is None:
            parser.error("--build needs --data-dir")
        _build(args.data_dir, args.build)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QMC_STARTUP_PROBE="1")
    # An installed app runs from compiled bytecode (pip and PyInstaller compile it): let the
    # untimed first start write __pycache__ like an installation would, then measure.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # no developer settings
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(tmp) / "data"
            _demo(data_dir)
        app_cmd = [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir)]
        bare_first = _timed([sys.executable, "-c", BARE], env).seconds  # warm-up: bytecode
        app_first = _timed(app_cmd, env).seconds
        bare_runs: list[Run] = []
        app_runs: list[Run] = []
        for _ in range(args.runs):  # interleaved, so that machine noise hits both alike
            bare_runs.append(_timed([sys.executable, "-c", BARE], env))
            app_runs.append(_timed(app_cmd, env))
    bare = [r.seconds for r in bare_runs]
    app = [r.seconds for r in app_runs]
    peak = max(r.peak_kib for r in app_runs)

    def cpu(runs: list[Run], field: str) -> float:
        return statistics.median(getattr(r, field) for r in runs)

    result = {
        "bench": "startup", "runs": args.runs, "python": sys.version.split()[0],
        "data_dir": str(args.data_dir) if args.data_dir else "demo (temporary)",
        "bare_window_s": round(statistics.median(bare), 3),
        "app_ready_s": round(statistics.median(app), 3),
        "ratio": round(statistics.median(app) / statistics.median(bare), 2),
        # On a loaded machine the fastest run is closest to the cost itself.
        "fastest_s": {"bare": round(min(bare), 3), "app": round(min(app), 3),
                      "ratio": round(min(app) / min(bare), 2)},
        "peak_rss_mib": round(peak / 1024, 1),
        # Less sensitive to other load on the machine than wall time; the whole process,
        # start to exit (so it includes closing), all threads.
        "cpu_s": {"bare": round(cpu(bare_runs, "cpu"), 3), "app": round(cpu(app_runs, "cpu"), 3),
                  "ratio": round(cpu(app_runs, "cpu") / cpu(bare_runs, "cpu"), 2)},
        # The CPU each process had used when it was ready: what the wall time would be on an
        # idle machine, less the waiting (disk, the lane's hand-over), more the second core.
        "cpu_to_ready_s": {"bare": round(cpu(bare_runs, "cpu_ready"), 3),
                           "app": round(cpu(app_runs, "cpu_ready"), 3),
                           "ratio": round(cpu(app_runs, "cpu_ready") / cpu(bare_runs, "cpu_ready"),
                                          2)},
        "load_average_1min": round(os.getloadavg()[0], 2),
        "untimed_first_start_s": {"bare": round(bare_first, 3), "app": round(app_first, 3)},
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

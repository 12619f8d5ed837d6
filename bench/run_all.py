"""Run every bench/bench_*.py script and collect their JSON into bench/out/results.json.

    .venv/bin/python bench/run_all.py [--only SUBSTRING] [--args "NAME=ARGS" ...]

e.g. a quick run: `bench/run_all.py --args "bench_store=--dossiers 20000"` (every script runs
at its default size otherwise; bench_store's default of 1,000,000 dossiers takes ~20 minutes).

Each script prints one JSON object on stdout and its progress on stderr (passed through here).
A script that fails or prints something that is not JSON is recorded with its exit code and
the tail of its output, and the run goes on with the next one; the exit code is 1 if any failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out" / "results.json"


def run(script: Path, args: list[str]) -> dict[str, Any]:
    print(f"== {script.name} {' '.join(args)}", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(script), *args], stdout=subprocess.PIPE,
                          text=True, cwd=BENCH.parent)
    seconds = round(time.perf_counter() - t0, 1)
    entry: dict[str, Any] = {"args": args, "exit_code": proc.returncode, "seconds": seconds}
    try:
        entry["result"] = json.loads(proc.stdout)
    except json.JSONDecodeError:
        entry["stdout_tail"] = proc.stdout[-2000:]
    if proc.returncode != 0 or "result" not in entry:
        entry["failed"] = True
    return entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run only scripts whose name contains this")
    parser.add_argument("--args", action="append", default=[], metavar="NAME=ARGS",
                        help="arguments for one script, e.g. \"bench_store=--dossiers 20000\"")
    ns = parser.parse_args(argv)
    scripts = sorted(p for p in BENCH.glob("bench_*.py") if ns.only in p.stem)
    if not scripts:
        parser.error(f"no bench/bench_*.py matches {ns.only!r}")
    extra: dict[str, list[str]] = {}
    for item in ns.args:
        name, sep, text = item.partition("=")
        if not sep or name.removesuffix(".py") not in {p.stem for p in scripts}:
            parser.error(f"--args {item!r}: expected NAME=ARGS naming one of the scripts")
        extra[name.removesuffix(".py")] = shlex.split(text)
    results = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "sqlite": sqlite3.sqlite_version},
        "benches": {script.stem: run(script, extra.get(script.stem, [])) for script in scripts},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    failed = [name for name, entry in results["benches"].items() if entry.get("failed")]
    print(f"wrote {OUT}" + (f"; failed: {', '.join(failed)}" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

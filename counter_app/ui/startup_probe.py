"""QMC_STARTUP_PROBE=1: print "ready <seconds>" to stderr once the counter is ready, then quit.

Used by bench/bench_startup.py to time a cold start. "Ready" means the window is shown, its
login screen has the keyboard (the first thing a clerk types into) and the reception page has
its catalogue loaded behind it; the seconds are counted from the start of `run()`."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

ENV = "QMC_STARTUP_PROBE"


def wanted() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def report_when_ready(app: QApplication, startup: QObject, started: float) -> None:
    """Connect to `startup.window_opened`; print once and quit when the window is ready."""

    def on_window_opened(window) -> None:  # type: ignore[no-untyped-def]
        page = window.reception_page

        def check() -> None:
            if window.isVisible() and page.picker.procedures():
                sys.stderr.write(f"ready {time.perf_counter() - started:.3f}\n")
                sys.stderr.flush()
                window.close()
                app.exit(0)
            else:
                QTimer.singleShot(5, check)

        check()

    startup.window_opened.connect(on_window_opened)  # type: ignore[attr-defined]

"""QMC_STARTUP_PROBE=1: print "ready <seconds> <peak KiB> <CPU seconds>" to stderr once the
counter is ready for input, then quit.

Used by bench/bench_startup.py to time a cold start. "Ready" means: the window is shown, the
keyboard focus is in the login screen's first empty field (what a clerk types into first; the
focus widget is checked, not assumed) and the reception page behind it has its procedure picker
filled from the catalogue. The seconds are counted from the start of `run()`; the bench times
from process spawn. The CPU seconds are the whole process's so far (all threads).
QMC_STARTUP_MODULES=<file> also writes the names of the imported modules there (one a line),
for the test that keeps heavy modules off the window's path."""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

ENV = "QMC_STARTUP_PROBE"
MODULES_ENV = "QMC_STARTUP_MODULES"


def wanted() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM; ru_maxrss where there is no /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def report_when_ready(app: QApplication, startup: QObject, started: float) -> None:
    """Connect to `startup.window_opened`; print once and quit when the window is ready."""

    def on_window_opened(window) -> None:  # type: ignore[no-untyped-def]
        page = window.reception_page
        login = window.guard.login_screen
        done = False

        def ready() -> bool:
            focus = QApplication.focusWidget()
            return (window.isVisible() and bool(page.picker.procedures())
                    and focus is not None and focus in (login.username, login.password)
                    and focus.isEnabled() and focus.isVisible())

        def check() -> None:
            nonlocal done
            if done:
                return
            if not ready():
                QTimer.singleShot(1, check)
                return
            done = True
            sys.stderr.write(f"ready {time.perf_counter() - started:.3f} {peak_rss_kib()} "
                             f"{time.process_time():.3f}\n")
            sys.stderr.flush()
            modules = os.environ.get(MODULES_ENV, "")
            if modules:
                Path(modules).write_text("\n".join(sorted(sys.modules)) + "\n", encoding="utf-8")
            window.close()
            app.exit(0)

        page.procedures_loaded.connect(check)
        check()

    startup.window_opened.connect(on_window_opened)  # type: ignore[attr-defined]

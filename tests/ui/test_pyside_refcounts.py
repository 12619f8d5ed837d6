"""PySide6 6.12.0 loses references to None, True and False; ui/pyside_refcounts.py keeps them
alive on Python 3.11.

The busy processes run on their own: the abort comes when a count reaches zero, which may be
after a test's last line (the UI tests aborted while the interpreter finalized, all passed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from counter_app.ui import pyside_refcounts

ROOT = Path(__file__).resolve().parents[2]
CALLS = 50_000  # each of None, True and False has a few thousand references in a fresh process

# What a day at the counter does: void calls (None), emits and disconnects (True).
BUSY = f"""
from PySide6.QtCore import QObject, Signal

class Busy(QObject):
    pinged = Signal(object)

def slot(value):
    pass

busy = Busy()
for _ in range({CALLS}):
    busy.setObjectName("busy")
    busy.pinged.emit(1)
    busy.pinged.disconnect(busy.pinged.connect(slot))
print("done")
"""


def run_busy(*, guarded: bool) -> subprocess.CompletedProcess[str]:
    prelude = "import counter_app.ui\n" if guarded else ""
    return subprocess.run([sys.executable, "-c", prelude + BUSY], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_a_busy_process_exits_cleanly_once_the_ui_package_is_imported() -> None:
    proc = run_busy(guarded=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["done"]
    assert "Fatal Python error" not in proc.stderr


def test_the_probe_finds_what_aborts_a_busy_process_without_the_guard() -> None:
    """Without the guard, the same process aborts exactly when the probe says PySide6 loses
    references: should this fail after a PySide6 upgrade, the guard is no longer needed."""
    proc = run_busy(guarded=False)
    aborted = proc.returncode != 0 and "Fatal Python error" in proc.stderr
    assert aborted == pyside_refcounts.drops_references(), proc.stderr[-2000:]


def test_this_process_has_the_headroom_when_pyside_loses_references() -> None:
    assert pyside_refcounts.GUARDED == (sys.version_info < (3, 12)
                                        and pyside_refcounts.drops_references())
    if pyside_refcounts.GUARDED:
        for obj in (None, True, False):
            assert sys.getrefcount(obj) > pyside_refcounts.HEADROOM // 2

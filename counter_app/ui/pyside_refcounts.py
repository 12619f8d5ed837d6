"""Keep None, True and False alive although PySide6 6.12.0 drops references to them.

PySide6 6.12.0 returns `None` from every void method (`label.setText(...)`, `timer.start()`…)
and the bool from `SignalInstance.emit()` and `.disconnect()` without the reference the caller
is owed: each such call made from Python takes one reference away from `None`, `True` or
`False`. CPython 3.12 made these three objects immortal (PEP 683), so there a missing
reference changes nothing; on 3.11, the interpreter this application runs on, the count goes
down until it reaches zero and the process aborts: "Fatal Python error: bool_dealloc:
deallocating True or False" (or none_dealloc). `True` has the fewest references: the UI tests
emit a few thousand signals and crashed at exit; the window emits once per database job and
makes thousands of void calls an hour, so a long enough day would crash it too.

`guard()` does on 3.11 what 3.12 does: it adds a reference count to each of the three that no
program can use up (2**40: a million lost references a second for 35 years), once, at the
first import of the `ui` package. That happens only when a probe on import shows the
installed PySide6 losing references, so a fixed PySide6 leaves the objects untouched. Any
other kind of interpreter, or one whose objects do not start with their reference count (a
debug build), is left alone too. tests/ui/test_pyside_refcounts.py checks it in processes of
their own.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

HEADROOM = 1 << 40
_PROBES = 64
_TOLERANCE = 1000
_SINGLETONS = (None, True, False)


class _Probe(QObject):
    pinged = Signal()


def drops_references() -> bool:
    """Does the installed PySide6 lose a reference to None (a void method) or to True (an
    emit) on each call? A correct PySide6 loses none; 6.12.0 one a call."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
        probe.pinged.emit()
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    return max(lost_none, lost_true) >= _PROBES // 2


def _refcount_cell(obj: object) -> ctypes.c_ssize_t | None:
    """The object's reference count as a writable cell, when it is where CPython 3.11 keeps
    it (the first field of the object); None on any other interpreter or layout."""
    if (sys.implementation.name != "cpython" or sys.version_info >= (3, 12)
            or hasattr(sys, "getobjects")):  # a Py_TRACE_REFS build: two pointers come first
        return None
    cell = ctypes.c_ssize_t.from_address(id(obj))
    # The same number as getrefcount's, less its own argument; a collection or another thread
    # may move it by a few in between, a pointer in that place would be off by far more.
    if abs(cell.value - (sys.getrefcount(obj) - 1)) > _TOLERANCE:
        return None
    return cell


def guard() -> bool:
    """Give None, True and False the headroom when PySide6 loses references to them; True when
    they have it. Calling it again gives them no more."""
    if sys.version_info >= (3, 12) or not drops_references():
        return False
    cells = [_refcount_cell(obj) for obj in _SINGLETONS]
    if any(cell is None for cell in cells):
        log.warning("PySide6 loses references to None/True/False and this interpreter's "
                    "objects are not laid out as CPython 3.11's: a long run may abort")
        return False
    for cell in cells:
        assert cell is not None
        if cell.value < HEADROOM:
            cell.value += HEADROOM
    return True


GUARDED = guard()

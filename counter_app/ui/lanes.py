"""Background lanes: run blocking work off the GUI thread, get the result back on it."""

# The rule (see docs/ARCHITECTURE.md, "Threads"):
#   ✗ worker: self.table.setModel(...)           — a widget touched off the GUI thread
#   ✗ GUI:    counter.search(text)                — SQLite on the GUI thread freezes the window
#   ✓ GUI:    lane.call(lambda c: c.search(text), self._on_lane_searched)
#             the worker returns plain data; the callback runs on the GUI thread.

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..services.counter import Counter
from ..services.profile import Profile

log = logging.getLogger(__name__)

T = TypeVar("T")
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class _Signals(QObject):
    """Made and emitted in the worker thread; the connection to the relay is queued."""

    finished = Signal(object)
    failed = Signal(object)


class _Relay(QObject):
    """Lives on the GUI thread, so its slots (and the callbacks) run there."""

    def __init__(self, on_done: OnDone | None, on_error: OnError | None,
                 context: QObject | None) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._context = context

    def _context_alive(self) -> bool:
        return self._context is None or shiboken6.isValid(self._context)

    @Slot(object)
    def deliver_result(self, value: object) -> None:
        _PENDING.discard(self)
        if self._on_done is not None and self._context_alive():
            self._on_done(value)

    @Slot(object)
    def deliver_error(self, error: BaseException) -> None:
        _PENDING.discard(self)
        if not self._context_alive():
            return
        if self._on_error is not None:
            self._on_error(error)
        else:
            log.error("background job failed", exc_info=error)


# Relays waiting for their job; held here so that Python keeps them alive until delivery.
_PENDING: set[_Relay] = set()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        signals = _Signals()
        signals.finished.connect(self._relay.deliver_result)
        signals.failed.connect(self._relay.deliver_error)
        try:
            value = self._fn()
        except Exception as e:  # handed to on_error on the GUI thread
            signals.failed.emit(e)
        else:
            signals.finished.emit(value)


def make_pool(name: str) -> QThreadPool:
    """A serial lane: one thread, jobs run in submission order."""
    pool = QThreadPool()
    pool.setObjectName(name)
    pool.setMaxThreadCount(1)
    return pool


def run_in_lane(
    pool: QThreadPool,
    fn: Callable[[], object],
    on_done: OnDone | None = None,
    on_error: OnError | None = None,
    context: QObject | None = None,
) -> None:
    """Run `fn()` on `pool`; then `on_done(result)` or `on_error(exception)` on the GUI thread.

    Call from the GUI thread. When `context` (usually the widget that asked) has been
    deleted by the time the job ends, neither callback is called.
    """
    relay = _Relay(on_done, on_error, context)
    _PENDING.add(relay)
    pool.start(_Job(fn, relay))


class CounterLane:
    """The database lane: its one thread owns the Counter; the GUI thread only sends it jobs."""

    def __init__(self) -> None:
        self.pool = make_pool("database")
        self._counter: Counter | None = None  # touched only by jobs running in the lane

    def open(self, data_dir: Path, on_done: Callable[[Profile], None],
             on_error: OnError | None = None, context: QObject | None = None,
             progress: Callable[[str, int, int], None] | None = None) -> None:
        """Open the local database in the lane; `on_done` gets the workstation profile.
        `progress` is called in the lane while an upgrade of the database runs."""

        def job() -> Profile:
            if self._counter is not None:
                self._counter.close()
            self._counter = Counter.open(data_dir, progress=progress)
            return self._counter.profile

        run_in_lane(self.pool, job, on_done, on_error, context)

    def call(self, fn: Callable[[Counter], T], on_done: Callable[[T], None] | None = None,
             on_error: OnError | None = None, context: QObject | None = None) -> None:
        """Run `fn(counter)` in the lane; results come back as in `run_in_lane`."""

        def job() -> T:
            if self._counter is None:
                raise RuntimeError("the database lane has no open Counter")
            return fn(self._counter)

        run_in_lane(self.pool, job, on_done, on_error, context)

    def shutdown(self) -> None:
        """Close the database in the lane and wait until the lane is idle."""

        def close() -> None:
            if self._counter is not None:
                self._counter.close()
                self._counter = None

        self.pool.start(close)
        self.pool.waitForDone()

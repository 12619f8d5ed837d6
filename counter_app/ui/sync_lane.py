"""The network lane: background sync with the portal on its own thread and its own database
connection, at an interval, soon after a local write, and on "Đồng bộ ngay"."""

# The engine (counter_app/sync) is plain blocking code. It runs here on a one-thread pool of
# its own, never on the GUI thread and never on the database lane (a sync may wait minutes for
# a slow portal; the clerk's searches must not queue behind it). The lane owns a second
# Counter on the same SQLite file: WAL lets the database lane read while the engine writes,
# and busy_timeout covers two writers meeting.

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..services import sync as sync_service
from ..services.counter import Changes, Counter
from ..services.profile import Profile
from ..store import db
from ..sync.errors import NotEnrolled
from ..sync.summary import Progress
from .lanes import CounterLane, make_pool, run_in_lane

log = logging.getLogger(__name__)

MAX_SECONDS = 60.0  # a background run: passes with backoff until idle or this long
MANUAL_SECONDS = 10.0  # "Đồng bộ ngay": the clerk wants an answer soon
DEBOUNCE_MS = 3_000  # after a local write: a burst of receptions makes one sync
MINUTE_MS = 60_000
# States in which only a person can make sync work again: automatic runs wait for them.
STUCK_STATES = ("not_enrolled", "needs_enrolment")


@dataclass(frozen=True)
class SyncOutcome:
    """What one run on the network lane hands back: the engine's result (None when the
    workstation is not enrolled) and the status read right after it."""

    result: sync_service.SyncResult | None
    status: sync_service.SyncStatus


class _Stopped(Exception):
    """The lane is shutting down: a backoff wait ends the run at once."""


class _EngineSignals(QObject):
    """Lives on the GUI thread; emitted from the network lane, so delivery is queued."""

    progressed = Signal(object)


class SyncLane(QObject):
    """Runs `services.sync.run_until_idle` on the network lane; one run at a time.

    A request that comes while a run is under way is remembered and run right after it.
    Automatic runs (the interval, a local write, start-up) are skipped while the workstation
    is not enrolled or its token was refused; "Đồng bộ ngay" always tries.
    """

    sync_started = Signal()
    sync_progressed = Signal(object)  # sync.summary.Progress
    sync_finished = Signal(object)  # SyncOutcome
    sync_failed = Signal(object)  # an unexpected exception (a bug), logged
    status_read = Signal(object)  # services.sync.SyncStatus, after a run or a local write
    changes_applied = Signal(object)  # services.counter.Changes: what the pull changed

    def __init__(self, db_lane: CounterLane, profile: Profile,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = make_pool("network")
        self.max_seconds = MAX_SECONDS
        self.manual_seconds = MANUAL_SECONDS
        self.running = False
        self.status: sync_service.SyncStatus | None = None  # the newest one read
        self._db_lane = db_lane
        self._data_dir: Path | None = None  # known once the database lane said it
        self._counter: Counter | None = None  # touched only by jobs running in this lane
        self._again = False  # a request came during a run
        self._auto_wanted = False  # an automatic run waits for the status to allow it
        self._closed = False
        self._stop = threading.Event()  # set once, by shutdown
        self._wake = threading.Event()  # ends a backoff wait: "Đồng bộ ngay", shutdown
        self._woken = False  # a wait of this run was ended by "Đồng bộ ngay": it was the retry
        self._signals = _EngineSignals(self)
        self._signals.progressed.connect(self._on_engine_progressed)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.set_interval_ms(max(0, profile.sync_interval_minutes) * MINUTE_MS)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)

    # ----- starting, stopping ----------------------------------------------------------------

    def start(self) -> None:
        """Learn the data directory from the database lane, then sync once (the app may have
        been closed for days) and start the interval timer."""
        self._db_lane.call(lambda counter: counter.data_dir, self._on_db_lane_data_dir,
                           context=self)

    def _on_db_lane_data_dir(self, data_dir: Path) -> None:
        if self._closed:
            return
        self._data_dir = Path(data_dir)
        if self.timer.interval() > 0:
            self.timer.start()
        if self._again:  # "Đồng bộ ngay" before the lane knew where the data is
            self._again = False
            self.sync_now()
        else:
            self._auto()

    def set_interval_ms(self, ms: int) -> None:
        """0: no timer, only "Đồng bộ ngay" and local writes start a sync."""
        self.timer.setInterval(ms)
        if ms <= 0:
            self.timer.stop()
        elif self._data_dir is not None and not self._closed:
            self.timer.start()

    def shutdown(self) -> None:
        """Stop the timers, end a backoff wait, close the lane's database and wait until the
        lane is idle. A request under way finishes first (bounded by its timeout)."""
        self._closed = True
        self.timer.stop()
        self._debounce.stop()
        self._stop.set()
        self._wake.set()

        def close() -> None:
            if self._counter is not None:
                self._counter.close()
                self._counter = None

        self.pool.start(close)
        self.pool.waitForDone()

    # ----- asking for a sync -----------------------------------------------------------------

    def sync_now(self) -> None:
        """Run a sync now; during a run, end its backoff wait and run once more after it."""
        if self._closed:
            return
        if self.running or self._data_dir is None:
            self._again = True
            self._wake.set()
            return
        self._run(self.manual_seconds)

    def schedule(self) -> None:
        """Something was written locally: sync soon, once the burst of writes is over."""
        if not self._closed:
            self._debounce.start()

    def refresh_status(self) -> None:
        """Read the sync status (and the pending count) through the database lane."""
        self._db_lane.call(sync_service.status, self._on_db_lane_status_read, context=self)

    def _auto(self) -> None:
        """An automatic run: first ask whether it can do any good."""
        self._auto_wanted = True
        self.refresh_status()

    def _on_timer_timeout(self) -> None:
        self._auto()

    def _on_debounce_timeout(self) -> None:
        self._auto()

    def _on_db_lane_status_read(self, status: sync_service.SyncStatus) -> None:
        self.status = status
        self.status_read.emit(status)
        if self._auto_wanted:
            self._auto_wanted = False
            if status.state not in STUCK_STATES and not self.running and not self._closed:
                self._run(self.max_seconds)

    # ----- enrolment -------------------------------------------------------------------------

    def enrol(self, portal_url: str, code: str, device_name: str,
              on_done: Callable[[sync_service.EnrolResult], None],
              on_error: Callable[[BaseException], None], context: QObject) -> None:
        """Spend an enrolment code on the network lane (a slow portal must not freeze the
        window); after success the status is read again and a first sync starts."""
        data_dir = self._data_dir
        if data_dir is None or self._closed:
            on_error(NotEnrolled())
            return

        def job() -> sync_service.EnrolResult:
            return sync_service.enrol(self._lane_counter(data_dir), portal_url, code,
                                      device_name)

        def done(result: sync_service.EnrolResult) -> None:
            on_done(result)
            if not self._closed:
                self.sync_now()  # the first sync: the catalogue and calendar come down

        run_in_lane(self.pool, job, done, on_error, context=context)

    def _lane_counter(self, data_dir: Path) -> Counter:
        """The lane's own Counter, opened on first use (on the network lane)."""
        if self._counter is None:  # the database lane has opened and checked the file
            self._counter = Counter(db.connect(data_dir / db.DB_FILENAME, check=False), data_dir)
        return self._counter

    # ----- the run ---------------------------------------------------------------------------

    def _run(self, max_seconds: float) -> None:
        data_dir = self._data_dir
        assert data_dir is not None
        self.running = True
        self._wake.clear()
        self._woken = False
        self.sync_started.emit()

        def job() -> SyncOutcome:
            counter = self._lane_counter(data_dir)
            try:
                engine = sync_service.engine(counter, sleep=self._sleep,
                                             progress=self._signals.progressed.emit)
            except NotEnrolled:
                return SyncOutcome(None, sync_service.status(counter))
            try:
                result = sync_service.run_until_idle(counter, max_seconds, engine)
            except _Stopped:
                return SyncOutcome(None, sync_service.status(counter))
            return SyncOutcome(result, sync_service.status(counter))

        run_in_lane(self.pool, job, self._on_lane_synced, self._on_lane_failed, context=self)

    def _sleep(self, seconds: float) -> None:
        """The engine's backoff wait (network lane); "Đồng bộ ngay" and shutdown end it."""
        woken = self._wake.wait(seconds)
        self._wake.clear()
        if self._stop.is_set():
            raise _Stopped()
        self._woken = self._woken or woken

    @Slot(object)
    def _on_engine_progressed(self, progress: Progress) -> None:
        if self.running:
            self.sync_progressed.emit(progress)

    def _on_lane_synced(self, outcome: SyncOutcome) -> None:
        self.running = False
        if self._woken:  # the request was served by retrying at once, within this run
            self._again = False
        self.status = outcome.status
        changes = outcome.result.changes if outcome.result is not None else Changes()
        if changes.calendar:  # the database lane's Counter caches the working calendar
            self._db_lane.call(lambda counter: counter.forget_calendar(), context=self)
        self.sync_finished.emit(outcome)
        self.status_read.emit(outcome.status)
        if changes.dossiers or changes.catalogue or changes.calendar:
            self.changes_applied.emit(changes)
        self._after_run()

    def _on_lane_failed(self, error: BaseException) -> None:
        self.running = False
        log.error("sync run failed", exc_info=error)
        self.sync_failed.emit(error)
        self.refresh_status()
        self._after_run()

    def _after_run(self) -> None:
        if self._again and not self._closed:
            self._again = False
            self._run(self.manual_seconds)

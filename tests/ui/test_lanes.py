"""The database lane: work off the GUI thread, callbacks on it, errors delivered, one thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from counter_app.domain.errors import NotFound
from counter_app.ui.lanes import make_pool, run_in_lane

from .helpers import QT_STRICT

pytestmark = QT_STRICT


@pytest.fixture
def pool():
    pool = make_pool("test")
    yield pool
    pool.waitForDone()


def test_job_runs_in_the_lane_and_the_callback_on_the_gui_thread(qtbot, pool):
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def job() -> int:
        seen["job"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    run_in_lane(pool, job, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["job"] != gui
    assert seen["callback"] == gui
    assert seen["value"] == 42


def test_errors_reach_on_error_on_the_gui_thread(qtbot, pool):
    got: list[BaseException] = []
    threads: list[int] = []

    def job() -> None:
        raise NotFound(code="X")

    def failed(error: BaseException) -> None:
        threads.append(threading.get_ident())
        got.append(error)

    run_in_lane(pool, job, on_error=failed)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert isinstance(got[0], NotFound)
    assert threads == [threading.get_ident()]


def test_jobs_run_one_at_a_time_in_order(qtbot, pool):
    order: list[int] = []
    results: list[int] = []
    for i in range(20):
        run_in_lane(pool, lambda i=i: order.append(i) or i, results.append)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=5000)
    assert order == results == list(range(20))
    assert pool.maxThreadCount() == 1


def test_no_callback_once_the_context_widget_is_gone(qtbot, pool):
    context = QWidget()
    called: list[object] = []
    gate = threading.Event()
    run_in_lane(pool, lambda: gate.wait(5), called.append, context=context)
    context.deleteLater()
    qtbot.wait(10)
    gate.set()
    pool.waitForDone()
    qtbot.wait(50)
    assert called == []

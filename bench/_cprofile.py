"""cProfile of every thread of the portal process (py-spy is not in the venv).

`threading.setprofile` makes each new thread (anyio's workers, where the sync endpoints run)
start its own `cProfile.Profile` on its first event; the main thread (the event loop) gets
one too. At exit the profiles are merged into one pstats file. Deterministic profiling slows
Python down (roughly 1.5-2x), so the profiled run's throughput is not a measurement: only the
split of time between functions is.
"""

from __future__ import annotations

import atexit
import cProfile
import pstats
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

_profiles: list[cProfile.Profile] = []
_lock = threading.Lock()


def _new() -> cProfile.Profile:
    p = cProfile.Profile()
    with _lock:
        _profiles.append(p)
    return p


def _first_call(frame: FrameType, event: str, arg: Any) -> None:
    sys.setprofile(None)
    _new().enable()


def start(path: Path) -> Callable[[], None]:
    """Profile from now on; returns the function that writes `path` (also run at exit,
    which uvicorn skips: it re-raises SIGTERM after its shutdown)."""
    threading.setprofile(_first_call)
    _new().enable()
    done = False

    def dump() -> None:
        nonlocal done
        if done:
            return
        done = True
        with _lock:
            profiles = list(_profiles)
        for p in profiles:
            p.disable()
        stats = pstats.Stats(profiles[0])
        for p in profiles[1:]:
            stats.add(p)
        stats.dump_stats(str(path))

    atexit.register(dump)
    return dump


class DumpAtShutdown:
    """ASGI wrapper: runs `dump` when the server's lifespan shutdown completes."""

    def __init__(self, app: Any, dump: Callable[[], None]) -> None:
        self.app = app
        self.dump = dump

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def sending(message: Any) -> None:
            if message["type"] == "lifespan.shutdown.complete":
                self.dump()
            await send(message)

        await self.app(scope, receive, sending)

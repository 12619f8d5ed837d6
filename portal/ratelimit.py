"""Token-bucket rate limits kept in memory, per device or per client address."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class RateLimiter:
    """`rate` requests per second on average, bursts up to `burst`; None rate = unlimited."""

    def __init__(self, rate: float | None, burst: int,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key → (tokens, last time)
        self._lock = threading.Lock()

    def check(self, key: str) -> int | None:
        """Take one token for `key`; None if allowed, else seconds to wait (Retry-After)."""
        if self.rate is None:
            return None
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                self._trim()
                return None
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self.rate))

    def _trim(self) -> None:
        if len(self._buckets) > self.max_keys:  # forget the oldest half (full buckets anyway)
            ordered = sorted(self._buckets.items(), key=lambda kv: kv[1][1])
            self._buckets = dict(ordered[len(ordered) // 2:])

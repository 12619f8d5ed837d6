"""Retry delays: exponential backoff with full jitter, capped."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Delay before retry number `attempt` (0-based): uniform in [0, min(cap, base·2^attempt)].

    Full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015): two hundred
    workstations coming back online after a power cut do not all knock at the same second.
    A `Retry-After` from the portal is honoured (never waiting less), within the cap.
    """

    base: float = 1.0
    cap: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

    def ceiling(self, attempt: int) -> float:
        return float(min(self.cap, self.base * 2 ** min(max(attempt, 0), 62)))

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        wait = self.rng.uniform(0.0, self.ceiling(attempt))
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.cap))
        return wait

"""Abuse limits: questions per client per minute, and the size of request bodies."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict

from fastapi import HTTPException, Request


class RateLimiter:
    """A token bucket per client: `per_minute` requests on average, bursts of up to `burst`."""

    def __init__(self, per_minute: int, burst: int, clients: int = 10_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._clients = clients  # the oldest clients are forgotten: memory stays bounded
        self._lock = threading.Lock()

    def wait_time(self, client: str, now: float | None = None) -> float:
        """0 if the request may go ahead (and is counted), else the seconds until it may."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._buckets[client] = (tokens - 1 if wait == 0 else tokens, now)
            while len(self._buckets) > self._clients:
                self._buckets.popitem(last=False)
            return wait


def rate_limit(request: Request) -> None:
    """Dependency for the routes that ask questions; loopback clients are exempt by default (see settings)."""
    limiter: RateLimiter | None = request.app.state.limiter
    client = request.client.host if request.client else "unknown"
    if limiter is None or client in request.app.state.settings.rate_limit_exempt:
        return
    wait = limiter.wait_time(client)
    if wait > 0:
        seconds = math.ceil(wait)
        raise HTTPException(
            429,
            f"Te veel vragen achter elkaar. Probeer het over {seconds} seconden opnieuw.",
            headers={"Retry-After": str(seconds)},
        )

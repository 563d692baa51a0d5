"""_pacing: the shared requests-per-second limit."""

from __future__ import annotations

import threading

import pytest
from hivemq_rest._pacing import RateLimiter


def test_slots_are_evenly_spaced() -> None:
    limiter = RateLimiter(4)
    waits = [limiter.reserve(now=100.0) for _ in range(5)]
    assert waits == [0.0, 0.25, 0.5, 0.75, 1.0]


def test_idle_time_is_not_banked() -> None:
    limiter = RateLimiter(10)
    assert limiter.reserve(now=0.0) == 0.0
    assert limiter.reserve(now=50.0) == 0.0
    assert limiter.reserve(now=50.0) == pytest.approx(0.1)


@pytest.mark.parametrize("rate", [0, -1, float("nan")])
def test_rate_must_be_positive(rate: float) -> None:
    with pytest.raises(ValueError, match="above 0"):
        RateLimiter(rate)


def test_threads_share_the_limit() -> None:
    limiter = RateLimiter(1000)
    waits: list[float] = []
    lock = threading.Lock()

    def book() -> None:
        for _ in range(250):
            wait = limiter.reserve(now=0.0)
            with lock:
                waits.append(wait)

    threads = [threading.Thread(target=book) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(round(w * 1000) for w in waits) == list(range(1000))

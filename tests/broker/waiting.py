"""Bounded polling."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")


def eventually(probe: Callable[[], _T], timeout: float = 5.0, interval: float = 0.02) -> _T:
    """``probe()`` once it returns something truthy; AssertionError with the last value after
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        time.sleep(interval)

"""Fixtures of the emulator's own tests (the plugin's come from the root conftest)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hivemq_rest_emulator import EmulatorHandle

__all__ = ["client"]


@pytest.fixture
def client(hivemq_emulator: EmulatorHandle) -> Iterator[httpx.Client]:
    """An HTTP client of the (reset) emulator served by uvicorn."""
    with httpx.Client(base_url=hivemq_emulator.base_url, timeout=10.0) as http:
        yield http

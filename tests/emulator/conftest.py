"""Fixtures of the emulator's own tests.

The plugin's fixtures are imported rather than loaded with ``pytest_plugins``:
pytest only honours ``pytest_plugins`` in the root conftest, and this one is not.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hivemq_rest_emulator import EmulatorHandle
from hivemq_rest_emulator.pytest_plugin import hivemq_emulator, hivemq_emulator_server

__all__ = ["client", "hivemq_emulator", "hivemq_emulator_server"]


@pytest.fixture
def client(hivemq_emulator: EmulatorHandle) -> Iterator[httpx.Client]:
    """An HTTP client of the (reset) emulator served by uvicorn."""
    with httpx.Client(base_url=hivemq_emulator.base_url, timeout=10.0) as http:
        yield http

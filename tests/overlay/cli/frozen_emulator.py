"""An emulator whose clock stands still, so a backup or archive stays running."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from hivemq_rest_emulator import EmulatorServer, create_app
from hivemq_rest_emulator.core import Clock

_NOW = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)


@contextmanager
def frozen_emulator() -> Iterator[str]:
    """The base URL of an emulator whose time does not pass (a job started never ends)."""
    with EmulatorServer(create_app(clock=Clock(lambda: _NOW))) as server:
        yield server.base_url

"""The API's families, one package each: its state, request parsing, rendering and handlers.

``mqtt_clients`` is always there (it serves the sessions backend given to
``create_app``). Every other family is one line in :func:`default_services`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.clock import Clock
from ..core.service import Service


def default_services(clock: Clock) -> Sequence[Service]:
    """The families besides MQTT clients, sharing emulator time ``clock``."""
    return ()

"""What the suite sends its requests to: the emulator or a live broker.

The emulator runs in-process, over HTTP, or in front of a real MQTT broker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from ._emulator import AWKWARD_IDS, EmulatorAdmin, prepare
from ._live import live_config

ASGI: Final = "asgi"
HTTP: Final = "http"
BROKER: Final = "broker"
LIVE: Final = "live"


def target_names() -> list[str]:
    """The targets of this run: the live broker if HIVEMQ_REST_URL is set, else the emulators."""
    return [LIVE] if live_config() is not None else [ASGI, HTTP, BROKER]


class TargetState(Protocol):
    """The suite's hold on the state of a target it controls (an emulator)."""

    @property
    def awkward_ids(self) -> tuple[str, ...]:
        """The hand-made sessions' ids, whose handling the tests insist on."""

    def prepare(self, scenario: int = 0) -> None:
        """Reset the target and set up the test sessions of ``scenario``."""

    def events(self) -> list[dict[str, Any]]:
        """The recorded events, oldest first."""

    def client_ids(self) -> list[str]:
        """Every session's client id, in listing order."""

    def advance_clock(self, seconds: float) -> None:
        """Move emulator time forward."""

    def check_disconnected(self, client_id: str) -> None:
        """Raise AssertionError if the client still has a real connection after a disconnect."""


class MemoryState:
    """The in-memory emulator's state: awkward and seeded sessions through the admin access."""

    awkward_ids: Final = AWKWARD_IDS

    def __init__(self, admin: EmulatorAdmin) -> None:
        self.admin = admin

    def prepare(self, scenario: int = 0) -> None:
        """Reset the emulator and load the test sessions for ``scenario``."""
        prepare(self.admin, scenario)

    def events(self) -> list[dict[str, Any]]:
        """The recorded events, oldest first."""
        return self.admin.events()

    def client_ids(self) -> list[str]:
        """Every session's client id, in listing order."""
        return self.admin.client_ids()

    def advance_clock(self, seconds: float) -> None:
        """Move emulator time forward."""
        self.admin.advance_clock(seconds)

    def check_disconnected(self, client_id: str) -> None:
        """Nothing to check: the in-memory sessions have no real connections."""
        del client_id


@dataclass
class Target:
    """One system under test.

    ``call_kwargs`` go to Schemathesis' ``case.call()``: the ASGI app, or the
    base URL (and the auth headers of a live broker). ``admin`` is None for a
    live broker, whose state the suite never sets up.
    """

    name: str
    call_kwargs: Mapping[str, Any]
    admin: TargetState | None
    allow_delete: bool = True
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_emulator(self) -> bool:
        """Whether the suite controls this target's state."""
        return self.admin is not None

    def prepare(self, scenario: int = 0) -> None:
        """Reset an emulator and set up the test sessions (a live broker is left alone)."""
        if self.admin is not None:
            self.admin.prepare(scenario)

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``case.call()`` and ``case.call_and_validate()``."""
        kwargs = dict(self.call_kwargs)
        if self.headers:
            kwargs["headers"] = dict(self.headers)
        return kwargs

"""What the suite sends its requests to: the emulator in-process, over HTTP, or a live broker."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ._emulator import EmulatorAdmin, prepare
from ._live import live_config

ASGI: Final = "asgi"
HTTP: Final = "http"
LIVE: Final = "live"


def target_names() -> list[str]:
    """The targets of this run: the live broker if HIVEMQ_REST_URL is set, else the emulator."""
    return [LIVE] if live_config() is not None else [ASGI, HTTP]


@dataclass
class Target:
    """One system under test.

    ``call_kwargs`` go to Schemathesis' ``case.call()``: the ASGI app, or the
    base URL (and the auth headers of a live broker). ``admin`` is None for a
    live broker, whose state the suite never sets up.
    """

    name: str
    call_kwargs: Mapping[str, Any]
    admin: EmulatorAdmin | None
    allow_delete: bool = True
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_emulator(self) -> bool:
        """Whether the suite controls this target's state."""
        return self.admin is not None

    def prepare(self, scenario: int = 0) -> None:
        """Reset an emulator and load the test sessions (a live broker is left alone)."""
        if self.admin is not None:
            prepare(self.admin, scenario)

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``case.call()`` and ``case.call_and_validate()``."""
        kwargs = dict(self.call_kwargs)
        if self.headers:
            kwargs["headers"] = dict(self.headers)
        return kwargs

"""What the admin API set for the Health API, and how it is read from the admin body.

Nothing set: every path answers UP. The component names the broker uses are
not documented in a form we could read; ``cluster`` and ``mqtt`` stand for
the parts readiness is documented to cover (an assumption, see
contract_tests/README.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Final

import attrs

from ...core.reader import InvalidBodyError, Reader

#: The components a node has when none is set; readiness covers these.
DEFAULT_COMPONENTS: Final = ("cluster", "mqtt")
MAX_DELAY_SECONDS: Final = 10 * 366 * 86_400.0
_CONFIG_KEYS: Final = ("components", "extensions", "liveness", "readiness", "readinessDelaySeconds")
# Paths of the Health API itself: a component of such a name could not be read back.
_GROUP_NAMES: Final = frozenset({"extensions", "liveness", "readiness"})


@attrs.frozen
class Part:
    """A status as the admin API set it, with its details (any JSON object)."""

    status: str
    details: Mapping[str, Any] = attrs.field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The admin API's shape of the part."""
        return {"status": self.status, "details": dict(self.details)}


@attrs.frozen
class HealthConfig:
    """Everything the admin API sets at once (``PUT /_emulator/health``)."""

    components: Mapping[str, Part] = attrs.field(factory=dict)
    extensions: Mapping[str, Part] = attrs.field(factory=dict)
    liveness: Part | None = None
    readiness: Part | None = None
    readiness_delay_seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The admin API's shape of the configuration."""
        return {
            "components": {name: part.to_json() for name, part in self.components.items()},
            "extensions": {name: part.to_json() for name, part in self.extensions.items()},
            "liveness": None if self.liveness is None else self.liveness.to_json(),
            "readiness": None if self.readiness is None else self.readiness.to_json(),
            "readinessDelaySeconds": self.readiness_delay_seconds,
        }

    @classmethod
    def from_json(cls, value: object) -> HealthConfig:
        """The configuration of an admin body; InvalidBodyError naming what is wrong."""
        reader = Reader(value, "body", _CONFIG_KEYS)
        delay = reader.float_("readinessDelaySeconds", 0.0, 0.0, MAX_DELAY_SECONDS)
        return cls(
            components=_parts(reader, "components", _GROUP_NAMES),
            extensions=_parts(reader, "extensions", frozenset()),
            liveness=_optional_part(reader, "liveness"),
            readiness=_optional_part(reader, "readiness"),
            readiness_delay_seconds=delay,
        )


def _part(value: object, where: str) -> Part:
    if not isinstance(value, dict):
        raise InvalidBodyError(f"{where} must be a JSON object")
    reader = Reader(value, where, ("status", "details"))
    status = reader.raw("status")
    if not isinstance(status, str) or not status:
        raise InvalidBodyError(f"{where}.status must be a non-empty string")
    details = reader.raw("details")
    if not reader.has("details"):
        details = {}
    if not isinstance(details, dict):
        raise InvalidBodyError(f"{where}.details must be a JSON object")
    return Part(status, details)


def _parts(reader: Reader, key: str, taken: frozenset[str]) -> dict[str, Part]:
    if not reader.has(key):
        return {}
    raw = reader.raw(key)
    if not isinstance(raw, dict):
        raise InvalidBodyError(f"{reader.where(key)} must be a JSON object")
    parts = {}
    for name, value in raw.items():
        if not name:
            raise InvalidBodyError(f"{reader.where(key)} has an empty name")
        if name in taken:
            raise InvalidBodyError(
                f"{reader.where(key)} names {name!r}, a path of the Health API of its own"
            )
        parts[name] = _part(value, f"{reader.where(key)}[{name!r}]")
    return parts


def _optional_part(reader: Reader, key: str) -> Part | None:
    raw = reader.raw(key)
    return None if not reader.has(key) or raw is None else _part(raw, reader.where(key))


class HealthState:
    """The configuration in force, and the emulator time readiness waits for."""

    def __init__(self) -> None:
        self.config = HealthConfig()
        self.ready_at: datetime | None = None

    def configure(self, config: HealthConfig, now: datetime) -> None:
        """Put ``config`` in force; readiness lags from ``now`` by its delay."""
        self.config = config
        delay = config.readiness_delay_seconds
        self.ready_at = now + timedelta(seconds=delay) if delay > 0 else None

    def starting(self, now: datetime) -> bool:
        """Whether readiness still lags (its delay has not passed in emulator time)."""
        return self.ready_at is not None and now < self.ready_at

    def reset(self) -> None:
        """Nothing set: every path UP, no lag."""
        self.config = HealthConfig()
        self.ready_at = None

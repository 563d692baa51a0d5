"""Injected faults: unavailability (503), latency and dropped connections.

Faults apply to the HiveMQ API only, never to the admin API under
``/_emulator/``. Each API request first waits ``latency_seconds``; then, drawing
from a ``random.Random(seed)``, it is dropped with probability
``drop_connection_ratio``, else answered 503 with probability
``unavailable_ratio``. Every configuration change re-seeds the generator, so a
test that sends the same requests after the same configuration sees the same
faults.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Any

from .reader import Reader

FAULT_KEYS = (
    "unavailableRatio",
    "retryAfter",
    "latencySeconds",
    "dropConnectionRatio",
    "seed",
    "expireCursors",
)
MAX_LATENCY_SECONDS = 600.0
MAX_RETRY_AFTER = 86_400


class ConnectionDroppedError(Exception):
    """Raised by the app, before it sends anything, to drop the connection.

    The emulator's own server (:class:`EmulatorServer`, the ``serve`` command)
    turns it into a closed socket without any response. Other ASGI servers
    answer 500 instead; in-process callers (``httpx.ASGITransport``) see the
    exception itself.
    """


@dataclass(frozen=True, slots=True)
class FaultConfig:
    """What faults to inject. The default injects none."""

    unavailable_ratio: float = 0.0
    """Share of API requests answered 503 with ``Retry-After`` (0..1)."""
    retry_after: int = 1
    """The ``Retry-After`` of those answers, in seconds."""
    latency_seconds: float = 0.0
    """Delay added to every API request."""
    drop_connection_ratio: float = 0.0
    """Share of API requests whose connection is closed without a response (0..1)."""
    seed: int = 0
    """Seed of the generator that decides which requests fail."""

    def to_json(self) -> dict[str, Any]:
        """The admin API's shape (camelCase)."""
        return {
            "unavailableRatio": self.unavailable_ratio,
            "retryAfter": self.retry_after,
            "latencySeconds": self.latency_seconds,
            "dropConnectionRatio": self.drop_connection_ratio,
            "seed": self.seed,
        }

    @classmethod
    def from_json(cls, value: object) -> tuple[FaultConfig, bool]:
        """``(config, expire_cursors)`` from the admin API's shape; omitted keys take defaults.

        Raises :class:`~hivemq_rest_emulator.core.reader.InvalidBodyError`.
        """
        reader = Reader(value, "faults", FAULT_KEYS)
        config = cls(
            unavailable_ratio=reader.float_("unavailableRatio", 0.0, 0.0, 1.0),
            retry_after=reader.int_("retryAfter", 1, 0, MAX_RETRY_AFTER),
            latency_seconds=reader.float_("latencySeconds", 0.0, 0.0, MAX_LATENCY_SECONDS),
            drop_connection_ratio=reader.float_("dropConnectionRatio", 0.0, 0.0, 1.0),
            seed=reader.int_("seed", 0, -(2**63), 2**63 - 1),
        )
        return config, reader.bool_("expireCursors", False)


@dataclass(frozen=True, slots=True)
class FaultDecision:
    """What happens to one API request."""

    latency_seconds: float
    drop: bool
    unavailable: bool
    retry_after: int


class Faults:
    """The current :class:`FaultConfig` and its seeded generator (thread-safe)."""

    def __init__(self, config: FaultConfig | None = None) -> None:
        self._lock = threading.Lock()
        self._config = FaultConfig()
        self._random = random.Random(0)  # noqa: S311 - fault injection, not security
        self.configure(config or FaultConfig())

    @property
    def config(self) -> FaultConfig:
        """The configuration in force."""
        with self._lock:
            return self._config

    def configure(self, config: FaultConfig) -> None:
        """Replace the configuration and re-seed the generator with ``config.seed``."""
        with self._lock:
            self._config = config
            self._random.seed(config.seed)

    def reset(self) -> None:
        """Back to no faults (and seed 0)."""
        self.configure(FaultConfig())

    def decide(self) -> FaultDecision:
        """Draw the fate of the next API request."""
        with self._lock:
            config = self._config
            drop = config.drop_connection_ratio > 0 and (
                self._random.random() < config.drop_connection_ratio
            )
            unavailable = (
                not drop
                and config.unavailable_ratio > 0
                and self._random.random() < config.unavailable_ratio
            )
            return FaultDecision(config.latency_seconds, drop, unavailable, config.retry_after)

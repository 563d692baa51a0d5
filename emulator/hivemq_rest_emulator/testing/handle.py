"""A running emulator as tests see it: app, backend, URL and helpers."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..core.app import EmulatorApp
from ..core.faults import FaultConfig, Faults
from ..services.health import HealthService
from ..services.health.state import HealthConfig
from ..services.mqtt_clients.backend import SessionBackend
from ..services.mqtt_clients.model import Session
from ..services.mqtt_clients.parse import session_from_json
from ..services.mqtt_clients.seed import seed_sessions
from ..services.mqtt_clients.store import Event, SessionStore

if TYPE_CHECKING:
    from ..services.mqtt_clients.broker.backend import BrokerBackend

_SNAKE = re.compile(r"_([a-z0-9])")


def camel_case(key: str) -> str:
    """``session_expiry_interval`` -> ``sessionExpiryInterval``; camelCase stays as it is."""
    return _SNAKE.sub(lambda match: match.group(1).upper(), key)


def camel_case_keys(value: Any) -> Any:
    """``value`` with every dict key (recursively) in camelCase."""
    if isinstance(value, dict):
        return {camel_case(str(key)): camel_case_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [camel_case_keys(item) for item in value]
    return value


class EmulatorHandle:
    """The emulator behind a base URL, with shortcuts that bypass HTTP.

    ``app`` is the ASGI application, ``backend`` its
    :class:`~hivemq_rest_emulator.SessionBackend` (``store`` when that is the
    in-memory :class:`SessionStore`), ``faults`` its :class:`Faults`,
    ``base_url`` where a real server serves it (empty if none does),
    ``health_url`` where its Health API listener is served (empty if none is).
    """

    def __init__(self, app: EmulatorApp, base_url: str = "", health_url: str = "") -> None:
        self.app = app
        self.base_url = base_url
        self.health_url = health_url

    @property
    def backend(self) -> SessionBackend:
        """The sessions being served, whichever backend holds them."""
        return self.app.backend

    @property
    def store(self) -> SessionStore:
        """The in-memory sessions being served; ``TypeError`` for another backend."""
        return self.app.store

    @property
    def faults(self) -> Faults:
        """The faults being injected."""
        return self.app.faults

    def url(self, path: str) -> str:
        """``base_url`` + ``path``."""
        return self.base_url + path

    def add_session(self, id: str, **fields: Any) -> Session:
        """Add a session from the admin API's JSON shape; keys may be snake_case or camelCase.

        Example: ``add_session("a/b", connected=True, session_expiry_interval=0,
        will={"topic": "t"}, subscriptions=[{"topic_filter": "x/#"}])``.
        Raises ``InvalidBodyError`` or ``DuplicateSessionError``; returns a copy.
        """
        session = session_from_json({"id": id, **camel_case_keys(fields)})
        self.store.add(session)
        return session

    def seed(self, n: int, seed: int = 0) -> int:
        """Add ``n`` seeded sessions (see :func:`seed_sessions`)."""
        return seed_sessions(self.store, n, seed)

    def reset(self) -> None:
        """Every family back to empty, no events, no faults (as ``DELETE /_emulator/state``).

        Cursors issued so far expire; emulator time is the wall clock's again.
        """
        self.app.admin.reset()

    def advance_clock(self, seconds: float) -> datetime:
        """Move emulator time forward (as ``PUT /_emulator/clock``); the new time."""
        return self.app.clock.advance(seconds)

    def events(self) -> list[Event]:
        """The recorded events, oldest first."""
        return self.backend.events()

    def set_faults(self, **fields: Any) -> FaultConfig:
        """Replace the fault configuration; keys as in ``PUT /_emulator/faults``.

        Keys may be snake_case (``unavailable_ratio=1.0``) or camelCase;
        omitted keys take their defaults; ``expire_cursors=True`` expires every
        cursor issued so far. Returns the configuration now in force.
        """
        config, expire = FaultConfig.from_json(camel_case_keys(fields))
        self.faults.configure(config)
        if expire:
            self.backend.expire_cursors()
        return config

    def expire_cursors(self) -> None:
        """Make every cursor issued so far answer 410."""
        self.backend.expire_cursors()

    @property
    def health(self) -> HealthService:
        """The Health API's family (what ``PUT /_emulator/health`` configures)."""
        [service] = [s for s in self.app.services if isinstance(s, HealthService)]
        return service

    def set_health(
        self,
        components: dict[str, Any] | None = None,
        extensions: dict[str, Any] | None = None,
        *,
        liveness: dict[str, Any] | None = None,
        readiness: dict[str, Any] | None = None,
        readiness_delay_seconds: float = 0.0,
    ) -> HealthConfig:
        """Replace what the Health API answers, as ``PUT /_emulator/health`` does.

        ``components`` and ``extensions`` map names to ``{"status": ...,
        "details": {...}}`` (names and details are kept as given);
        ``readiness_delay_seconds`` makes readiness DOWN for that much
        emulator time from now. Returns the configuration in force.
        """
        config = HealthConfig.from_json(
            {
                "components": components or {},
                "extensions": extensions or {},
                "liveness": liveness,
                "readiness": readiness,
                "readinessDelaySeconds": readiness_delay_seconds,
            }
        )
        self.health.configure(config)
        return config


class BrokerEmulatorHandle(EmulatorHandle):
    """An emulator in front of a real MQTT broker: the REST base URL and the MQTT address.

    ``broker`` is the :class:`~hivemq_rest_emulator.BrokerBackend`; MQTT
    clients connect to ``mqtt_host:mqtt_port``. :meth:`reset` disconnects
    every client (without wills) and removes every session. ``store``,
    :meth:`add_session` and :meth:`seed` raise ``TypeError``: a broker's
    sessions come from real clients.
    """

    def __init__(self, app: EmulatorApp, broker: BrokerBackend, base_url: str = "") -> None:
        super().__init__(app, base_url)
        self.broker = broker

    @property
    def mqtt_host(self) -> str:
        """The broker's address."""
        return self.broker.mqtt_host

    @property
    def mqtt_port(self) -> int:
        """The broker's MQTT port."""
        return self.broker.mqtt_port

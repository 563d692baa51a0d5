"""A stateful emulator of the HiveMQ REST API.

Its core (:mod:`~hivemq_rest_emulator.core`) routes every operation of
``openapi.yaml`` on the raw path to the family that answers it
(:mod:`~hivemq_rest_emulator.services`: MQTT clients, Data Hub, backups, trace
recordings, diagnostic archives), and serves an
admin API under ``/_emulator/`` (faults, emulator time, reset). The MQTT
clients family serves the six client endpoints from an in-memory
:class:`SessionStore` (sessions added or seeded through the admin API) or a
real broker. Use it in-process::

    store = SessionStore()
    seed_sessions(store, 10_000, seed=1)
    app = create_app(store)  # any ASGI server, or httpx.ASGITransport

over HTTP in a test (:mod:`hivemq_rest_emulator.testing`: ``EmulatorServer``,
``EmulatorProcess`` and the pytest fixtures), or from the shell::

    hivemq-emulator serve --port 0 --sessions 100000 --seed 1

Any :class:`SessionBackend` can stand behind the HTTP API. Besides the
in-memory store there is :class:`BrokerBackend`, a real MQTT broker (amqtt,
MQTT 3.1.1) on loopback whose clients show up in the API and whose
connections the API's DELETE requests close::

    with BrokerBackend() as broker:  # broker.mqtt_host, broker.mqtt_port
        app = create_app(broker)

or ``hivemq-emulator serve --port 8888 --mqtt-port 1883``. ``BrokerBackend``
is imported on first use, so the rest works without the ``broker`` extra.
"""

from typing import TYPE_CHECKING, Any

_missing_extra: ImportError | None = None
try:
    from .core.app import EmulatorApp, create_app
    from .core.cursors import InvalidCursorError
    from .core.faults import ConnectionDroppedError, FaultConfig, Faults
    from .core.reader import InvalidBodyError
    from .core.server import EmulatorServer
    from .services.mqtt_clients.backend import SessionBackend
    from .services.mqtt_clients.model import (
        QOS_LEVELS,
        RETAIN_HANDLINGS,
        CertificateInformation,
        ConnectionDetails,
        ProxyInformation,
        Restrictions,
        Session,
        Subscription,
        TlsInformation,
        Tlv,
        Will,
        validate_client_id,
    )
    from .services.mqtt_clients.parse import session_from_json
    from .services.mqtt_clients.seed import seed_sessions
    from .services.mqtt_clients.store import (
        DuplicateSessionError,
        Event,
        ExpiredCursorError,
        Page,
        SessionStore,
    )
    from .testing.handle import BrokerEmulatorHandle, EmulatorHandle
except ImportError as _error:
    # Without the emulator extra the package still imports, so that
    # ``python -m hivemq_rest_emulator`` can say what is missing; its names cannot.
    if (_error.name or "").partition(".")[0] not in ("starlette", "uvicorn", "anyio"):
        raise
    _missing_extra = _error

if TYPE_CHECKING:
    from .services.mqtt_clients.broker.backend import BrokerBackend

__all__ = [
    "QOS_LEVELS",
    "RETAIN_HANDLINGS",
    "BrokerBackend",
    "BrokerEmulatorHandle",
    "CertificateInformation",
    "ConnectionDetails",
    "ConnectionDroppedError",
    "DuplicateSessionError",
    "EmulatorApp",
    "EmulatorHandle",
    "EmulatorServer",
    "Event",
    "ExpiredCursorError",
    "FaultConfig",
    "Faults",
    "InvalidBodyError",
    "InvalidCursorError",
    "Page",
    "ProxyInformation",
    "Restrictions",
    "Session",
    "SessionBackend",
    "SessionStore",
    "Subscription",
    "TlsInformation",
    "Tlv",
    "Will",
    "create_app",
    "seed_sessions",
    "session_from_json",
    "validate_client_id",
]


def __getattr__(name: str) -> Any:
    """``BrokerBackend`` on first use (it imports amqtt); without the extra, what is missing."""
    if _missing_extra is not None and name in __all__:
        from ._entry import missing_extra

        raise ImportError(missing_extra("hivemq_rest_emulator", "emulator", _missing_extra))
    if name == "BrokerBackend":
        from .services.mqtt_clients.broker.backend import BrokerBackend

        return BrokerBackend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""pytest fixtures for the HiveMQ REST emulator.

Load it from a conftest with ``pytest_plugins = ["hivemq_rest_emulator.testing.pytest_plugin"]``
(only in the root conftest; pytest refuses ``pytest_plugins`` in deeper ones) or
import the fixtures into a conftest::

    from hivemq_rest_emulator.testing.pytest_plugin import hivemq_emulator, hivemq_emulator_server

Fixtures:

``hivemq_emulator_server`` (session scope)
    One emulator served by uvicorn on ``127.0.0.1`` and a free port, in a
    background thread, for the whole test session: an :class:`EmulatorHandle`.
    Its Health API has a listener of its own on another free port
    (``health_url``).
``hivemq_emulator`` (function scope)
    The same handle, reset (every family empty, no events or faults) before
    and after each test.
``hivemq_broker_emulator_server`` (session scope)
    The emulator in front of a real MQTT broker (amqtt, MQTT 3.1.1) on
    ``127.0.0.1`` and a free port: a :class:`BrokerEmulatorHandle` with
    ``base_url`` (REST) and ``mqtt_host``/``mqtt_port``. Needs ``amqtt``.
``hivemq_broker_emulator`` (function scope)
    The same handle, reset before and after each test: every MQTT client is
    disconnected (without wills), every session and event is gone, no faults.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..core.app import create_app
from ..core.server import EmulatorServer
from ..services.health import HealthListener
from .handle import BrokerEmulatorHandle, EmulatorHandle

__all__ = [
    "hivemq_broker_emulator",
    "hivemq_broker_emulator_server",
    "hivemq_emulator",
    "hivemq_emulator_server",
]


@pytest.fixture(scope="session")
def hivemq_emulator_server() -> Iterator[EmulatorHandle]:
    """An emulator served over HTTP for the whole session (not reset between tests)."""
    app = create_app()
    handle = EmulatorHandle(app)
    with EmulatorServer(app) as server, EmulatorServer(HealthListener(handle.health)) as health:
        handle.base_url, handle.health_url = server.base_url, health.base_url
        yield handle


@pytest.fixture
def hivemq_emulator(hivemq_emulator_server: EmulatorHandle) -> Iterator[EmulatorHandle]:
    """The session's emulator, empty and without faults for this test."""
    hivemq_emulator_server.reset()
    yield hivemq_emulator_server
    hivemq_emulator_server.reset()


@pytest.fixture(scope="session")
def hivemq_broker_emulator_server() -> Iterator[BrokerEmulatorHandle]:
    """The emulator in front of a real MQTT broker, for the whole session (not reset)."""
    # Imported here: amqtt is only needed by those who use this fixture.
    from ..services.mqtt_clients.broker.backend import BrokerBackend

    with BrokerBackend() as broker:
        app = create_app(broker)
        with EmulatorServer(app) as server:
            yield BrokerEmulatorHandle(app, broker, server.base_url)


@pytest.fixture
def hivemq_broker_emulator(
    hivemq_broker_emulator_server: BrokerEmulatorHandle,
) -> Iterator[BrokerEmulatorHandle]:
    """The session's broker-backed emulator, without clients, sessions or faults for this test."""
    hivemq_broker_emulator_server.reset()
    yield hivemq_broker_emulator_server
    hivemq_broker_emulator_server.reset()

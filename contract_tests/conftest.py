"""Fixtures of the contract suite: the targets, the emulator server, Prism.

``target`` is parametrized with the targets of the run (see
:func:`contract_tests._targets.target_names`): ``asgi`` and ``http`` for the
in-memory emulator, ``broker`` for the emulator in front of a real MQTT broker
(the ``hivemq_broker_emulator_server`` fixture of the emulator's pytest
plugin, loaded by the root conftest), ``live`` for the broker at
HIVEMQ_REST_URL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

# Imported now, at collection, not lazily by a check deep inside a test: pytest
# rewrites schemathesis's modules as it imports them, and on CPython 3.11 an
# ast.parse after some deep recursion can fail with "AST constructor recursion
# depth mismatch" (seen once in CI).
import schemathesis.specs.openapi.object_authorization  # noqa: F401
from hivemq_rest_emulator import BrokerEmulatorHandle, EmulatorApp
from hivemq_rest_emulator.testing import EmulatorProcess

from ._broker import BrokerState
from ._emulator import HttpAdmin, InProcessAdmin, in_process_app
from ._live import live_config
from ._mqtt import MqttFleet
from ._prism import UNSEEDED, PrismServer, require_prism
from ._targets import ASGI, BROKER, HTTP, LIVE, MemoryState, Target, target_names


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--health-url``: test a live broker's Health API listener (test_health.py)."""
    parser.addoption(
        "--health-url",
        default=None,
        help="the Health API listener of a live broker (else HIVEMQ_REST_HEALTH_URL)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Hand ``--health-url`` on as HIVEMQ_REST_HEALTH_URL, read when test_health.py is collected."""
    given = config.getoption("health_url", default=None)
    if given:
        os.environ["HIVEMQ_REST_HEALTH_URL"] = str(given)


@pytest.fixture(scope="session")
def asgi_app() -> EmulatorApp:
    """The in-process emulator app of the whole run."""
    return in_process_app()


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[EmulatorProcess]:
    """``hivemq-emulator serve`` on 127.0.0.1 and a free port, for the whole run."""
    with EmulatorProcess(start_timeout=30.0) as server:
        yield server


@pytest.fixture(scope="session")
def emulator_admin(emulator_server: EmulatorProcess) -> Iterator[HttpAdmin]:
    """Admin access to the emulator server."""
    admin = HttpAdmin(emulator_server.base_url)
    try:
        yield admin
    finally:
        admin.close()


@pytest.fixture(scope="session")
def broker_state(
    hivemq_broker_emulator_server: BrokerEmulatorHandle,
) -> Iterator[BrokerState]:
    """The broker-backed emulator and the real MQTT clients that make up its sessions."""
    handle = hivemq_broker_emulator_server
    fleet = MqttFleet(handle.mqtt_host, handle.mqtt_port)
    try:
        yield BrokerState(handle, fleet)
    finally:
        handle.reset()
        fleet.close()


@pytest.fixture(scope="session", params=target_names())
def target(request: pytest.FixtureRequest) -> Target:
    """One system under test (the test's id says which)."""
    name: str = request.param
    if name == ASGI:
        app: EmulatorApp = request.getfixturevalue("asgi_app")
        return Target(ASGI, {"app": app}, MemoryState(InProcessAdmin(app)))
    if name == HTTP:
        admin: HttpAdmin = request.getfixturevalue("emulator_admin")
        return Target(HTTP, {"base_url": admin.base_url}, MemoryState(admin))
    if name == BROKER:
        state: BrokerState = request.getfixturevalue("broker_state")
        return Target(BROKER, {"base_url": state.handle.base_url}, state)
    assert name == LIVE
    live = live_config()
    assert live is not None
    return Target(
        LIVE,
        {"base_url": live.base_url},
        None,
        allow_delete=live.allow_delete,
        headers=live.headers,
    )


@pytest.fixture
def prepared_target(target: Target) -> Target:
    """The target, an emulator reset and holding the test sessions."""
    target.prepare()
    return target


@pytest.fixture(scope="session")
def prism() -> Path:
    """The Prism CLI installed by ``npm ci``; the test fails (never skips) without it."""
    return require_prism()


#: The seeds of the shared mock servers; each module uses the first few.
MOCK_SEEDS: Final = ("1", "2", "3", "4", "5", "6")


@pytest.fixture(scope="session")
def prism_mocks(prism: Path) -> Iterator[dict[str, PrismServer]]:
    """Seeded and unseeded ``prism mock --dynamic`` servers, started side by side, for the session.

    A seed makes each answer depend on the request alone (Prism re-seeds its
    generator for every request), so modules can share them.
    """
    servers = {seed: PrismServer.mock(prism, seed=seed) for seed in MOCK_SEEDS}
    servers[UNSEEDED] = PrismServer.mock(prism)
    try:
        for server in servers.values():
            server.launch()
        for server in servers.values():
            server.wait_ready()
        yield servers
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture(scope="session")
def emulator_proxy(prism: Path, emulator_admin: HttpAdmin) -> Iterator[PrismServer]:
    """``prism proxy --errors openapi.yaml <emulator server>`` on 127.0.0.1, for the session."""
    with PrismServer.proxy(prism, emulator_admin.base_url) as server:
        yield server

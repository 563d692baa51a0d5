"""The pytest plugin's fixtures and the handle they give."""

from __future__ import annotations

import httpx
from hivemq_rest_emulator import EmulatorApp, EmulatorHandle, EmulatorServer, create_app

from tests.emulator.helpers import LIST


def test_fixture_gives_a_running_clean_emulator(hivemq_emulator: EmulatorHandle) -> None:
    assert isinstance(hivemq_emulator.app, EmulatorApp)
    assert hivemq_emulator.store is hivemq_emulator.app.store
    assert hivemq_emulator.base_url.startswith("http://127.0.0.1:")
    assert len(hivemq_emulator.store) == 0
    assert hivemq_emulator.events() == []
    assert hivemq_emulator.faults.config.unavailable_ratio == 0.0
    response = httpx.get(hivemq_emulator.url(LIST), timeout=10)
    assert response.json() == {"items": []}


def test_reset_clears_sessions_events_and_faults(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.add_session("a", connected=True)
    hivemq_emulator.store.disconnect("a")
    hivemq_emulator.set_faults(unavailable_ratio=1.0)
    hivemq_emulator.reset()
    assert len(hivemq_emulator.store) == 0
    assert hivemq_emulator.events() == []
    assert httpx.get(hivemq_emulator.url(LIST), timeout=10).status_code == 200


def test_the_session_server_is_shared(
    hivemq_emulator: EmulatorHandle, hivemq_emulator_server: EmulatorHandle
) -> None:
    assert hivemq_emulator is hivemq_emulator_server


def test_emulator_server_starts_and_stops() -> None:
    app = create_app()
    with EmulatorServer(app) as server:
        url = server.base_url
        assert httpx.get(url + LIST, timeout=10).status_code == 200
    try:
        httpx.get(url + LIST, timeout=2)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("the server still answers after stop()")

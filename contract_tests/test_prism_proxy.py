"""The client's end-to-end operations through ``prism proxy --errors``, in front of the emulator.

Prism checks every request the client sends and every response the emulator
gives against openapi.yaml. The client talks to Prism through a recording
transport, and every test asserts that no exchange carried a violation (see
:meth:`contract_tests._prism.Exchange.violation`) and that the results are
those of the emulator's sessions. ``test_violations_are_detected`` shows that
the detection works, in both directions.

The emulator runs as ``hivemq-emulator serve`` (the ``emulator_server``
fixture); each test resets it and loads the test sessions.

An id of dots alone (``..``) is left out here: the client sends it as
``%2E%2E``, which Prism's URL parser (WHATWG) takes for a dot segment and
removes before routing. The emulator tests cover that id directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import httpx
import pytest
from hivemq_rest import ClientNotFoundError, HiveMQClient, RetryPolicy
from hivemq_rest_generated.types import Unset

from ._emulator import (
    AWKWARD_IDS,
    SEEDED_COUNT,
    UNKNOWN_ID,
    EmulatorServer,
    HttpAdmin,
    awkward_session,
    prepare,
)
from ._prism import PrismServer, RecordingTransport

PAGE_SIZE: Final = 50
#: Ids that Prism's router cannot pass on unchanged (see the module docstring).
THROUGH_PRISM: Final = tuple(client_id for client_id in AWKWARD_IDS if client_id.strip("."))
#: Seeded sessions whose reads also go through Prism, besides the awkward ones.
SEEDED_SAMPLE: Final = 40


@pytest.fixture(scope="module")
def proxy(prism: Path, emulator_server: EmulatorServer) -> Iterator[PrismServer]:
    """``prism proxy --errors openapi.yaml <emulator>`` on 127.0.0.1, for this module."""
    with PrismServer.proxy(prism, emulator_server.base_url) as server:
        yield server


@pytest.fixture
def admin(emulator_admin: HttpAdmin) -> HttpAdmin:
    """The emulator server, reset and loaded with the test sessions."""
    prepare(emulator_admin)
    return emulator_admin


@pytest.fixture
def recorder() -> Iterator[RecordingTransport]:
    """The transport under the client, keeping every exchange with Prism."""
    transport = RecordingTransport()
    yield transport
    transport.close()


@pytest.fixture
def client(proxy: PrismServer, recorder: RecordingTransport) -> Iterator[HiveMQClient]:
    """The client, pointed at Prism; no retries, so that every answer is seen once."""
    with HiveMQClient(
        proxy.base_url, transport=recorder, retry=RetryPolicy.disabled(), timeout=30.0
    ) as hivemq:
        yield hivemq


def assert_clean(recorder: RecordingTransport, proxy: PrismServer) -> None:
    """Requests went through Prism, and none of them showed a violation."""
    assert recorder.exchanges, "no request went through Prism"
    violations = recorder.violations()
    assert not violations, "\n".join([*violations, proxy.process.tail()])
    proxy.process.check_alive()


def direct(admin: HttpAdmin, path: str) -> Any:
    """JSON of a GET straight to the emulator, bypassing Prism and the client."""
    response = httpx.get(admin.base_url + path, timeout=30.0)
    assert response.status_code == 200, (path, response.status_code, response.text[:300])
    return response.json()


def client_path(client_id: str, suffix: str = "") -> str:
    """The API path of one client (the id percent-encoded as one segment)."""
    return f"/api/v1/mqtt/clients/{quote(client_id, safe='')}{suffix}"


def test_listing_pages_through_proxy(
    client: HiveMQClient, admin: HttpAdmin, recorder: RecordingTransport, proxy: PrismServer
) -> None:
    """Every id, exactly once, over several pages whose cursors Prism passes on."""
    pages = list(client.iter_client_id_pages(page_size=PAGE_SIZE))
    expected = admin.client_ids()
    assert len(expected) == len(AWKWARD_IDS) + SEEDED_COUNT
    assert [len(page) for page in pages[:-1]] == [PAGE_SIZE] * (len(pages) - 1)
    assert len(pages) == -(-len(expected) // PAGE_SIZE)
    ids = [client_id for page in pages for client_id in page]
    assert sorted(ids) == sorted(expected)
    assert len(set(ids)) == len(ids)
    assert set(client.iter_client_ids(page_size=2500)) == set(expected)
    assert_clean(recorder, proxy)


def test_reads_through_proxy(
    client: HiveMQClient, admin: HttpAdmin, recorder: RecordingTransport, proxy: PrismServer
) -> None:
    """Details, connection state and subscriptions, awkward ids first, match the emulator."""
    seeded = [client_id for client_id in admin.client_ids() if client_id not in AWKWARD_IDS]
    for client_id in [*THROUGH_PRISM, *seeded[:SEEDED_SAMPLE]]:
        expected = direct(admin, client_path(client_id))["client"]
        details = client.get_client(client_id)
        assert details.id == client_id
        assert details.connected == expected["connected"], client_id
        assert details.message_queue_size == expected["messageQueueSize"], client_id
        expiry = details.session_expiry_interval
        assert (None if isinstance(expiry, Unset) else expiry) == expected.get(
            "sessionExpiryInterval"
        ), client_id
        state = client.get_connection_state(client_id)
        assert state.connected is expected["connected"], client_id
        assert client.is_connected(client_id) is expected["connected"], client_id
        subscriptions = list(client.iter_subscriptions(client_id))
        raw = direct(admin, client_path(client_id, "/subscriptions"))["items"]
        assert [s.topic_filter for s in subscriptions] == [s["topicFilter"] for s in raw]
        assert [str(s.qos) for s in subscriptions] == [s["qos"] for s in raw]
    for index, client_id in enumerate(AWKWARD_IDS):
        if client_id in THROUGH_PRISM:
            definition = awkward_session(client_id, index)
            wanted = [s["topicFilter"] for s in definition["subscriptions"]]
            assert [s.topic_filter for s in client.iter_subscriptions(client_id)] == wanted
            assert client.is_connected(client_id) is definition.get("connected", False)
    assert_clean(recorder, proxy)


def test_not_found_through_proxy(
    client: HiveMQClient, admin: HttpAdmin, recorder: RecordingTransport, proxy: PrismServer
) -> None:
    """An unknown id is ClientNotFoundError for every operation; Prism accepts the 404s."""
    del admin
    with pytest.raises(ClientNotFoundError):
        client.get_client(UNKNOWN_ID)
    with pytest.raises(ClientNotFoundError):
        client.get_connection_state(UNKNOWN_ID)
    with pytest.raises(ClientNotFoundError):
        client.is_connected(UNKNOWN_ID)
    with pytest.raises(ClientNotFoundError):
        list(client.iter_subscriptions(UNKNOWN_ID))
    with pytest.raises(ClientNotFoundError):
        client.disconnect(UNKNOWN_ID)
    with pytest.raises(ClientNotFoundError):
        client.invalidate_session(UNKNOWN_ID, prevent_will_message=True)
    assert [exchange.status for exchange in recorder.exchanges] == [404] * 6
    assert_clean(recorder, proxy)


def test_disconnect_and_invalidate_through_proxy(
    client: HiveMQClient, admin: HttpAdmin, recorder: RecordingTransport, proxy: PrismServer
) -> None:
    """Disconnect and invalidate reach exactly the session named, awkward ids included."""
    connected = [
        client_id
        for index, client_id in enumerate(AWKWARD_IDS)
        if client_id in THROUGH_PRISM and awkward_session(client_id, index).get("connected")
    ]
    assert connected
    for number, client_id in enumerate(connected):
        assert client.is_connected(client_id)
        client.disconnect(client_id, prevent_will_message=number % 2 == 0)
        assert not client.is_connected(client_id)
        assert client.get_client(client_id).id == client_id
    disconnects = [event for event in admin.events() if event["type"] == "disconnect"]
    assert [event["clientId"] for event in disconnects] == connected
    assert [event["preventWillMessage"] for event in disconnects] == [
        number % 2 == 0 for number in range(len(connected))
    ]
    for client_id in THROUGH_PRISM:
        client.invalidate_session(client_id)
        with pytest.raises(ClientNotFoundError):
            client.get_client(client_id)
    invalidated = [event["clientId"] for event in admin.events() if event["type"] == "invalidate"]
    assert invalidated == list(THROUGH_PRISM)
    remaining = set(admin.client_ids())
    assert remaining.isdisjoint(THROUGH_PRISM)
    assert len(remaining) == len(AWKWARD_IDS) - len(THROUGH_PRISM) + SEEDED_COUNT
    assert_clean(recorder, proxy)


def test_violations_are_detected(
    proxy: PrismServer, admin: HttpAdmin, recorder: RecordingTransport
) -> None:
    """The check above is not vacuous: Prism flags a bad request and a bad response."""
    with httpx.Client(base_url=proxy.base_url, transport=recorder, timeout=30.0) as http:
        # A request the spec forbids (limit below 50): Prism answers it itself.
        bad_request = http.get("/api/v1/mqtt/clients", params={"limit": 10})
        assert bad_request.status_code == 422
        # A response the spec does not document: 503 for one client's details.
        admin.set_faults({"unavailableRatio": 1.0})
        try:
            bad_response = http.get(client_path(AWKWARD_IDS[0]))
        finally:
            admin.set_faults({})
        assert bad_response.status_code == 503
    violations = [exchange.violation() for exchange in recorder.exchanges]
    assert violations[0] is not None
    assert "UNPROCESSABLE_ENTITY" in violations[0]
    assert violations[1] is not None
    assert "sl-violations" in violations[1]

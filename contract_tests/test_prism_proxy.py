"""The client's end-to-end operations through ``prism proxy --errors``, in front of the emulator.

Prism checks every request the client sends and every response the emulator
gives against openapi.yaml. The client talks to Prism through a recording
transport, and every test asserts that no exchange carried a violation (see
:meth:`contract_tests._prism.Exchange.violation`) and that the results are
those of the emulator's sessions. ``test_violations_are_detected`` shows that
the detection works, in both directions.

Each test runs in front of two upstreams, named in its id:

* ``http``: the in-memory emulator as ``hivemq-emulator serve`` (the
  ``emulator_server`` fixture), reset and loaded with the awkward and seeded
  sessions;
* ``broker``: the emulator in front of a real MQTT broker, reset and holding
  the sessions of real MQTT clients (see :mod:`contract_tests._broker`); a
  disconnect or an invalidation must close the client's real connection.

An id of dots alone (``..``) is left out here: the client sends it as
``%2E%2E``, which Prism's URL parser (WHATWG) takes for a dot segment and
removes before routing. The emulator tests cover that id directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import httpx
import pytest
from hivemq_rest import ClientNotFoundError, HiveMQClient, RetryPolicy
from hivemq_rest._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS, GET_MQTT_CLIENT_DETAILS, build

from ._broker import AWKWARD_IDS as BROKER_AWKWARD_IDS
from ._broker import FILLER_COUNT, BrokerState
from ._emulator import (
    AWKWARD_IDS,
    SEEDED_COUNT,
    UNKNOWN_ID,
    ExpectedSession,
    HttpAdmin,
    expected_awkward,
    prepare,
)
from ._prism import PrismServer, RecordingTransport
from ._targets import BROKER, HTTP

PAGE_SIZE: Final = MIN_PAGE_SIZE
#: Seeded sessions whose reads also go through Prism, besides the awkward ones.
SEEDED_SAMPLE: Final = 40


def through_prism(client_ids: tuple[str, ...]) -> tuple[str, ...]:
    """The ids that Prism's router passes on unchanged (see the module docstring)."""
    return tuple(client_id for client_id in client_ids if client_id.strip("."))


@dataclass
class Upstream:
    """What Prism stands in front of, and how a test sets it up.

    ``admin`` reaches the emulator's admin API and listing over HTTP (events,
    client ids, faults), bypassing Prism; ``setup`` resets the emulator,
    creates the test sessions and returns the awkward ones as they must read;
    ``check_disconnected`` fails if a client still has a real connection.
    """

    name: str
    admin: HttpAdmin
    setup: Callable[[], list[ExpectedSession]]
    check_disconnected: Callable[[str], None]
    awkward_ids: tuple[str, ...]
    total: int

    @property
    def base_url(self) -> str:
        """The emulator's base URL."""
        return self.admin.base_url


@dataclass(frozen=True)
class Prepared:
    """An upstream right after its setup, and its awkward sessions as they must read."""

    upstream: Upstream
    awkward: list[ExpectedSession]

    @property
    def admin(self) -> HttpAdmin:
        """Admin access to the upstream."""
        return self.upstream.admin

    def through_prism(self) -> list[ExpectedSession]:
        """The awkward sessions whose ids Prism passes on."""
        return [e for e in self.awkward if e.client_id in through_prism(self.upstream.awkward_ids)]


def _no_connection(client_id: str) -> None:
    del client_id  # the in-memory emulator's sessions have no real connection


@pytest.fixture(scope="module", params=[HTTP, BROKER])
def upstream(request: pytest.FixtureRequest) -> Iterator[Upstream]:
    """The emulator behind Prism: in memory (``http``) or in front of an MQTT broker."""
    if request.param == HTTP:
        admin: HttpAdmin = request.getfixturevalue("emulator_admin")

        def setup_memory() -> list[ExpectedSession]:
            prepare(admin)
            return expected_awkward()

        yield Upstream(
            HTTP,
            admin,
            setup_memory,
            _no_connection,
            AWKWARD_IDS,
            len(AWKWARD_IDS) + SEEDED_COUNT,
        )
        return
    state: BrokerState = request.getfixturevalue("broker_state")

    def setup_broker() -> list[ExpectedSession]:
        state.prepare()
        return state.expected_awkward()

    broker_admin = HttpAdmin(state.handle.base_url)
    try:
        yield Upstream(
            BROKER,
            broker_admin,
            setup_broker,
            state.check_disconnected,
            BROKER_AWKWARD_IDS,
            len(BROKER_AWKWARD_IDS) + FILLER_COUNT,
        )
    finally:
        broker_admin.close()


@pytest.fixture(scope="module")
def proxy(prism: Path, upstream: Upstream, request: pytest.FixtureRequest) -> Iterator[PrismServer]:
    """``prism proxy --errors openapi.yaml <emulator>`` on 127.0.0.1 (the session's over HTTP)."""
    if upstream.name == HTTP:
        yield request.getfixturevalue("emulator_proxy")
        return
    with PrismServer.proxy(prism, upstream.base_url) as server:
        yield server


@pytest.fixture
def prepared(upstream: Upstream) -> Prepared:
    """The upstream, reset and holding the test sessions."""
    return Prepared(upstream, upstream.setup())


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
    return build(GET_MQTT_CLIENT_DETAILS, {"clientId": client_id}).target + suffix


def test_listing_pages_through_proxy(
    client: HiveMQClient, prepared: Prepared, recorder: RecordingTransport, proxy: PrismServer
) -> None:
    """Every id, exactly once, over several pages whose cursors Prism passes on."""
    pages = list(client.clients.pages(page_size=PAGE_SIZE))
    expected = prepared.admin.client_ids()
    assert len(expected) == prepared.upstream.total
    assert len(expected) > PAGE_SIZE
    assert [len(page) for page in pages[:-1]] == [PAGE_SIZE] * (len(pages) - 1)
    assert len(pages) == -(-len(expected) // PAGE_SIZE)
    ids = [client_id for page in pages for client_id in page]
    assert sorted(ids) == sorted(expected)
    assert len(set(ids)) == len(ids)
    assert set(client.clients.list(page_size=MAX_PAGE_SIZE)) == set(expected)
    assert_clean(recorder, proxy)


def test_reads_through_proxy(
    client: HiveMQClient, prepared: Prepared, recorder: RecordingTransport, proxy: PrismServer
) -> None:
    """Details, connection state and subscriptions, awkward ids first, match the emulator."""
    admin, awkward = prepared.admin, prepared.upstream.awkward_ids
    others = [client_id for client_id in admin.client_ids() if client_id not in awkward]
    for client_id in [*through_prism(awkward), *others[:SEEDED_SAMPLE]]:
        expected = direct(admin, client_path(client_id))["client"]
        details = client.clients.get(client_id)
        assert details.id == client_id
        assert details.connected == expected["connected"], client_id
        assert details.message_queue_size == expected["messageQueueSize"], client_id
        expiry = details.session_expiry_interval
        assert expiry == expected.get("sessionExpiryInterval"), client_id
        state = client.clients.connection_state(client_id)
        assert state.connected is expected["connected"], client_id
        assert client.clients.is_connected(client_id) is expected["connected"], client_id
        subscriptions = list(client.clients.subscriptions(client_id))
        raw = direct(admin, client_path(client_id, "/subscriptions"))["items"]
        assert [s.topic_filter for s in subscriptions] == [s["topicFilter"] for s in raw]
        assert [str(s.qos) for s in subscriptions] == [s["qos"] for s in raw]
    for session in prepared.through_prism():
        client_id = session.client_id
        got = {(s.topic_filter, str(s.qos)) for s in client.clients.subscriptions(client_id)}
        assert got == session.subscriptions, client_id
        assert client.clients.is_connected(client_id) is session.connected, client_id
    assert_clean(recorder, proxy)


def test_not_found_through_proxy(
    client: HiveMQClient, prepared: Prepared, recorder: RecordingTransport, proxy: PrismServer
) -> None:
    """An unknown id is ClientNotFoundError for every operation; Prism accepts the 404s."""
    del prepared
    with pytest.raises(ClientNotFoundError):
        client.clients.get(UNKNOWN_ID)
    with pytest.raises(ClientNotFoundError):
        client.clients.connection_state(UNKNOWN_ID)
    with pytest.raises(ClientNotFoundError):
        client.clients.is_connected(UNKNOWN_ID)
    with pytest.raises(ClientNotFoundError):
        list(client.clients.subscriptions(UNKNOWN_ID))
    with pytest.raises(ClientNotFoundError):
        client.clients.disconnect(UNKNOWN_ID)
    with pytest.raises(ClientNotFoundError):
        client.clients.invalidate_session(UNKNOWN_ID, prevent_will_message=True)
    assert [exchange.status for exchange in recorder.exchanges] == [404] * 6
    assert_clean(recorder, proxy)


def test_disconnect_and_invalidate_through_proxy(
    client: HiveMQClient, prepared: Prepared, recorder: RecordingTransport, proxy: PrismServer
) -> None:
    """Disconnect and invalidate reach exactly the session named, awkward ids included.

    A session that ends with its connection (expiry 0, a clean MQTT session) is
    gone after the disconnect; any other reads as not connected. On the broker
    the client's real MQTT connection is closed either way.
    """
    admin, sessions = prepared.admin, prepared.through_prism()
    connected = [session for session in sessions if session.connected]
    assert connected
    assert [session for session in connected if not session.ends_with_connection]
    prevented = [number % 2 == 0 for number in range(len(connected))]
    for session, prevent in zip(connected, prevented, strict=True):
        client_id = session.client_id
        assert client.clients.is_connected(client_id)
        client.clients.disconnect(client_id, prevent_will_message=prevent)
        prepared.upstream.check_disconnected(client_id)
        if session.ends_with_connection:
            with pytest.raises(ClientNotFoundError):
                client.clients.is_connected(client_id)
        else:
            assert not client.clients.is_connected(client_id)
            assert client.clients.get(client_id).id == client_id
    disconnects = [event for event in admin.events() if event["type"] == "disconnect"]
    assert [event["clientId"] for event in disconnects] == [s.client_id for s in connected]
    assert [event["preventWillMessage"] for event in disconnects] == prevented
    assert [event["sessionRemoved"] for event in disconnects] == [
        s.ends_with_connection for s in connected
    ]
    wills = [event["clientId"] for event in admin.events() if event["type"] == "will"]
    assert wills == [
        s.client_id
        for s, prevent in zip(connected, prevented, strict=True)
        if s.will_on_disconnect and not prevent
    ]
    remaining = [s.client_id for s in sessions if not (s.connected and s.ends_with_connection)]
    for session in sessions:
        if session.client_id in remaining:
            client.clients.invalidate_session(session.client_id)
        else:
            with pytest.raises(ClientNotFoundError):
                client.clients.invalidate_session(session.client_id)
        with pytest.raises(ClientNotFoundError):
            client.clients.get(session.client_id)
    invalidated = [event["clientId"] for event in admin.events() if event["type"] == "invalidate"]
    assert invalidated == remaining
    left = set(admin.client_ids())
    assert left.isdisjoint(s.client_id for s in sessions)
    assert len(left) == prepared.upstream.total - len(sessions)
    assert_clean(recorder, proxy)


def test_violations_are_detected(
    proxy: PrismServer, prepared: Prepared, recorder: RecordingTransport
) -> None:
    """The check above is not vacuous: Prism flags a bad request and a bad response."""
    admin = prepared.admin
    with httpx.Client(base_url=proxy.base_url, transport=recorder, timeout=30.0) as http:
        # A request the spec forbids (limit below its minimum): Prism answers it itself.
        bad_request = http.get(GET_ALL_MQTT_CLIENTS.path, params={"limit": MIN_PAGE_SIZE - 1})
        assert bad_request.status_code == 422
        # A response the spec does not document: 503 for one client's details.
        admin.set_faults({"unavailableRatio": 1.0})
        try:
            bad_response = http.get(client_path(prepared.awkward[0].client_id))
        finally:
            admin.set_faults({})
        assert bad_response.status_code == 503
    violations = [exchange.violation() for exchange in recorder.exchanges]
    assert violations[0] is not None
    assert "UNPROCESSABLE_ENTITY" in violations[0]
    assert violations[1] is not None
    assert "sl-violations" in violations[1]

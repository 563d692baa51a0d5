"""The broker-backed emulator as the contract tests use it: real MQTT clients as test state.

On this target the sessions come from real MQTT clients (paho-mqtt, MQTT
3.1.1) connected to the emulator's in-process broker (amqtt): the admin API
cannot add sessions there. Every test and every stateful scenario starts
from :meth:`BrokerState.prepare`: the emulator is reset (every connection
closed without wills, every session and event gone), then the clients of
:data:`AWKWARD_CLIENTS` connect, subscribe, and the offline ones send
DISCONNECT, leaving their persistent sessions behind; :data:`FILLER_COUNT`
further offline sessions make a listing longer than its smallest page (50).

The listing is sorted by id on this backend, so the spec's links
(``items/0/id``) always take the smallest id. To lead the scenarios to a
different awkward id each time, scenario ``n`` connects only the awkward
clients from the ``n``-th smallest id on (and every filler client, whose ids
sort after all of them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from hivemq_rest_emulator import BrokerEmulatorHandle, Session

from ._emulator import ExpectedSession
from ._mqtt import WAIT, ClientSpec, MqttClient, MqttError, MqttFleet, Will, eventually

#: QoS numbers as the REST API writes them.
QOS_NAMES: Final = ("AT_MOST_ONCE", "AT_LEAST_ONCE", "EXACTLY_ONCE")

#: The hand-made clients: ids that break naive URL handling; persistent
#: sessions online and offline, clean sessions, subscriptions at every QoS,
#: wills (one retained, one with a payload that is not UTF-8). The offline
#: subscribers of ``wills/#`` queue the wills a DELETE releases.
AWKWARD_CLIENTS: Final[tuple[ClientSpec, ...]] = (
    ClientSpec("a/b", subscriptions=(("a/b/#", 1), ("wills/#", 2))),
    ClientSpec("50%", online=False, subscriptions=(("wills/#", 1), ("percent/%/+", 0))),
    ClientSpec("#x", clean_session=True, subscriptions=(("#", 0),), keepalive=30),
    ClientSpec(
        "é",
        subscriptions=(("é/+/ü", 2),),
        will=Will("wills/é", "au revoir, é".encode(), 1),
        username="usér é",
    ),
    ClientSpec("sp ace", online=False, subscriptions=(("sp ace/#", 2),)),
    ClientSpec("dot.ted", clean_session=True, username="user dot.ted"),
    ClientSpec("q?x=1&y=2", subscriptions=(("q/+", 0), ("q/#", 1), ("q/x", 2))),
    ClientSpec("%2F", online=False),
    ClientSpec(
        "plus+sign",
        clean_session=True,
        subscriptions=(("plus/+", 1),),
        will=Will("wills/plus", b"", 0),
    ),
    ClientSpec("..", keepalive=0),
    ClientSpec(
        "emoji-\U0001f680",
        will=Will("wills/\U0001f680", b"\xff\xfe\x00", 2, retain=True),
        subscriptions=(("+/+/+", 1),),
    ),
    ClientSpec("semi;colon,comma", online=False, subscriptions=(("semi/;/,", 1),)),
    ClientSpec("/lead-and-trail/", clean_session=True, subscriptions=(("/lead/+/trail/", 1),)),
)
AWKWARD_IDS: Final = tuple(spec.client_id for spec in AWKWARD_CLIENTS)
#: Offline persistent sessions besides the awkward ones (ids after them all).
FILLER_COUNT: Final = 48
FILLER_CLIENTS: Final = tuple(
    ClientSpec(
        f"\u03c9/filler/{number:02d}",
        online=False,
        subscriptions=(("filler/#", number % 3),) if number % 4 == 0 else (),
    )
    for number in range(FILLER_COUNT)
)


def awkward_for_scenario(scenario: int) -> list[ClientSpec]:
    """The awkward clients of scenario ``scenario``: from its lead id on, in id order."""
    ordered = sorted(AWKWARD_CLIENTS, key=lambda spec: spec.client_id)
    return ordered[scenario % len(ordered) :]


def expected(spec: ClientSpec) -> ExpectedSession:
    """The session ``spec`` leaves on the broker."""
    return ExpectedSession(
        spec.client_id,
        spec.online,
        frozenset((topic, QOS_NAMES[qos]) for topic, qos in spec.subscriptions),
        spec.clean_session,
        spec.will is not None and spec.online,
    )


def _matches(session: Session | None, spec: ClientSpec) -> bool:
    if session is None:
        return False
    topics = sorted((s.topic_filter, s.qos) for s in session.subscriptions)
    return (
        session.connected == spec.online
        and (session.will is not None) == (spec.will is not None and spec.online)
        and topics == sorted((topic, QOS_NAMES[qos]) for topic, qos in spec.subscriptions)
    )


class BrokerState:
    """The suite's hold on the broker-backed emulator: reset, real clients, events."""

    awkward_ids: Final = AWKWARD_IDS

    def __init__(self, handle: BrokerEmulatorHandle, fleet: MqttFleet) -> None:
        self.handle = handle
        self.fleet = fleet
        self.specs: list[ClientSpec] = []

    def prepare(self, scenario: int = 0) -> None:
        """Reset the emulator, then connect the clients of ``scenario`` (see the module)."""
        # First the broker closes every connection (no wills), then the fleet
        # forgets its clients: so closing their sockets releases no will.
        self.handle.reset()
        self.fleet.clear()
        specs = [*awkward_for_scenario(scenario), *FILLER_CLIENTS]
        self.fleet.start(specs)
        self.specs = specs
        self._settle(specs)

    def _settle(self, specs: Sequence[ClientSpec]) -> None:
        """Wait until the REST API's view of the broker matches ``specs`` (bounded)."""
        broker = self.handle.broker
        wanted = sorted(spec.client_id for spec in specs)

        def mismatch() -> str:
            ids = broker.ids()
            if ids != wanted:
                missing, extra = sorted(set(wanted) - set(ids)), sorted(set(ids) - set(wanted))
                return f"sessions missing: {missing}, unexpected: {extra}"
            for spec in specs:
                session = broker.get(spec.client_id)
                if not _matches(session, spec):
                    return f"{spec.client_id!r} should be {spec}, the emulator has {session}"
            return ""

        eventually(
            lambda: not mismatch(),
            lambda: f"the sessions of {len(specs)} MQTT clients, set up: {mismatch()}",
        )
        # Connecting and disconnecting released no will and asked nothing of the API.
        if self.handle.events():
            raise MqttError(f"events before the test: {self.handle.events()}")

    def expected_awkward(self) -> list[ExpectedSession]:
        """What each awkward client of the current state left behind."""
        return [expected(spec) for spec in self.specs if spec.client_id in AWKWARD_IDS]

    def events(self) -> list[dict[str, Any]]:
        """The recorded events (REST actions and the wills they released), oldest first."""
        return self.handle.events()

    def client_ids(self) -> list[str]:
        """Every listed client id, in listing order (sorted, on this backend)."""
        return self.handle.broker.ids()

    def advance_clock(self, seconds: float) -> None:
        """Move emulator time forward."""
        self.handle.advance_clock(seconds)

    def client(self, client_id: str) -> MqttClient | None:
        """The paho client of the current state with this id, if any."""
        for client in self.fleet.clients():
            if client.client_id == client_id:
                return client
        return None

    def check_disconnected(self, client_id: str) -> None:
        """The real MQTT connection of ``client_id`` is closed (waits at most WAIT seconds)."""
        client = self.client(client_id)
        if client is not None and not client.wait_closed(WAIT):
            raise AssertionError(
                f"the REST API answered a DELETE for {client_id!r} with success, yet the "
                f"client's MQTT connection is still open after {WAIT} s"
            )

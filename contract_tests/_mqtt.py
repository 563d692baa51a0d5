"""Real MQTT clients (paho-mqtt, MQTT 3.1.1) for the broker-backed emulator.

A :class:`MqttFleet` owns one network thread that serves every client of the
fleet through paho's external-loop API (``socket()``, ``loop_read()``,
``loop_write()``, ``loop_misc()``, the ``on_socket_register_write`` wake-up):
one ``select()`` over all sockets instead of one thread per client. Clients
never reconnect on their own, so a connection the broker closed (a REST
DELETE) stays closed, and the test can see that it was closed.

Every wait is bounded (:data:`WAIT` seconds); :meth:`MqttFleet.close` stops
the thread within :data:`WAIT` seconds and closes every socket.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode, MQTTProtocolVersion
from paho.mqtt.properties import Properties
from paho.mqtt.reasoncodes import ReasonCode

#: Seconds any single wait for the broker may take.
WAIT: Final = 5.0
#: How long the network thread sleeps in select() when nothing happens.
_TICK: Final = 0.05


class MqttError(AssertionError):
    """The broker did not do in time what a client expected."""


@dataclass(frozen=True)
class Will:
    """A client's last will, as its CONNECT packet carries it."""

    topic: str
    payload: bytes
    qos: int
    retain: bool = False


@dataclass(frozen=True)
class ClientSpec:
    """One MQTT client the suite connects.

    ``online`` False: after subscribing, the client sends DISCONNECT, so that
    its session (``clean_session`` False only) stays on the broker, offline.
    """

    client_id: str
    clean_session: bool = False
    online: bool = True
    subscriptions: tuple[tuple[str, int], ...] = ()
    will: Will | None = None
    username: str | None = None
    keepalive: int = 60

    def __post_init__(self) -> None:
        if not self.online and self.clean_session:
            raise ValueError(f"{self.client_id!r}: a clean session ends with its connection")


@dataclass
class MqttClient:
    """One paho client of a fleet, with what the network thread saw happen to it."""

    spec: ClientSpec
    paho: paho.Client
    connack: threading.Event = field(default_factory=threading.Event)
    closed: threading.Event = field(default_factory=threading.Event)
    connect_reason: ReasonCode | None = None
    subacks: dict[int, list[ReasonCode]] = field(default_factory=dict)

    @property
    def client_id(self) -> str:
        """The MQTT client id."""
        return self.spec.client_id

    def wait_closed(self, timeout: float = WAIT) -> bool:
        """Whether the connection is gone, waiting at most ``timeout`` seconds."""
        return self.closed.wait(timeout)


class MqttFleet:
    """MQTT clients on one broker, served by one network thread (see the module docstring)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._clients: list[MqttClient] = []
        self._lock = threading.Lock()
        self._acked = threading.Condition(self._lock)
        self._stop = threading.Event()
        #: Exceptions of the network thread (it carries on), for failure messages.
        self.errors: list[str] = []
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._thread = threading.Thread(target=self._network, name="mqtt-fleet", daemon=True)
        self._thread.start()

    # -- the network thread -----------------------------------------------------------

    def _wake(self) -> None:
        with contextlib.suppress(BlockingIOError, OSError):
            self._wake_w.send(b"\0")

    def _network(self) -> None:
        while not self._stop.is_set():
            try:
                self._serve_once()
            except Exception as error:  # kept for the waits' failure messages
                self.errors.append(f"{type(error).__name__}: {error}")
                self._stop.wait(_TICK)

    def _serve_once(self) -> None:
        with self._lock:
            clients = [c for c in self._clients if not c.closed.is_set()]
        sockets: dict[Any, MqttClient] = {}
        for client in clients:
            sock = client.paho.socket()
            if sock is not None and sock.fileno() >= 0:
                sockets[sock] = client
        writers = [sock for sock, client in sockets.items() if client.paho.want_write()]
        try:
            readable, writable, _ = select.select([self._wake_r, *sockets], writers, [], _TICK)
        except (OSError, ValueError):
            # A socket was closed meanwhile (by clear()): look again.
            return
        if self._wake_r in readable:
            with contextlib.suppress(BlockingIOError, OSError):
                self._wake_r.recv(4096)
        with self._lock:
            current = set(map(id, self._clients))
            for sock in writable:
                if id(sockets[sock]) in current:
                    sockets[sock].paho.loop_write()
            for sock in readable:
                reader = sockets.get(sock)
                if reader is not None and id(reader) in current:
                    reader.paho.loop_read()
            for client in clients:
                if id(client) in current and client.paho.socket() is not None:
                    client.paho.loop_misc()
            self._acked.notify_all()

    # -- callbacks (network thread, lock held) -------------------------------------------

    def _callbacks(self, client: MqttClient) -> None:
        def on_connect(
            _client: paho.Client,
            _userdata: Any,
            _flags: paho.ConnectFlags,
            reason: ReasonCode,
            _properties: Properties | None,
        ) -> None:
            client.connect_reason = reason
            client.connack.set()

        def on_disconnect(
            _client: paho.Client,
            _userdata: Any,
            _flags: paho.DisconnectFlags,
            _reason: ReasonCode,
            _properties: Properties | None,
        ) -> None:
            client.closed.set()

        def on_subscribe(
            _client: paho.Client,
            _userdata: Any,
            mid: int,
            reasons: list[ReasonCode],
            _properties: Properties | None,
        ) -> None:
            client.subacks[mid] = reasons

        def on_register_write(_client: paho.Client, _userdata: Any, _sock: Any) -> None:
            self._wake()

        client.paho.on_connect = on_connect
        client.paho.on_disconnect = on_disconnect
        client.paho.on_subscribe = on_subscribe
        client.paho.on_socket_register_write = on_register_write

    # -- the test thread -----------------------------------------------------------------

    def _wait(self, done: Callable[[], bool], what: Callable[[], str]) -> None:
        with self._acked:
            if not self._acked.wait_for(done, WAIT):
                errors = f"; network thread errors: {self.errors}" if self.errors else ""
                raise MqttError(f"{what()} within {WAIT} s{errors}")

    def start(self, specs: Sequence[ClientSpec]) -> list[MqttClient]:
        """Connect a client for each spec, subscribe, take the offline ones offline.

        Works in batches (every CONNECT, then every SUBSCRIBE, then every
        DISCONNECT), each waiting at most :data:`WAIT` seconds for the broker.
        """
        if not self._thread.is_alive():
            raise MqttError("the fleet is closed")
        clients = [self._connect(spec) for spec in specs]
        self._wait(
            lambda: all(c.connack.is_set() or c.closed.is_set() for c in clients),
            lambda: "no CONNACK for " + _names(c for c in clients if not c.connack.is_set()),
        )
        for client in clients:
            reason = client.connect_reason
            if reason is None or reason.is_failure:
                raise MqttError(f"the broker refused {client.client_id!r}: {reason}")
        pending = {
            self._subscribe(client): client for client in clients if client.spec.subscriptions
        }
        self._wait(
            lambda: all(mid in client.subacks for mid, client in pending.items()),
            lambda: "no SUBACK for " + _names(c for m, c in pending.items() if m not in c.subacks),
        )
        for mid, client in pending.items():
            granted = [reason.value for reason in client.subacks[mid]]
            wanted = [qos for _, qos in client.spec.subscriptions]
            if granted != wanted:
                raise MqttError(f"{client.client_id!r} was granted QoS {granted}, not {wanted}")
        leaving = [client for client in clients if not client.spec.online]
        for client in leaving:
            with self._lock:
                client.paho.disconnect()
        self._wait(
            lambda: all(c.closed.is_set() for c in leaving),
            lambda: "no clean disconnect of " + _names(c for c in leaving if not c.closed.is_set()),
        )
        return clients

    def _connect(self, spec: ClientSpec) -> MqttClient:
        handle = paho.Client(
            CallbackAPIVersion.VERSION2,
            client_id=spec.client_id,
            clean_session=spec.clean_session,
            protocol=MQTTProtocolVersion.MQTTv311,
            reconnect_on_failure=False,
        )
        handle.connect_timeout = WAIT
        if spec.username is not None:
            handle.username_pw_set(spec.username)
        if spec.will is not None:
            will = spec.will
            handle.will_set(will.topic, will.payload, will.qos, will.retain)
        client = MqttClient(spec, handle)
        self._callbacks(client)
        # The TCP connection is made here (bounded by connect_timeout); the
        # CONNECT packet waits in paho's queue for the network thread.
        result = handle.connect(self.host, self.port, keepalive=spec.keepalive)
        if result != MQTTErrorCode.MQTT_ERR_SUCCESS:
            raise MqttError(f"cannot connect {spec.client_id!r}: {result}")
        with self._lock:
            self._clients.append(client)
        self._wake()
        return client

    def _subscribe(self, client: MqttClient) -> int:
        with self._lock:
            result, mid = client.paho.subscribe(list(client.spec.subscriptions))
        if result != MQTTErrorCode.MQTT_ERR_SUCCESS or mid is None:
            raise MqttError(f"cannot subscribe {client.client_id!r}: {result}")
        self._wake()
        return mid

    def clients(self) -> list[MqttClient]:
        """The fleet's clients, oldest first."""
        with self._lock:
            return list(self._clients)

    def clear(self) -> None:
        """Forget every client, closing its socket (no DISCONNECT: a will may go out)."""
        with self._lock:
            clients, self._clients = self._clients, []
        _close_sockets(clients)
        self._wake()

    def close(self) -> None:
        """Stop the network thread (at most :data:`WAIT` seconds) and close every socket."""
        self._stop.set()
        self._wake()
        self._thread.join(WAIT)
        self.clear()
        self._wake_r.close()
        self._wake_w.close()


def _names(clients: Iterable[MqttClient]) -> str:
    return ", ".join(repr(client.client_id) for client in clients)


def _close_sockets(clients: Iterable[MqttClient]) -> None:
    for client in clients:
        sock = client.paho.socket()
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()
        client.closed.set()


def eventually(probe: Callable[[], Any], what: Callable[[], str], timeout: float = WAIT) -> None:
    """Wait until ``probe()`` is truthy, at most ``timeout`` seconds.

    Else raise MqttError saying ``what()``, the failure as it is at the end.
    """
    deadline = time.monotonic() + timeout
    while not probe():
        if time.monotonic() > deadline:
            raise MqttError(f"not so after {timeout} s: {what()}")
        time.sleep(0.01)

"""A client that reconnects the moment its connection is closed: the action is on the connection.

Disconnecting or invalidating such a client closes the connection it had and
succeeds, whatever the client does next (it used to wait for the session to
go offline, which it never did, and answer 500 after 5 s).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest
from hivemq_rest import HiveMQClient
from hivemq_rest_emulator import BrokerEmulatorHandle

from tests.broker.waiting import eventually

MAX_CONNECTIONS = 200


def _connect_packet(client_id: str) -> bytes:
    """MQTT 3.1.1 CONNECT with clean_session=0 and a 60 s keep-alive."""
    encoded = client_id.encode()
    variable = b"\x00\x04MQTT\x04\x00\x00\x3c" + len(encoded).to_bytes(2, "big") + encoded
    assert len(variable) < 128
    return bytes([0x10, len(variable)]) + variable


class Bouncer:
    """An MQTT client that opens a new connection as soon as its last one is closed."""

    def __init__(self, host: str, port: int, client_id: str) -> None:
        self.address = (host, port)
        self.client_id = client_id
        self.connections = 0
        self._stop = threading.Event()
        self._socket: socket.socket | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Bouncer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._socket is not None:
            with contextlib.suppress(OSError):  # wakes the thread's recv (close would not)
                self._socket.shutdown(socket.SHUT_RDWR)
        self._thread.join(10)
        assert not self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set() and self.connections < MAX_CONNECTIONS:
            with socket.create_connection(self.address, timeout=30) as sock:
                self._socket = sock
                sock.sendall(_connect_packet(self.client_id))
                connack = sock.recv(4)
                if connack[:2] != b"\x20\x02" or connack[3:] != b"\x00":
                    return
                self.connections += 1
                try:
                    while sock.recv(1024):  # until the broker closes the connection
                        pass
                except OSError:
                    pass


@pytest.fixture
def bouncer(
    hivemq_broker_emulator: BrokerEmulatorHandle, hivemq: HiveMQClient
) -> Iterator[Bouncer]:
    handle = hivemq_broker_emulator
    with Bouncer(handle.mqtt_host, handle.mqtt_port, "bouncer") as client:
        eventually(lambda: client.connections == 1 and hivemq.clients.is_connected("bouncer"))
        yield client


def test_disconnecting_a_client_that_reconnects_at_once(
    hivemq: HiveMQClient, bouncer: Bouncer
) -> None:
    for round_ in range(1, 4):
        hivemq.clients.disconnect("bouncer")
        eventually(lambda: bouncer.connections > round_)  # noqa: B023 - waited for at once
    assert eventually(lambda: hivemq.clients.is_connected("bouncer"))


def test_invalidating_a_client_that_reconnects_at_once(
    hivemq: HiveMQClient, bouncer: Bouncer
) -> None:
    hivemq.clients.invalidate_session("bouncer")
    eventually(lambda: bouncer.connections > 1)

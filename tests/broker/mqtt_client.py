"""A paho-mqtt client for tests: every wait bounded, no automatic reconnect.

paho's own ``loop_start()`` reconnects after a lost connection, which would
hide exactly what these tests look for (a connection the broker closed). So
each :class:`MqttClient` runs its own network loop thread that calls
``Client.loop()`` until the connection is gone, ``close()`` is called, or
:data:`MAX_LIFETIME` has passed.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode, MQTTProtocolVersion
from paho.mqtt.properties import Properties
from paho.mqtt.reasoncodes import ReasonCode

from tests.broker.waiting import eventually

WAIT = 5.0
"""Seconds any single wait may take."""
MAX_LIFETIME = 120.0
"""Seconds after which a client's network loop gives up on its own."""


class MqttError(AssertionError):
    """Something the test expected from the broker did not happen in time."""


@dataclass(frozen=True)
class Received:
    """One message a client received."""

    topic: str
    payload: bytes
    qos: int


class MqttClient:
    """One MQTT client connection to the broker under test."""

    def __init__(
        self,
        host: str,
        port: int,
        client_id: str,
        *,
        clean_session: bool = True,
        keepalive: int = 60,
        username: str | None = None,
        password: str | None = None,
        will: tuple[str, bytes, int] | None = None,
        protocol: MQTTProtocolVersion = MQTTProtocolVersion.MQTTv311,
        broker_saw_the_end: Callable[[], bool] | None = None,
    ) -> None:
        self.host, self.port, self.client_id = host, port, client_id
        # The broker handles a DISCONNECT a moment after the socket closes on
        # this side; disconnect() waits for this to say it has (if given).
        self._broker_saw_the_end = broker_saw_the_end
        self.keepalive = keepalive
        self.messages: queue.Queue[Received] = queue.Queue()
        self.session_present: bool | None = None
        self.connect_result: ReasonCode | None = None
        self._connack = threading.Event()
        self._closed = threading.Event()
        self._stop = threading.Event()
        self._subacks: dict[int, list[ReasonCode]] = {}
        self._unsubacks: set[int] = set()
        self._acked = threading.Condition()
        self._thread: threading.Thread | None = None
        clean: bool | None = clean_session if protocol != MQTTProtocolVersion.MQTTv5 else None
        self.paho = paho.Client(
            CallbackAPIVersion.VERSION2,
            client_id=client_id,
            clean_session=clean,
            protocol=protocol,
        )
        if username is not None:
            self.paho.username_pw_set(username, password)
        if will is not None:
            topic, payload, qos = will
            self.paho.will_set(topic, payload, qos)
        self.paho.on_connect = self._on_connect
        self.paho.on_disconnect = self._on_disconnect
        self.paho.on_message = self._on_message
        self.paho.on_subscribe = self._on_subscribe
        self.paho.on_unsubscribe = self._on_unsubscribe

    # -- callbacks (network loop thread) ------------------------------------------

    def _on_connect(
        self,
        client: paho.Client,
        userdata: Any,
        flags: paho.ConnectFlags,
        reason: ReasonCode,
        properties: Properties | None,
    ) -> None:
        self.session_present = flags.session_present
        self.connect_result = reason
        self._connack.set()

    def _on_disconnect(
        self,
        client: paho.Client,
        userdata: Any,
        flags: paho.DisconnectFlags,
        reason: ReasonCode,
        properties: Properties | None,
    ) -> None:
        self._closed.set()

    def _on_message(self, client: paho.Client, userdata: Any, message: paho.MQTTMessage) -> None:
        self.messages.put(Received(message.topic, bytes(message.payload), message.qos))

    def _on_subscribe(
        self,
        client: paho.Client,
        userdata: Any,
        mid: int,
        reasons: list[ReasonCode],
        properties: Properties | None,
    ) -> None:
        with self._acked:
            self._subacks[mid] = reasons
            self._acked.notify_all()

    def _on_unsubscribe(
        self,
        client: paho.Client,
        userdata: Any,
        mid: int,
        reasons: list[ReasonCode],
        properties: Properties | None,
    ) -> None:
        with self._acked:
            self._unsubacks.add(mid)
            self._acked.notify_all()

    def _network_loop(self) -> None:
        deadline = time.monotonic() + MAX_LIFETIME
        while not self._stop.is_set() and time.monotonic() < deadline:
            if self.paho.loop(timeout=0.05) != MQTTErrorCode.MQTT_ERR_SUCCESS:
                break
        self._closed.set()

    # -- actions (test thread) -------------------------------------------------------

    def connect(self, *, expect_success: bool = True) -> MqttClient:
        """Open the connection and wait for CONNACK; raise unless accepted (if expected)."""
        self.paho.connect(self.host, self.port, keepalive=self.keepalive)
        self._thread = threading.Thread(
            target=self._network_loop, name=f"mqtt-{self.client_id}", daemon=True
        )
        self._thread.start()
        if not self._connack.wait(WAIT):
            if expect_success:
                raise MqttError(f"no CONNACK for {self.client_id!r} within {WAIT} s")
            return self
        if expect_success and self.connect_result is not None and self.connect_result.is_failure:
            raise MqttError(f"{self.client_id!r} refused: {self.connect_result}")
        return self

    def subscribe(self, topic_filter: str, qos: int = 0) -> int:
        """Subscribe and wait for SUBACK; return the granted QoS."""
        result, mid = self.paho.subscribe(topic_filter, qos)
        assert result == MQTTErrorCode.MQTT_ERR_SUCCESS, result
        assert mid is not None
        with self._acked:
            if not self._acked.wait_for(lambda: mid in self._subacks, WAIT):
                raise MqttError(f"no SUBACK for {topic_filter!r} within {WAIT} s")
            (reason,) = self._subacks[mid]
        assert not reason.is_failure, reason
        return reason.value

    def unsubscribe(self, topic_filter: str) -> None:
        """Unsubscribe and wait for UNSUBACK."""
        result, mid = self.paho.unsubscribe(topic_filter)
        assert result == MQTTErrorCode.MQTT_ERR_SUCCESS, result
        assert mid is not None
        with self._acked:
            if not self._acked.wait_for(lambda: mid in self._unsubacks, WAIT):
                raise MqttError(f"no UNSUBACK for {topic_filter!r} within {WAIT} s")

    def publish(self, topic: str, payload: bytes, qos: int = 1) -> None:
        """Publish and, for QoS 1 or 2, wait until the broker acknowledged it."""
        info = self.paho.publish(topic, payload, qos)
        assert info.rc == MQTTErrorCode.MQTT_ERR_SUCCESS, info.rc
        info.wait_for_publish(WAIT)
        if not info.is_published():
            raise MqttError(f"{topic!r} not acknowledged within {WAIT} s")

    def next_message(self, timeout: float = WAIT) -> Received | None:
        """The next message received, or ``None`` after ``timeout``."""
        try:
            return self.messages.get(timeout=timeout)
        except queue.Empty:
            return None

    def messages_until(self, topic: str, timeout: float = WAIT) -> list[Received]:
        """Every message received up to and including the first one on ``topic``."""
        seen: list[Received] = []
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            message = self.next_message(left)
            if message is None:
                break
            seen.append(message)
            if message.topic == topic:
                return seen
        raise MqttError(f"nothing on {topic!r} within {timeout} s; got {seen}")

    @property
    def is_open(self) -> bool:
        """Whether the network connection is still up."""
        return not self._closed.is_set() and self.paho.is_connected()

    def wait_closed(self, timeout: float = WAIT) -> bool:
        """Wait until the connection is gone; whether it is."""
        return self._closed.wait(timeout)

    def disconnect(self) -> None:
        """Send DISCONNECT (a clean end: no will) and wait for the connection to end."""
        self.paho.disconnect()
        if not self.wait_closed():
            raise MqttError(f"{self.client_id!r} did not disconnect within {WAIT} s")
        self.close()
        if self._broker_saw_the_end is not None:
            eventually(self._broker_saw_the_end, timeout=WAIT)

    def drop(self) -> None:
        """End the connection without DISCONNECT, like a network failure."""
        sock = self.paho.socket()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(WAIT)
        if sock is not None:
            sock.close()
        self._closed.set()

    def close(self) -> None:
        """Stop the network loop and close the socket (bounded)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(WAIT)
        sock = self.paho.socket()
        if sock is not None:
            sock.close()

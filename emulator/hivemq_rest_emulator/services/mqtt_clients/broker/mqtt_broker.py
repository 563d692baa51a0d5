"""A real MQTT broker (amqtt) on a loopback port, running in its own thread.

amqtt opens its own sockets for ``tcp`` listeners; this module uses amqtt's
``external`` listener type instead (its public way to serve connections that
someone else accepted): the socket is bound here, before the broker starts,
so a taken port fails at once and port 0 yields the real port, and each
accepted connection is handed to ``Broker.external_connected``.

The broker's configuration: only :class:`AcceptEveryClientPlugin` (no
logging, no ``$SYS`` topics), ``timeout_disconnect_delay`` 0 (amqtt adds this
delay to the keep-alive it stores, which would falsify the keep-alive the
REST API shows) and the session expiry the caller chose.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar, cast

from amqtt.adapters import (  # type: ignore[import-untyped]
    StreamReaderAdapter,
    StreamWriterAdapter,
)
from amqtt.broker import Broker  # type: ignore[import-untyped]

from ....core.server import LOOPBACK, bind_socket
from .amqtt_types import AmqttBroker
from .auth import PLUGIN_PATH
from .loop_thread import DEFAULT_TIMEOUT, LoopThread

_T = TypeVar("_T")

LISTENER_NAME = "default"
"""amqtt requires a listener of this name; it is the only one."""

log = logging.getLogger(__name__)


def broker_config(bind: str, session_expiry_interval: int | None) -> dict[str, Any]:
    """The amqtt configuration: one external listener (see the module docstring)."""
    return {
        "listeners": {LISTENER_NAME: {"type": "external", "bind": bind}},
        "plugins": {PLUGIN_PATH: {}},
        "timeout_disconnect_delay": 0,
        "session_expiry_interval": session_expiry_interval,
    }


class MqttBroker:
    """An amqtt broker serving MQTT 3.1.1 on ``host:port`` (port 0: a free one).

    :meth:`start` binds and starts it; :meth:`call` and :meth:`run` reach the
    broker on its own event loop from any other thread.
    ``session_expiry_interval`` is how many seconds amqtt keeps a persistent
    session after its client left (``None``: forever).
    """

    def __init__(
        self, host: str = LOOPBACK, port: int = 0, *, session_expiry_interval: int | None = None
    ) -> None:
        self.host = host
        self.port = port
        self.session_expiry_interval = session_expiry_interval
        self._thread: LoopThread | None = None
        self._broker: AmqttBroker | None = None
        self._server: asyncio.Server | None = None

    @property
    def started(self) -> bool:
        """Whether the broker is serving."""
        return self._broker is not None

    def start(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Bind the socket and start the broker; ``OSError`` if the port is taken."""
        if self._thread is not None:
            raise RuntimeError("the broker is running already")
        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        thread = LoopThread(f"mqtt-broker-{self.port}")
        self._thread = thread
        try:
            thread.run(self._start(sock), timeout)
        except BaseException:
            sock.close()
            self.stop(timeout)
            raise

    async def _start(self, sock: socket.socket) -> None:
        # amqtt's Broker takes the running loop when it is created, so it is
        # created here, on the broker's thread.
        config = broker_config(f"{self.host}:{self.port}", self.session_expiry_interval)
        broker = cast(AmqttBroker, Broker(config))
        await broker.start()
        self._broker = broker
        self._server = await asyncio.start_server(self._accept, sock=sock)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        broker = self._broker
        try:
            if broker is not None:
                await broker.external_connected(
                    StreamReaderAdapter(reader), StreamWriterAdapter(writer), LISTENER_NAME
                )
        except Exception:  # one broken connection must not bother the others
            log.debug("MQTT connection ended with an error", exc_info=True)
        finally:
            writer.close()

    def call(self, function: Callable[[AmqttBroker], _T], timeout: float = DEFAULT_TIMEOUT) -> _T:
        """``function(broker)`` on the broker's loop (it must not block)."""
        thread, broker = self._running()
        return thread.call(lambda: function(broker), timeout)

    def run(
        self,
        action: Callable[[AmqttBroker], Coroutine[Any, Any, _T]],
        timeout: float = DEFAULT_TIMEOUT,
    ) -> _T:
        """Await ``action(broker)`` on the broker's loop and return its result."""
        thread, broker = self._running()
        return thread.run(action(broker), timeout)

    def _running(self) -> tuple[LoopThread, AmqttBroker]:
        if self._thread is None or self._broker is None:
            raise RuntimeError("the MQTT broker is not running")
        return self._thread, self._broker

    def stop(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Close every connection, stop the broker and its thread (each step bounded)."""
        thread = self._thread
        if thread is None:
            return
        if thread.running:
            with contextlib.suppress(Exception):
                thread.run(self._shutdown(), timeout)
        thread.stop(timeout)
        self._thread = self._broker = self._server = None

    async def _shutdown(self) -> None:
        server, broker = self._server, self._broker
        if server is not None:
            server.close()
        if broker is not None:
            await broker.shutdown()
        if server is not None:
            await server.wait_closed()

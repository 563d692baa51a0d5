"""Serving the emulator with uvicorn: in a background thread or in the foreground.

Both ways bind the socket first (port 0 picks a free port, so the real one is
known) and serve it with :func:`make_server`: uvicorn with the emulator's
connection rules (:mod:`~hivemq_rest_emulator.core.protocol`: dropped
connections, no ambiguous body lengths, ``idle_timeout``).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable
from types import TracebackType

import uvicorn
from starlette.types import ASGIApp

from .protocol import DEFAULT_IDLE_TIMEOUT, ServerConfig, check_idle_timeout

LOOPBACK = "127.0.0.1"


def bind_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``(host, port)``, not yet listening."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def socket_url(sock: socket.socket) -> str:
    """``http://host:port`` of a bound socket (IPv6 hosts in brackets)."""
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def make_server(
    app: ASGIApp,
    *,
    log_level: str = "warning",
    access_log: bool = False,
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
) -> uvicorn.Server:
    """A uvicorn server for ``app`` with the emulator's connection rules.

    ``idle_timeout``: seconds a connection may keep the server waiting (see
    :mod:`~hivemq_rest_emulator.core.protocol`).
    """
    config = ServerConfig(
        app,
        idle_timeout=idle_timeout,
        lifespan="off",
        log_level=log_level,
        access_log=access_log,
        ws="none",
    )
    return uvicorn.Server(config)


async def serve(
    app: ASGIApp,
    host: str = LOOPBACK,
    port: int = 0,
    *,
    on_ready: Callable[[str], None] | None = None,
    log_level: str = "warning",
    access_log: bool = False,
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
) -> None:
    """Serve ``app`` until stopped (SIGINT/SIGTERM in the main thread).

    ``on_ready(url)`` is called once the server accepts connections; OSError
    when it cannot bind or never starts.
    """
    server = make_server(app, log_level=log_level, access_log=access_log, idle_timeout=idle_timeout)
    sock = bind_socket(host, port)
    task = asyncio.ensure_future(server.serve(sockets=[sock]))
    try:
        while not server.started:
            if task.done():
                break
            await asyncio.sleep(0.01)
        if not server.started:
            await task
            raise OSError("the server stopped before it accepted connections")
        if on_ready is not None:
            on_ready(socket_url(sock))
        await task
    finally:
        sock.close()


class EmulatorServer:
    """An ASGI app served by uvicorn in a background thread, for tests.

    Use as a context manager, or call :meth:`start` and :meth:`stop`.
    ``idle_timeout`` as for :func:`make_server`.
    """

    def __init__(
        self,
        app: ASGIApp,
        host: str = LOOPBACK,
        port: int = 0,
        *,
        idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        self.idle_timeout = check_idle_timeout(idle_timeout)
        self.base_url = ""
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._error: BaseException | None = None

    def start(self, timeout: float = 10.0) -> str:
        """Start serving; return the base URL (``http://127.0.0.1:<port>``)."""
        if self._thread is not None:
            raise RuntimeError("the server is running already")
        sock = bind_socket(self.host, self.port)
        server = make_server(self.app, idle_timeout=self.idle_timeout)
        self._socket, self._server = sock, server

        def run() -> None:
            try:
                asyncio.run(server.serve(sockets=[sock]))
            except BaseException as exc:  # reported by start()
                self._error = exc

        thread = threading.Thread(target=run, name="hivemq-emulator", daemon=True)
        self._thread = thread
        thread.start()
        deadline = timeout
        while not server.started and thread.is_alive() and deadline > 0:
            thread.join(0.01)
            deadline -= 0.01
        if not server.started:
            self.stop()
            raise RuntimeError(f"the emulator server did not start: {self._error!r}")
        self.base_url = socket_url(sock)
        self.port = sock.getsockname()[1]
        return self.base_url

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and wait for the thread (at most ``timeout`` seconds)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.close()
        self._server = self._thread = self._socket = None

    def __enter__(self) -> EmulatorServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

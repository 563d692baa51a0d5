"""A loopback TCP server that answers HTTP requests with raw bytes, or not at all.

For answers an HTTP library would refuse to build: a body cut short of its
Content-Length, or no answer ever. One request per connection; the connection
closes after the answer.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# The request head (request line and headers) -> the raw answer, or None: never answer.
RawBehaviour = Callable[[bytes], bytes | None]


class RawServer:
    """What the server saw: every request head."""

    def __init__(self, behaviour: RawBehaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[bytes] = []
        self.base_url = ""
        self.stopping = threading.Event()


def _serve_connection(server: RawServer, connection: socket.socket) -> None:
    with connection:
        connection.settimeout(0.1)
        buffer = b""
        while b"\r\n\r\n" not in buffer:
            if server.stopping.is_set():
                return
            try:
                chunk = connection.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
        head = buffer.partition(b"\r\n\r\n")[0]
        server.requests.append(head)
        answer = server.behaviour(head)
        if answer is None:
            server.stopping.wait()  # hold the connection open, silent, until the end
            return
        with contextlib.suppress(OSError):
            connection.sendall(answer)
            connection.shutdown(socket.SHUT_WR)


@contextmanager
def raw_server(behaviour: RawBehaviour) -> Iterator[RawServer]:
    """Serve on 127.0.0.1 (a free port) until the block ends."""
    state = RawServer(behaviour)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    state.base_url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    workers: list[threading.Thread] = []

    def accept() -> None:
        while not state.stopping.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            worker = threading.Thread(
                target=_serve_connection, args=(state, connection), daemon=True
            )
            workers.append(worker)
            worker.start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield state
    finally:
        state.stopping.set()
        acceptor.join(timeout=5)
        listener.close()
        for worker in workers:
            worker.join(timeout=5)


def http_answer(status: str, headers: dict[str, str], body: bytes) -> bytes:
    """An HTTP/1.1 answer exactly as given (no Content-Length added)."""
    lines = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body

"""A loopback HTTP server whose answers are scripted step by step: bytes, pauses, a drop.

For downloads: a body sent in parts, paced, cut short, longer than announced.
One request per connection; the connection closes after the script.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

# A step: bytes to send, or seconds to pause (the server's pace; closing ends a pause).
Step = bytes | float
# (method, target, lower-cased headers) -> the steps of the answer.
Script = Callable[[str, str, dict[str, str]], Iterable[Step]]


def head(status: int, headers: dict[str, str]) -> bytes:
    """A status line and headers, as sent."""
    fields = [f"{name}: {value}" for name, value in headers.items()]
    lines = [f"HTTP/1.1 {status} X", *fields, "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def answer(status: int, body: bytes, **headers: str) -> list[Step]:
    """A whole answer with its Content-Length."""
    return [head(status, {"Content-Length": str(len(body)), **headers}) + body]


class StreamServer:
    """What the server saw: (method, target, headers) of every request."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.base_url = ""
        self.stopping = threading.Event()

    def targets(self) -> list[str]:
        """The method and target of every request, in order."""
        return [f"{method} {target}" for method, target, _ in self.seen]


def _serve(server: StreamServer, connection: socket.socket) -> None:
    with connection:
        buffer = b""
        connection.settimeout(5)
        while b"\r\n\r\n" not in buffer:
            chunk = connection.recv(65536)
            if not chunk:
                return
            buffer += chunk
        lines = buffer.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        server.seen.append((method, target, headers))
        with contextlib.suppress(OSError):
            for step in server.script(method, target, headers):
                if server.stopping.is_set():
                    return
                if isinstance(step, bytes):
                    connection.sendall(step)
                elif server.stopping.wait(step):
                    return  # the block ended: a pause does not hold up the close
            connection.shutdown(socket.SHUT_WR)


@contextmanager
def stream_server(script: Script) -> Iterator[StreamServer]:
    """Serve on 127.0.0.1 (a free port) until the block ends."""
    state = StreamServer(script)
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
            worker = threading.Thread(target=_serve, args=(state, connection), daemon=True)
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
            worker.join(timeout=10)

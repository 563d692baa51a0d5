"""A tiny HTTP(S) server on 127.0.0.1 in a thread, for tests of the real transports."""

from __future__ import annotations

import json
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# (method, request target, headers) -> (status, headers, body); None drops the connection.
Behaviour = Callable[[str, str, dict[str, str]], tuple[int, dict[str, str], bytes] | None]


def echo_path(
    method: str, target: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    """Answer with the request target, as the client id details the server saw."""
    body = json.dumps({"client": {"id": target}, "connection": {"connected": True}, "items": []})
    return 200, {"Content-Type": "application/json"}, body.encode()


class LocalServer:
    """What the server saw: every request's method, target and headers."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.base_url = ""


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            server.seen.append((self.command, self.path, headers))
            # Read the body, so that the next request on the connection starts clean.
            self.rfile.read(int(headers.get("content-length") or 0))
            answer = server.behaviour(self.command, self.path, headers)
            if answer is None:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            status, extra, body = answer
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_DELETE = do_POST = do_PATCH = do_PUT = _any  # noqa: N815 -- the names http.server looks up

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Say nothing when the client went away (tests stop reading on purpose).

        Anything printed here lands in the stderr of a command line run in
        this process, which tests read.
        """
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def local_server(
    behaviour: Behaviour = echo_path, tls: ssl.SSLContext | None = None
) -> Iterator[LocalServer]:
    """Serve on 127.0.0.1 (a free port) until the block ends."""
    state = LocalServer(behaviour)
    httpd = _Server(("127.0.0.1", 0), _handler(state))
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    scheme = "https" if tls is not None else "http"
    state.base_url = f"{scheme}://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def never_answers(
    method: str, target: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    """Hold the request for longer than any test's timeout."""
    time.sleep(2)
    return 200, {}, b"{}"

"""The emulator's server over raw sockets: ambiguous body lengths and idle connections.

Every read is bounded by a socket timeout; where the server is expected to
close the connection, the test waits for that (at most ``_WAIT`` seconds).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import httpx
import pytest
from hivemq_rest_emulator import EmulatorServer, create_app
from hivemq_rest_emulator.cli import main
from hivemq_rest_emulator.core.app import EmulatorApp
from hivemq_rest_emulator.core.faults import FaultConfig
from hivemq_rest_emulator.testing import EmulatorProcess

from tests.emulator.helpers import LIST

_WAIT = 10.0
_TINY_IDLE = 0.2


def _connect(server_url: str) -> socket.socket:
    url = httpx.URL(server_url)
    assert url.host == "127.0.0.1"
    assert url.port is not None
    return socket.create_connection((url.host, url.port), timeout=_WAIT)


def _host(server_url: str) -> bytes:
    return httpx.URL(server_url).netloc


def _read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes; fails if it does not within ``_WAIT``."""
    received = b""
    for _ in range(10_000):
        try:
            chunk = sock.recv(65_536)
        except TimeoutError:
            pytest.fail(f"the server kept the connection open; it sent {received!r}")
        except ConnectionResetError:
            return received
        if not chunk:
            return received
        received += chunk
    pytest.fail("the server never stopped sending")


@pytest.fixture
def app() -> EmulatorApp:
    return create_app()


@pytest.fixture
def server(app: EmulatorApp) -> Iterator[EmulatorServer]:
    with EmulatorServer(app) as served:
        yield served


@pytest.fixture
def impatient(app: EmulatorApp) -> Iterator[EmulatorServer]:
    with EmulatorServer(app, idle_timeout=_TINY_IDLE) as served:
        yield served


def _smuggling(host: bytes, first: bytes, second: bytes) -> bytes:
    """A request whose chunked body ends early: the rest is a second request, hidden."""
    hidden = (
        b"POST /_emulator/sessions HTTP/1.1\r\nHost: " + host + b"\r\n"
        b"Content-Type: application/json\r\nContent-Length: 15\r\n\r\n"
        b'{"id": "ghost"}'
    )
    body = b"0\r\n\r\n" + hidden
    headers = (first + second).replace(b"%d", str(len(body)).encode())
    start = b"GET " + LIST.encode() + b" HTTP/1.1\r\nHost: " + host + b"\r\n"
    return start + headers + b"\r\n" + body


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (b"Content-Length: %d\r\n", b"Transfer-Encoding: chunked\r\n"),
        (b"Transfer-Encoding: chunked\r\n", b"Content-Length: %d\r\n"),
        (b"content-length: %d\r\n", b"TRANSFER-ENCODING: chunked\r\n"),
    ],
)
def test_content_length_and_transfer_encoding_is_400_and_closes(
    app: EmulatorApp, server: EmulatorServer, first: bytes, second: bytes
) -> None:
    with _connect(server.base_url) as sock:
        sock.sendall(_smuggling(_host(server.base_url), first, second))
        answer = _read_until_closed(sock)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ")
    assert b"HTTP/1.1 " not in body
    (error,) = json.loads(body)["errors"]
    assert error["title"] == "Invalid HTTP request"
    assert "Content-Length and Transfer-Encoding" in error["detail"]
    assert app.store.ids() == []


def test_a_request_h11_cannot_read_gets_an_errors_body(server: EmulatorServer) -> None:
    with _connect(server.base_url) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: " + _host(server.base_url) + b"\r\nno colon\r\n\r\n")
        head, _, body = _read_until_closed(sock).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ")
    (error,) = json.loads(body)["errors"]
    assert error["title"] == "Invalid HTTP request"
    assert error["detail"]


def test_a_chunked_request_alone_is_served(server: EmulatorServer) -> None:
    host = _host(server.base_url)
    with _connect(server.base_url) as sock:
        sock.sendall(
            b"POST /_emulator/sessions HTTP/1.1\r\nHost: " + host + b"\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            b'e\r\n{"id": "solo"}\r\n0\r\n\r\n'
        )
        answer = _read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 201 ")


def test_a_silent_connection_is_closed(impatient: EmulatorServer) -> None:
    with _connect(impatient.base_url) as sock:
        assert _read_until_closed(sock) == b""


def test_a_header_block_that_never_ends_is_closed(impatient: EmulatorServer) -> None:
    with _connect(impatient.base_url) as sock:
        sock.sendall(b"GET " + LIST.encode() + b" HTTP/1.1\r\nHost: ")
        assert _read_until_closed(sock) == b""


def test_a_trickled_header_block_is_closed_too(impatient: EmulatorServer) -> None:
    # One byte whenever a short wait for the server's close runs out: each
    # byte arrives well within the idle timeout, the header block never ends.
    with _connect(impatient.base_url) as sock:
        sock.sendall(b"GET " + LIST.encode() + b" HTTP/1.1\r\nX-Slow: ")
        sock.settimeout(_TINY_IDLE / 4)
        for _ in range(int(_WAIT / (_TINY_IDLE / 4))):
            try:
                if sock.recv(1024) == b"":
                    return
            except TimeoutError:
                sock.sendall(b"x")
            except (ConnectionResetError, BrokenPipeError):
                return
    pytest.fail("the server kept a trickling header block open")


def test_a_stalled_body_is_closed_without_an_answer(
    app: EmulatorApp, impatient: EmulatorServer
) -> None:
    host = _host(impatient.base_url)
    with _connect(impatient.base_url) as sock:
        sock.sendall(
            b"POST /_emulator/sessions HTTP/1.1\r\nHost: " + host + b"\r\n"
            b"Content-Length: 15\r\n\r\n"
            b'{"id": '
        )
        assert _read_until_closed(sock) == b""
    assert app.store.ids() == []


def test_a_slow_answer_is_not_cut_off(app: EmulatorApp, impatient: EmulatorServer) -> None:
    # The server waits for its app here, not for the client.
    app.faults.configure(FaultConfig(latency_seconds=_TINY_IDLE * 3))
    with httpx.Client(base_url=impatient.base_url, timeout=_WAIT) as http:
        assert http.get(LIST).status_code == 200


def test_the_command_takes_an_idle_timeout() -> None:
    with EmulatorProcess("--idle-timeout", str(_TINY_IDLE)) as process:
        with _connect(process.base_url) as sock:
            assert _read_until_closed(sock) == b""
        with httpx.Client(base_url=process.base_url, timeout=_WAIT) as http:
            assert http.get(LIST).status_code == 200


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "3601"])
def test_an_idle_timeout_out_of_range_is_a_usage_error(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", "0", "--idle-timeout", value]) == 2
    assert "--idle-timeout" in capsys.readouterr().err


@pytest.mark.parametrize("value", [0, -1.0, float("nan"), 1e9])
def test_the_server_refuses_an_idle_timeout_out_of_range(app: EmulatorApp, value: float) -> None:
    with pytest.raises(ValueError, match="idle_timeout"):
        EmulatorServer(app, idle_timeout=value)

"""The emulator's HTTP/1.1 connections: uvicorn's h11 protocol with stricter rules.

:class:`EmulatorH11Protocol` changes three things:

* When the app raises :class:`ConnectionDroppedError` before sending anything,
  the socket is closed without a response (plain uvicorn would answer 500).
* A request with both ``Content-Length`` and ``Transfer-Encoding`` is answered
  400 and the connection is closed (RFC 9112, section 6.3). h11 would read
  the body as chunked and go on with whatever follows it as the next request:
  a front end that went by ``Content-Length`` would not see that request.
  This 400, like every answer to a request h11 cannot read, is in the API's
  ``{"errors": [...]}`` shape and says what was wrong.
* A connection on which the server waits for the client is closed after
  ``idle_timeout`` seconds: a request's header block must be complete that
  long after the connection opened or the previous answer was sent, and a
  body must not pause for longer. So silent or trickling clients cannot hold
  descriptors for ever. (uvicorn alone times out only after a response, and
  any byte restarts that timer.)
"""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any, Final

import h11
import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from .faults import ConnectionDroppedError
from .problems import errors_body

DEFAULT_IDLE_TIMEOUT: Final = 5.0
MAX_IDLE_TIMEOUT: Final = 3600.0


def check_idle_timeout(seconds: float) -> float:
    """``seconds`` as an idle timeout (``0 < seconds <= MAX_IDLE_TIMEOUT``); ValueError if not."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise TypeError("idle_timeout must be a number")
    if not (math.isfinite(seconds) and 0 < seconds <= MAX_IDLE_TIMEOUT):
        raise ValueError(f"idle_timeout must be a number > 0 and <= {MAX_IDLE_TIMEOUT:.0f}")
    return float(seconds)


class ServerConfig(uvicorn.Config):
    """uvicorn's configuration plus the emulator's ``idle_timeout`` (seconds)."""

    def __init__(
        self, app: ASGIApp, *, idle_timeout: float = DEFAULT_IDLE_TIMEOUT, **options: Any
    ) -> None:
        idle_timeout = check_idle_timeout(idle_timeout)
        # uvicorn's own keep-alive timer (whole seconds) never fires before ours.
        options.setdefault("timeout_keep_alive", max(1, math.ceil(idle_timeout)))
        super().__init__(app, http=EmulatorH11Protocol, **options)
        self.idle_timeout = idle_timeout


def _has_both_lengths(request: h11.Request) -> bool:
    names = {name for name, _ in request.headers}
    return b"content-length" in names and b"transfer-encoding" in names


class _StrictConnection(h11.Connection):
    """h11's connection, refusing a request whose body length is ambiguous.

    ``refusal`` keeps why the last request could not be read.
    """

    refusal = ""

    def next_event(self) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
        try:
            event = super().next_event()
            if isinstance(event, h11.Request) and _has_both_lengths(event):
                # uvicorn answers a RemoteProtocolError with 400 and closes the connection.
                raise h11.RemoteProtocolError(
                    "The request has both Content-Length and Transfer-Encoding",
                    error_status_hint=400,
                )
        except h11.RemoteProtocolError as error:
            self.refusal = str(error)
            raise
        return event


class EmulatorH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with the emulator's rules (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = self.config.h11_max_incomplete_event_size
        self.conn = (
            _StrictConnection(h11.SERVER)
            if limit is None
            else _StrictConnection(h11.SERVER, max_incomplete_event_size=limit)
        )
        config = self.config
        self.idle_timeout = (
            config.idle_timeout
            if isinstance(config, ServerConfig)
            else float(config.timeout_keep_alive)
        )
        self._idle_timer: asyncio.TimerHandle | None = None
        inner = self.app

        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            try:
                await inner(scope, receive, send)
            except ConnectionDroppedError:
                self.transport.abort()
                # Let uvicorn notice the closed connection (connection_lost) so
                # that it does not try to answer 500 on it.
                for _ in range(3):
                    await asyncio.sleep(0)

        self.app = app

    def send_400_response(self, msg: str) -> None:
        """400 in the API's errors shape for a request h11 cannot read; then close."""
        detail = self.conn.refusal if isinstance(self.conn, _StrictConnection) else ""
        body = json.dumps(errors_body("Invalid HTTP request", detail or msg)).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """A new connection: the wait for its first request starts."""
        super().connection_made(transport)
        self._watch(restart=True)

    def data_received(self, data: bytes) -> None:
        """Bytes of a request: a body's wait starts again, a header block's does not."""
        super().data_received(data)
        self._watch(restart=self.conn.their_state is h11.SEND_BODY)

    def on_response_complete(self) -> None:
        """An answer sent: the wait for the next request starts."""
        super().on_response_complete()
        if not self.transport.is_closing():
            self._watch(restart=True)

    def connection_lost(self, exc: Exception | None) -> None:
        """The connection is gone: no more waiting."""
        self._stop_timer()
        super().connection_lost(exc)

    def _waiting_for_client(self) -> bool:
        state = self.conn.their_state
        # A body is waited for only while reading it (not while the app lags behind).
        return state is h11.IDLE or (state is h11.SEND_BODY and not self.flow.read_paused)

    def _watch(self, *, restart: bool) -> None:
        if not self._waiting_for_client():
            self._stop_timer()
        elif restart or self._idle_timer is None:
            self._stop_timer()
            self._idle_timer = self.loop.call_later(self.idle_timeout, self._idle_timed_out)

    def _stop_timer(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None

    def _idle_timed_out(self) -> None:
        self._idle_timer = None
        if not self.transport.is_closing() and self._waiting_for_client():
            self.transport.close()

"""Stoplight Prism (``@stoplight/prism-cli``, pinned in package.json) as a child process.

``npm ci`` at the repository root installs it; the tests run
``<repo>/node_modules/.bin/prism`` and fail with :class:`PrismNotInstalledError`'s
message when it is missing. Servers listen on 127.0.0.1 and a port the system
picks (``--port 0``); the real URL is read from Prism's "listening" line.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Final, Self

import httpx
import pytest
from hivemq_rest_emulator.testing import ChildProcess

from ._schema import ROOT, SPEC_PATH

PRISM_PATH: Final = ROOT / "node_modules" / ".bin" / "prism"
START_TIMEOUT: Final = 60.0
#: The name of the mock server started without a seed (random answers).
UNSEEDED: Final = "unseeded"

_LISTENING: Final = re.compile(r"Prism is listening on (http://\S+)")


class PrismNotInstalledError(RuntimeError):
    """The Prism CLI is not where ``npm ci`` puts it."""


def prism_binary() -> Path:
    """The Prism CLI, or PrismNotInstalledError saying how to install it."""
    if not PRISM_PATH.is_file():
        raise PrismNotInstalledError(
            f"Prism is not installed: {PRISM_PATH} does not exist. The contract tests need "
            "@stoplight/prism-cli as pinned in package.json: run `npm ci` in the repository "
            f"root ({ROOT})."
        )
    return PRISM_PATH


def require_prism() -> Path:
    """The Prism CLI; without it the calling test fails (never skips) with the fix to apply."""
    try:
        return prism_binary()
    except PrismNotInstalledError as error:
        pytest.fail(str(error), pytrace=False)


class PrismServer:
    """``prism mock`` or ``prism proxy`` on 127.0.0.1; a context manager yielding its URL."""

    def __init__(self, binary: Path, command: str, args: Sequence[str], *, name: str) -> None:
        argv = [str(binary), command, str(SPEC_PATH), *args, "--host", "127.0.0.1", "--port", "0"]
        self.process = ChildProcess(argv, name=name, cwd=ROOT)
        self.base_url = ""

    @classmethod
    def mock(cls, binary: Path, *, seed: str | None = None) -> PrismServer:
        """``prism mock --dynamic``; with a seed, one body per operation and status."""
        args = ["--dynamic"] if seed is None else ["--dynamic", "--seed", seed]
        name = "prism mock --dynamic" + ("" if seed is None else f" --seed {seed}")
        return cls(binary, "mock", args, name=name)

    @classmethod
    def proxy(cls, binary: Path, upstream: str) -> PrismServer:
        """``prism proxy --errors``: a request or response violation becomes an error response."""
        return cls(binary, "proxy", [upstream, "--errors"], name=f"prism proxy --errors {upstream}")

    def launch(self) -> None:
        """Start the process without waiting (see :meth:`wait_ready`)."""
        self.process.start()

    def wait_ready(self) -> str:
        """Wait until Prism listens (at most START_TIMEOUT seconds); return its URL."""
        try:
            match = self.process.wait_for_line(_LISTENING, START_TIMEOUT)
        except BaseException:
            self.process.stop()
            raise
        self.base_url = match.group(1).rstrip("/")
        return self.base_url

    def start(self) -> str:
        """Start Prism; return its URL once it listens."""
        self.launch()
        return self.wait_ready()

    def stop(self) -> None:
        """Stop Prism."""
        self.process.stop()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


@dataclass(frozen=True)
class Exchange:
    """One request through Prism and what came back."""

    method: str
    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    def violation(self) -> str | None:
        """Why this answer shows a contract violation that Prism found, or None.

        Prism reports every violation, warnings included, in an
        ``sl-violations`` header; with ``--errors`` it answers an invalid
        request (422) or an invalid upstream response (500) with its own
        ``application/problem+json`` body, which the API never sends.
        """
        reported = self.headers.get("sl-violations")
        if reported is not None:
            return f"sl-violations: {reported}"
        if self.headers.get("content-type", "").startswith("application/problem+json"):
            return f"Prism error {self.status}: {self.body[:500]!r}"
        return None

    def as_response(self) -> httpx.Response:
        """A complete, closed copy of the response (for a validator that wants one)."""
        response = httpx.Response(
            self.status,
            headers=self.headers,
            content=self.body,
            request=httpx.Request(self.method, self.url),
        )
        response.elapsed = datetime.timedelta(0)
        return response

    def __str__(self) -> str:
        return f"{self.method} {self.url} -> {self.status}"


class RecordingTransport(httpx.BaseTransport):
    """httpx's transport, keeping every exchange (for a client that must not see violations)."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()
        self.exchanges: list[Exchange] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and record the answer (its body read in full)."""
        response = self._inner.handle_request(request)
        body = response.read()
        self.exchanges.append(
            Exchange(
                request.method,
                str(request.url),
                response.status_code,
                response.headers,
                body,
            )
        )
        return response

    def close(self) -> None:
        """Close the connections."""
        self._inner.close()

    def violations(self) -> list[str]:
        """Every exchange that shows a violation, described."""
        found = []
        for exchange in self.exchanges:
            why = exchange.violation()
            if why is not None:
                found.append(f"{exchange}: {why}")
        return found

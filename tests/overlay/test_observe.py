"""The ``hivemq_rest`` logger and the OpenTelemetry spans, on real sockets, every client."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from hivemq_rest import ClientNotFoundError, RetryPolicy
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.util._once import Once

from tests.overlay.local_server import local_server
from tests.overlay.resources.clients import KINDS, run

TOKEN = "tok-SECRET-4711"
PASSWORD = "pa55-SECRET-word"
COOKIE = "session=SECRET-cookie"
NO_WAIT = RetryPolicy(max_attempts=3, backoff_base=0)

AUTH_MODES: dict[str, dict[str, Any]] = {
    "token": {"token": TOKEN},
    "basic": {"username": "ops", "password": PASSWORD},
    "none": {},
}


class _Flaky:
    """503 on the first request, then client details (with a cookie set)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def __call__(
        self, method: str, target: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            self.count += 1
            first = self.count == 1
        if first:
            return 503, {"Content-Type": "application/json", "Retry-After": "0"}, b"{}"
        body = json.dumps({"client": {"id": "dev/1"}}).encode()
        return 200, {"Content-Type": "application/json", "Set-Cookie": COOKIE}, body


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("auth", sorted(AUTH_MODES))
def test_one_debug_record_per_attempt_and_a_warning_per_retry_without_secrets(
    kind: str, auth: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="hivemq_rest"), local_server(_Flaky()) as server:
        run(
            kind,
            server.base_url,
            lambda h: h.clients.get("dev/1", extra_headers={"X-Note": "fine"}),
            retry=NO_WAIT,
            **AUTH_MODES[auth],
        )
    ours = [r for r in caplog.records if r.name == "hivemq_rest"]
    debug = [r.getMessage() for r in ours if r.levelno == logging.DEBUG]
    warnings = [r.getMessage() for r in ours if r.levelno == logging.WARNING]
    assert len(debug) == 2
    assert debug[0].startswith("GET /api/v1/mqtt/clients/dev%2F1: 503 in ")
    assert debug[0].endswith(" ms (attempt 1)")
    assert debug[1].startswith("GET /api/v1/mqtt/clients/dev%2F1: 200 in ")
    assert debug[1].endswith(" ms (attempt 2)")
    assert warnings == ["GET /api/v1/mqtt/clients/dev%2F1: HTTP 503; attempt 2 of 3 in 0.00s"]
    text = caplog.text + " ".join(str(r.args) for r in ours)
    for secret in (TOKEN, PASSWORD, "SECRET", "Authorization", "Basic ", "Bearer"):
        assert secret not in text


def _environment_run(value: str, setup: str) -> str:
    """stderr of a fresh Python that imports the package with HIVEMQ_REST_LOG=value."""
    with local_server() as server:
        code = (
            f"{setup}\n"
            "import hivemq_rest\n"
            f"with hivemq_rest.HiveMQClient({server.base_url!r}, token={TOKEN!r}) as h:\n"
            "    h.clients.get('a')\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "HIVEMQ_REST_LOG": value},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    return done.stderr


def test_the_environment_switches_on_a_stderr_handler() -> None:
    stderr = _environment_run("debug", "")
    assert "hivemq_rest DEBUG GET /api/v1/mqtt/clients/a: 200 in " in stderr
    assert TOKEN not in stderr
    assert _environment_run("warning", "") == ""


def test_the_environment_leaves_an_application_that_logs_alone() -> None:
    setup = "import logging, sys\nlogging.basicConfig(stream=sys.stdout, level=logging.ERROR)"
    assert _environment_run("debug", setup) == ""


@pytest.fixture(scope="module")
def spans() -> Iterator[InMemorySpanExporter]:
    """The spans every client makes under a tracer provider set for this module only."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    assert trace.get_tracer_provider() is provider, "another test set a provider first"
    yield exporter
    provider.shutdown()
    # The API sets its global provider once per process; unset it (as the
    # OpenTelemetry test utilities do) so that later tests make no spans.
    trace._TRACER_PROVIDER = None
    trace._TRACER_PROVIDER_SET_ONCE = Once()
    assert isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)


def _finished(exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    found = list(exporter.get_finished_spans())
    exporter.clear()
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_each_call_is_one_span_named_by_its_operation(
    kind: str, spans: InMemorySpanExporter
) -> None:
    spans.clear()
    with local_server(_Flaky()) as server:
        run(kind, server.base_url, lambda h: h.clients.get("dev/1"), retry=NO_WAIT)
    (span,) = _finished(spans)
    assert span.name == "getMqttClientDetails"
    assert span.kind == trace.SpanKind.CLIENT
    assert dict(span.attributes or {}) == {
        "http.request.method": "GET",
        "url.template": "/api/v1/mqtt/clients/{clientId}",
        "hivemq.operation_id": "getMqttClientDetails",
        "http.response.status_code": 200,
    }
    (event,) = span.events
    assert event.name == "retry"
    assert dict(event.attributes or {}) == {
        "hivemq.retry.reason": "HTTP 503",
        "hivemq.retry.delay_s": 0.0,
        "hivemq.attempt": 1,
    }


@pytest.mark.parametrize("kind", KINDS)
def test_a_failed_call_is_an_error_span(kind: str, spans: InMemorySpanExporter) -> None:
    spans.clear()

    def missing(method: str, target: str, headers: dict[str, str]) -> Any:
        return 404, {"Content-Type": "application/json"}, b'{"errors": []}'

    with local_server(missing) as server, pytest.raises(ClientNotFoundError):
        run(kind, server.base_url, lambda h: h.clients.disconnect("gone"))
    (span,) = _finished(spans)
    assert span.name == "disconnectClient"
    assert span.status.status_code == trace.StatusCode.ERROR
    assert (span.attributes or {})["http.response.status_code"] == 404

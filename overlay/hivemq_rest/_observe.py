"""What a call tells the world: DEBUG records, retry warnings, OpenTelemetry spans.

Logs go to the ``hivemq_rest`` logger: one DEBUG record per attempt (method,
path as sent, with every id percent-escaped, status, elapsed milliseconds,
attempt number) and one WARNING per retry (why, and the wait). Neither
carries a header, a query or a body, so no credential can reach them.
Nothing is formatted unless the level is enabled.

Spans: with ``opentelemetry-api`` installed (the ``otel`` extra) and a
tracer provider set by the application, every call is one CLIENT span named
by its operationId; retries are events on it. Without either, a call costs
one check.
"""

from __future__ import annotations

import logging
import os
import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Protocol

from ._version import __version__

if TYPE_CHECKING:
    from ._operations import Call

__all__ = ["NO_SPAN", "Span", "configure_from_environment", "log", "span_for"]

log: Final = logging.getLogger("hivemq_rest")

try:
    from opentelemetry import trace as _trace
except ImportError:  # the otel extra is not installed
    _trace = None  # type: ignore[assignment]


class Span(Protocol):
    """The part of an OpenTelemetry span a call uses (a no-op one without a tracer)."""

    def __enter__(self) -> Span: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    def add_event(self, name: str, attributes: dict[str, Any]) -> None: ...

    def set_attribute(self, key: str, value: Any) -> None: ...


class _NoSpan:
    """The span of a call nobody traces: does nothing."""

    def __enter__(self) -> _NoSpan:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None

    def add_event(self, name: str, attributes: dict[str, Any]) -> None:
        return None

    def set_attribute(self, key: str, value: Any) -> None:
        return None


NO_SPAN: Final = _NoSpan()


class _RealSpan:
    """An OpenTelemetry span made current for the call's duration."""

    def __init__(self, manager: Any) -> None:
        self._manager = manager
        self._span: Any = None

    def __enter__(self) -> _RealSpan:
        self._span = self._manager.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._manager.__exit__(exc_type, exc, traceback)

    def add_event(self, name: str, attributes: dict[str, Any]) -> None:
        self._span.add_event(name, attributes)

    def set_attribute(self, key: str, value: Any) -> None:
        self._span.set_attribute(key, value)


def span_for(call: Call) -> Span:
    """The span of one call: a real one only when a tracer provider is set."""
    if _trace is None:
        return NO_SPAN
    provider = _trace.get_tracer_provider()
    if isinstance(provider, _trace.ProxyTracerProvider | _trace.NoOpTracerProvider):
        return NO_SPAN
    operation_id = call.operation_id or f"{call.method} {call.template}"
    tracer = provider.get_tracer("hivemq_rest", __version__)
    manager = tracer.start_as_current_span(
        operation_id,
        kind=_trace.SpanKind.CLIENT,
        attributes={
            "http.request.method": call.method,
            "url.template": call.template,
            "hivemq.operation_id": operation_id,
        },
    )
    return _RealSpan(manager)


_LEVELS: Final = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}


def configure_from_environment(environ: dict[str, str] | None = None) -> logging.Handler | None:
    """Honour ``HIVEMQ_REST_LOG=debug|info|warning``: a stderr handler at that level.

    Only when the application has configured no handler of its own (on the
    ``hivemq_rest`` logger or the root logger): an application that logs
    decides alone. The handler added, or None.
    """
    value = (os.environ if environ is None else environ).get("HIVEMQ_REST_LOG", "")
    level = _LEVELS.get(value.strip().lower())
    if level is None:
        return None
    own = [h for h in log.handlers if not isinstance(h, logging.NullHandler)]
    if own or logging.getLogger().handlers:
        return None
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler.setLevel(level)
    log.addHandler(handler)
    log.setLevel(level)
    return handler

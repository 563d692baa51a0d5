"""The routing table: every operation of ``openapi.yaml``, matched on the raw request path.

Starlette's router matches the *decoded* path, where an id holding ``%2F``
becomes two segments (and one holding an encoded line break matches nothing).
This table takes ``scope["raw_path"]``, splits it on ``/`` and compares it
segment by segment with each operation's path template; a ``{name}`` segment
matches any one raw segment, which is then percent-decoded exactly once, as
strict UTF-8. Without ``raw_path`` (a server that does not send it) the path is
re-encoded from ``scope["path"]``, where an encoded ``/`` is lost.

Choices where the public API leaves room:

* no template matches: 404; a template matches but not for this method: 405
  with ``Allow`` (``HEAD`` is allowed wherever ``GET`` is, and answered like it);
* an empty path parameter (``/api/v1/mqtt/clients/`` or ``.../clients//connection``)
  is 400 "Required parameter missing", the title HiveMQ gives a missing one; a
  ``%`` that does not start an escape and bytes that are not UTF-8 after
  decoding are 400 "Invalid path parameter" (both checked after the method).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote, unquote_to_bytes

import attrs
from hivemq_rest_generated import operations as _spec
from hivemq_rest_generated.operations import Operation
from starlette.types import Scope

from .service import ApiError

_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")


def spec_operations() -> tuple[Operation, ...]:
    """Every operation of ``openapi.yaml``, from the generated operations module."""
    return tuple(value for value in vars(_spec).values() if isinstance(value, Operation))


def rest_operations() -> tuple[Operation, ...]:
    """The operations served on the REST API's listener (not the Health API's)."""
    return tuple(operation for operation in spec_operations() if operation.server is None)


def request_path(scope: Scope) -> bytes:
    """The raw path of the request, without query and without the app's root path."""
    raw = scope.get("raw_path")
    if not isinstance(raw, bytes):
        raw = quote(scope["path"], safe="/:@!$&'()*+,;=").encode("ascii")
    raw = raw.partition(b"?")[0]
    root = str(scope.get("root_path", "")).encode("utf-8")
    if root and raw.startswith(root):
        raw = raw[len(root) :]
    return raw


def decode_segment(name: str, segment: bytes) -> str:
    """Percent-decode one path segment (parameter ``name``) as UTF-8; ApiError 400."""
    if not segment:
        raise ApiError(
            400, "Required parameter missing", f"Path parameter '{name}' must not be empty"
        )
    if _BAD_ESCAPE.search(segment):
        raise ApiError(
            400,
            "Invalid path parameter",
            f"Path parameter '{name}' holds a '%' that does not start a percent-escape",
        )
    try:
        return unquote_to_bytes(segment).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(
            400,
            "Invalid path parameter",
            f"Path parameter '{name}' is not UTF-8 after percent-decoding",
        ) from None


@attrs.frozen
class _Template:
    """One path template: literal segments as bytes, parameters as ``None`` (names apart)."""

    segments: tuple[bytes | None, ...]
    names: tuple[str, ...]
    operations: dict[str, Operation]

    @property
    def literals(self) -> int:
        return sum(segment is not None for segment in self.segments)

    def matches(self, segments: list[bytes]) -> bool:
        return len(segments) == len(self.segments) and all(
            mine is None or mine == theirs
            for mine, theirs in zip(self.segments, segments, strict=True)
        )

    def allowed(self) -> tuple[str, ...]:
        methods = set(self.operations)
        if "GET" in methods:
            methods.add("HEAD")
        return tuple(sorted(methods))


def _template(path: str) -> tuple[tuple[bytes | None, ...], tuple[str, ...]]:
    segments: list[bytes | None] = []
    names: list[str] = []
    for part in path.split("/"):
        if part.startswith("{") and part.endswith("}"):
            segments.append(None)
            names.append(part[1:-1])
        else:
            segments.append(part.encode("ascii"))
    return tuple(segments), tuple(names)


@attrs.frozen
class Route:
    """A request routed to its operation, with its decoded path parameters."""

    operation: Operation
    path: Mapping[str, str]


class NoRouteError(ApiError):
    """404 or 405 (with ``Allow``): the path or the method is not one of the spec's."""


class RoutingTable:
    """Operations by path template and method; resolves raw paths."""

    def __init__(self, operations: Iterable[Operation]) -> None:
        by_path: dict[str, _Template] = {}
        for operation in operations:
            if operation.path not in by_path:
                segments, names = _template(operation.path)
                by_path[operation.path] = _Template(segments, names, {})
            template = by_path[operation.path]
            if operation.method in template.operations:
                raise ValueError(f"two operations for {operation.method} {operation.path}")
            template.operations[operation.method] = operation
        # A literal segment wins over a parameter where two templates both match.
        self._templates = sorted(by_path.values(), key=lambda t: -t.literals)

    def resolve(self, method: str, raw_path: bytes) -> Route:
        """The operation and path parameters of a request; :class:`ApiError` otherwise."""
        segments = raw_path.split(b"/")
        template = next((t for t in self._templates if t.matches(segments)), None)
        if template is None:
            shown = raw_path.decode("utf-8", "replace")
            raise NoRouteError(404, "Not found", f"There is no resource at path '{shown}'")
        operation = template.operations.get("GET" if method == "HEAD" else method)
        if operation is None:
            allow = ", ".join(template.allowed())
            raise NoRouteError(
                405,
                "Method not allowed",
                f"Method '{method}' is not allowed here; allowed: {allow}",
                headers={"Allow": allow},
            )
        values = [s for mine, s in zip(template.segments, segments, strict=True) if mine is None]
        path = {
            name: decode_segment(name, value)
            for name, value in zip(template.names, values, strict=True)
        }
        return Route(operation, path)

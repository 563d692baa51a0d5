"""Response helpers: JSON bodies and the ``{"errors": [...]}`` problem shape."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

JSON = "application/json"


def json_response(
    body: Any, status_code: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    """A response with a compact UTF-8 JSON body and ``Content-Type: application/json``."""
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(content, status_code=status_code, headers=headers, media_type=JSON)


def errors_body(title: str, detail: str) -> dict[str, Any]:
    """The ``Errors`` schema with one ``Error``."""
    return {"errors": [{"title": title, "detail": detail}]}


def error_response(
    status_code: int, title: str, detail: str, headers: Mapping[str, str] | None = None
) -> Response:
    """A 4xx/5xx answer in the ``Errors`` shape."""
    return json_response(errors_body(title, detail), status_code, headers)


def no_content() -> Response:
    """204 without a body."""
    return Response(status_code=204)


def not_found_route(path: str) -> Response:
    """404 for a path that no endpoint serves."""
    return error_response(404, "Not found", f"There is no resource at path '{path}'")


def method_not_allowed(method: str, allowed: tuple[str, ...]) -> Response:
    """405 with the ``Allow`` header."""
    allow = ", ".join(allowed)
    return error_response(
        405,
        "Method not allowed",
        f"Method '{method}' is not allowed here; allowed: {allow}",
        headers={"Allow": allow},
    )


def unavailable(retry_after: int) -> Response:
    """503 as the broker sends it while not every node supports the endpoint."""
    return error_response(
        503,
        "Endpoint not active yet",
        "Not all cluster nodes support this endpoint yet.",
        headers={"Retry-After": str(retry_after)},
    )

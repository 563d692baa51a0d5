"""Errors the management families share."""

from __future__ import annotations

from ..core import ApiError

_SHOWN = 200


def not_found(what: str, ident: str) -> ApiError:
    """404 "Resource not found" for an id that names nothing."""
    # The id comes from the client: echo a bounded, printable form of it only.
    shown = repr(ident[:_SHOWN])[1:-1]
    return ApiError(404, "Resource not found", f"{what} with id '{shown}' not found")

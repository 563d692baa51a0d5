"""Walking cursor pages: the cursor from ``_links.next``, and the client-id listing."""

from __future__ import annotations

import json
import struct
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

import httpx

from ._constants import DEFAULT_MAX_LISTING_RESTARTS, MAX_PAGE_SIZE, MIN_PAGE_SIZE
from ._errors import CursorExpiredError, malformed_response

__all__ = [
    "ClientIdListing",
    "CursorTrail",
    "OnCursorExpired",
    "check_page_size",
    "cursor_from_next",
    "json_body",
]

OnCursorExpired = Literal["restart", "raise"]


def cursor_from_next(next_url: str) -> str | None:
    """The decoded ``cursor`` query parameter of a ``_links.next`` URL, or None.

    The URL is split, not searched with a pattern, and the value is
    percent-decoded exactly once. "+" stays "+": a cursor is not form data.
    Invalid UTF-8 after decoding raises UnicodeDecodeError.
    """
    for pair in urlsplit(next_url).query.split("&"):
        name, _, value = pair.partition("=")
        if unquote(name) == "cursor":
            return unquote(value, errors="strict")
    return None


def json_body(response: httpx.Response) -> Any:
    """The response body as JSON; a body that is not JSON is an UnexpectedResponseError."""
    try:
        return json.loads(response.content)
    except ValueError:
        raise malformed_response(response, "the body is not JSON") from None


class CursorTrail:
    """The cursors one walk was handed; a cursor handed out twice would loop forever."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def next_cursor(self, response: httpx.Response, links: object) -> str | None:
        """The cursor of the next page named by a page's ``_links``, or None on the last page."""
        if links is None:
            return None
        if not isinstance(links, dict):
            raise malformed_response(response, "_links is not an object")
        next_url = links.get("next")
        if next_url is None or next_url == "":
            return None
        if not isinstance(next_url, str):
            raise malformed_response(response, "_links.next is not a string")
        try:
            cursor = cursor_from_next(next_url)
        except (UnicodeDecodeError, ValueError):
            cursor = None
        if not cursor:
            raise malformed_response(response, f"_links.next has no cursor: {next_url!r}")
        if cursor in self._seen:
            raise malformed_response(response, "the server handed out a cursor it gave before")
        self._seen.add(cursor)
        return cursor

    def clear(self) -> None:
        """Forget every cursor (the walk starts again)."""
        self._seen.clear()


def check_page_size(page_size: object) -> int:
    """page_size if the server accepts it (an int in 50..2500), else ValueError."""
    if (
        isinstance(page_size, bool)
        or not isinstance(page_size, int)
        or not MIN_PAGE_SIZE <= page_size <= MAX_PAGE_SIZE
    ):
        raise ValueError(
            f"page_size must be an int from {MIN_PAGE_SIZE} to {MAX_PAGE_SIZE}, not {page_size!r}"
        )
    return page_size


class ClientIdListing:
    """The state of one walk over every client id. Sans I/O.

    The caller asks ``params()`` for the next request, hands each 200 response
    to ``take_page()`` and each 410 to ``restart()``, until ``done``.

    Constant memory: a page's ids are handed on, not kept. To yield only ids
    not yet yielded after a restart, the listing keeps the 64-bit (keyed,
    per-process) hash of each id it yielded: 8 bytes an id. Two ids share a
    hash with odds below one in 10^7 for a million sessions; only then would
    an id be skipped after a restart, and only after a restart.
    """

    def __init__(
        self,
        page_size: int,
        on_cursor_expired: OnCursorExpired = "restart",
        max_restarts: int = DEFAULT_MAX_LISTING_RESTARTS,
    ) -> None:
        self.page_size = check_page_size(page_size)
        if on_cursor_expired not in ("restart", "raise"):
            raise ValueError(
                f"on_cursor_expired must be 'restart' or 'raise', not {on_cursor_expired!r}"
            )
        self.on_cursor_expired = on_cursor_expired
        self.max_restarts = max_restarts
        self.restarts = 0
        self.done = False
        self._cursor: str | None = None
        self._trail = CursorTrail()
        # The hashes of the ids handed out, packed as int64 (8 bytes an id).
        self._yielded: bytearray | None = bytearray() if on_cursor_expired == "restart" else None
        self._skip: frozenset[int] = frozenset()

    def params(self) -> dict[str, str | int]:
        """The query parameters of the next page's request."""
        if self._cursor is None:
            return {"limit": self.page_size}
        return {"limit": self.page_size, "cursor": self._cursor}

    def take_page(self, response: httpx.Response) -> list[str]:
        """The ids of a 200 page to hand on; moves the walk to the next page."""
        document = json_body(response)
        try:
            # No property is required by the spec: a page may leave out items.
            ids = [item["id"] for item in document.get("items", ())]
            links = document.get("_links")
            # str.join raises TypeError for any id that is not a str: the
            # check every id needs, at C speed on this hot path.
            "".join(ids)
        except (KeyError, TypeError, AttributeError):
            raise malformed_response(
                response, "a client list needs items with a string id"
            ) from None
        self._cursor = self._trail.next_cursor(response, links)
        self.done = self._cursor is None
        if self._skip:
            ids = [client_id for client_id in ids if hash(client_id) not in self._skip]
        if self._yielded is not None:
            self._yielded += struct.pack(f"{len(ids)}q", *map(hash, ids))
        return ids

    def restart(self, error: CursorExpiredError) -> None:
        """Go back to the first page after a 410, or raise it if that is not allowed."""
        if self._yielded is None:
            raise error
        if self.restarts >= self.max_restarts:
            raise CursorExpiredError(
                status=error.status,
                title=error.title,
                detail=f"{error.detail} (gave up after {self.restarts} restarts of the listing)",
                method=error.method,
                path=error.path,
            ) from error
        self.restarts += 1
        self._cursor = None
        self._trail.clear()
        self._skip = frozenset(memoryview(self._yielded).cast("q"))

"""Walking cursor pages: the cursor from ``_links.next``, and the client-id listing."""

from __future__ import annotations

import struct
import tempfile
from collections.abc import Callable
from typing import Any, BinaryIO, Literal
from urllib.parse import unquote, urlsplit

import httpx

from ._constants import (
    CURSOR_EXCERPT_CHARS,
    DEFAULT_MAX_LISTING_RESTARTS,
    MAX_CURSOR_CHARS,
    MAX_EMPTY_PAGES,
    MAX_JSON_DEPTH,
    MAX_PAGE_SIZE,
    MIN_PAGE_SIZE,
)
from ._errors import CursorExpiredError, UnexpectedResponseError, malformed_response
from ._json import NotJSONError, loads

__all__ = [
    "ClientIdListing",
    "CursorTrail",
    "OnCursorExpired",
    "check_page_size",
    "cursor_from_next",
    "json_body",
    "page_too_large",
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


def json_body(
    response: httpx.Response,
    error: Callable[[httpx.Response, str], UnexpectedResponseError] = malformed_response,
    *,
    max_depth: int | None = MAX_JSON_DEPTH,
    finite: bool = True,
) -> Any:
    """The response body as JSON; a body that is not JSON is an UnexpectedResponseError.

    So is one that holds NaN, Infinity or a number beyond a float (``1e999``),
    which JSON does not have and no output of ours could write as JSON, and
    one that nests deeper than ``max_depth`` (None: not checked).
    ``finite=False`` lets NaN and infinities through, for a caller that
    checks (``_json.unfit``) and names the parts it uses.
    """
    try:
        return loads(response.content, max_depth, finite=finite)
    except NotJSONError as why:
        raise error(response, f"the body {why}") from None


def _cut(text: str) -> str:
    """The start of a cursor, or of text that may hold one, for an error message."""
    if len(text) <= CURSOR_EXCERPT_CHARS:
        return text
    return f"{text[:CURSOR_EXCERPT_CHARS]}..."


def _short_path(url: httpx.URL) -> str:
    """The request's path and query, each query value cut short: cursors are long and opaque."""
    path, question, query = url.raw_path.decode("ascii", "replace").partition("?")
    pairs = (pair.partition("=") for pair in query.split("&"))
    return path + question + "&".join(name + equals + _cut(value) for name, equals, value in pairs)


def _page_error(
    response: httpx.Response, what: str, title: str = "Malformed response body"
) -> UnexpectedResponseError:
    """An error about a page; unlike malformed_response it quotes no body, which holds cursors."""
    return UnexpectedResponseError(
        status=response.status_code,
        title=title,
        detail=what,
        method=response.request.method,
        path=_short_path(response.request.url),
    )


def page_too_large(response: httpx.Response, items: int, limit: int) -> UnexpectedResponseError:
    """The error for a page that holds more items than its request's ``limit``."""
    return _page_error(
        response,
        f"the page holds {items:,} items; at most {limit} were asked for",
        title="Page larger than asked",
    )


def _unreadable_page(response: httpx.Response, what: str) -> UnexpectedResponseError:
    """A page that is not JSON: the start of its body, which may hold a cursor, is quoted."""
    body = response.content[: CURSOR_EXCERPT_CHARS * 4].decode("utf-8", "replace")
    return _page_error(response, f"{what}; body starts: {_cut(body)!r}" if body else what)


class CursorTrail:
    """The cursors one walk was handed, and the pages in a row that held nothing.

    A cursor handed out twice would loop forever, and so would fresh cursors
    on empty pages: after ``MAX_EMPTY_PAGES`` pages in a row without an item
    that link to a next page the walk ends with UnexpectedResponseError. So
    does a cursor longer than ``MAX_CURSOR_CHARS``. Error messages quote at
    most the first ``CURSOR_EXCERPT_CHARS`` characters of a cursor.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._empty_pages = 0

    def next_cursor(
        self, response: httpx.Response, links: object, *, items: int | None = None
    ) -> str | None:
        """The cursor of the next page named by a page's ``_links``, or None on the last page.

        ``items`` is how many items the page held, if the caller counts them.
        """
        if links is None:
            return None
        if not isinstance(links, dict):
            raise _page_error(response, "_links is not an object")
        next_url = links.get("next")
        if next_url is None or next_url == "":
            return None
        if not isinstance(next_url, str):
            raise _page_error(response, "_links.next is not a string")
        try:
            cursor = cursor_from_next(next_url)
        except (UnicodeDecodeError, ValueError):
            cursor = None
        if not cursor:
            query = next_url.partition("?")[2]
            raise _page_error(response, f"_links.next has no cursor; its query: {_cut(query)!r}")
        if len(cursor) > MAX_CURSOR_CHARS:
            raise _page_error(
                response,
                f"_links.next holds a cursor of {len(cursor)} characters, more than the "
                f"{MAX_CURSOR_CHARS} accepted: {_cut(cursor)!r}",
            )
        if cursor in self._seen:
            raise _page_error(
                response, f"the server handed out a cursor it gave before: {_cut(cursor)!r}"
            )
        if items is not None:
            self._empty_pages = self._empty_pages + 1 if items == 0 else 0
            if self._empty_pages >= MAX_EMPTY_PAGES:
                raise _page_error(
                    response,
                    f"{self._empty_pages} pages in a row held nothing but a new cursor",
                    title="Listing makes no progress",
                )
        self._seen.add(cursor)
        return cursor

    def clear(self) -> None:
        """Forget every cursor and empty page (the walk starts again)."""
        self._seen.clear()
        self._empty_pages = 0


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


class _HandedOut:
    """The ids a listing has handed out, to skip them after a restart.

    Hashing every id in memory would cost about 70 ns an id, some 15 % of the
    listing's CPU; writing a page's ids to an anonymous temporary file costs
    a third of that, and keeps the process's memory flat. The file is unlinked
    from the start, so it is gone when closed or when the process ends. Ids
    go in NUL-terminated (no valid MQTT client id holds U+0000). A page that
    holds one anyway, or any page once the file could not be written (no
    writable temporary directory, disk full), is kept as 64-bit hashes in
    memory instead: 8 bytes an id.
    """

    def __init__(self) -> None:
        self._file: BinaryIO | None = None
        self._size = 0  # bytes written whole; a failed write leaves junk after them
        self._use_file = True
        self._hashes = bytearray()

    def add(self, ids: list[str], joined: str) -> None:
        """Record a page's ids; ``joined`` is the ids joined with U+0000."""
        if self._use_file and joined.count("\0") == len(ids) - 1:
            data = (joined + "\0").encode("utf-8", "surrogatepass")
            try:
                if self._file is None:
                    # Lives across pages; close() ends it.
                    self._file = tempfile.TemporaryFile(  # noqa: SIM115
                        prefix="hivemq-rest-ids-", buffering=0
                    )
                if self._file.write(data) == len(data):
                    self._size += len(data)
                    return
                self._use_file = False  # a short write: the disk is full
                self._file.seek(self._size)
            except OSError:
                self._use_file = False
        self._hashes += struct.pack(f"{len(ids)}q", *map(hash, ids))

    def hashes(self) -> frozenset[int]:
        """The hash of every id recorded."""
        found = set(memoryview(self._hashes).cast("q"))
        if self._file is not None:
            self._file.seek(0)
            rest = b""
            while self._file.tell() < self._size:
                chunk = self._file.read(min(1 << 20, self._size - self._file.tell()))
                if not chunk:
                    break  # cannot happen to an unlinked file; never loop on it
                *whole, rest = (rest + chunk).split(b"\0")
                found.update(hash(raw.decode("utf-8", "surrogatepass")) for raw in whole)
            self._file.seek(self._size)  # the next page goes after the last whole one
        return frozenset(found)

    def close(self) -> None:
        """Delete the file, if any."""
        if self._file is not None:
            self._file.close()
            self._file = None


class ClientIdListing:
    """The state of one walk over every client id. Sans network I/O.

    The caller asks ``params()`` for the next request, hands each 200 response
    to ``take_page()`` and each 410 to ``restart()``, until ``done``, and then
    calls ``close()``.

    Constant memory: a page's ids are handed on, not kept. To yield only ids
    not yet yielded after a restart, the listing records the ids it handed
    out in a temporary file (see ``_HandedOut``), and after a restart skips
    the ids whose 64-bit (keyed, per-process) hash it has seen. Two ids share
    a hash with odds below one in 10^7 for a million sessions; only then
    would an id be skipped, and only after a restart.
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
        self._handed_out = _HandedOut() if on_cursor_expired == "restart" else None
        self._skip: frozenset[int] = frozenset()

    def params(self) -> dict[str, str | int]:
        """The query parameters of the next page's request."""
        if self._cursor is None:
            return {"limit": self.page_size}
        return {"limit": self.page_size, "cursor": self._cursor}

    def take_page(self, response: httpx.Response) -> list[str]:
        """The ids of a 200 page to hand on; moves the walk to the next page."""
        # Only the ids are read: how deep the rest nests does not matter.
        document = json_body(response, _unreadable_page, max_depth=None)
        try:
            # No property is required by the spec: a page may leave out items.
            ids = [item["id"] for item in document.get("items", ())]
            links = document.get("_links")
            # str.join raises TypeError for any id that is not a str: the
            # check every id needs, at C speed on this hot path.
            joined = "\0".join(ids)
        except (KeyError, TypeError, AttributeError):
            raise _page_error(response, "a client list needs items with a string id") from None
        if len(ids) > self.page_size:
            raise page_too_large(response, len(ids), self.page_size)
        self._cursor = self._trail.next_cursor(response, links, items=len(ids))
        self.done = self._cursor is None
        if self._skip:
            ids = [client_id for client_id in ids if hash(client_id) not in self._skip]
            joined = "\0".join(ids)
        if self._handed_out is not None:
            if self.done:
                self.close()  # the walk is over: no restart will need the record
            elif ids:
                self._handed_out.add(ids, joined)
        return ids

    def restart(self, error: CursorExpiredError) -> None:
        """Go back to the first page after a 410, or raise it if that is not allowed."""
        if self._handed_out is None:
            raise error
        if self.restarts >= self.max_restarts:
            self.close()
            raise CursorExpiredError(
                status=error.status,
                title=error.title,
                detail=f"{error.detail} (gave up after {self.restarts} restarts of the listing)",
                method=error.method,
                path=error.path,
            ) from error
        try:
            skip = self._handed_out.hashes()
        except OSError as unreadable:
            # Without the record a restart would hand out ids twice.
            self.close()
            raise error from unreadable
        self.restarts += 1
        self._cursor = None
        self._trail.clear()
        self._skip = skip

    def close(self) -> None:
        """Let go of the record of handed-out ids (the walk ended or was abandoned)."""
        if self._handed_out is not None:
            self._handed_out.close()

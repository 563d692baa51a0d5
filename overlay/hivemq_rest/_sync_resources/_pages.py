"""The one walk over cursor pages of items, for every list but the client-id listing.

Made by scripts/generate.py from _async_resources/_pages.py (see scripts/_unasync.py);
do not edit: change _async_resources/_pages.py and regenerate.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from typing import TYPE_CHECKING, Generic, Self, TypeVar
from urllib.parse import urlsplit

import httpx
from hivemq_rest_generated.operations import Request

from .. import _operations as op
from .._call_options import CallOptions
from .._paging import CursorTrail, page_too_large

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["Listing", "PageParser", "PageRequest"]

_T = TypeVar("_T")
# Covariant: a listing of full items is also a listing of "full or partial" ones.
_T_co = TypeVar("_T_co", covariant=True)

# The request of a page, given the cursor of that page (None: the first page).
PageRequest = Callable[[str | None], Request]
# A 200 page's items, and its ``_links`` (where the next cursor is).
PageParser = Callable[[httpx.Response], tuple[list[_T], object]]


class Listing(Generic[_T_co]):
    """A listing: an async iterator of every item of every page, or ``pages()`` for the pages.

    The cursor of each next page is taken out of ``_links.next`` (see
    CursorTrail, which also ends a walk that goes round in circles) and sent
    with the first page's own parameters. ``paged=False``: one request,
    whatever ``_links`` says. Iterated once, either way.
    """

    def __init__(
        self,
        client: SyncAPI,
        request: PageRequest,
        parse: PageParser[_T_co],
        options: CallOptions,
        *,
        paged: bool = True,
    ) -> None:
        self._client = client
        self._request = request
        self._parse = parse
        self._options = options
        self._paged = paged
        self._items: Generator[_T_co, None] | None = None
        self._started = False

    def pages(self) -> Iterator[list[_T_co]]:
        """The pages as lists of items, in order (one request each)."""
        self._start()
        return self._pages()

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> _T_co:
        if self._items is None:
            self._start()
            self._items = self._each()
        return next(self._items)

    def close(self) -> None:
        """Stop early: no further page is asked for."""
        if self._items is not None:
            self._items.close()

    def _start(self) -> None:
        if self._started:
            raise RuntimeError("a listing can be iterated only once")
        self._started = True

    def _each(self) -> Generator[_T_co, None]:
        for page in self._pages():
            for item in page:
                yield item

    def _pages(self) -> Generator[list[_T_co], None]:
        trail, cursor = CursorTrail(), None
        while True:
            page = self._request(cursor)
            response = self._client._send(op.call_for(page), self._options)
            items, links = self._parse(response)
            limit = _limit(page)
            if limit is not None and len(items) > limit:
                raise page_too_large(response, len(items), limit)
            cursor = trail.next_cursor(response, links, items=len(items)) if self._paged else None
            yield items
            if cursor is None:
                return


def _limit(request: Request) -> int | None:
    """The ``limit`` the request asks for, if it sends one (the builder encoded it)."""
    for pair in urlsplit(request.target).query.split("&"):
        name, _, value = pair.partition("=")
        if name == "limit" and value.isdigit():
            return int(value)
    return None

"""The one walk over cursor pages of items, for every list but the client-id listing.

The client-id listing (_paging.ClientIdListing) keeps its own walk: it
restarts after a 410 and is tuned for millions of ids. These lists are small
(Data Hub holds at most a few thousand of each kind), so a 410 here simply
raises CursorExpiredError.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import TYPE_CHECKING, Generic, Self, TypeVar
from urllib.parse import urlsplit

import httpx
from hivemq_rest_generated.operations import Request

from .. import _operations as op
from .._call_options import CallOptions
from .._paging import CursorTrail, page_too_large

if TYPE_CHECKING:
    from .._async_api import AsyncAPI

__all__ = ["AsyncListing", "PageParser", "PageRequest"]

_T = TypeVar("_T")
# Covariant: a listing of full items is also a listing of "full or partial" ones.
_T_co = TypeVar("_T_co", covariant=True)

# The request of a page, given the cursor of that page (None: the first page).
PageRequest = Callable[[str | None], Request]
# A 200 page's items, and its ``_links`` (where the next cursor is).
PageParser = Callable[[httpx.Response], tuple[list[_T], object]]


class AsyncListing(Generic[_T_co]):
    """A listing: an async iterator of every item of every page, or ``pages()`` for the pages.

    The cursor of each next page is taken out of ``_links.next`` (see
    CursorTrail, which also ends a walk that goes round in circles) and sent
    with the first page's own parameters. ``paged=False``: one request,
    whatever ``_links`` says. Iterated once, either way.
    """

    def __init__(
        self,
        client: AsyncAPI,
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
        self._items: AsyncGenerator[_T_co, None] | None = None
        self._started = False

    def pages(self) -> AsyncIterator[list[_T_co]]:
        """The pages as lists of items, in order (one request each)."""
        self._start()
        return self._pages()

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> _T_co:
        if self._items is None:
            self._start()
            self._items = self._each()
        return await anext(self._items)

    async def aclose(self) -> None:
        """Stop early: no further page is asked for."""
        if self._items is not None:
            await self._items.aclose()

    def _start(self) -> None:
        if self._started:
            raise RuntimeError("a listing can be iterated only once")
        self._started = True

    async def _each(self) -> AsyncGenerator[_T_co, None]:
        async for page in self._pages():
            for item in page:
                yield item

    async def _pages(self) -> AsyncGenerator[list[_T_co], None]:
        trail, cursor = CursorTrail(), None
        while True:
            page = self._request(cursor)
            response = await self._client._send(op.call_for(page), self._options)
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

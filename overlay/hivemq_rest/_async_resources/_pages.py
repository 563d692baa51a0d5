"""The one walk over cursor pages of items, for every list but the client-id listing.

The client-id listing (_paging.ClientIdListing) keeps its own walk: it
restarts after a 410 and is tuned for millions of ids. These lists are small
(Data Hub holds at most a few thousand of each kind), so a 410 here simply
raises CursorExpiredError.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

import httpx
from hivemq_rest_generated.operations import Request

from .. import _operations as op
from .._paging import CursorTrail, page_too_large

if TYPE_CHECKING:
    from .._async_api import AsyncAPI

__all__ = ["iter_items"]

_T = TypeVar("_T")

# The request of a page, given the cursor of that page (None: the first page).
PageRequest = Callable[[str | None], Request]
# A 200 page's items, and its ``_links`` (where the next cursor is).
PageParser = Callable[[httpx.Response], tuple[list[_T], object]]


async def iter_items(
    client: AsyncAPI, request: PageRequest, parse: PageParser[_T], *, paged: bool = True
) -> AsyncIterator[_T]:
    """Every item of every page, in order, following ``_links.next`` cursors.

    The cursor is taken out of ``next`` (see CursorTrail, which also ends a
    walk that goes round in circles) and sent with the first page's own
    parameters. ``paged=False``: one request, whatever ``_links`` says.
    """
    trail, cursor = CursorTrail(), None
    while True:
        page = request(cursor)
        response = await client._send(op.call_for(page))
        items, links = parse(response)
        limit = _limit(page)
        if limit is not None and len(items) > limit:
            raise page_too_large(response, len(items), limit)
        cursor = trail.next_cursor(response, links, items=len(items)) if paged else None
        for item in items:
            yield item
        if cursor is None:
            return


def _limit(request: Request) -> int | None:
    """The ``limit`` the request asks for, if it sends one (the builder encoded it)."""
    for pair in urlsplit(request.target).query.split("&"):
        name, _, value = pair.partition("=")
        if name == "limit" and value.isdigit():
            return int(value)
    return None

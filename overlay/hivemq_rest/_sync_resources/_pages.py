"""The one walk over cursor pages of items, for every list but the client-id listing.

Made by scripts/generate.py from _async_resources/_pages.py (see scripts/_unasync.py);
do not edit: change _async_resources/_pages.py and regenerate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

import httpx
from hivemq_rest_generated.operations import Request

from .. import _operations as op
from .._call_options import CallOptions
from .._paging import CursorTrail

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["iter_items"]

_T = TypeVar("_T")

# The request of a page, given the cursor of that page (None: the first page).
PageRequest = Callable[[str | None], Request]
# A 200 page's items, and its ``_links`` (where the next cursor is).
PageParser = Callable[[httpx.Response], tuple[list[_T], object]]


def iter_items(
    client: SyncAPI,
    request: PageRequest,
    parse: PageParser[_T],
    options: CallOptions,
    *,
    paged: bool = True,
) -> Iterator[_T]:
    """Every item of every page, in order, following ``_links.next`` cursors.

    The cursor is taken out of ``next`` (see CursorTrail, which also ends a
    walk that goes round in circles) and sent with the first page's own
    parameters. ``paged=False``: one request, whatever ``_links`` says.
    """
    trail, cursor = CursorTrail(), None
    while True:
        response = client._send(op.call_for(request(cursor)), options)
        items, links = parse(response)
        cursor = trail.next_cursor(response, links, items=len(items)) if paged else None
        for item in items:
            yield item
        if cursor is None:
            return

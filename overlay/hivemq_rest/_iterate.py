"""Pages of ids as one stream of ids, for each client's kind of iteration."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import Final

__all__ = ["aflatten", "flatten"]

# scripts/unasync.py turns the async client's aflatten into this: the same
# walk, but at C speed on the listing's hot path rather than a generator's.
flatten: Final[Callable[[Iterable[list[str]]], Iterator[str]]] = itertools.chain.from_iterable


async def aflatten(pages: AsyncIterator[list[str]]) -> AsyncIterator[str]:
    """Every item of every page, in order."""
    async for page in pages:
        for item in page:
            yield item

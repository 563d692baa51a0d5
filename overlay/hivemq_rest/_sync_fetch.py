"""ClientDetailsStream: many clients' details at once, on the blocking client.

Written by hand (the asyncio twin is _async_fetch.py; the book both keep is
_fetch.py): the requests run on a pool of ``concurrency`` threads sharing
the client's connection pool (httpx.Client is thread-safe), and ids are read
from the caller's iterable only as threads become free.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable, Generator, Iterable, Iterator
from types import TracebackType
from typing import Literal, Self

from hivemq_rest_generated.models import ClientDetails

from ._call_options import CallOptions
from ._errors import HiveMQError
from ._fetch import DEFAULT_CONCURRENCY, FetchBook

__all__ = ["DEFAULT_CONCURRENCY", "ClientDetailsStream", "ClientIds"]

#: Where the ids of a fetch may come from.
ClientIds = Iterable[str]
_Get = Callable[[str, CallOptions], ClientDetails]
_Request = cf.Future[ClientDetails | None]


class ClientDetailsStream(FetchBook[Generator[ClientDetails, None, None]]):
    """The iterator that ``HiveMQClient.clients.fetch`` returns.

    ``vanished``, ``failed`` and ``fetched``: see FetchBook. Used as a
    context manager, it drops the requests not yet started and waits for
    those in flight when the block is left early (or call ``close()``).
    Iterated once.
    """

    def __init__(
        self,
        get: _Get,
        client_ids: ClientIds,
        concurrency: int,
        on_failure: Literal["raise", "collect"],
        options: CallOptions,
    ) -> None:
        super().__init__(concurrency, on_failure)
        self._get = get
        self._ids = client_ids
        self._options = options

    def __iter__(self) -> Iterator[ClientDetails]:
        return self._begin(self._run)

    def close(self) -> None:
        """Stop early: drop the requests not started, wait for those in flight."""
        if self._iteration is not None:
            self._iteration.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _one(self, client_id: str) -> ClientDetails | None:
        try:
            details = self._get(client_id, self._options)
        except HiveMQError as error:
            self.settle(client_id, error)  # the GIL keeps the book's appends whole
            return None
        self.succeeded()
        return details

    def _run(self) -> Generator[ClientDetails, None, None]:
        pending: set[_Request] = set()
        pool = cf.ThreadPoolExecutor(self._concurrency, thread_name_prefix="hivemq-fetch")
        try:
            for client_id in self._ids:
                if not self.addressable(client_id):
                    continue
                if len(pending) >= self._concurrency:
                    done, pending = _wait(pending)
                    yield from self.handed_out(done)
                pending.add(pool.submit(self._one, client_id))
            while pending:
                done, pending = _wait(pending)
                yield from self.handed_out(done)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _wait(pending: set[_Request]) -> tuple[set[_Request], set[_Request]]:
    done, left = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
    return done, left

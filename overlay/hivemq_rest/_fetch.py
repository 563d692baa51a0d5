"""What both clients' ``clients.fetch`` streams share: the book of what became of each id.

The streams themselves (_sync_fetch.py on threads, _async_fetch.py on
asyncio tasks) keep only how they run requests concurrently and stop them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Final, Generic, Literal, Protocol, TypeVar

from hivemq_rest_generated.models import ClientDetails

from ._errors import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    ClientNotFoundError,
    HiveMQError,
    InvalidClientIdError,
    PermissionDeniedError,
    UnsendableRequestError,
)
from ._ids import validate_client_id

__all__ = ["DEFAULT_CONCURRENCY", "FetchBook"]

DEFAULT_CONCURRENCY: Final = 32

# Failures that mean every other request will fail too: never collected.
_FATAL: Final = (AuthenticationError, PermissionDeniedError)

# The one iteration of a stream: a generator, or an async generator.
_Run = TypeVar("_Run")


class _Finished(Protocol):
    """A request that has finished: a thread pool's future or an asyncio task."""

    def exception(self) -> BaseException | None: ...

    def result(self) -> ClientDetails | None: ...


class FetchBook(Generic[_Run]):
    """``vanished``, ``failed`` and ``fetched`` of one fetch, and when a failure stops it.

    ``vanished`` lists the ids that were gone (404) when their turn came;
    ``failed`` the (id, error) pairs of requests that failed, when failures
    are collected; ``fetched`` counts the details handed out. A stream is
    iterated once; closing it ends that iteration (nothing, before it began).
    """

    def __init__(self, concurrency: int, on_failure: Literal["raise", "collect"]) -> None:
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError(f"concurrency must be an int of at least 1, not {concurrency!r}")
        if on_failure not in ("raise", "collect"):
            raise ValueError(f"on_failure must be 'raise' or 'collect', not {on_failure!r}")
        self._concurrency = concurrency
        self._collect = on_failure == "collect"
        self.vanished: list[str] = []
        self.failed: list[tuple[str, HiveMQError]] = []
        self.fetched = 0
        self._connection_failures = 0  # in a row, since the last success
        self._iteration: _Run | None = None

    def _begin(self, run: Callable[[], _Run]) -> _Run:
        """Begin the stream's one iteration, ``run()``; a second is a RuntimeError."""
        if self._iteration is not None:
            raise RuntimeError("a ClientDetailsStream can be iterated only once")
        self._iteration = iteration = run()
        return iteration

    def addressable(self, client_id: str) -> bool:
        """Whether a request can name this id; an id no request can address is one failure.

        A non-str is the caller's bug, and raised, as is any bad id unless
        failures are collected.
        """
        try:
            validate_client_id(client_id)
        except InvalidClientIdError as error:
            if not (self._collect and isinstance(client_id, str)):
                raise
            self.failed.append((client_id, error))
            return False
        return True

    def settle(self, client_id: str, error: HiveMQError) -> None:
        """Book a request's failure, or raise it when it must stop the stream."""
        if isinstance(error, ClientNotFoundError):
            self.vanished.append(client_id)
            return
        if isinstance(error, _FATAL):
            raise error
        if isinstance(error, APIConnectionError):
            # One request that lost its connection after every retry is one
            # failed client; a run of them with no success means the server
            # is gone, and that stops the stream.
            self._connection_failures += 1
            if not self._collect or self._connection_failures > 2 * self._concurrency:
                raise error
            self.failed.append((client_id, error))
            return
        if isinstance(error, APIStatusError | UnsendableRequestError) and self._collect:
            self.failed.append((client_id, error))
            return
        raise error

    def succeeded(self) -> None:
        """A request got its details: the run of connection failures ends."""
        self._connection_failures = 0

    def handed_out(self, done: Iterable[_Finished]) -> Iterator[ClientDetails]:
        """The details of finished requests, each counted in ``fetched`` as it is handed out.

        The first failure among them is raised instead, once every outcome was
        read (asyncio would log a task's failure nobody read).
        """
        failures = [error for finished in done if (error := finished.exception()) is not None]
        if failures:
            raise failures[0]
        answered = [details for finished in done if (details := finished.result()) is not None]
        for details in answered:
            self.fetched += 1
            yield details

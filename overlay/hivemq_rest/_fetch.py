"""What both clients' ``clients.fetch`` streams share: the book of what became of each id."""

from __future__ import annotations

from typing import Final, Literal

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


class FetchBook:
    """``vanished``, ``failed`` and ``fetched`` of one fetch, and when a failure stops it.

    ``vanished`` lists the ids that were gone (404) when their turn came;
    ``failed`` the (id, error) pairs of requests that failed, when failures
    are collected; ``fetched`` counts the details handed out.
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

"""RawResponse: an answer as it came (status, headers, bounded body), parsed on demand."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Final, Generic, ParamSpec, TypeVar

import httpx

__all__ = ["RawResponse", "araw", "capture", "raw"]

_T = TypeVar("_T")
_P = ParamSpec("_P")

# While a with_raw_response call runs (in its task or thread), every final
# answer it receives is appended here; the last one is the call's.
capture: Final[ContextVar[list[httpx.Response] | None]] = ContextVar(
    "hivemq_rest_capture", default=None
)


class RawResponse(Generic[_T]):
    """One HTTP answer: ``status_code``, ``headers``, ``content`` and ``parse()``.

    ``content`` is the body as read, within the client's ``max_response_bytes``
    like every read. ``parse()`` gives what the method returns without
    ``with_raw_response`` (for an error's response, the JSON body, or None when
    it is not JSON). The repr shows the status and the request, never the body
    or the headers (they may carry what the caller must not print).
    """

    def __init__(self, response: httpx.Response, parse: Callable[[], _T]) -> None:
        self._response = response
        self._parse = parse

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self._response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self._response.headers

    @property
    def content(self) -> bytes:
        """The body (decompressed), as read within ``max_response_bytes``."""
        return self._response.content

    @property
    def method(self) -> str:
        """The method of the request answered."""
        return self._response.request.method

    @property
    def path(self) -> str:
        """The path (and query) of the request answered, as sent (ids escaped)."""
        return self._response.request.url.raw_path.decode("ascii", "replace")

    def parse(self) -> _T:
        """The answer as the method's return value."""
        return self._parse()

    def __repr__(self) -> str:
        return f"<RawResponse {self.status_code} {self.method} {self.path!r}>"


def _answer(responses: list[httpx.Response], value: _T) -> RawResponse[_T]:
    if not responses:
        raise RuntimeError("the call sent no request")  # every wrapped method sends one
    return RawResponse(responses[-1], lambda: value)


def raw(method: Callable[_P, _T]) -> Callable[_P, RawResponse[_T]]:
    """``method``, answering its RawResponse (the parse is the method's own result)."""

    @functools.wraps(method)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> RawResponse[_T]:
        responses: list[httpx.Response] = []
        token = capture.set(responses)
        try:
            value = method(*args, **kwargs)
        finally:
            capture.reset(token)
        return _answer(responses, value)

    return call


def araw(method: Callable[_P, Awaitable[_T]]) -> Callable[_P, Awaitable[RawResponse[_T]]]:
    """The coroutine method, answering its RawResponse."""

    @functools.wraps(method)
    async def call(*args: _P.args, **kwargs: _P.kwargs) -> RawResponse[_T]:
        responses: list[httpx.Response] = []
        token = capture.set(responses)
        try:
            value = await method(*args, **kwargs)
        finally:
            capture.reset(token)
        return _answer(responses, value)

    return call

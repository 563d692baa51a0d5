"""``clients.fetch`` on both clients: what becomes of each id, what is counted, iterating once,
stopping early. The sync stream runs on threads, the async one on tasks; the book is the same."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from hivemq_rest import (
    AsyncHiveMQClient,
    HiveMQClient,
    InternalServerError,
    InvalidClientIdError,
    RetryPolicy,
)

from tests.overlay.fake_api import FakeAPI, details, problem

KINDS = ["sync", "async"]
_ONCE = RetryPolicy.disabled()


def _answer(request: httpx.Request) -> httpx.Response:
    """Ids starting "gone" are unknown (404), "bad" fail (500); the others answer their details."""
    client_id = unquote(request.url.raw_path.decode().rsplit("/", 1)[1])
    if client_id.startswith("gone"):
        return problem(404, "Resource not found", f"Resource with id '{client_id}' not found")
    if client_id.startswith("bad"):
        return httpx.Response(500, text="boom")
    return details(client_id)


def _requested(api: FakeAPI) -> list[str]:
    return sorted(unquote(path.rsplit("/", 1)[1]) for path in api.paths())


def _fetch(kind: str, api: FakeAPI, ids: list[str], take: int | None = None, **options: Any) -> Any:
    """Fetch ``ids`` (only the first ``take`` details, then leave the block): the ids handed out,
    and the stream."""
    if kind == "sync":
        with HiveMQClient(transport=api.transport(), retry=_ONCE) as hivemq:
            with hivemq.clients.fetch(ids, **options) as stream:
                got = []
                for item in stream:
                    got.append(str(item.id))
                    if len(got) == take:
                        break
            return got, stream

    async def main() -> Any:
        async with AsyncHiveMQClient(transport=api.async_transport(), retry=_ONCE) as hivemq:
            async with hivemq.clients.fetch(ids, **options) as stream:
                got = []
                async for item in stream:
                    got.append(str(item.id))
                    if len(got) == take:
                        break
            return got, stream

    return asyncio.run(main())


@pytest.mark.parametrize("kind", KINDS)
def test_each_id_is_fetched_vanished_or_failed(kind: str) -> None:
    api = FakeAPI(_answer)
    ids = ["a", "gone-1", "b", "bad-1", "", "c", "gone-2"]
    got, stream = _fetch(kind, api, ids, concurrency=2, on_failure="collect")
    assert sorted(got) == ["a", "b", "c"]
    assert stream.fetched == 3
    assert sorted(stream.vanished) == ["gone-1", "gone-2"]
    failed = sorted((client_id, type(error)) for client_id, error in stream.failed)
    assert failed == [("", InvalidClientIdError), ("bad-1", InternalServerError)]
    assert _requested(api) == sorted(set(ids) - {""})  # no request names the empty id


@pytest.mark.parametrize("kind", KINDS)
def test_a_failure_stops_the_stream_unless_collected(kind: str) -> None:
    with pytest.raises(InternalServerError):
        _fetch(kind, FakeAPI(_answer), ["a", "gone-1", "bad-1"], concurrency=1)
    with pytest.raises(InvalidClientIdError):
        _fetch(kind, FakeAPI(_answer), ["a", ""], concurrency=1)


@pytest.mark.parametrize("kind", KINDS)
def test_fetched_counts_the_details_handed_out_and_leaving_early_sends_no_more(
    kind: str,
) -> None:
    api = FakeAPI(_answer)
    got, stream = _fetch(kind, api, ["a", "b", "c"], take=1, concurrency=1)
    assert (got, stream.fetched) == (["a"], 1)
    assert _requested(api) == ["a"]  # "b" is read from the ids only after "a" was handed out


@pytest.mark.parametrize("kind", KINDS)
def test_a_stream_is_iterated_once_and_closing_an_unstarted_one_does_nothing(kind: str) -> None:
    message = "^a ClientDetailsStream can be iterated only once$"
    if kind == "sync":
        with HiveMQClient(transport=FakeAPI(_answer).transport()) as hivemq:
            stream = hivemq.clients.fetch(["a"])
            stream.close()
            assert [d.id for d in stream] == ["a"]
            with pytest.raises(RuntimeError, match=message):
                iter(stream)
            stream.close()
        return

    async def main() -> None:
        async with AsyncHiveMQClient(transport=FakeAPI(_answer).async_transport()) as hivemq:
            stream = hivemq.clients.fetch(["a"])
            await stream.aclose()
            assert [d.id async for d in stream] == ["a"]
            with pytest.raises(RuntimeError, match=message):
                stream.__aiter__()
            await stream.aclose()

    asyncio.run(main())

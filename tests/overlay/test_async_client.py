"""AsyncHiveMQClient against a scripted peer, and fetch_clients' concurrency and reporting."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar
from urllib.parse import unquote

import httpx
import pytest
from hivemq_rest import (
    APIConnectionError,
    AsyncHiveMQClient,
    ClientNotFoundError,
    CursorExpiredError,
    InternalServerError,
    InvalidClientIdError,
    RetryPolicy,
    ServiceUnavailableError,
)

from tests.overlay.fake_api import FakeAPI, details, ids_page, problem
from tests.overlay.strategies import AWKWARD_IDS

T = TypeVar("T")
NO_WAIT = RetryPolicy(backoff_base=0.0)


def run(make: Callable[[AsyncHiveMQClient], Awaitable[T]], api: FakeAPI, **settings: object) -> T:
    """Run a coroutine against a client on the scripted peer."""

    async def main() -> T:
        settings.setdefault("retry", NO_WAIT)
        async with AsyncHiveMQClient(
            "http://broker:8888",
            transport=api.async_transport(),
            **settings,  # type: ignore[arg-type]
        ) as hivemq:
            return await make(hivemq)

    return asyncio.run(main())


async def _collect(items: AsyncIterator[T]) -> list[T]:
    return [item async for item in items]


def test_operations() -> None:
    api = FakeAPI().script(
        details("a/b", connected=True),
        httpx.Response(200, json={"connection": {"connected": True}}),
        httpx.Response(200, json={"items": [{"topicFilter": "t", "qos": "AT_MOST_ONCE"}]}),
        httpx.Response(204),
        httpx.Response(204),
    )

    async def steps(hivemq: AsyncHiveMQClient) -> list[object]:
        found: list[object] = [
            (await hivemq.clients.get("a/b")).id,
            await hivemq.clients.is_connected("a/b"),
            [s.topic_filter for s in await _collect(hivemq.clients.subscriptions("a/b"))],
        ]
        await hivemq.clients.disconnect("a/b", prevent_will_message=True)
        await hivemq.clients.invalidate_session("a/b")
        return found

    assert run(steps, api) == ["a/b", True, ["t"]]
    assert [f"{r.method} {r.url.raw_path.decode()}" for r in api.requests] == [
        "GET /api/v1/mqtt/clients/a%2Fb",
        "GET /api/v1/mqtt/clients/a%2Fb/connection",
        "GET /api/v1/mqtt/clients/a%2Fb/subscriptions",
        "DELETE /api/v1/mqtt/clients/a%2Fb/connection?preventWillMessage=true",
        "DELETE /api/v1/mqtt/clients/a%2Fb?preventWillMessage=false",
    ]


def test_listing_with_restart() -> None:
    api = FakeAPI().script(
        ids_page(["a", "b"], "c1"),
        problem(410, "Cursor not valid anymore"),
        ids_page(["a", "c"], "c1"),
        ids_page(["d"]),
    )
    assert run(lambda h: _collect(h.clients.list(page_size=100)), api) == ["a", "b", "c", "d"]


def test_listing_raise_mode() -> None:
    api = FakeAPI().script(ids_page(["a"], "c1"), problem(410, "Cursor not valid anymore"))
    with pytest.raises(CursorExpiredError):
        run(lambda h: _collect(h.clients.list(on_cursor_expired="raise")), api)


def test_bad_arguments_fail_before_sending() -> None:
    api = FakeAPI()

    async def steps(hivemq: AsyncHiveMQClient) -> None:
        with pytest.raises(ValueError, match="page_size"):
            hivemq.clients.list(page_size=10)
        with pytest.raises(InvalidClientIdError):
            hivemq.clients.subscriptions("")
        with pytest.raises(InvalidClientIdError):
            await hivemq.clients.get("\x00")
        with pytest.raises(ValueError, match="concurrency"):
            hivemq.clients.fetch(["a"], concurrency=0)

    run(steps, api)
    assert api.requests == []


def test_transport_choice_is_checked() -> None:
    with pytest.raises(ValueError, match="transport"):
        AsyncHiveMQClient(transport="curl")  # type: ignore[arg-type]


def test_retries() -> None:
    api = FakeAPI().script(
        problem(503, "Endpoint not active yet"), httpx.ConnectError("refused"), details("a")
    )
    assert run(lambda h: h.clients.get("a"), api).id == "a"
    assert len(api.requests) == 3
    api = FakeAPI(default=problem(503, "Endpoint not active yet"))
    with pytest.raises(ServiceUnavailableError):
        run(lambda h: h.clients.get("a"), api, retry=RetryPolicy(max_attempts=2, backoff_base=0))
    assert len(api.requests) == 2


class _SlowPeer:
    """An async transport that answers details after a pause and tracks concurrency."""

    def __init__(
        self, gone: frozenset[str] = frozenset(), fail: frozenset[str] = frozenset()
    ) -> None:
        self.gone, self.fail = gone, fail
        self.in_flight = 0
        self.peak = 0
        self.started: list[str] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        client_id = unquote(request.url.raw_path.decode().rsplit("/", 1)[1])
        self.started.append(client_id)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            await asyncio.sleep(0.002)
        finally:
            self.in_flight -= 1
        if client_id in self.gone:
            return problem(404, "Resource not found", f"Resource with id '{client_id}' not found")
        if client_id in self.fail:
            return httpx.Response(500, text="boom")
        return httpx.Response(200, json={"client": {"id": client_id}})


def _fetch(peer: _SlowPeer, ids: object, concurrency: int) -> tuple[list[str], list[str], int]:
    async def main() -> tuple[list[str], list[str], int]:
        async with AsyncHiveMQClient(transport=httpx.MockTransport(peer), retry=NO_WAIT) as hivemq:
            stream = hivemq.clients.fetch(ids, concurrency=concurrency)  # type: ignore[arg-type]
            got = [str(d.id) async for d in stream]
            return got, stream.vanished, stream.fetched

    return asyncio.run(main())


def test_fetch_clients_bounded_and_complete() -> None:
    peer = _SlowPeer(gone=frozenset({"c7", "c13"}))
    ids = [f"c{i}" for i in range(100)]
    got, vanished, fetched = _fetch(peer, ids, concurrency=8)
    assert sorted(got) == sorted(set(ids) - {"c7", "c13"})
    assert sorted(vanished) == ["c13", "c7"]
    assert fetched == 98
    assert peer.peak == 8


def test_fetch_clients_reads_an_async_source_lazily() -> None:
    peer = _SlowPeer()

    async def source() -> AsyncIterator[str]:
        for client_id in AWKWARD_IDS:
            yield client_id

    got, vanished, _ = _fetch(peer, source(), concurrency=3)
    assert sorted(got) == sorted(AWKWARD_IDS)
    assert vanished == []
    assert peer.peak <= 3


def test_fetch_clients_surfaces_other_failures_and_stops() -> None:
    peer = _SlowPeer(fail=frozenset({"c5"}))
    with pytest.raises(InternalServerError, match="500"):
        _fetch(peer, [f"c{i}" for i in range(1000)], concurrency=4)
    assert len(peer.started) < 50
    assert peer.in_flight == 0


def test_fetch_clients_can_collect_failures_and_go_on() -> None:
    peer = _SlowPeer(fail=frozenset({"c5", "c9"}))

    async def main() -> tuple[list[str], list[tuple[str, int]]]:
        async with AsyncHiveMQClient(transport=httpx.MockTransport(peer), retry=NO_WAIT) as hivemq:
            stream = hivemq.clients.fetch(
                [f"c{i}" for i in range(20)], concurrency=4, on_failure="collect"
            )
            got = sorted([str(d.id) async for d in stream])
            return got, sorted((i, getattr(e, "status", 0)) for i, e in stream.failed)

    got, failed = asyncio.run(main())
    assert len(got) == 18
    assert failed == [("c5", 500), ("c9", 500)]


def test_fetch_clients_never_collects_a_lost_server() -> None:
    async def main() -> None:
        refused = FakeAPI(default=httpx.ConnectError("refused"))
        async with AsyncHiveMQClient(transport=refused.async_transport(), retry=NO_WAIT) as hivemq:
            ids = [f"c{i}" for i in range(100)]
            stream = hivemq.clients.fetch(ids, concurrency=4, on_failure="collect")
            with pytest.raises(APIConnectionError):
                _ = [d async for d in stream]

    asyncio.run(main())


def test_fetch_clients_collects_a_lone_connection_failure() -> None:
    api = FakeAPI(default=lambda r: httpx.Response(200, json={"client": {"id": "x"}}))
    api.script(httpx.ConnectError("refused"))

    async def main() -> tuple[int, list[str]]:
        async with AsyncHiveMQClient(
            transport=api.async_transport(), retry=RetryPolicy.disabled()
        ) as hivemq:
            stream = hivemq.clients.fetch(
                [f"c{i}" for i in range(10)], concurrency=1, on_failure="collect"
            )
            got = [d async for d in stream]
            return len(got), [i for i, _ in stream.failed]

    assert asyncio.run(main()) == (9, ["c0"])


def test_fetch_clients_refuses_a_bad_id_in_the_stream() -> None:
    peer = _SlowPeer()
    with pytest.raises(InvalidClientIdError):
        _fetch(peer, ["a", "b", ""], concurrency=2)


def test_fetch_clients_collects_an_id_no_request_can_address() -> None:
    async def main() -> tuple[list[str], list[tuple[str, type]]]:
        async with AsyncHiveMQClient(transport=httpx.MockTransport(_SlowPeer())) as hivemq:
            stream = hivemq.clients.fetch(
                ["a", "", "b\x00", "c"], concurrency=2, on_failure="collect"
            )
            got = sorted([str(d.id) async for d in stream])
            return got, [(i, type(e)) for i, e in stream.failed]

    assert asyncio.run(main()) == (
        ["a", "c"],
        [("", InvalidClientIdError), ("b\x00", InvalidClientIdError)],
    )


def test_fetch_clients_reads_every_failure_that_finishes_at_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = FakeAPI(default=problem(500, "boom"))

    async def main() -> None:
        async with AsyncHiveMQClient(
            transport=api.async_transport(), retry=RetryPolicy.disabled()
        ) as hivemq:
            with pytest.raises(InternalServerError, match="boom"):
                _ = [
                    d
                    async for d in hivemq.clients.fetch([f"c{i}" for i in range(8)], concurrency=4)
                ]

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        asyncio.run(main())
        gc.collect()  # a failure nobody read is logged when its task goes
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []


def test_fetch_clients_left_early_cancels_what_is_in_flight() -> None:
    peer = _SlowPeer()

    async def main() -> set[asyncio.Task[object]]:
        async with AsyncHiveMQClient(transport=httpx.MockTransport(peer)) as hivemq:
            async with hivemq.clients.fetch([f"c{i}" for i in range(100)], concurrency=8) as stream:
                async for _ in stream:
                    break
            return asyncio.all_tasks() - {asyncio.current_task()}

    assert asyncio.run(main()) == set()
    assert peer.in_flight == 0


def test_fetch_clients_can_be_iterated_once() -> None:
    async def main() -> None:
        async with AsyncHiveMQClient(transport=httpx.MockTransport(_SlowPeer())) as hivemq:
            stream = hivemq.clients.fetch(["a"])
            assert [d.id async for d in stream] == ["a"]
            with pytest.raises(RuntimeError, match="only once"):
                stream.__aiter__()

    asyncio.run(main())


def test_not_found_is_typed() -> None:
    with pytest.raises(ClientNotFoundError):
        run(lambda h: h.clients.get("x"), FakeAPI(default=problem(404, "Resource not found")))

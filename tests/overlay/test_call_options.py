"""Per-call ``timeout=``/``extra_headers=`` and ``with_options``, on real sockets, every client."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from hivemq_rest import (
    APITimeoutError,
    AsyncHiveMQClient,
    ConfigurationError,
    EventLoopError,
    HiveMQClient,
    ServiceUnavailableError,
)

from tests.overlay.e2e._both import CLIENTS, done, run_with
from tests.overlay.local_server import local_server, never_answers
from tests.overlay.resources.clients import KINDS, NO_WAIT, ONCE, run


def _details(
    method: str, target: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json"}, json.dumps({"client": {"id": "a"}}).encode()


def _unavailable(
    method: str, target: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    return 503, {"Content-Type": "application/json"}, b'{"errors": []}'


@pytest.mark.parametrize("kind", KINDS)
def test_extra_headers_are_sent_with_that_call_only(kind: str) -> None:
    with local_server(_details) as server:
        run(
            kind,
            server.base_url,
            lambda h: h.clients.get("a", extra_headers={"X-Trace": "t-1"}),
            headers={"X-Team": "ops"},
        )
        run(kind, server.base_url, lambda h: h.clients.get("a"))
    first, second = (headers for _, _, headers in server.seen)
    assert (first["x-trace"], first["x-team"]) == ("t-1", "ops")
    assert "x-trace" not in second


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["Authorization", "proxy-authorization", "Cookie"])
def test_extra_headers_may_not_carry_credentials(kind: str, name: str) -> None:
    with (
        local_server(_details) as server,
        pytest.raises(ConfigurationError, match="credentials are client settings"),
    ):
        run(
            kind,
            server.base_url,
            lambda h: h.clients.get("a", extra_headers={name: "Bearer other"}),
            token="tok",
        )
    assert server.seen == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf"), "5", True])
def test_a_bad_timeout_is_refused_before_sending(kind: str, timeout: Any) -> None:
    with local_server(_details) as server:
        with pytest.raises(ConfigurationError):
            run(kind, server.base_url, lambda h: h.backups.get("b", timeout=timeout))
        with pytest.raises(ConfigurationError):
            run(kind, server.base_url, lambda h: h.with_options(timeout=timeout))
    assert server.seen == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_call_timeout_bounds_each_attempt(kind: str) -> None:
    with local_server(never_answers) as server, pytest.raises(APITimeoutError):
        run(kind, server.base_url, lambda h: h.clients.get("a", timeout=0.2), retry=ONCE)


@pytest.mark.parametrize("kind", KINDS)
def test_with_options_timeout_bounds_each_attempt(kind: str) -> None:
    with local_server(never_answers) as server, pytest.raises(APITimeoutError):
        run(
            kind,
            server.base_url,
            lambda h: h.with_options(timeout=0.2).clients.get("a"),
            retry=NO_WAIT,
        )


@pytest.mark.parametrize("kind", CLIENTS)
def test_with_options_max_attempts_shares_the_pool(kind: str) -> None:
    with local_server(_unavailable) as server:

        async def scenario(hivemq: Any) -> None:
            before = hivemq.clients  # built for hivemq: the copy builds its own
            once = hivemq.with_options(max_attempts=1)
            assert once._http is hivemq._http
            assert once.clients is not before
            assert once.retry.max_attempts == 1
            assert hivemq.retry.max_attempts == 3
            for client in (once, hivemq):
                with pytest.raises(ServiceUnavailableError):
                    await done(client.clients.get("a"))

        run_with(kind, server.base_url, scenario, retry=NO_WAIT)
    assert len(server.seen) == 1 + 3


def test_with_options_max_attempts_is_checked() -> None:
    with HiveMQClient() as hivemq, pytest.raises(ConfigurationError):
        hivemq.with_options(max_attempts=0)


def test_a_copy_keeps_to_the_event_loop_of_its_connections() -> None:
    with local_server(_details) as server:
        hivemq = AsyncHiveMQClient(server.base_url, transport="httpx")
        copy = hivemq.with_options(timeout=5)
        assert asyncio.run(hivemq.clients.get("a")).id == "a"
        with pytest.raises(EventLoopError):
            asyncio.run(copy.clients.get("a"))
    assert len(server.seen) == 1

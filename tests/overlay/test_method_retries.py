"""Retries that know the method, over real sockets: a POST is never sent twice blindly.

No operation sends a POST or PATCH yet, so these go through the Call every
operation is made of, sent by the clients' own ``_send``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from hivemq_rest import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncHiveMQClient,
    HiveMQClient,
    RetryPolicy,
)
from hivemq_rest._operations import Call

from tests.faults.raw_server import http_answer, raw_server
from tests.overlay.local_server import local_server

KINDS = ["sync", "aiohttp", "httpx"]
NO_WAIT = RetryPolicy(max_attempts=3, backoff_base=0)
PATH = "/api/v1/management/backups"


def send(kind: str, base_url: str, call: Call, **settings: Any) -> Any:
    """Send one Call through a new client of this kind."""
    if kind == "sync":
        with HiveMQClient(base_url, **settings) as hivemq:
            return hivemq._send(call)

    async def main() -> Any:
        async with AsyncHiveMQClient(base_url, transport=kind, **settings) as hivemq:  # type: ignore[arg-type]
            return await hivemq._send(call)

    return asyncio.run(main())


def _drop(method: str, target: str, headers: dict[str, str]) -> None:
    return None  # read the request, then drop the connection without a word


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_connection_lost_after_sending_is_never_resent(kind: str, method: str) -> None:
    with local_server(_drop) as server:
        with pytest.raises(APIConnectionError) as caught:
            send(kind, server.base_url, Call(method, PATH), retry=NO_WAIT)
        seen = [(m, target) for m, target, _ in server.seen]
    assert seen == [(method, PATH)]
    assert caught.value.outcome_unknown is True
    assert "outcome unknown" in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_the_same_loss_is_retried_for_a_put(kind: str) -> None:
    with local_server(_drop) as server:
        with pytest.raises(APIConnectionError) as caught:
            send(kind, server.base_url, Call("PUT", PATH), retry=NO_WAIT)
        attempts = len(server.seen)
    assert attempts == NO_WAIT.max_attempts
    assert caught.value.outcome_unknown is True
    assert "outcome unknown" not in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_a_post_that_gets_no_answer_in_time_is_never_resent(kind: str) -> None:
    with raw_server(lambda head: None) as server:
        with pytest.raises(APITimeoutError) as caught:
            send(kind, server.base_url, Call("POST", PATH), retry=NO_WAIT, timeout=0.3)
        heads = list(server.requests)
    assert [head.split(b" ")[0] for head in heads] == [b"POST"]
    assert caught.value.outcome_unknown is True


@pytest.mark.parametrize("kind", KINDS)
def test_a_refused_post_is_retried(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    # Nothing listens: the request provably never reached a server.
    with local_server() as gone:
        base_url = gone.base_url
    with (
        caplog.at_level(logging.WARNING, logger="hivemq_rest"),
        pytest.raises(APIConnectionError) as caught,
    ):
        send(kind, base_url, Call("POST", PATH), retry=NO_WAIT)
    retries = [r.getMessage() for r in caplog.records if "attempt" in r.getMessage()]
    assert len(retries) == NO_WAIT.max_attempts - 1
    assert caught.value.outcome_unknown is False
    assert "outcome unknown" not in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("status", "attempts"), [(429, 3), (503, 3), (502, 1), (504, 1)])
def test_a_post_is_retried_only_after_statuses_that_say_nothing_was_done(
    kind: str, status: int, attempts: int
) -> None:
    def answer(
        method: str, target: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        return status, {}, b""

    with local_server(answer) as server:
        with pytest.raises(APIStatusError):
            send(kind, server.base_url, Call("POST", PATH), retry=NO_WAIT)
        assert len(server.seen) == attempts


@pytest.mark.parametrize("kind", KINDS)
def test_a_post_whose_answer_is_cut_short_is_never_resent(kind: str) -> None:
    def cut(head: bytes) -> bytes:
        return http_answer("200 OK", {"Content-Length": "100"}, b'{"partial"')

    with raw_server(cut) as server:
        with pytest.raises(APIConnectionError) as caught:
            send(kind, server.base_url, Call("POST", PATH), retry=NO_WAIT)
        heads = list(server.requests)
    assert len(heads) == 1
    assert caught.value.outcome_unknown is True

"""The Health API's requests and answers, over a mock transport: where they go, what they carry,
how an answer parses."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any, Literal

import httpx
import pytest
from hivemq_rest import (
    AsyncHiveMQClient,
    ConfigurationError,
    Health,
    HealthStatus,
    HiveMQClient,
    ServiceUnavailableError,
    UnexpectedResponseError,
    WaitTimeoutError,
)
from hivemq_rest._health import parse_health
from hypothesis import given
from hypothesis import strategies as st

from tests.overlay.local_server import Behaviour, local_server


class _Recorder:
    """A transport that answers every request with one response and keeps the requests."""

    def __init__(self, status: int = 200, body: Any = None, content: bytes | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self._status = status
        self._content = content if content is not None else json.dumps(body or {"status": "UP"})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self._status, content=self._content)


def _client(
    recorder: Callable[[httpx.Request], httpx.Response],
    base: str = "https://broker:8888",
    **settings: Any,
) -> HiveMQClient:
    return HiveMQClient(base, transport=httpx.MockTransport(recorder), **settings)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://broker.example:8443/hivemq", "http://broker.example:8889/"),
        ("http://localhost:8888", "http://localhost:8889/"),
        ("http://[::1]:8888", "http://[::1]:8889/"),
    ],
)
def test_default_health_url_is_the_rest_host_on_8889(base: str, expected: str) -> None:
    with HiveMQClient(base) as hivemq:
        assert str(hivemq.health_url) == expected


def test_a_given_health_url_keeps_its_prefix() -> None:
    recorder = _Recorder()
    with _client(recorder, health_url="http://probe:9000/hc") as hivemq:
        hivemq.health.readiness()
        hivemq.health.component("a/b")
    assert [str(r.url) for r in recorder.requests] == [
        "http://probe:9000/hc/api/v1/health/readiness",
        "http://probe:9000/hc/api/v1/health/a%2Fb",
    ]


@pytest.mark.parametrize("url", ["ftp://probe:21", "http://user:secret@probe:8889", "probe"])
def test_an_unusable_health_url_is_refused(url: str) -> None:
    with pytest.raises(ConfigurationError, match="health_url"):
        HiveMQClient(health_url=url)


@pytest.mark.parametrize(
    "credentials", [{"token": "s3cret"}, {"username": "alice", "password": "s3cret"}]
)
def test_credentials_and_headers_never_go_to_the_health_listener(
    credentials: dict[str, str],
) -> None:
    recorder = _Recorder(body={"status": "UP", "items": []})  # a health answer and a listing
    headers = {"X-Api-Key": "k3y"}
    with _client(recorder, headers=headers, **credentials) as hivemq:
        hivemq.health.status()
        list(hivemq.backups.list())
    health, rest = recorder.requests
    assert "authorization" not in health.headers
    assert "x-api-key" not in health.headers
    assert "s3cret" not in str(health.headers)
    assert "k3y" not in str(health.headers)
    assert rest.headers["authorization"]
    assert rest.headers["x-api-key"] == "k3y"


def test_a_503_with_a_health_body_is_the_answer_down_sent_once() -> None:
    recorder = _Recorder(503, {"status": "DOWN", "components": {"mqtt": {"status": "DOWN"}}})
    with _client(recorder) as hivemq:
        health = hivemq.health.readiness()
    assert (health.status, health.http_status, health.is_ok) == (HealthStatus.DOWN, 503, False)
    assert health.components["mqtt"].status == "DOWN"
    assert len(recorder.requests) == 1


def test_a_503_without_a_health_body_is_an_error() -> None:
    recorder = _Recorder(503, content=b"<html>upstream unavailable</html>")
    with _client(recorder) as hivemq, pytest.raises(ServiceUnavailableError):
        hivemq.health.status()


@pytest.mark.parametrize("body", [b"[]", b"{}", b'{"status": 1}', b"not json"])
def test_a_200_without_a_status_string_is_malformed(body: bytes) -> None:
    with _client(_Recorder(content=body)) as hivemq, pytest.raises(UnexpectedResponseError):
        hivemq.health.liveness()


def _parsed(document: Any, status: int = 200) -> Health:
    request = httpx.Request("GET", "http://probe:8889/api/v1/health/")
    return parse_health(httpx.Response(status, json=document, request=request))


def test_details_are_the_rest_of_the_body() -> None:
    health = _parsed(
        {
            "status": "UP",
            "details": {"version": "4.30.0"},
            "node": "n1",
            "components": {"mqtt": {"status": "DEGRADED", "details": {"listeners": 2}}},
        }
    )
    assert health.details == {"version": "4.30.0", "node": "n1"}
    assert health.components["mqtt"].details == {"listeners": 2}
    assert health.to_dict() == {
        "status": "UP",
        "components": {"mqtt": {"status": "DEGRADED", "details": {"listeners": 2}}},
        "details": {"version": "4.30.0", "node": "n1"},
    }


def test_components_of_another_shape_are_kept_not_guessed_at() -> None:
    listed = [{"name": "mqtt", "status": "UP"}]
    health = _parsed({"status": "UP", "components": listed})
    assert health.components == {}
    assert health.details == {"components": listed}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_NODES = st.recursive(
    st.fixed_dictionaries({"status": st.text(min_size=1, max_size=12)}),
    lambda inner: st.fixed_dictionaries(
        {
            "status": st.text(min_size=1, max_size=12),
            "components": st.dictionaries(st.text(max_size=8), inner, max_size=3),
        }
    ),
    max_leaves=10,
)


@given(
    node=_NODES,
    extra=st.dictionaries(
        st.text(max_size=8).filter(lambda k: k not in ("status", "components", "details")),
        _JSON,
        max_size=3,
    ),
)
def test_any_health_tree_parses_and_keeps_every_status(
    node: dict[str, Any], extra: dict[str, Any]
) -> None:
    health = _parsed({**node, **extra}, 503)
    assert health.http_status == 503
    assert dict(health.details) == extra

    def same(parsed: Health, raw: dict[str, Any]) -> None:
        assert parsed.status == raw["status"]
        assert isinstance(parsed.status, HealthStatus) is (
            raw["status"] in HealthStatus.__members__
        )
        assert set(parsed.components) == set(raw.get("components", {}))
        for name, part in parsed.components.items():
            same(part, raw["components"][name])

    same(health, node)


class _Sequence:
    """A transport that answers with the given responses in turn, the last one from then on."""

    def __init__(self, *answers: tuple[int, bytes]) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status, content = self.answers[min(len(self.requests), len(self.answers)) - 1]
        return httpx.Response(status, content=content)


# What a proxy or load balancer in front of a broker that is still starting answers.
_GATEWAY_ANSWERS = [(502, b"bad gateway"), (503, b""), (504, b"<html>timeout</html>")]


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_wait_ready_waits_through_a_gateways_answers(kind: str) -> None:
    sequence = _Sequence(*_GATEWAY_ANSWERS, (200, b'{"status": "UP"}'))
    if kind == "sync":
        with _client(sequence) as hivemq:
            health = hivemq.health.wait_ready(timeout=60, poll_interval=1e-3)
    else:

        async def wait() -> Health:
            async with AsyncHiveMQClient(
                "https://broker:8888", transport=httpx.MockTransport(sequence)
            ) as hivemq:
                return await hivemq.health.wait_ready(timeout=60, poll_interval=1e-3)

        health = asyncio.run(wait())
    assert (health.status, health.http_status) == (HealthStatus.UP, 200)
    assert len(sequence.requests) == 4


@pytest.mark.parametrize(("status", "content"), _GATEWAY_ANSWERS)
def test_a_wait_that_runs_out_on_gateway_answers_names_the_last(
    status: int, content: bytes
) -> None:
    with (
        _client(_Sequence((status, content))) as hivemq,
        pytest.raises(WaitTimeoutError, match=f"not ready after 0.01 s: HTTP {status}"),
    ):
        hivemq.health.wait_ready(timeout=0.01, poll_interval=1e-3)


def _cookie_peer(request: httpx.Request) -> httpx.Response:
    """Each listener sets a cookie of its own: the REST API one, the health listener another."""
    name = "HEALTH" if request.url.port == 8889 else "REST"
    body: dict[str, Any] = {"status": "UP"} if "/health/" in request.url.path else {"items": []}
    return httpx.Response(200, json=body, headers={"set-cookie": f"{name}=s3cret; Path=/"})


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_cookies_are_kept_and_sent_for_the_rest_origin_only(kind: str) -> None:
    """A REST session cookie never goes to the plain-HTTP health listener, nor the other way."""
    sent: list[tuple[int | None, str | None]] = []

    def peer(request: httpx.Request) -> httpx.Response:
        sent.append((request.url.port, request.headers.get("cookie")))
        return _cookie_peer(request)

    if kind == "sync":
        with _client(peer) as hivemq:
            list(hivemq.backups.list())
            hivemq.health.status()
            hivemq.health.status()
            list(hivemq.backups.list())
    else:

        async def steps() -> None:
            async with AsyncHiveMQClient(
                "https://broker:8888", transport=httpx.MockTransport(peer)
            ) as hivemq:
                [backup async for backup in hivemq.backups.list()]
                await hivemq.health.status()
                await hivemq.health.status()
                [backup async for backup in hivemq.backups.list()]

        asyncio.run(steps())
    assert sent == [(8888, None), (8889, None), (8889, None), (8888, "REST=s3cret")]


def _setting_cookie(name: str) -> Behaviour:
    def behave(
        method: str, target: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        body: dict[str, Any] = {"status": "UP"} if "/health/" in target else {"items": []}
        extra = {"Content-Type": "application/json", "Set-Cookie": f"{name}=s3cret; Path=/"}
        return 200, extra, json.dumps(body).encode()

    return behave


@pytest.mark.parametrize("transport", ["aiohttp", "httpx"])
def test_no_cookie_crosses_between_the_listeners_over_a_real_transport(
    transport: Literal["aiohttp", "httpx"],
) -> None:
    # By host name: aiohttp's own cookie jar keeps no cookie of an IP address.
    with (
        local_server(_setting_cookie("REST")) as rest,
        local_server(_setting_cookie("HEALTH")) as health,
    ):
        base = rest.base_url.replace("127.0.0.1", "localhost")
        health_url = health.base_url.replace("127.0.0.1", "localhost")

        async def steps() -> None:
            async with AsyncHiveMQClient(
                base, health_url=health_url, transport=transport
            ) as hivemq:
                [backup async for backup in hivemq.backups.list()]
                await hivemq.health.status()
                await hivemq.health.status()
                [backup async for backup in hivemq.backups.list()]

        asyncio.run(steps())
    assert [headers.get("cookie") for _, _, headers in rest.seen] == [None, "REST=s3cret"]
    assert [headers.get("cookie") for _, _, headers in health.seen] == [None, None]

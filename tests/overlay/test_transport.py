"""_transport over real sockets: raw paths, TLS, client certificates, redirects, failures."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
from cryptography.hazmat.primitives import serialization
from hivemq_rest import (
    APIConnectionError,
    APITimeoutError,
    AsyncHiveMQClient,
    HiveMQClient,
    RetryPolicy,
    UnexpectedResponseError,
)
from hivemq_rest._failures import origin
from hivemq_rest._ids import client_id_segment
from hivemq_rest._transport import ssl_context

from tests.overlay.local_server import LocalServer, echo_path, local_server, never_answers
from tests.overlay.strategies import AWKWARD_IDS

ASYNC_TRANSPORTS = ["aiohttp", "httpx"]
NO_WAIT = RetryPolicy(backoff_base=0.0)


def _sync_get(base_url: str, client_id: str, **settings: Any) -> object:
    with HiveMQClient(base_url, **settings) as hivemq:
        return hivemq.clients.get(client_id).id


def _async_get(base_url: str, client_id: str, transport: str, **settings: Any) -> object:
    async def main() -> object:
        async with AsyncHiveMQClient(base_url, transport=transport, **settings) as hivemq:  # type: ignore[arg-type]
            return (await hivemq.clients.get(client_id)).id

    return asyncio.run(main())


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with local_server() as running:
        yield running


@pytest.mark.parametrize("client_id", AWKWARD_IDS[:-1])
def test_sync_sends_the_path_it_built(server: LocalServer, client_id: str) -> None:
    seen = _sync_get(server.base_url + "/prefix", client_id)
    assert seen == f"/prefix/api/v1/mqtt/clients/{client_id_segment(client_id)}"


@pytest.mark.parametrize("transport", ASYNC_TRANSPORTS)
def test_async_sends_the_path_it_built(server: LocalServer, transport: str) -> None:
    async def main() -> list[object]:
        async with AsyncHiveMQClient(server.base_url, transport=transport) as hivemq:  # type: ignore[arg-type]
            return [(await hivemq.clients.get(client_id)).id for client_id in AWKWARD_IDS]

    seen = asyncio.run(main())
    assert seen == [f"/api/v1/mqtt/clients/{client_id_segment(c)}" for c in AWKWARD_IDS]


# -- TLS ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def _server_tls(ca: trustme.CA, require_client_cert: bool = False) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    if require_client_cert:
        ca.configure_trust(context)
        context.verify_mode = ssl.CERT_REQUIRED
    return context


@pytest.fixture(scope="module")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tls") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture(scope="module")
def client_pem(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tls") / "client.pem"
    ca.issue_cert("ops@example.com").private_key_and_cert_chain_pem.write_to_path(str(path))
    return path


def _both(base_url: str, **settings: Any) -> list[object]:
    results: list[object] = []
    calls: list[Callable[[], object]] = [
        lambda: _sync_get(base_url, "a", **settings),
        lambda: _async_get(base_url, "a", "aiohttp", **settings),
        lambda: _async_get(base_url, "a", "httpx", **settings),
    ]
    for call in calls:
        try:
            results.append(call())
        except APIConnectionError as error:
            results.append(type(error))
    return results


def test_tls_is_verified_by_default(ca: trustme.CA) -> None:
    with local_server(tls=_server_tls(ca)) as tls_server:
        results = _both(tls_server.base_url, retry=RetryPolicy.disabled())
    assert results == [APIConnectionError] * 3


def test_tls_with_the_ca_bundle(ca: trustme.CA, ca_file: Path) -> None:
    with local_server(tls=_server_tls(ca)) as tls_server:
        results = _both(tls_server.base_url, ca_file=ca_file)
    assert results == ["/api/v1/mqtt/clients/a"] * 3


def test_tls_unverified_on_request(ca: trustme.CA) -> None:
    with local_server(tls=_server_tls(ca)) as tls_server:
        results = _both(tls_server.base_url, verify=False)
    assert results == ["/api/v1/mqtt/clients/a"] * 3


def test_the_default_context_is_shared_and_nothing_loosens_it(
    ca: trustme.CA, ca_file: Path, client_pem: Path
) -> None:
    # Read once a process (the system's CA store is most of a client's set-up)...
    assert ssl_context() is ssl_context()
    # ...and every other setting gets a context of its own.
    assert ssl_context(verify=False) is not ssl_context()
    assert ssl_context(ca_file=ca_file) is not ssl_context()
    assert ssl_context(ca_file=ca_file, client_cert=client_pem) is not ssl_context()
    with local_server(tls=_server_tls(ca)) as tls_server:
        trusting = _both(tls_server.base_url, ca_file=ca_file)
        unverified = _both(tls_server.base_url, verify=False)
        default = _both(tls_server.base_url, retry=RetryPolicy.disabled())
    assert trusting == unverified == ["/api/v1/mqtt/clients/a"] * 3
    assert default == [APIConnectionError] * 3


def test_the_default_context_follows_the_trust_the_environment_names(
    ca: trustme.CA, ca_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # OpenSSL reads SSL_CERT_FILE when a context loads the system's trust: one
    # named after a client was built is still honoured, as it was per client.
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    ssl_context()  # the first client of the process
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    assert ssl_context() is ssl_context()  # still shared while the variables stay
    with local_server(tls=_server_tls(ca)) as tls_server:
        assert _both(tls_server.base_url) == ["/api/v1/mqtt/clients/a"] * 3


def test_client_certificate(ca: trustme.CA, ca_file: Path, client_pem: Path) -> None:
    with local_server(tls=_server_tls(ca, require_client_cert=True)) as tls_server:
        without = _both(tls_server.base_url, ca_file=ca_file, retry=RetryPolicy.disabled())
        with_cert = _both(tls_server.base_url, ca_file=ca_file, client_cert=client_pem)
    assert without == [APIConnectionError] * 3
    assert with_cert == ["/api/v1/mqtt/clients/a"] * 3


# -- redirects and failures ------------------------------------------------------


def test_redirect_to_another_host_drops_authorization() -> None:
    with local_server() as target:

        def redirect(
            method: str, path: str, headers: dict[str, str]
        ) -> tuple[int, dict[str, str], bytes]:
            return 307, {"Location": target.base_url + path}, b""

        with local_server(redirect) as origin:
            _sync_get(origin.base_url, "a", token="tok-SECRET", follow_redirects=True)
            _async_get(origin.base_url, "a", "aiohttp", token="tok-SECRET", follow_redirects=True)
    assert [h.get("authorization") for _, _, h in origin.seen] == ["Bearer tok-SECRET"] * 2
    assert [h.get("authorization") for _, _, h in target.seen] == [None, None]


def test_redirects_are_not_followed_by_default() -> None:
    def redirect(
        method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": "http://127.0.0.1:9/"}, b""

    with local_server(redirect) as origin:
        calls: list[Callable[[], object]] = [
            lambda: _sync_get(origin.base_url, "a"),
            lambda: _async_get(origin.base_url, "a", "aiohttp"),
            lambda: _async_get(origin.base_url, "a", "httpx"),
        ]
        for call in calls:
            with pytest.raises(UnexpectedResponseError, match="302 Found") as caught:
                call()
            assert caught.value.status == 302
    assert len(origin.seen) == 3


def test_dropped_connections_are_retried_then_typed() -> None:
    with local_server(lambda m, p, h: None) as dropping:
        results = _both(dropping.base_url, retry=RetryPolicy(max_attempts=2, backoff_base=0))
        attempts = len(dropping.seen)
    assert results == [APIConnectionError] * 3
    assert attempts == 6


def test_refused_connection_is_typed() -> None:
    with local_server() as gone:
        base_url = gone.base_url
    assert (
        _both(base_url, retry=RetryPolicy(max_attempts=2, backoff_base=0))
        == [APIConnectionError] * 3
    )


def test_server_that_never_answers_times_out() -> None:
    with local_server(never_answers) as silent:
        results = _both(silent.base_url, timeout=httpx.Timeout(0.3), retry=RetryPolicy.disabled())
    assert results == [APITimeoutError] * 3


# -- proxies from the environment --------------------------------------------------

_KINDS: list[tuple[str, Callable[[str], object]]] = [
    ("sync", lambda url: _sync_get(url, "a b", retry=RetryPolicy.disabled())),
    ("aiohttp", lambda url: _async_get(url, "a b", "aiohttp", retry=RetryPolicy.disabled())),
    ("httpx", lambda url: _async_get(url, "a b", "httpx", retry=RetryPolicy.disabled())),
]


def _clear_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY"])
@pytest.mark.parametrize(("kind", "get"), _KINDS, ids=[kind for kind, _ in _KINDS])
def test_http_proxy_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, kind: str, get: Callable[[str], object], variable: str
) -> None:
    _clear_proxies(monkeypatch)
    with local_server() as proxy:
        monkeypatch.setenv(variable, proxy.base_url)
        # A host no resolver knows: only the proxy can reach it.
        get("http://hivemq.invalid:8888/prefix")
    assert [(method, target) for method, target, _ in proxy.seen] == [
        ("GET", "http://hivemq.invalid:8888/prefix/api/v1/mqtt/clients/a%20b")
    ]


@pytest.mark.parametrize(("kind", "get"), _KINDS, ids=[kind for kind, _ in _KINDS])
def test_no_proxy_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, kind: str, get: Callable[[str], object]
) -> None:
    _clear_proxies(monkeypatch)
    with local_server() as proxy, local_server() as target:
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        get(target.base_url)
    assert proxy.seen == []
    assert [path for _, path, _ in target.seen] == ["/api/v1/mqtt/clients/a%20b"]


# -- TLS files that cannot be used ------------------------------------------------


@pytest.fixture(scope="module")
def encrypted_key_pem(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    issued = ca.issue_cert("ops@example.com")
    key = serialization.load_pem_private_key(issued.private_key_pem.bytes(), password=None)
    path = tmp_path_factory.mktemp("tls") / "encrypted.pem"
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"passphrase"),
    )
    path.write_bytes(b"".join(blob.bytes() for blob in issued.cert_chain_pems) + encrypted)
    return path


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_unusable_tls_files_are_value_errors(
    kind: str, tmp_path: Path, client_pem: Path, encrypted_key_pem: Path
) -> None:
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("hello")
    missing = tmp_path / "missing.pem"
    make = HiveMQClient if kind == "sync" else AsyncHiveMQClient
    cases: list[tuple[dict[str, Any], str]] = [
        ({"ca_file": missing}, "ca_file is no usable CA bundle"),
        ({"ca_file": not_pem}, "ca_file is no usable CA bundle"),
        ({"client_cert": missing}, "client_cert is no usable certificate"),
        ({"client_cert": not_pem}, "client_cert is no usable certificate"),
        ({"client_cert": (client_pem, not_pem)}, "client_cert is no usable certificate"),
        # Refused at once, never a passphrase prompt on the terminal.
        ({"client_cert": encrypted_key_pem}, "encrypted key"),
    ]
    for settings, message in cases:
        with pytest.raises(ValueError, match=message):
            make("https://127.0.0.1:9", **settings)


# -- one wording for connection errors, whatever the transport ---------------------


def _messages(base_url: str, **settings: Any) -> list[str]:
    messages: list[str] = []
    calls: list[Callable[[], object]] = [
        lambda: _sync_get(base_url, "a", **settings),
        lambda: _async_get(base_url, "a", "aiohttp", **settings),
        lambda: _async_get(base_url, "a", "httpx", **settings),
    ]
    for call in calls:
        with pytest.raises(APIConnectionError) as caught:
            call()
        messages.append(str(caught.value))
    return messages


def test_refused_connection_names_what_was_tried() -> None:
    with local_server() as gone:
        base_url, port = gone.base_url, gone.base_url.rsplit(":", 1)[1]
    messages = _messages(base_url, username="ops", password="pw-SECRET", retry=NO_WAIT)
    expected = (
        f"GET /api/v1/mqtt/clients/a: cannot connect to http://127.0.0.1:{port}: connection refused"
    )
    assert messages == [expected] * 3


def test_timeout_wording_is_the_same_everywhere() -> None:
    with local_server(never_answers) as silent:
        messages = _messages(silent.base_url, timeout=0.3, retry=RetryPolicy.disabled())
        where = silent.base_url
    assert messages == [f"GET /api/v1/mqtt/clients/a: no complete answer from {where} in time"] * 3


def test_lost_connection_wording_is_the_same_everywhere() -> None:
    with local_server(lambda m, p, h: None) as dropping:
        messages = _messages(dropping.base_url, retry=RetryPolicy.disabled())
        where = dropping.base_url
    expected = (
        f"GET /api/v1/mqtt/clients/a: the connection to {where} was lost before a complete answer"
    )
    assert messages == [expected] * 3


def test_unverified_certificate_wording_is_the_same_everywhere(ca: trustme.CA) -> None:
    with local_server(tls=_server_tls(ca)) as tls_server:
        messages = _messages(tls_server.base_url, retry=RetryPolicy.disabled())
        where = tls_server.base_url
    assert len(set(messages)) == 1, messages
    assert messages[0].startswith(f"GET /api/v1/mqtt/clients/a: cannot connect to {where}: ")
    assert "certificate" in messages[0]
    assert "SECRET" not in messages[0]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://broker/api", "http://broker:80"),
        ("https://broker/", "https://broker:443"),
        ("https://ops:pw-SECRET@broker:8443/x", "https://broker:8443"),
        ("http://[::1]:8888/", "http://[::1]:8888"),
    ],
)
def test_origin_names_scheme_host_and_port_only(url: str, expected: str) -> None:
    assert origin(httpx.URL(url)) == expected


def test_redirect_to_another_origin_drops_the_callers_headers() -> None:
    settings: dict[str, Any] = {"headers": {"X-Api-Key": "k-SECRET"}, "follow_redirects": True}
    with local_server() as target:

        def redirect(
            method: str, path: str, headers: dict[str, str]
        ) -> tuple[int, dict[str, str], bytes] | None:
            if path.startswith("/moved"):
                return echo_path(method, path, headers)
            if path.endswith("/same"):  # the same origin: the headers stay
                return 307, {"Location": "/moved" + path}, b""
            return 307, {"Location": target.base_url + path}, b""

        with local_server(redirect) as origin_server:
            for kind in ("sync", "aiohttp", "httpx"):
                for client_id in ("a", "same"):
                    if kind == "sync":
                        _sync_get(origin_server.base_url, client_id, **settings)
                    else:
                        _async_get(origin_server.base_url, client_id, kind, **settings)
    assert [h.get("x-api-key") for _, _, h in origin_server.seen] == ["k-SECRET"] * 9
    assert [h.get("x-api-key") for _, _, h in target.seen] == [None] * 3
    assert all(h.get("user-agent", "").startswith("hivemq-rest-client/") for _, _, h in target.seen)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_cookies_are_read_from_the_answers_that_set_one_only(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []
    extract = httpx.Cookies.extract_cookies

    def counted(self: httpx.Cookies, response: httpx.Response) -> None:
        read.append(response.status_code)
        extract(self, response)

    monkeypatch.setattr(httpx.Cookies, "extract_cookies", counted)
    sent: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers.get("cookie"))
        first = {"Set-Cookie": "session=s1; Path=/"} if len(sent) == 1 else {}
        return httpx.Response(200, json={"client": {"id": "a"}}, headers=first)

    if kind == "sync":
        with HiveMQClient(transport=httpx.MockTransport(answer)) as hivemq:
            for _ in range(3):
                hivemq.clients.get("a")
    else:

        async def main() -> None:
            async with AsyncHiveMQClient(transport=httpx.MockTransport(answer)) as hivemq:
                for _ in range(3):
                    await hivemq.clients.get("a")

        asyncio.run(main())
    assert sent == [None, "session=s1", "session=s1"]
    assert read == [200]  # httpx's reading of an answer, for the one that set a cookie

"""Credentials stay secret; TLS is verified by default; redirects do not carry credentials.

Secrets are searched for as given, and as they travel (the Basic header's
base64), in everything a user could see: log records at DEBUG, reprs,
exception messages (with their causes), the CLI's --debug output and exports.
"""

from __future__ import annotations

import base64
import csv
import logging
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
from hivemq_rest import (
    APIConnectionError,
    AsyncHiveMQClient,
    HiveMQClient,
    HiveMQError,
    RetryPolicy,
    UnexpectedResponseError,
)
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS

from tests.faults.calls import KINDS, call, open_client
from tests.overlay.cli.cli_run import run as run_cli
from tests.overlay.local_server import LocalServer, local_server

TOKEN = "tok-7f3a9c2e-SECRET"
USERNAME = "operator"
PASSWORD = "pw-Zq81!x-SECRET"
BASIC = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
SECRETS = [TOKEN, PASSWORD, BASIC, f"Bearer {TOKEN}", f"Basic {BASIC}"]
FAST = RetryPolicy(max_attempts=2, backoff_base=0)
LIST = GET_ALL_MQTT_CLIENTS.path

CREDENTIALS: dict[str, dict[str, Any]] = {
    "token": {"token": TOKEN},
    "basic": {"username": USERNAME, "password": PASSWORD},
}


def assert_no_secret(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} found in {where}"


def fake_api(method: str, target: str, headers: dict[str, str]) -> Any:
    """A small HiveMQ API: two clients, one that fails each way, and a 2-page listing."""
    path, _, query = target.partition("?")
    if path == LIST:
        if "cursor=" in query:
            return 200, {"Content-Type": "application/json"}, b'{"items": [{"id": "b"}]}'
        page = b'{"items": [{"id": "a"}], "_links": {"next": "/api/v1/mqtt/clients?cursor=c2"}}'
        return 200, {"Content-Type": "application/json"}, page
    client_id = path.removeprefix(LIST + "/").partition("/")[0]
    if client_id == "denied":
        body = b'{"errors": [{"title": "Unauthorized", "detail": "bad credentials"}]}'
        return 401, {"Content-Type": "application/json"}, body
    if client_id == "busy":
        return 503, {"Retry-After": "0"}, b"busy"
    if client_id == "gone":
        return 404, {"Content-Type": "application/json"}, b'{"errors": [{"title": "Not found"}]}'
    if client_id == "drop":
        return None
    if method == "DELETE":
        return 204, {}, b""
    details = (
        f'{{"client": {{"id": "{client_id}", "connected": true, "connection": '
        f'{{"username": "device-user", "password": "ZGV2aWNl"}}}}, '
        f'"connection": {{"connected": true}}, "items": []}}'
    )
    return 200, {"Content-Type": "application/json"}, details.encode()


@pytest.fixture
def api() -> Iterator[LocalServer]:
    with local_server(fake_api) as server:
        yield server


def _sent_credentials(server: LocalServer) -> bool:
    """Whether the server did receive the credentials (so that they could leak)."""
    sent = {headers.get("authorization") for _, _, headers in server.seen}
    return bool(sent & {f"Bearer {TOKEN}", f"Basic {BASIC}"})


def _chain(error: BaseException | None) -> str:
    text = []
    while error is not None:
        text += [str(error), repr(error)]
        error = error.__cause__ or error.__context__
    return "\n".join(text)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("credentials", CREDENTIALS)
def test_credentials_never_in_logs_reprs_or_errors(
    kind: str, credentials: str, api: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx, httpcore, aiohttp, asyncio
    seen: list[str] = []
    settings = {**CREDENTIALS[credentials], "retry": FAST}
    with open_client(kind, api.base_url, **settings) as do:
        assert do("get_client", "a").id == "a"
        assert do("list") == ["a", "b"]
        do("disconnect", "a")
        for client_id in ("denied", "busy", "gone", "drop", "\x00"):
            with pytest.raises(HiveMQError) as caught:
                do("get_client", client_id)
            seen.append(_chain(caught.value))
    client: HiveMQClient | AsyncHiveMQClient
    if kind == "sync":
        client = HiveMQClient(api.base_url, **settings)
        client.close()
    else:
        client = AsyncHiveMQClient(api.base_url, **settings)
    seen += [repr(client), str(client), repr(client._connection), repr(client._connection.auth)]
    seen += [repr(client.retry), str(client.base_url)]
    seen += [record.getMessage() for record in caplog.records]
    seen += [repr(record.args) for record in caplog.records]
    assert _sent_credentials(api)
    assert any("HTTP 503" in message for message in seen)  # retries were logged
    assert_no_secret("\n".join(seen) + caplog.text, "logs, reprs or errors")


def test_credentials_in_the_url_are_refused_without_echo() -> None:
    for kind in KINDS:
        with pytest.raises(ValueError, match="credentials") as caught:
            call(kind, f"http://{USERNAME}:{PASSWORD}@127.0.0.1:9/", "get_client", "a")
        assert_no_secret(_chain(caught.value), "the error")
    result = run_cli("clients", "show", "a", "--url", f"http://{USERNAME}:{PASSWORD}@127.0.0.1:9/")
    assert result.returncode == 2
    assert_no_secret(result.stdout + result.stderr, "the CLI's output")


@pytest.mark.parametrize("credentials", CREDENTIALS)
def test_cli_debug_output_and_exports_hold_no_credentials(
    credentials: str, api: LocalServer, tmp_path: Path
) -> None:
    if credentials == "token":
        env = {"HIVEMQ_REST_TOKEN": TOKEN}
        options = ["--token", TOKEN]
    else:
        env = {"HIVEMQ_REST_USERNAME": USERNAME, "HIVEMQ_REST_PASSWORD": PASSWORD}
        options = ["--username", USERNAME, "--password", PASSWORD]
    url = ["--url", api.base_url, "--debug"]
    outputs = []
    for args, expected in [
        (["clients", "show", "a", "--json"], 0),
        (["clients", "list"], 0),
        (["clients", "state", "a"], 0),
        (["clients", "show", "denied"], 5),
        (["clients", "show", "gone"], 4),
        (["clients", "show", "drop"], 3),
        (["clients", "disconnect", "a", "--yes"], 0),
    ]:
        for extra, environment in (([], env), (options, {})):
            result = run_cli(*args, *url, *extra, env=environment)
            assert result.returncode == expected, result.stderr
            outputs += [result.stdout, result.stderr]
    for fmt in ("csv", "jsonl"):
        output = tmp_path / f"clients.{fmt}"
        result = run_cli(
            "clients", "export", "--format", fmt, "--output", str(output), *url, env=env
        )
        assert result.returncode == 0, result.stderr
        outputs += [result.stdout, result.stderr, output.read_text(encoding="utf-8")]
    assert "Traceback" in "".join(outputs)  # --debug did show the failures in full
    assert "HTTP Request" in "".join(outputs)  # and the requests
    assert _sent_credentials(api)
    assert_no_secret("\n".join(outputs), "the CLI's output or an export")


def test_export_writes_the_clients_passwords_only_on_request(
    api: LocalServer, tmp_path: Path
) -> None:
    # Not the API's credentials, but secrets too: MQTT passwords of the clients.
    output = tmp_path / "clients.csv"
    assert run_cli("clients", "export", "-o", str(output), "--url", api.base_url).returncode == 0
    with output.open(encoding="utf-8", newline="") as rows:
        table = list(csv.DictReader(rows))
    assert sorted(row["clientId"] for row in table) == ["a", "b"]
    assert "password" not in table[0]
    assert "ZGV2aWNl" not in output.read_text(encoding="utf-8")
    included = tmp_path / "with-passwords.csv"
    result = run_cli(
        "clients", "export", "-o", str(included), "--include-password", "--url", api.base_url
    )
    assert result.returncode == 0
    assert "ZGV2aWNl" in included.read_text(encoding="utf-8")


# -- TLS --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tls") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


def _tls(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(context)
    return context


def _outcome(kind: str, base_url: str, **settings: Any) -> str:
    try:
        return str(
            call(kind, base_url, "get_client", "a", retry=RetryPolicy.disabled(), **settings).id
        )
    except APIConnectionError as error:
        return "refused: " + str(error).lower()


@pytest.mark.parametrize("kind", KINDS)
def test_tls_is_verified_by_default(kind: str, ca: trustme.CA, ca_file: Path) -> None:
    with local_server(tls=_tls(ca, "127.0.0.1", "localhost")) as server:
        refused = _outcome(kind, server.base_url)
        accepted = _outcome(kind, server.base_url, ca_file=ca_file)
        requests = len(server.seen)
    assert refused.startswith("refused: ")
    assert "certificate verify failed" in refused
    assert accepted == "/api/v1/mqtt/clients/a"  # the local server echoes the path
    assert requests == 1  # the refused handshake never got to send a request


@pytest.mark.parametrize("kind", KINDS)
def test_tls_checks_the_host_name(kind: str, ca: trustme.CA, ca_file: Path) -> None:
    # Signed by the trusted CA, but for another name than the one dialled.
    with local_server(tls=_tls(ca, "elsewhere.example")) as server:
        outcome = _outcome(kind, server.base_url, ca_file=ca_file)
        assert server.seen == []
    assert outcome.startswith("refused: ")
    assert "certificate verify failed" in outcome


def test_cli_tls_is_verified_by_default(ca: trustme.CA, ca_file: Path) -> None:
    with local_server(tls=_tls(ca, "127.0.0.1")) as server:
        refused = run_cli("clients", "state", "a", "--url", server.base_url)
        accepted = run_cli(
            "clients", "state", "a", "--url", server.base_url, "--ca-file", str(ca_file)
        )
        assert len(server.seen) == 1
    assert refused.returncode == 3, refused.stderr
    assert "certificate verify failed" in refused.stderr.lower()
    assert accepted.returncode == 0, accepted.stderr


# -- redirects --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("credentials", CREDENTIALS)
def test_redirect_to_another_host_drops_authorization(kind: str, credentials: str) -> None:
    with local_server() as target:
        port = httpx.URL(target.base_url).port
        elsewhere = f"http://localhost:{port}"  # another host name, as the client sees it

        def redirect(method: str, path: str, headers: dict[str, str]) -> Any:
            return 307, {"Location": elsewhere + path}, b""

        with local_server(redirect) as origin:
            settings = {**CREDENTIALS[credentials], "follow_redirects": True}
            assert call(kind, origin.base_url, "get_client", "a", **settings).id == (
                "/api/v1/mqtt/clients/a"
            )
            not_followed = {**CREDENTIALS[credentials]}
            with pytest.raises(UnexpectedResponseError, match="307"):
                call(kind, origin.base_url, "get_client", "a", **not_followed)
    assert _sent_credentials(origin)
    assert len(origin.seen) == 2
    assert [headers.get("authorization") for _, _, headers in target.seen] == [None]
    assert [headers.get("host") for _, _, headers in target.seen] == [f"localhost:{port}"]

"""Host and Origin: the emulator answers only requests meant for it (no DNS rebinding)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from hivemq_rest_emulator import EmulatorHandle, create_app
from hivemq_rest_emulator.core.app import EmulatorApp
from starlette.types import Message

from tests.emulator.helpers import LIST


def _call(
    app: EmulatorApp,
    headers: dict[str, str],
    *,
    server: tuple[str, int | None] | None = ("127.0.0.1", 8888),
    path: str = LIST,
    method: str = "GET",
) -> tuple[int, Any]:
    """One request straight into the ASGI app, with exactly these headers and server address."""
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "server": server,
        "root_path": "",
    }
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], json.loads(body) if body else None


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8888", "localhost:8888", "LOCALHOST:8888", "[::1]:8888"]
)
def test_loopback_names_with_the_servers_port_are_served(host: str) -> None:
    assert _call(create_app(), {"Host": host})[0] == 200


def test_the_servers_own_address_is_served() -> None:
    app = create_app()
    assert _call(app, {"Host": "10.1.2.3:9000"}, server=("10.1.2.3", 9000))[0] == 200
    assert _call(app, {"Host": "[fd00::1]:9000"}, server=("fd00::1", 9000))[0] == 200


@pytest.mark.parametrize(
    "host",
    [
        "evil.example:8888",  # DNS rebinding: another name for 127.0.0.1
        "evil.example",
        "127.0.0.1:8889",
        "127.0.0.1",  # port 80
        "127.0.0.1:8888:1",
        "127.0.0.1:x",
        "[::1",
        "",
        "localhost.:8888",
    ],
)
def test_other_hosts_are_403(host: str) -> None:
    status, body = _call(create_app(), {"Host": host})
    assert status == 403
    assert body["errors"][0]["title"] == "Host not allowed"


def test_a_request_without_host_is_403() -> None:
    assert _call(create_app(), {})[0] == 403


def test_the_admin_api_is_guarded_too() -> None:
    app = create_app()
    status, _ = _call(app, {"Host": "evil.example:8888"}, path="/_emulator/state", method="DELETE")
    assert status == 403


@pytest.mark.parametrize(
    ("origin", "status"),
    [
        ("http://127.0.0.1:8888", 200),
        ("http://localhost:8888", 200),
        ("http://evil.example", 403),
        ("http://evil.example:8888", 403),
        ("https://localhost:8888", 200),
        ("http://localhost:1234", 403),
        ("null", 403),
        ("file://", 403),
    ],
)
def test_origin_must_name_the_emulator(origin: str, status: int) -> None:
    assert _call(create_app(), {"Host": "127.0.0.1:8888", "Origin": origin})[0] == status


def test_more_hosts_can_be_allowed() -> None:
    app = create_app(allowed_hosts=["Emulator.Internal"])
    assert _call(app, {"Host": "emulator.internal:1234"})[0] == 200
    assert _call(app, {"Host": "emulator.internal"})[0] == 200
    assert _call(app, {"Host": "other.internal:8888"})[0] == 403
    everyone = create_app(allowed_hosts=["*"])
    assert _call(everyone, {"Host": "anything:1", "Origin": "http://anything"})[0] == 200


def test_over_http_a_rebound_name_cannot_reset_the_emulator(
    hivemq_emulator: EmulatorHandle,
) -> None:
    hivemq_emulator.add_session("kept")
    port = httpx.URL(hivemq_emulator.base_url).port
    with httpx.Client(base_url=hivemq_emulator.base_url, timeout=10) as client:
        refused = client.delete("/_emulator/state", headers={"Host": f"evil.example:{port}"})
        assert refused.status_code == 403
        cross_site = client.delete("/_emulator/sessions", headers={"Origin": "http://evil.example"})
        assert cross_site.status_code == 403
        assert [item["id"] for item in client.get(LIST).json()["items"]] == ["kept"]

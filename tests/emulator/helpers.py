"""Helpers shared by the emulator's tests."""

from __future__ import annotations

import asyncio
import copy
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import yaml
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS, path_segment
from openapi_schema_validator import OAS30Validator

ROOT = Path(__file__).resolve().parents[2]
# The listing's path and limits, as openapi.yaml has them.
LIST = GET_ALL_MQTT_CLIENTS.path
MIN_LIMIT, MAX_LIMIT = GET_ALL_MQTT_CLIENTS.parameter("limit").integer_range()


def encode_id(client_id: str) -> str:
    """One percent-encoded path segment, as the generated request builders make it."""
    return path_segment(client_id)


def client_path(client_id: str, suffix: str = "") -> str:
    """``/api/v1/mqtt/clients/{clientId}{suffix}``."""
    return f"{LIST}/{encode_id(client_id)}{suffix}"


def assert_error(response: httpx.Response, status: int, title: str | None = None) -> str:
    """``response`` is ``status`` with a JSON ``Errors`` body of one error; return its detail."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"errors"}
    assert len(body["errors"]) == 1
    error = body["errors"][0]
    assert set(error) == {"title", "detail"}
    assert isinstance(error["title"], str)
    assert isinstance(error["detail"], str)
    if title is not None:
        assert error["title"] == title
    detail: str = error["detail"]
    return detail


def cursor_of(next_url: str) -> str:
    """The (decoded) cursor inside a ``_links.next`` URL."""
    query = parse_qs(urlsplit(next_url).query, keep_blank_values=True)
    (cursor,) = query["cursor"]
    return cursor


def walk(client: httpx.Client, limit: int | None = None) -> list[str]:
    """Every id of the listing, following ``_links.next`` as given."""
    ids: list[str] = []
    url = LIST if limit is None else f"{LIST}?limit={limit}"
    for _ in range(100_000):
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        ids.extend(item["id"] for item in body["items"])
        if "_links" not in body:
            return ids
        assert body["items"], "only the last page may be empty"
        url = body["_links"]["next"]
    raise AssertionError("the listing does not end")


@cache
def _spec() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    return document


def _inline(node: Any, schemas: dict[str, Any]) -> Any:
    """``node`` with every ``$ref`` resolved and every object closed to unknown properties."""
    if isinstance(node, list):
        return [_inline(item, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return _inline(copy.deepcopy(schemas[name]), schemas)
    result = {key: _inline(value, schemas) for key, value in node.items()}
    if result.get("type") == "object" and "properties" in result:
        result["additionalProperties"] = False
    return result


@cache
def _validator(schema_name: str) -> OAS30Validator:
    schemas = _spec()["components"]["schemas"]
    schema = _inline(schemas[schema_name], schemas)
    return OAS30Validator(schema, format_checker=OAS30Validator.FORMAT_CHECKER)


def assert_schema(body: Any, schema_name: str) -> None:
    """``body`` matches ``openapi.yaml``'s schema, with no property the schema lacks."""
    errors = [error.message for error in _validator(schema_name).iter_errors(body)]
    assert not errors, errors


def asgi_request(app: Any, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """One request to an ASGI app in-process (``httpx.ASGITransport``)."""

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as http:
            return await http.request(method, url, **kwargs)

    return asyncio.run(send())

"""Calling a family's handlers without HTTP, and checking answers against openapi.yaml."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

# No stubs in the environment, and a typing-only dependency is not worth adding for tests.
import jsonschema  # type: ignore[import-untyped]
from hivemq_rest_emulator.core import ApiError, ApiRequest, Service
from hivemq_rest_emulator.core.problems import errors_body
from hivemq_rest_generated.operations import Operation
from starlette.datastructures import Headers, QueryParams
from starlette.responses import Response, StreamingResponse

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SpecMismatch: type[Exception] = jsonschema.ValidationError


def request(
    operation: Operation, path: Mapping[str, str] | None = None, body: object = None
) -> ApiRequest:
    """The request the core would hand the handler of ``operation``."""
    content = b"" if body is None else body if isinstance(body, bytes) else json.dumps(body)
    if isinstance(content, str):
        content = content.encode()
    return ApiRequest(operation, dict(path or {}), QueryParams(""), Headers({}), content)


def call(
    service: Service,
    operation: Operation,
    path: Mapping[str, str] | None = None,
    body: object = None,
) -> Response:
    """The answer of ``service`` to ``operation`` (ApiError propagates)."""
    return service.handlers()[operation.operation_id](request(operation, path, body))


def refused(
    service: Service,
    operation: Operation,
    path: Mapping[str, str] | None = None,
    body: object = None,
) -> ApiError:
    """The ApiError ``service`` answers ``operation`` with; fails if it answers normally."""
    try:
        answer = call(service, operation, path, body)
    except ApiError as error:
        return error
    raise AssertionError(f"{operation.operation_id} answered {answer.status_code}")


def chunks(response: Response) -> list[bytes]:
    """Every chunk of a streamed body, as the server would send them."""
    assert isinstance(response, StreamingResponse)

    async def collect() -> list[bytes]:
        parts: list[bytes] = []
        async for part in response.body_iterator:
            assert isinstance(part, bytes)
            parts.append(part)
        return parts

    return asyncio.run(collect())


def document(response: Response) -> Any:
    """The JSON body of a plain answer."""
    assert response.headers["content-type"] == "application/json"
    return json.loads(bytes(response.body))


class SpecResponses:
    """Checks JSON bodies against the schema openapi.yaml gives an operation and status.

    Strict on purpose: OpenAPI's ``nullable`` becomes a ``null`` type, and objects
    that do not say otherwise take no properties beyond the ones they list, so an
    extra or misspelt property in an answer fails too.
    """

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self._spec = spec
        self._components = _strict(spec["components"])

    def check(self, operation: Operation, status: int, body: Any) -> None:
        """jsonschema.ValidationError unless ``body`` is what the spec documents."""
        answers = self._spec["paths"][operation.path][operation.method.lower()]["responses"]
        answer = answers[str(status)]
        if "$ref" in answer:
            answer = self._spec["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
        schema = {**answer["content"]["application/json"]["schema"]}
        schema["components"] = self._components
        jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        ).validate(body)

    def check_error(self, operation: Operation, error: ApiError) -> None:
        """The body the core renders for ``error`` matches that status's schema."""
        self.check(operation, error.status, errors_body(error.title, error.detail))


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _strict(value) for key, value in node.items()}
    if converted.pop("nullable", False) and "type" in converted:
        converted["type"] = [converted["type"], "null"]
    if "properties" in converted and "additionalProperties" not in converted:
        converted["additionalProperties"] = False
    return converted

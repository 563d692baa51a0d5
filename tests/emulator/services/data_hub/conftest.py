"""A Data Hub service on a fixed clock, called with ApiRequests: no HTTP.

Every answer goes through :func:`check_answer`: its status must be one the
operation documents and its JSON body must match that status's schema in
openapi.yaml.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

import attrs
import pytest
import yaml
from hivemq_rest_emulator.core import ApiError, ApiRequest, Clock
from hivemq_rest_emulator.core.problems import error_response
from hivemq_rest_emulator.services.data_hub import DataHubService
from hivemq_rest_generated.operations import Operation
from openapi_schema_validator import OAS30Validator
from starlette.datastructures import Headers, QueryParams
from starlette.responses import Response

from tests.emulator.helpers import ROOT

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def request(
    operation: Operation,
    params: Mapping[str, object] | None = None,
    body: object = None,
    headers: Mapping[str, str] | None = None,
) -> ApiRequest:
    """The ApiRequest the core would hand over; ``params`` by the spec's names.

    ``body``: bytes as they are, anything else as JSON, None for no body.
    """
    params = dict(params or {})
    unknown = params.keys() - operation.names
    assert not unknown, f"{operation.operation_id} has no parameter {unknown}"
    path: dict[str, str] = {}
    query: list[tuple[str, str]] = []
    for parameter in operation.parameters:
        if parameter.name in params and parameter.location == "path":
            path[parameter.name] = str(params[parameter.name])
        elif parameter.name in params and parameter.location == "query":
            query.append((parameter.name, str(params[parameter.name])))
    raw = body if isinstance(body, bytes) else b"" if body is None else json.dumps(body).encode()
    return ApiRequest(operation, path, QueryParams(query), Headers(dict(headers or {})), raw)


@cache
def _spec() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    return document


def _closed(node: Any) -> Any:
    """``node`` with every object closed to properties it does not name (refs kept)."""
    if isinstance(node, list):
        return [_closed(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _closed(value) for key, value in node.items()}
    if result.get("type") == "object" and "properties" in result:
        result["additionalProperties"] = False
    return result


@cache
def _validator(schema_name: str) -> OAS30Validator:
    # Refs stay refs: the policy schemas are recursive (a step's branches hold steps).
    schemas = _closed(_spec()["components"]["schemas"])
    root = {"$ref": f"#/components/schemas/{schema_name}", "components": {"schemas": schemas}}
    return OAS30Validator(root, format_checker=OAS30Validator.FORMAT_CHECKER)


def assert_schema(body: Any, schema_name: str) -> None:
    """``body`` matches openapi.yaml's schema, with no property the schema lacks."""
    errors = [error.message for error in _validator(schema_name).iter_errors(body)]
    assert not errors, errors


def response_schema(operation: Operation, status: int) -> str | None:
    """The component schema name of ``status``'s JSON body in openapi.yaml; None: no body."""
    spec = _spec()
    answer = spec["paths"][operation.path][operation.method.lower()]["responses"][str(status)]
    if "$ref" in answer:
        answer = spec["components"]["responses"][answer["$ref"].rsplit("/", 1)[-1]]
    content = answer.get("content")
    if content is None:
        return None
    name: str = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    return name


@attrs.frozen
class Answer:
    """A handler's answer, read back."""

    status: int
    body: Any
    headers: Mapping[str, str]

    @property
    def title(self) -> str:
        """The title of the one error of an ``Errors`` body."""
        errors = self.body["errors"]
        assert len(errors) == 1
        title: str = errors[0]["title"]
        return title


def check_answer(operation: Operation, response: Response) -> Answer:
    """``response`` read back, after checking it against openapi.yaml."""
    status = response.status_code
    assert operation.answer(status) is not None, f"{operation.operation_id}: {status} undocumented"
    schema = response_schema(operation, status)
    raw = bytes(response.body)
    if schema is None:
        assert raw == b""
        return Answer(status, None, dict(response.headers))
    assert response.headers["content-type"] == "application/json"
    body = json.loads(raw)
    assert_schema(body, schema)
    return Answer(status, body, dict(response.headers))


class Hub:
    """The service under test, its clock and who is connected."""

    def __init__(self) -> None:
        self.clock = Clock(lambda: START)
        self.online: set[str] = set()
        self.service = DataHubService(self.clock, connected=self.online.__contains__)
        self.handlers = self.service.handlers()

    def call(
        self,
        operation: Operation,
        params: Mapping[str, object] | None = None,
        body: object = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        """Call the operation's handler; errors rendered as the core renders them."""
        handler = self.handlers[operation.operation_id]
        try:
            response = handler(request(operation, params, body, headers))
        except ApiError as error:
            response = error_response(error.status, error.title, error.detail, error.headers)
        return check_answer(operation, response)


@pytest.fixture
def hub() -> Hub:
    """A fresh Data Hub service at START."""
    return Hub()

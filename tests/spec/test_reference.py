"""openapi.yaml says exactly what the reference says about the public API."""

from __future__ import annotations

from typing import Any

import pytest

from tests.reference_facts import NULLABLE_SCHEMAS, OPERATIONS, SCHEMAS


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = spec["components"][kind][name]
    return node


def _operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]]:
    found = {}
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method == "parameters":
                continue
            found[operation["operationId"]] = (method, path, operation, shared)
    return found


def test_same_operations(spec: dict[str, Any]) -> None:
    assert set(_operations(spec)) == set(OPERATIONS)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_matches_reference(spec: dict[str, Any], operation_id: str) -> None:
    method, path, query, responses = OPERATIONS[operation_id]
    found_method, found_path, operation, shared = _operations(spec)[operation_id]
    assert (found_method, found_path) == (method, path)
    assert operation["tags"] == ["MQTT Clients"]

    parameters = [_resolve(spec, p) for p in [*shared, *operation.get("parameters", [])]]
    in_query = {p["name"]: p for p in parameters if p["in"] == "query"}
    assert {
        name: (p["schema"]["type"], p["schema"].get("format")) for name, p in in_query.items()
    } == query
    assert all(not p.get("required", False) for p in in_query.values())
    for name in ("preventWillMessage",):
        if name in in_query:
            assert in_query[name]["schema"]["default"] is False

    in_path = [p for p in parameters if p["in"] == "path"]
    if "{clientId}" in path:
        assert [(p["name"], p["required"], p["schema"]["type"]) for p in in_path] == [
            ("clientId", True, "string")
        ]
    else:
        assert in_path == []

    found_responses: dict[str, str | None] = {}
    for status, response in operation["responses"].items():
        response = _resolve(spec, response)
        content = response.get("content")
        if content is None:
            found_responses[status] = None
        else:
            assert list(content) == ["application/json"]
            found_responses[status] = content["application/json"]["schema"]["$ref"].rsplit("/")[-1]
    assert found_responses == responses


def test_same_schemas(spec: dict[str, Any]) -> None:
    assert set(spec["components"]["schemas"]) == set(SCHEMAS)


def _describe(schema: dict[str, Any]) -> tuple[Any, ...]:
    if "$ref" in schema:
        return ("ref", schema["$ref"].rsplit("/")[-1])
    if "enum" in schema:
        assert schema["type"] == "string"
        return ("enum", tuple(schema["enum"]))
    if schema["type"] == "array":
        return ("array", schema["items"]["$ref"].rsplit("/")[-1], schema.get("nullable", False))
    return (schema["type"], schema.get("format"), schema.get("nullable", False))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_matches_reference(spec: dict[str, Any], name: str) -> None:
    schema = spec["components"]["schemas"][name]
    assert schema["type"] == "object"
    assert schema.get("nullable", False) == (name in NULLABLE_SCHEMAS)
    # The public spec marks nothing required, and nor may we: a client has to
    # cope with any property missing.
    assert "required" not in schema
    assert "additionalProperties" not in schema
    found = {prop: _describe(s) for prop, s in schema["properties"].items()}
    assert found == SCHEMAS[name]

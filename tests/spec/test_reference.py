"""openapi.yaml says exactly what the reference says about the public API.

Where the spec adds to the reference, the addition is named here (and its
description in openapi.yaml says "Addition:"), so that anything else that
differs from the reference fails.
"""

from __future__ import annotations

import re
from typing import Any, Final

import pytest

from tests.reference_facts import (
    ANY_SCHEMAS,
    BINARY,
    HEALTH_OPERATIONS,
    HEALTH_TAG,
    JSON,
    NULLABLE_SCHEMAS,
    OPERATIONS,
    QUERY_DEFAULTS,
    READ_ONLY,
    REQUIRED,
    SCHEMAS,
    UNIQUE_ITEMS,
)
from tests.spec.test_contract_additions import REQUIRED_ADDITIONS

#: The answers that `fields` can cut short: the schema the spec answers with
#: instead of the reference's (same properties, none required).
PARTIAL: Final = {
    "DataPolicy": "PartialDataPolicy",
    "BehaviorPolicy": "PartialBehaviorPolicy",
    "Schema": "PartialSchema",
    "Script": "PartialScript",
}
#: Statuses the spec adds to the reference's, by operation.
ADDED_STATUSES: Final = {
    operation_id: {"400", "410"}
    for operation_id in (
        "getAllDataPolicies",
        "getAllBehaviorPolicies",
        "getAllSchemas",
        "getAllScripts",
    )
}
#: Header parameters the spec adds, by operation.
ADDED_HEADERS: Final = {"updateDataPolicy": {"If-Match"}, "updateBehaviorPolicy": {"If-Match"}}


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = spec["components"][kind][name]
    return node


def _name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any], list[Any]]]:
    found = {}
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method in ("parameters", "servers"):
                continue
            found[operation["operationId"]] = (method, path, operation, shared)
    return found


def _parameters(spec: dict[str, Any], operation_id: str) -> list[dict[str, Any]]:
    _, _, operation, shared = _operations(spec)[operation_id]
    return [_resolve(spec, p) for p in [*shared, *operation.get("parameters", [])]]


def test_same_operations(spec: dict[str, Any]) -> None:
    # The REST API's 37, and the Health API's 6 as additions (tests/spec/test_health.py).
    assert set(_operations(spec)) == set(OPERATIONS) | set(HEALTH_OPERATIONS)
    assert len(OPERATIONS) == 37
    assert len(HEALTH_OPERATIONS) == 6
    assert not set(OPERATIONS) & set(HEALTH_OPERATIONS)


def test_every_tag_is_declared(spec: dict[str, Any]) -> None:
    declared = [tag["name"] for tag in spec["tags"]]
    tags = {operation.tag for operation in OPERATIONS.values()} | {HEALTH_TAG}
    assert sorted(declared) == sorted(tags)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_rest_operations_use_the_rest_listener(spec: dict[str, Any], operation_id: str) -> None:
    _, path, operation, _ = _operations(spec)[operation_id]
    assert "servers" not in spec["paths"][path]
    assert "security" not in operation
    assert operation["tags"] != [HEALTH_TAG]


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_matches_reference(spec: dict[str, Any], operation_id: str) -> None:
    expected = OPERATIONS[operation_id]
    method, path, operation, _ = _operations(spec)[operation_id]
    assert (method, path) == (expected.method, expected.path)
    assert operation["tags"] == [expected.tag]


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_parameters_match_reference(spec: dict[str, Any], operation_id: str) -> None:
    expected = OPERATIONS[operation_id]
    parameters = _parameters(spec, operation_id)
    assert {p["in"] for p in parameters} <= {"path", "query", "header"}

    in_query = {p["name"]: p for p in parameters if p["in"] == "query"}
    assert {
        name: (p["schema"]["type"], p["schema"].get("format")) for name, p in in_query.items()
    } == expected.query
    assert all(not p.get("required", False) for p in in_query.values())
    for name, default in QUERY_DEFAULTS.items():
        if name in in_query:
            assert in_query[name]["schema"]["default"] is default

    in_path = [
        (p["name"], p["required"], p["schema"]["type"]) for p in parameters if p["in"] == "path"
    ]
    assert in_path == [(name, True, "string") for name in re.findall(r"{(\w+)}", expected.path)]

    headers = [p for p in parameters if p["in"] == "header"]
    assert {p["name"] for p in headers} == ADDED_HEADERS.get(operation_id, set())
    assert all("Addition:" in p["description"] and not p.get("required") for p in headers)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_request_body_matches_reference(spec: dict[str, Any], operation_id: str) -> None:
    expected = OPERATIONS[operation_id]
    _, _, operation, _ = _operations(spec)[operation_id]
    body: dict[str, Any] | None = operation.get("requestBody")
    if expected.body is None:
        assert body is None
        return
    schema, required = expected.body
    assert body is not None
    assert list(body["content"]) == [JSON]
    assert _name(body["content"][JSON]["schema"]["$ref"]) == schema
    assert body.get("required", False) is required


def _answer(operation_id: str, status: str, schema: str) -> str:
    """The schema the spec answers with where the reference names ``schema``."""
    takes_fields = "fields" in OPERATIONS[operation_id].query
    return PARTIAL.get(schema, schema) if takes_fields and status == "200" else schema


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_responses_match_reference(spec: dict[str, Any], operation_id: str) -> None:
    expected = OPERATIONS[operation_id]
    _, _, operation, _ = _operations(spec)[operation_id]
    found: dict[str, tuple[str, str] | None] = {}
    added = ADDED_STATUSES.get(operation_id, set())
    for status, response in operation["responses"].items():
        response = _resolve(spec, response)
        if status in added:
            assert "Addition:" in response["description"]
            continue
        content = response.get("content")
        if content is None:
            found[status] = None
            continue
        [(media_type, media)] = content.items()
        schema = media["schema"]
        if "$ref" in schema:
            found[status] = (media_type, _name(schema["$ref"]))
        else:
            assert schema == {"type": "string", "format": "binary"}
            found[status] = (media_type, BINARY)
    assert set(operation["responses"]) == set(expected.responses) | added
    assert found == {
        status: None if answer is None else (answer[0], _answer(operation_id, status, answer[1]))
        for status, answer in expected.responses.items()
    }


def test_same_schemas(spec: dict[str, Any]) -> None:
    # Health: the Health API's answer, an addition (tests/spec/test_health.py).
    assert set(spec["components"]["schemas"]) == set(SCHEMAS) | set(PARTIAL.values()) | {"Health"}


def _describe(schema: dict[str, Any]) -> tuple[Any, ...]:
    if "$ref" in schema:
        return ("ref", _name(schema["$ref"]))
    if "enum" in schema:
        assert schema["type"] == "string"
        return ("enum", tuple(schema["enum"]))
    if schema["type"] == "array":
        items = _describe(schema["items"])
        item = items[1] if items[0] == "ref" else items
        return ("array", item, schema.get("nullable", False))
    if schema["type"] == "object":
        assert "properties" not in schema
        if "additionalProperties" in schema:
            return ("map", schema["additionalProperties"]["type"])
        return ("object",)
    return (schema["type"], schema.get("format"), schema.get("nullable", False))


def _as_listed(name: str, prop: str, described: tuple[Any, ...]) -> tuple[Any, ...]:
    """A list of Partial* items as the reference lists it (items of the full schema)."""
    if name.endswith("List") and prop == "items" and described[1] in PARTIAL.values():
        [full] = [k for k, v in PARTIAL.items() if v == described[1]]
        return ("array", full, described[2])
    return described


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_matches_reference(spec: dict[str, Any], name: str) -> None:
    schema = spec["components"]["schemas"][name]
    if name in ANY_SCHEMAS:
        assert set(schema) <= {"description"}
        return
    assert schema["type"] == "object"
    assert schema.get("nullable", False) == (name in NULLABLE_SCHEMAS)
    # No schema is closed: a newer broker may add properties.
    assert "additionalProperties" not in schema
    required = set(schema.get("required", [])) - REQUIRED_ADDITIONS.get(name, frozenset())
    assert required == REQUIRED.get(name, frozenset())
    found = {prop: _as_listed(name, prop, _describe(s)) for prop, s in schema["properties"].items()}
    assert found == SCHEMAS[name]
    read_only = {prop for prop, s in schema["properties"].items() if s.get("readOnly")}
    assert read_only == {prop for schema_name, prop in READ_ONLY if schema_name == name}
    unique = {prop for prop, s in schema["properties"].items() if s.get("uniqueItems")}
    assert unique == {prop for schema_name, prop in UNIQUE_ITEMS if schema_name == name}


@pytest.mark.parametrize(("full", "partial"), sorted(PARTIAL.items()))
def test_partial_schema_is_the_full_one_without_required(
    spec: dict[str, Any], full: str, partial: str
) -> None:
    schemas = spec["components"]["schemas"]
    assert REQUIRED[full]
    assert schemas[partial]["properties"] == schemas[full]["properties"]
    assert "required" not in schemas[partial]
    assert schemas[partial]["type"] == "object"
    assert schemas[partial]["description"].startswith("Addition:")


def test_list_items_are_partial_only_where_labelled(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for full, partial in PARTIAL.items():
        listing = schemas[f"{full}List"]
        assert _name(listing["properties"]["items"]["items"]["$ref"]) == partial
        assert "Addition:" in listing["description"]

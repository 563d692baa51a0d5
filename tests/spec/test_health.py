"""The Health API's six operations in openapi.yaml: additions, each labelled, on their own listener.

The REST API's 37 operations are compared with the reference in
test_reference.py; these come from hivemq-health-api-facts.md instead.
"""

from __future__ import annotations

from typing import Any

import pytest
from hivemq_rest_generated import operations as api

from tests.reference_facts import HEALTH_OPERATIONS, HEALTH_PORT, HEALTH_STATUS_CODES, HEALTH_TAG


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = spec["components"][kind][name]
    return node


def _health_paths(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        path: item
        for path, item in spec["paths"].items()
        if any(
            isinstance(op, dict) and op.get("tags") == [HEALTH_TAG]
            for key, op in item.items()
            if key not in ("parameters", "servers")
        )
    }


def test_exactly_the_six_paths_are_tagged_health(spec: dict[str, Any]) -> None:
    paths = _health_paths(spec)
    assert set(paths) == {path for path, _ in HEALTH_OPERATIONS.values()}
    assert all(set(item) == {"servers", "get"} for item in paths.values())


def test_the_tag_is_an_addition(spec: dict[str, Any]) -> None:
    [tag] = [tag for tag in spec["tags"] if tag["name"] == HEALTH_TAG]
    assert tag["description"].startswith("Addition:")


@pytest.mark.parametrize("operation_id", sorted(HEALTH_OPERATIONS))
def test_operation(spec: dict[str, Any], operation_id: str) -> None:
    path, parameter = HEALTH_OPERATIONS[operation_id]
    item = spec["paths"][path]
    operation = item["get"]
    assert operation["operationId"] == operation_id
    assert operation["description"].startswith("Addition:")
    assert operation["security"] == []  # no authentication on the Health API
    [server] = item["servers"]
    assert server["url"] == f"http://localhost:{HEALTH_PORT}"
    assert server["description"].startswith("Addition:")
    parameters = [_resolve(spec, p) for p in operation.get("parameters", [])]
    if parameter is None:
        assert parameters == []
    else:
        [found] = parameters
        assert (found["name"], found["in"], found["required"]) == (parameter, "path", True)
        assert found["schema"] == {"type": "string", "minLength": 1}
        assert found["description"].startswith("Addition:")


@pytest.mark.parametrize("operation_id", sorted(HEALTH_OPERATIONS))
def test_answers_carry_the_health_body(spec: dict[str, Any], operation_id: str) -> None:
    path, parameter = HEALTH_OPERATIONS[operation_id]
    responses = spec["paths"][path]["get"]["responses"]
    statuses = {str(code) for code in HEALTH_STATUS_CODES.values()}
    # An unknown name: the documentation is silent, so the 404 body is left open.
    assert set(responses) == statuses | ({"404"} if parameter else set())
    for status in statuses:
        response = _resolve(spec, responses[status])
        assert response["description"].startswith("Addition:")
        [(media_type, media)] = response["content"].items()
        assert (media_type, media["schema"]) == (
            "application/json",
            {"$ref": "#/components/schemas/Health"},
        )
    if parameter:
        assert "content" not in _resolve(spec, responses["404"])


def test_health_schema_is_lenient(spec: dict[str, Any]) -> None:
    schema = spec["components"]["schemas"]["Health"]
    assert schema["description"].startswith("Addition:")
    assert schema["required"] == ["status"]
    assert "additionalProperties" not in schema  # anything else is kept, not refused
    assert schema["properties"]["status"] == {**schema["properties"]["status"], "type": "string"}
    assert "enum" not in schema["properties"]["status"]  # a newer broker's value is no error
    components = schema["properties"]["components"]
    assert components["additionalProperties"] == {"$ref": "#/components/schemas/Health"}


@pytest.mark.parametrize("operation_id", sorted(HEALTH_OPERATIONS))
def test_generated_operation_names_its_listener(operation_id: str) -> None:
    [operation] = [
        value
        for value in vars(api).values()
        if isinstance(value, api.Operation) and value.operation_id == operation_id
    ]
    assert operation.server == f"http://localhost:{HEALTH_PORT}"
    assert operation.path == HEALTH_OPERATIONS[operation_id][0]


def test_rest_operations_have_no_listener_of_their_own() -> None:
    rest = [
        value
        for value in vars(api).values()
        if isinstance(value, api.Operation) and value.operation_id not in HEALTH_OPERATIONS
    ]
    assert len(rest) == 37
    assert all(operation.server is None for operation in rest)


@pytest.mark.parametrize("name", ["a/b", "..", ".", "%2F", "ext ension", "é"])
def test_names_are_one_path_segment(name: str) -> None:
    component = api.get_component_health(name).target
    extension = api.get_extension_health(name).target
    assert component.count("/") == api.GET_COMPONENT_HEALTH.path.count("/")
    assert extension.count("/") == api.GET_EXTENSION_HEALTH.path.count("/")
    assert component.rsplit("/", 1)[1] == extension.rsplit("/", 1)[1] == api.path_segment(name)

"""What the reference states in prose is in openapi.yaml, and every link leads somewhere real."""

from __future__ import annotations

import re
from typing import Any, Final

import pytest
import schemathesis
from openapi_schema_validator import OAS30Validator

from tests.conftest import ROOT
from tests.reference_facts import COMMA_SEPARATED, DATA_HUB_LIMIT, FIELDS, OPERATIONS

#: What a created resource leads to (the spec's links from each create operation's 2xx).
CREATED_LEADS_TO: Final = {
    "createDataPolicy": {"getDataPolicy", "updateDataPolicy", "deleteDataPolicy"},
    "createBehaviorPolicy": {"getBehaviorPolicy", "updateBehaviorPolicy", "deleteBehaviorPolicy"},
    "createSchema": {"getSchema", "deleteSchema"},
    "createScript": {"getScript", "deleteScript"},
    "createBackup": {"getBackup", "restoreBackup", "downloadBackupFile"},
    "createTraceRecording": {
        "stopTraceRecording",
        "deleteTraceRecording",
        "downloadTraceRecordingFile",
    },
}


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = spec["components"][kind][name]
    return node


def _by_id(spec: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    found = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method not in ("parameters", "servers"):
                parameters = [*item.get("parameters", []), *operation.get("parameters", [])]
                resolved = [_resolve(spec, p) for p in parameters]
                found[operation["operationId"]] = (path, operation, resolved)
    return found


def _query(spec: dict[str, Any], operation_id: str) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in _by_id(spec)[operation_id][2] if p["in"] == "query"}


def _links(spec: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(source operationId, status, link name, link) for every link of the spec."""
    found = []
    for operation_id, (_, operation, _) in _by_id(spec).items():
        for status, response in operation["responses"].items():
            for name, link in _resolve(spec, response).get("links", {}).items():
                found.append((operation_id, status, name, link))
    return found


DATA_HUB_LISTS: Final = sorted(COMMA_SEPARATED)


@pytest.mark.parametrize("operation_id", DATA_HUB_LISTS)
def test_data_hub_limit_bounds(spec: dict[str, Any], operation_id: str) -> None:
    limit = _query(spec, operation_id)["limit"]
    schema = limit["schema"]
    assert (schema["minimum"], schema["maximum"], schema["default"]) == DATA_HUB_LIMIT
    assert "Addition:" in limit["description"]


def test_client_listing_bounds_are_not_the_data_hub_ones(spec: dict[str, Any]) -> None:
    schema = _query(spec, "getAllMqttClients")["limit"]["schema"]
    assert (schema["minimum"], schema["maximum"]) == (50, 2500)


@pytest.mark.parametrize("operation_id", DATA_HUB_LISTS)
def test_filters_are_comma_separated_strings(spec: dict[str, Any], operation_id: str) -> None:
    query = _query(spec, operation_id)
    for name in COMMA_SEPARATED[operation_id]:
        assert query[name]["schema"] == {"type": "string"}, name
        assert "comma-separated" in query[name]["description"], name
    # The one filter that is not a list says so.
    if "topic" in query:
        assert "comma-separated" not in query["topic"]["description"]
        assert "single topic" in query["topic"]["description"]


@pytest.mark.parametrize("operation_ids", [pytest.param(ids, id=min(ids)) for ids in FIELDS])
def test_fields_names_what_it_accepts(spec: dict[str, Any], operation_ids: frozenset[str]) -> None:
    for operation_id in operation_ids:
        description = _query(spec, operation_id)["fields"]["description"]
        assert "comma-separated" in description
        named = set(re.findall(r"`(\w+)`", description))
        assert named == set(FIELDS[operation_ids]), operation_id


def test_every_fields_operation_is_covered() -> None:
    with_fields = {op for op, operation in OPERATIONS.items() if "fields" in operation.query}
    assert with_fields == set().union(*FIELDS)


@pytest.mark.parametrize("operation_id", ["downloadBackupFile", "downloadTraceRecordingFile"])
def test_downloads_are_binary(spec: dict[str, Any], operation_id: str) -> None:
    [(media_type, media)] = _by_id(spec)[operation_id][1]["responses"]["200"]["content"].items()
    assert media_type in {"application/octet-stream", "application/zip"}
    assert media["schema"] == {"type": "string", "format": "binary"}


def test_links_resolve(spec: dict[str, Any]) -> None:
    operations = _by_id(spec)
    assert _links(spec)
    for source, status, name, link in _links(spec):
        assert link["operationId"] in operations, (source, name)
        target_path, target, target_parameters = operations[link["operationId"]]
        path_names = set(re.findall(r"{(\w+)}", target_path))
        known = {p["name"] for p in target_parameters}
        # Every path parameter of the target gets a value, and only real ones do.
        assert set(link["parameters"]) == path_names, (source, name)
        assert set(link["parameters"]) <= known
        source_schema = _response_schema(spec, operations[source][1], status)
        for expression in link["parameters"].values():
            assert _pointed_at(spec, source_schema, expression) == {"type": "string"}, expression
        if "requestBody" in link:
            _check_link_body(spec, source_schema, target, link["requestBody"])


def _response_schema(spec: dict[str, Any], operation: dict[str, Any], status: str) -> Any:
    response = _resolve(spec, operation["responses"][status])
    return response["content"]["application/json"]["schema"]


def _pointed_at(spec: dict[str, Any], schema: dict[str, Any], expression: str) -> Any:
    """The schema of the value that ``$response.body#/...`` names in a body of ``schema``."""
    prefix = "$response.body#/"
    assert expression.startswith(prefix)
    node = _resolve(spec, schema)
    for step in expression[len(prefix) :].split("/"):
        node = _resolve(spec, node["items"] if step.isdigit() else node["properties"][step])
    return {key: value for key, value in node.items() if key != "description"}


def _check_link_body(
    spec: dict[str, Any], source_schema: dict[str, Any], target: dict[str, Any], body: Any
) -> None:
    target_schema = target["requestBody"]["content"]["application/json"]["schema"]
    if body == "$response.body":
        # The whole answer is sent back: it must be of the body's own schema.
        assert source_schema == target_schema
        return
    # A literal body must be a valid request body of the target.
    OAS30Validator({**target_schema, "components": spec["components"]}).validate(body)


@pytest.mark.parametrize("create", sorted(CREATED_LEADS_TO))
def test_created_resource_leads_to_its_operations(spec: dict[str, Any], create: str) -> None:
    links = [link for source, status, _, link in _links(spec) if source == create]
    statuses = {status for source, status, _, _ in _links(spec) if source == create}
    assert {link["operationId"] for link in links} == CREATED_LEADS_TO[create]
    # The links hang off the create operation's success answer.
    assert len(statuses) == 1
    assert statuses <= {str(code) for code in range(200, 300)}


def test_every_operation_on_a_created_resource_is_linked() -> None:
    family_of = {OPERATIONS[create].tag: create for create in CREATED_LEADS_TO}
    for operation_id, operation in OPERATIONS.items():
        if operation.tag in family_of and "{" in operation.path:
            assert operation_id in CREATED_LEADS_TO[family_of[operation.tag]], operation_id


def test_stop_link_sends_stopped(spec: dict[str, Any]) -> None:
    [link] = [link for source, _, name, link in _links(spec) if name == "stopTraceRecording"]
    assert link["requestBody"] == {
        "traceRecording": {"name": "$response.body#/traceRecording/name", "state": "STOPPED"}
    }


def test_schemathesis_follows_every_link(spec: dict[str, Any]) -> None:
    # The stateful tests take their transitions from Schemathesis: every link
    # of the spec must be one of them (a link it cannot read raises here).
    machine = schemathesis.openapi.from_path(ROOT / "openapi.yaml").as_state_machine()
    operations = machine._transitions.operations  # type: ignore[attr-defined]  # not public
    transitions = {link.full_name for links in operations.values() for link in links.outgoing}
    labels = {
        operation["operationId"]: f"{method.upper()} {path}"
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method not in ("parameters", "servers")
    }
    for source, status, name, link in _links(spec):
        expected = f"{labels[source]} -> [{status}] {name} -> {labels[link['operationId']]}"
        assert expected in transitions

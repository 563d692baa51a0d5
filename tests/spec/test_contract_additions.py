"""openapi.yaml is valid, and its additions to the public spec are there and labelled."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, Final

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from tests.reference_facts import OPERATIONS

#: What openapi.yaml requires beyond the public spec: what the broker always
#: answers, so that the models read it as a plain type rather than X | None.
REQUIRED_ADDITIONS: Final[dict[str, frozenset[str]]] = {
    "Backup": frozenset({"id"}),
    "Client": frozenset({"id"}),
    "ClientDetails": frozenset({"id"}),
    "ClientSubscription": frozenset({"topicFilter"}),
    "DiagnosticArchive": frozenset({"id"}),
    "TraceRecording": frozenset({"name"}),
}


@pytest.mark.parametrize("name", sorted(REQUIRED_ADDITIONS))
def test_each_added_requirement_is_required_and_labelled(spec: dict[str, Any], name: str) -> None:
    assert set(spec["components"]["schemas"][name]["required"]) >= REQUIRED_ADDITIONS[name]
    text = (Path(__file__).resolve().parents[2] / "openapi.yaml").read_text(encoding="utf-8")
    block = text.split(f"\n    {name}:\n", 1)[1].split("\n      properties:\n", 1)[0]
    assert "# Addition:" in block
    assert "required: [" in block


def test_spec_validates(spec: dict[str, Any]) -> None:
    validate(spec)


def test_validator_rejects_a_broken_spec(spec: dict[str, Any]) -> None:
    broken = copy.deepcopy(spec)
    broken["paths"]["/api/v1/mqtt/clients"]["get"]["parameters"][0]["in"] = "body"
    with pytest.raises(OpenAPIValidationError):
        validate(broken)


def test_is_openapi_3_0(spec: dict[str, Any]) -> None:
    assert re.fullmatch(r"3\.0\.\d+", spec["openapi"])
    assert re.fullmatch(r"\d+\.\d+\.\d+", spec["info"]["version"])


def _list_parameters(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    operation = spec["paths"]["/api/v1/mqtt/clients"]["get"]
    return {p["name"]: p for p in operation["parameters"]}


def test_limit_bounds(spec: dict[str, Any]) -> None:
    limit = _list_parameters(spec)["limit"]
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (50, 2500)
    assert "Addition" in limit["description"]


def test_client_id_is_never_empty(spec: dict[str, Any]) -> None:
    client_id = spec["components"]["parameters"]["clientId"]
    assert client_id["schema"]["minLength"] == 1
    assert "Addition" in client_id["description"]


def test_list_links_to_every_per_client_operation(spec: dict[str, Any]) -> None:
    links = spec["paths"]["/api/v1/mqtt/clients"]["get"]["responses"]["200"]["links"]
    per_client = {
        op
        for op, operation in OPERATIONS.items()
        if "{clientId}" in operation.path and operation.tag == "MQTT Clients"
    }
    assert {link["operationId"] for link in links.values()} == per_client
    for link in links.values():
        assert link["parameters"] == {"clientId": "$response.body#/items/0/id"}


def test_links_point_at_an_id_the_list_schema_has(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert schemas["ClientList"]["properties"]["items"]["items"]["$ref"].endswith("/Client")
    assert "id" in schemas["Client"]["properties"]


def test_default_server(spec: dict[str, Any]) -> None:
    assert [server["url"] for server in spec["servers"]] == ["http://localhost:8888"]
    assert "Addition" in spec["servers"][0]["description"]


def test_optional_auth(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert schemes["basicAuth"] == {**schemes["basicAuth"], "type": "http", "scheme": "basic"}
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert all("Addition" in scheme["description"] for scheme in schemes.values())
    # The empty requirement keeps anonymous access allowed.
    assert {} in spec["security"]
    assert {"basicAuth": []} in spec["security"]
    assert {"bearerAuth": []} in spec["security"]

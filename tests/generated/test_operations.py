"""hivemq_rest_generated.operations: every operation of openapi.yaml, built as the spec says."""

from __future__ import annotations

import importlib.util
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from hivemq_rest_generated import models, operations
from hivemq_rest_generated.operations import (
    GET_ALL_MQTT_CLIENTS,
    Answer,
    Body,
    Operation,
    Parameter,
    build,
    path_segment,
)
from hypothesis import given

from tests.faults.test_hostile_ids import hostile_ids

OPERATIONS = [value for value in vars(operations).values() if isinstance(value, Operation)]
_METHODS = ("get", "put", "post", "delete", "patch")


def _spec_operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    return {
        raw["operationId"]: (method.upper(), path, raw)
        for path, item in spec["paths"].items()
        for method, raw in item.items()
        if method in _METHODS
    }


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" not in node:
        return node
    target: Any = spec
    for key in node["$ref"][2:].split("/"):
        target = target[key]
    return _resolve(spec, target)


def test_one_operation_per_operation_of_the_spec(spec: dict[str, Any]) -> None:
    assert sorted(op.operation_id for op in OPERATIONS) == sorted(_spec_operations(spec))


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.operation_id)
def test_method_path_parameters_and_answers_follow_the_spec(
    operation: Operation, spec: dict[str, Any]
) -> None:
    method, path, raw = _spec_operations(spec)[operation.operation_id]
    assert (operation.method, operation.path) == (method, path)
    declared = [*spec["paths"][path].get("parameters", []), *raw.get("parameters", [])]
    expected = {}
    for parameter in map(lambda p: _resolve(spec, p), declared):
        schema = parameter["schema"]
        expected[parameter["name"]] = (
            parameter["in"],
            parameter.get("required", False),
            schema.get("minimum"),
            schema.get("maximum"),
            schema.get("minLength"),
            schema.get("default"),
        )
    assert {
        p.name: (p.location, p.required, p.minimum, p.maximum, p.min_length, p.default)
        for p in operation.parameters
    } == expected
    answers = set()
    for status, response in raw["responses"].items():
        content = _resolve(spec, response).get("content", {})
        for content_type, media in content.items():
            answers.add((int(status), content_type, _model(media["schema"])))
        if not content:
            answers.add((int(status), None, None))
    assert {(a.status, a.content_type, a.model) for a in operation.answers} == answers
    if "requestBody" not in raw:
        assert operation.body is None
    else:
        body = _resolve(spec, raw["requestBody"])
        [(content_type, media)] = body["content"].items()
        assert operation.body is not None
        assert (operation.body.content_type, operation.body.model, operation.body.required) == (
            content_type,
            _model(media["schema"]),
            body.get("required", False),
        )


def _minimal_document(spec: dict[str, Any], schema: dict[str, Any]) -> object:
    """The smallest document a schema allows: its required properties, each minimal."""
    schema = _resolve(spec, schema)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "object":
        properties = schema.get("properties", {})
        return {
            name: _minimal_document(spec, properties[name]) for name in schema.get("required", [])
        }
    return {"string": "x", "integer": 0, "number": 0, "boolean": False, "array": []}[kind]


def _minimal_body(spec: dict[str, Any], model: type | None) -> object:
    """A body for an operation that needs one (raw bytes where the spec takes any)."""
    if model is None:
        return b"x"
    document = _minimal_document(spec, {"$ref": f"#/components/schemas/{model.__name__}"})
    return model.from_dict(document)  # type: ignore[attr-defined]


def _model(schema: dict[str, Any]) -> type | None:
    """The generated model of a schema reference; None for raw bytes (format: binary)."""
    if "$ref" not in schema:
        assert schema == {"type": "string", "format": "binary"}
        return None
    return getattr(models, schema["$ref"].rsplit("/", 1)[-1])  # type: ignore[no-any-return]


def test_listing_limit_keeps_the_bounds_of_the_spec() -> None:
    assert build(GET_ALL_MQTT_CLIENTS, {"limit": 50}).target == "/api/v1/mqtt/clients?limit=50"
    assert operations.get_all_mqtt_clients(limit=2500, cursor="a=/ b").target == (
        "/api/v1/mqtt/clients?limit=2500&cursor=a%3D%2F%20b"
    )
    for bad in (49, 2501, -1):
        with pytest.raises(ValueError, match="limit must be from 50 to 2500"):
            operations.get_all_mqtt_clients(limit=bad)
    for wrong in (True, "50", 50.0):
        with pytest.raises(TypeError, match="limit must be an int"):
            build(GET_ALL_MQTT_CLIENTS, {"limit": wrong})


def test_path_parameters_are_checked() -> None:
    with pytest.raises(ValueError, match="client_id needs at least 1 characters"):
        operations.get_mqtt_client_details("")
    with pytest.raises(ValueError, match="surrogates"):
        operations.get_mqtt_client_details("\udc80")
    with pytest.raises(TypeError, match="client_id must be a str"):
        operations.get_mqtt_client_details(b"x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="client_id is required"):
        build(operations.GET_MQTT_CLIENT_DETAILS, {})
    with pytest.raises(TypeError, match="getMqttClientDetails has no parameter 'client_id'"):
        build(operations.GET_MQTT_CLIENT_DETAILS, {"client_id": "a"})
    with pytest.raises(TypeError, match="prevent_will_message must be a bool"):
        operations.disconnect_client("a", prevent_will_message="true")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "segment"),
    [
        (".", "%2E"),
        ("..", "%2E%2E"),
        ("...", "..."),
        ("a/b", "a%2Fb"),
        ("%2F", "%252F"),
        ("é?#", "%C3%A9%3F%23"),
        ("a b+", "a%20b%2B"),
    ],
)
def test_path_segment(value: str, segment: str) -> None:
    assert path_segment(value) == segment


@given(hostile_ids)
def test_every_path_parameter_addresses_exactly_its_value(spec: dict[str, Any], value: str) -> None:
    # The same hostile ids as the overlay's fault suite, through every
    # generated builder: the value ends up as exactly one segment of the
    # path, survives URL parsing (no dot-segment is removed) and decodes
    # back to itself.
    for operation in OPERATIONS:
        names = [p.name for p in operation.parameters if p.location == "path"]
        if not names:
            continue
        body = None if operation.body is None else _minimal_body(spec, operation.body.model)
        target = build(operation, dict.fromkeys(names, value), body).target
        path = httpx.URL(f"http://host/prefix{target}").raw_path.decode("ascii")
        assert path.startswith("/prefix/")
        sent = path.removeprefix("/prefix").partition("?")[0].split("/")
        template = operation.path.split("/")
        assert len(sent) == len(template)
        for wanted, got in zip(template, sent, strict=True):
            if wanted.startswith("{"):
                assert got not in (".", "..")
                assert unquote(got, errors="strict") == value
            else:
                assert got == wanted


def test_bodies_headers_and_raw_answers() -> None:
    # A made-up operation with every kind of part at once.
    body_model = models.Error
    operation = Operation(
        operation_id="createThing",
        method="POST",
        path="/api/v1/things/{thingId}",
        parameters=(
            Parameter("thingId", "thing_id", "path", "string", True, min_length=1),
            Parameter("If-Match", "if_match", "header", "string", False),
        ),
        body=Body("application/json", body_model, required=True),
        answers=(Answer(200, "application/octet-stream", None),),
    )
    request = build(
        operation, {"thingId": "..", "If-Match": "e1"}, body_model(title="t", detail="é")
    )
    assert (request.method, request.target) == ("POST", "/api/v1/things/%2E%2E")
    assert request.headers == (("If-Match", "e1"), ("Content-Type", "application/json"))
    assert request.content == '{"title":"t","detail":"é"}'.encode()
    assert operation.answer(200) == Answer(200, "application/octet-stream", None)
    assert operation.answer(404) is None
    with pytest.raises(TypeError, match="createThing needs body"):
        build(operation, {"thingId": "a"})
    with pytest.raises(TypeError, match="the body must be a Error"):
        build(operation, {"thingId": "a"}, b"{}")
    raw = Operation("upload", "PUT", "/f", (), Body("application/zip", None, False), ())
    assert build(raw, {}, b"PK").content == b"PK"
    with pytest.raises(TypeError, match="takes no body"):
        build(GET_ALL_MQTT_CLIENTS, {}, b"x")


def test_the_generators_endpoint_functions_are_not_in_the_package() -> None:
    # They put "." and ".." into paths raw (reaching another resource);
    # hivemq_rest_generated.operations replaces them.
    for module in ("api", "client", "errors"):
        assert importlib.util.find_spec(f"hivemq_rest_generated.{module}") is None


def test_integer_range() -> None:
    assert GET_ALL_MQTT_CLIENTS.parameter("limit").integer_range() == (50, 2500)
    with pytest.raises(ValueError, match="cursor is not an integer with a minimum and a maximum"):
        GET_ALL_MQTT_CLIENTS.parameter("cursor").integer_range()
    with pytest.raises(KeyError, match="getAllMqttClients has no parameter 'page'"):
        GET_ALL_MQTT_CLIENTS.parameter("page")

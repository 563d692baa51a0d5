"""hivemq.data_hub.schemas and .scripts: definitions from what a person has, base64 both ways."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hivemq_rest import (
    PartialSchema,
    PartialScript,
    Schema,
    Script,
    ScriptFunctionType,
    json_schema,
    schema_definition,
    script_source,
)
from hivemq_rest._data_hub import json_schema_body, script_body
from hivemq_rest_generated import operations as api
from hypothesis import given
from hypothesis import strategies as st

from tests.overlay.fake_api import FakeAPI

from .data_hub_stub import KINDS, ok, page, run, sent

SCHEMAS = api.GET_ALL_SCHEMAS.path
SCRIPTS = api.GET_ALL_SCRIPTS.path
JSON_SCHEMA = {"type": "object", "properties": {"celsius": {"type": "number"}}, "title": "Grad °C"}
SOURCE = "function transform(publish, context) {\n  return publish; // ü\n}\n"
STORED = {"version": 2, "createdAt": "2026-01-01T00:00:00Z"}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def echo_created(request: Any) -> Any:
    """A 201 with the posted body plus the broker's read-only properties."""
    return ok({**json.loads(request.content), **STORED}, 201)


@pytest.mark.parametrize("kind", KINDS)
def test_create_json_from_a_dict_sends_its_json_as_base64(kind: str) -> None:
    fake = FakeAPI(echo_created)
    stored = run(kind, fake, lambda hub: hub.schemas.create_json("reading", JSON_SCHEMA))
    method, path, headers, body = sent(fake)
    assert (method, path, headers["content-type"]) == ("POST", SCHEMAS, "application/json")
    assert body.keys() == {"id", "type", "schemaDefinition"}
    assert (body["id"], body["type"]) == ("reading", "JSON")
    assert json.loads(base64.b64decode(body["schemaDefinition"])) == JSON_SCHEMA
    assert type(stored) is Schema
    assert (stored.version, json_schema(stored)) == (2, JSON_SCHEMA)


@pytest.mark.parametrize("kind", KINDS)
def test_create_json_from_text_sends_the_text_as_written(kind: str) -> None:
    text = '{\n  "type": "string",  "maxLength": 5\n}'
    fake = FakeAPI(echo_created)
    stored = run(kind, fake, lambda hub: hub.schemas.create_json("name", text))
    assert base64.b64decode(sent(fake)[3]["schemaDefinition"]) == text.encode()
    assert schema_definition(stored) == text.encode()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("allow", "sent_flag"), [(None, None), (True, "true"), (False, "false")])
def test_create_protobuf_sends_the_descriptor_set_and_message_type(
    kind: str, allow: bool | None, sent_flag: str | None
) -> None:
    descriptor = bytes(range(256)) * 3  # any bytes: a compiled FileDescriptorSet
    fake = FakeAPI(echo_created)
    stored = run(
        kind,
        fake,
        lambda hub: hub.schemas.create_protobuf(
            "reading", descriptor, "factory.Reading", allow_unknown_fields=allow
        ),
    )
    body = sent(fake)[3]
    arguments = {"messageType": "factory.Reading"}
    if sent_flag is not None:
        arguments["allowUnknownFields"] = sent_flag
    assert body == {
        "id": "reading",
        "type": "PROTOBUF",
        "schemaDefinition": b64(descriptor),
        "arguments": arguments,
    }
    assert schema_definition(stored) == descriptor


@pytest.mark.parametrize("kind", KINDS)
def test_create_js_sends_the_source_as_base64(kind: str) -> None:
    fake = FakeAPI(echo_created)
    stored = run(
        kind, fake, lambda hub: hub.scripts.create_js("add-unit", SOURCE, description="°C")
    )
    method, path, _, body = sent(fake)
    assert (method, path) == ("POST", SCRIPTS)
    assert body == {
        "id": "add-unit",
        "functionType": "TRANSFORMATION",
        "source": b64(SOURCE.encode()),
        "description": "°C",
    }
    assert type(stored) is Script
    assert script_source(stored) == SOURCE


@pytest.mark.parametrize("kind", KINDS)
def test_create_takes_the_models_too(kind: str) -> None:
    fake = FakeAPI(echo_created)
    schema = Schema(id="s", type_="JSON", schema_definition=b64(b"{}"))
    script = Script(id="f", function_type=ScriptFunctionType.TRANSFORMATION, source=b64(b"1"))
    assert run(kind, fake, lambda hub: hub.schemas.create(schema)).id == "s"
    assert run(kind, fake, lambda hub: hub.scripts.create(script)).id == "f"
    assert [request.method for request in fake.requests] == ["POST", "POST"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda hub: hub.schemas.create_json("s", "{not json"), ValueError),
        (lambda hub: hub.schemas.create_json("s", {"x": float("nan")}), ValueError),
        (lambda hub: hub.schemas.create_json("s", {"x": object()}), ValueError),
        (lambda hub: hub.schemas.create_json("s", ["a list"]), TypeError),
        (lambda hub: hub.schemas.create_json("", {}), TypeError),
        (lambda hub: hub.schemas.create_protobuf("s", b"", "M"), TypeError),
        (lambda hub: hub.schemas.create_protobuf("s", "text", "M"), TypeError),
        (lambda hub: hub.schemas.create_protobuf("s", b"\x0a", ""), TypeError),
        (
            lambda hub: hub.schemas.create_protobuf("s", b"\x0a", "M", allow_unknown_fields=1),
            TypeError,
        ),
        (lambda hub: hub.schemas.create({"id": "s"}), TypeError),
        (lambda hub: hub.scripts.create_js("f", b"bytes"), TypeError),
        (lambda hub: hub.scripts.create_js("f", "\ud800"), ValueError),
        (lambda hub: hub.scripts.create_js("f", "x", description=5), TypeError),
        (lambda hub: hub.scripts.create_js("f", "x", function_type=""), TypeError),
        (lambda hub: hub.scripts.create({"id": "f"}), TypeError),
    ],
)
def test_bad_definitions_are_refused_before_sending(kind: str, call: Any, error: type) -> None:
    fake = FakeAPI(echo_created)
    with pytest.raises(error):
        run(kind, fake, call)
    assert fake.requests == []


@pytest.mark.parametrize("kind", KINDS)
def test_schema_list_filters_and_partial_items(kind: str) -> None:
    full = {"id": "a", "type": "JSON", "schemaDefinition": b64(b"{}"), **STORED}
    fake = FakeAPI().script(
        page([full, {"id": "b", "version": 1}], f"{SCHEMAS}?cursor=2"), page([])
    )
    schemas = run(
        kind,
        fake,
        lambda hub: hub.schemas.list(
            schema_ids=["a", "b"],
            types=["JSON", "PROTOBUF"],
            fields=["id", "version"],
            page_size=10,
        ),
    )
    query = "fields=id%2Cversion&types=JSON%2CPROTOBUF&schemaIds=a%2Cb&limit=10"
    assert fake.paths() == [f"{SCHEMAS}?{query}", f"{SCHEMAS}?{query}&cursor=2"]
    assert [(s.id, s.version) for s in schemas] == [("a", 2), ("b", 1)]
    assert all(isinstance(s, PartialSchema) for s in schemas)
    assert schemas[1].schema_definition is None
    with pytest.raises(ValueError, match="fields"):
        schema_definition(schemas[1])


@pytest.mark.parametrize("kind", KINDS)
def test_script_list_filters_and_unknown_function_types(kind: str) -> None:
    newer = {"id": "n", "functionType": "VALIDATION", "source": b64(b"x"), "extra": True}
    fake = FakeAPI().script(page([newer]))
    scripts = run(
        kind,
        fake,
        lambda hub: hub.scripts.list(script_ids=["n"], function_types=["TRANSFORMATION"]),
    )
    assert fake.paths() == [f"{SCRIPTS}?functionTypes=TRANSFORMATION&scriptIds=n&limit=500"]
    (script,) = scripts
    assert isinstance(script, Script)
    assert isinstance(script.function_type, ScriptFunctionType)
    assert (script.function_type, script.function_type.is_known) == ("VALIDATION", False)
    assert script.to_dict() == newer
    assert script_source(script) == "x"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("family", "model", "body"),
    [
        ("schemas", Schema, {"id": "s", "type": "JSON", "schemaDefinition": "e30=", "version": 1}),
        ("scripts", Script, {"id": "f", "functionType": "TRANSFORMATION", "source": "Zm4="}),
    ],
)
def test_get_and_list_without_fields_give_the_full_model(
    kind: str, family: str, model: type[Any], body: dict[str, Any]
) -> None:
    fake = FakeAPI().script(ok(body), ok({"items": [body]}))
    got = run(kind, fake, lambda hub: getattr(hub, family).get(body["id"]))
    listed = run(kind, fake, lambda hub: getattr(hub, family).list())
    assert type(got) is model
    assert isinstance(listed[0], model)
    assert got == listed[0] == model.from_dict(body)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("family", "path"), [("schemas", SCHEMAS), ("scripts", SCRIPTS)])
def test_get_and_delete(kind: str, family: str, path: str) -> None:
    fake = FakeAPI().script(ok({"id": "x y", "version": 3}), ok(None, 204))
    got = run(kind, fake, lambda hub: getattr(hub, family).get("x y", fields=["id", "version"]))
    assert run(kind, fake, lambda hub: getattr(hub, family).delete("x y")) is None
    assert [(r.method, r.url.raw_path.decode()) for r in fake.requests] == [
        ("GET", f"{path}/x%20y?fields=id%2Cversion"),
        ("DELETE", f"{path}/x%20y"),
    ]
    assert (got.id, got.version) == ("x y", 3)


@pytest.mark.parametrize(
    ("value", "reader"),
    [
        ("not base64!", schema_definition),
        (5, schema_definition),
        (b64(b"\xff\xfe"), json_schema),
        (b64(b"{"), json_schema),
    ],
)
def test_definitions_that_do_not_decode_are_value_errors(value: Any, reader: Any) -> None:
    schema = PartialSchema.from_dict({"schemaDefinition": value})
    with pytest.raises(ValueError, match="schemaDefinition"):
        reader(schema)


def test_json_schema_of_a_schema_without_its_definition_says_fields_left_it_out() -> None:
    schema = PartialSchema.from_dict({"id": "temperature"})
    with pytest.raises(ValueError, match=r"left out with fields=\?"):
        json_schema(schema)


def test_json_schema_of_a_protobuf_schema_says_it_is_protobuf() -> None:
    schema = Schema.from_dict({"id": "p", "type": "PROTOBUF", "schemaDefinition": b64(b"\n\x01")})
    with pytest.raises(ValueError, match="this is a PROTOBUF schema"):
        json_schema(schema)
    with pytest.raises(ValueError, match="this is a PROTOBUF schema"):
        json_schema(PartialSchema.from_dict({"type": "PROTOBUF"}))


def test_a_source_that_is_not_utf8_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="UTF-8"):
        script_source(PartialScript.from_dict({"source": b64(b"\xff")}))


@given(source=st.text(alphabet=st.characters(codec="utf-8")), description=st.text())
def test_any_script_source_survives_the_round_trip(source: str, description: str) -> None:
    body = script_body("f", source or "x", "TRANSFORMATION", description)
    assert script_source(body) == (source or "x")
    assert Script.from_dict(body.to_dict()) == body


@given(
    schema=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        max_leaves=20,
    ).map(lambda value: {"const": value})
)
def test_any_json_schema_dict_survives_the_round_trip(schema: dict[str, Any]) -> None:
    assert json_schema(json_schema_body("s", schema)) == schema

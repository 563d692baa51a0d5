from __future__ import annotations

import pytest
from google.protobuf import descriptor_pb2
from hivemq_rest_emulator.core import ApiError
from hivemq_rest_emulator.services.data_hub.definitions import (
    check_schema,
    check_script,
    message_names,
)

from .documents import b64, descriptor_set

PROTOBUF_ARGUMENTS = {"messageType": "Reading", "allowUnknownFields": "true"}


def _error(call: object, *args: object) -> ApiError:
    with pytest.raises(ApiError) as caught:
        call(*args)  # type: ignore[operator]
    assert caught.value.status == 400
    return caught.value


@pytest.mark.parametrize("definition", [b'{"type": "object"}', b"true", b'{"properties": {}}'])
def test_json_schemas_that_parse(definition: bytes) -> None:
    check_schema("JSON", b64(definition), {})


@pytest.mark.parametrize(
    ("definition", "detail"),
    [
        ("not base64!", "not base64"),
        (b64(b"{"), "not JSON"),
        (b64(b"\xff\xfe"), "not JSON"),
        (b64(b"[1, 2]"), "is an object"),
        (b64(b"[" * 100_000 + b"]" * 100_000), "nested too deeply"),
    ],
)
def test_json_schemas_that_do_not_parse(definition: str, detail: str) -> None:
    error = _error(check_schema, "JSON", definition, {})
    assert error.title == "Schema not parsable"
    assert detail in error.detail


@pytest.mark.parametrize("message_type", ["Reading", "demo.Reading", "Unit", "demo.Reading.Unit"])
def test_protobuf_message_types_by_simple_or_full_name(message_type: str) -> None:
    check_schema("PROTOBUF", b64(descriptor_set()), {"messageType": message_type})


def test_message_names_cover_nested_messages_and_packages() -> None:
    parsed = descriptor_pb2.FileDescriptorSet.FromString(descriptor_set(package="a.b"))
    assert message_names(parsed) == {"Reading", "a.b.Reading", "Unit", "a.b.Reading.Unit"}


@pytest.mark.parametrize(
    ("definition", "arguments", "detail"),
    [
        (b64(b"\xff\xff\xff"), PROTOBUF_ARGUMENTS, "no Protobuf descriptor set"),
        (b64(b""), PROTOBUF_ARGUMENTS, "holds no file"),
        (b64(descriptor_set()), {}, "needs the argument messageType"),
        (b64(descriptor_set()), {"messageType": "Other"}, "names no message"),
        (
            b64(descriptor_set()),
            {"messageType": "Reading", "allowUnknownFields": "yes"},
            "allowUnknownFields",
        ),
    ],
)
def test_protobuf_schemas_that_are_refused(
    definition: str, arguments: dict[str, str], detail: str
) -> None:
    error = _error(check_schema, "PROTOBUF", definition, arguments)
    assert error.title == "Schema not parsable"
    assert detail in error.detail


@pytest.mark.parametrize("schema_type", ["AVRO", "json", ""])
def test_unsupported_schema_types(schema_type: str) -> None:
    error = _error(check_schema, schema_type, b64(b"{}"), {})
    assert error.title == "Schema type not supported"


def test_scripts() -> None:
    check_script("TRANSFORMATION", b64(b"function transform() {}"))
    assert _error(check_script, "FILTER", b64(b"x")).title == "Script not valid"
    assert _error(check_script, "TRANSFORMATION", "%%%").title == "Script not parsable"
    assert _error(check_script, "TRANSFORMATION", b64(b"\xff")).title == "Script not parsable"

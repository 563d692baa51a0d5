"""Checks of schema definitions and script sources: what the broker would refuse to store."""

from __future__ import annotations

import base64
import binascii

from google.protobuf import descriptor_pb2
from google.protobuf.message import DecodeError

from ...core import ApiError, json_text

SCHEMA_TYPES = ("JSON", "PROTOBUF")
FUNCTION_TYPES = ("TRANSFORMATION",)


def _not_parsable(detail: str) -> ApiError:
    return ApiError(400, "Schema not parsable", detail)


def decode_base64(text: str) -> bytes | None:
    """The bytes of standard base64 ``text``; None when it is not base64."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def _check_json_schema(raw: bytes) -> None:
    try:
        document = json_text.loads(raw.decode("utf-8"))
    except RecursionError:
        raise _not_parsable("The JSON schema is nested too deeply.") from None
    except (UnicodeDecodeError, ValueError):
        raise _not_parsable("The schema definition is not JSON.") from None
    # A JSON Schema is an object (or, since draft 6, a boolean).
    if not isinstance(document, dict | bool):
        raise _not_parsable("A JSON schema is an object.")


def message_names(descriptor_set: descriptor_pb2.FileDescriptorSet) -> set[str]:
    """Every message of the set, nested ones included, by simple and full name."""
    names: set[str] = set()
    pending = [
        (file.package, message) for file in descriptor_set.file for message in file.message_type
    ]
    while pending:
        scope, message = pending.pop()
        full = f"{scope}.{message.name}" if scope else message.name
        names.update((message.name, full))
        pending.extend((full, nested) for nested in message.nested_type)
    return names


def _check_protobuf(raw: bytes, arguments: dict[str, str]) -> None:
    try:
        descriptor_set = descriptor_pb2.FileDescriptorSet.FromString(raw)
    except (DecodeError, RecursionError):
        raise _not_parsable("The schema definition is no Protobuf descriptor set.") from None
    if not descriptor_set.file:
        raise _not_parsable("The Protobuf descriptor set holds no file.")
    message_type = arguments.get("messageType")
    if not message_type:
        raise _not_parsable("A Protobuf schema needs the argument messageType.")
    if message_type not in message_names(descriptor_set):
        raise _not_parsable(f"messageType {message_type!r} names no message of the set.")
    unknown = arguments.get("allowUnknownFields", "false")
    if unknown not in ("true", "false"):
        raise _not_parsable("allowUnknownFields is 'true' or 'false'.")


def check_schema(schema_type: str, definition: str, arguments: dict[str, str]) -> None:
    """ApiError 400 unless the definition is one the broker can use for ``schema_type``."""
    if schema_type not in SCHEMA_TYPES:
        raise ApiError(
            400, "Schema type not supported", f"type must be one of {', '.join(SCHEMA_TYPES)}."
        )
    raw = decode_base64(definition)
    if raw is None:
        raise _not_parsable("schemaDefinition is not base64.")
    if schema_type == "JSON":
        _check_json_schema(raw)
    else:
        _check_protobuf(raw, arguments)


def check_script(function_type: str, source: str) -> None:
    """ApiError 400 unless the script is a base64 text of a known function type."""
    if function_type not in FUNCTION_TYPES:
        raise ApiError(
            400, "Script not valid", f"functionType must be one of {', '.join(FUNCTION_TYPES)}."
        )
    raw = decode_base64(source)
    if raw is None:
        raise ApiError(400, "Script not parsable", "source is not base64.")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "Script not parsable", "source is not UTF-8 text.") from None

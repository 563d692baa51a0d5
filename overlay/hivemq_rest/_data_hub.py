"""Data Hub without I/O: list arguments, definitions in and out of base64, answers parsed.

The requests themselves come from hivemq_rest_generated.operations (path
encoding, parameter bounds); this module adds what the spec cannot say: the
comma-joined filters, page sizes checked against the spec's ``limit`` bounds,
schema and script bodies made from what a person has, and typed answers.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final, Protocol, Self, TypeVar

import httpx
from hivemq_rest_generated.models import (
    Schema,
    SchemaArguments,
    Script,
    ScriptFunctionType,
)
from hivemq_rest_generated.operations import GET_ALL_DATA_POLICIES, Operation

from ._constants import MAX_JSON_DEPTH
from ._errors import AlreadyPresentError, BadRequestError, malformed_response, unusable_item
from ._json import NotJSONError, loads, unfit
from ._lazy import PARSE_ERRORS, lazy_items
from ._paging import json_body

__all__ = [
    "ALREADY_PRESENT_TITLES",
    "MAX_PAGE_SIZE",
    "Model",
    "already_present",
    "decode_definition",
    "joined",
    "json_schema",
    "json_schema_body",
    "page_size",
    "parse_model",
    "parse_page",
    "protobuf_schema_body",
    "schema_definition",
    "script_body",
    "script_source",
]

# The 400 titles for a create that repeats the latest version exactly.
ALREADY_PRESENT_TITLES: Final = frozenset({"Schema already present", "Script already present"})

# The largest page the Data Hub lists serve (all four share the spec's
# bounds, 10..500): the default, for the fewest requests.
MAX_PAGE_SIZE: Final = GET_ALL_DATA_POLICIES.parameter("limit").integer_range()[1]


class Model(Protocol):
    """A generated model: what parse_model and parse_page make answers into."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_M = TypeVar("_M", bound=Model)


def page_size(operation: Operation, value: object) -> int:
    """The page size if the spec's ``limit`` bounds for the operation allow it, else ValueError."""
    low, high = operation.parameter("limit").integer_range()
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"page_size must be an int from {low} to {high}, not {value!r}")
    return value


def joined(name: str, values: Sequence[str] | None) -> str | None:
    """A list filter as the API takes it: the values joined with commas (None: no filter).

    A value holding a comma would split into two on the server, and an empty
    value or an empty list would mean something else than the caller said:
    each is a ValueError; a lone str (a sequence of characters) a TypeError.
    """
    if values is None:
        return None
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a sequence of str (a list or tuple), not {values!r}")
    if not values:
        raise ValueError(f"{name} is empty: give at least one value, or None for no filter")
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"each of {name} must be a str, not {type(value).__name__}")
        if not value:
            raise ValueError(f"{name} cannot hold an empty string")
        if "," in value:
            raise ValueError(f"{name} cannot hold a comma, the API's separator: {value!r}")
    return ",".join(values)


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _text(name: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError(f"{name} must be a non-empty str, not {value!r}")
    return value


def json_schema_body(schema_id: str, schema: Mapping[str, Any] | str) -> Schema:
    """A JSON schema to create, from a dict or JSON text (sent as written)."""
    if isinstance(schema, str):
        try:
            loads(schema, MAX_JSON_DEPTH)  # sent as written: NaN would reach the broker
        except NotJSONError as why:
            raise ValueError(f"the JSON Schema text {why}") from None
        text = schema
    elif isinstance(schema, Mapping):
        try:
            text = json.dumps(schema, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise ValueError(f"the JSON Schema cannot be written as JSON: {error}") from None
    else:
        raise TypeError(f"a JSON Schema is a dict or JSON text, not {type(schema).__name__}")
    return Schema(
        id=_text("schema_id", schema_id),
        type_="JSON",
        schema_definition=_base64(text.encode("utf-8")),
    )


def protobuf_schema_body(
    schema_id: str,
    descriptor_set: bytes,
    message_type: str,
    allow_unknown_fields: bool | None = None,
) -> Schema:
    """A Protobuf schema to create, from a compiled descriptor set (``protoc -o``)."""
    if not isinstance(descriptor_set, bytes | bytearray | memoryview) or not descriptor_set:
        raise TypeError("descriptor_set must be the non-empty bytes of a descriptor set")
    arguments = SchemaArguments()
    arguments["messageType"] = _text("message_type", message_type)
    if allow_unknown_fields is not None:
        if not isinstance(allow_unknown_fields, bool):
            raise TypeError("allow_unknown_fields must be a bool or None")
        # The API takes the flag as a string.
        arguments["allowUnknownFields"] = "true" if allow_unknown_fields else "false"
    return Schema(
        id=_text("schema_id", schema_id),
        type_="PROTOBUF",
        schema_definition=_base64(bytes(descriptor_set)),
        arguments=arguments,
    )


def script_body(
    script_id: str,
    source: str,
    function_type: ScriptFunctionType | str,
    description: str | None,
) -> Script:
    """A script to create, from its JavaScript source text."""
    if description is not None and not isinstance(description, str):
        raise TypeError("description must be a str or None")
    kind = ScriptFunctionType(_text("function_type", function_type))
    try:
        encoded = _base64(_text("source", source).encode("utf-8"))
    except UnicodeEncodeError:
        raise ValueError("source cannot hold surrogates (U+D800..U+DFFF)") from None
    script = Script(id=_text("script_id", script_id), function_type=kind, source=encoded)
    if description is not None:
        script.description = description
    return script


def decode_definition(what: str, value: object) -> bytes:
    """The bytes of a base64 property; ValueError if absent (``fields``) or not base64."""
    if value is None:
        raise ValueError(f"the answer has no {what} (was it left out with fields=?)")
    if not isinstance(value, str):
        raise ValueError(f"{what} is not a base64 string")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"{what} is not valid base64") from None


class _HasDefinition(Protocol):
    @property
    def schema_definition(self) -> str | None: ...


class _HasSource(Protocol):
    @property
    def source(self) -> str | None: ...


def schema_definition(schema: _HasDefinition) -> bytes:
    """A fetched schema's definition, decoded: JSON Schema text or a Protobuf descriptor set."""
    return decode_definition("schemaDefinition", schema.schema_definition)


def json_schema(schema: _HasDefinition) -> Any:
    """A fetched JSON schema's definition as Python data (ValueError if it is not JSON).

    A PROTOBUF schema is a ValueError that says so: its definition is a
    descriptor set, which ``schema_definition`` gives as bytes.
    """
    # The protocol asks only for the definition; a Schema or PartialSchema also says its type.
    kind = getattr(schema, "type_", None)
    if kind == "PROTOBUF":
        raise ValueError(
            "this is a PROTOBUF schema, not JSON: schema_definition() gives its descriptor set"
        )
    definition = schema_definition(schema)  # its own ValueError says what is wrong
    try:
        return loads(definition, MAX_JSON_DEPTH)
    except NotJSONError as why:
        raise ValueError(f"schemaDefinition {why}") from None


def script_source(script: _HasSource) -> str:
    """A fetched script's JavaScript source text (ValueError if not base64 of UTF-8)."""
    try:
        return decode_definition("source", script.source).decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("source is not UTF-8 text") from None


def already_present(error: BadRequestError) -> BadRequestError:
    """AlreadyPresentError for a 400 that says the latest version is this one, else error."""
    if error.title not in ALREADY_PRESENT_TITLES:
        return error
    return AlreadyPresentError(
        status=error.status,
        title=error.title,
        detail=error.detail,
        method=error.method,
        path=error.path,
    )


def _usable(response: httpx.Response, item: dict[str, Any], noun: str) -> None:
    """UnexpectedResponseError naming the item if it holds NaN or nests past MAX_JSON_DEPTH."""
    said = unfit(item, MAX_JSON_DEPTH)
    if said is not None:
        item_id = item.get("id")
        named = f"{noun} {item_id!r}" if isinstance(item_id, str) else f"a {noun}"
        raise unusable_item(response, f"{named}: {said}")


def parse_model(response: httpx.Response, model: type[_M], what: str) -> _M:
    """The JSON object of a 2xx answer as the given generated model.

    An object holding NaN or an infinity, or nested past MAX_JSON_DEPTH, is
    an UnexpectedResponseError that names it.
    """
    document = json_body(response, max_depth=None, finite=False)
    if not isinstance(document, dict):
        raise malformed_response(response, f"the {what} is not a JSON object")
    _usable(response, document, what)
    try:
        return model.from_dict(document)
    except PARSE_ERRORS as error:
        raise malformed_response(response, f"the {what} does not parse ({error!r})") from None


def parse_page(
    response: httpx.Response, model: type[_M], what: str, noun: str
) -> tuple[list[_M], object]:
    """The items of a list page as the given model, and the page's ``_links``.

    ``what`` names the items (plural), ``noun`` one of them. The items parse
    when first read (see _lazy): a malformed one raises UnexpectedResponseError
    then; one holding NaN or nested past MAX_JSON_DEPTH raises it here.
    """
    document = json_body(response, max_depth=None, finite=False)
    if not isinstance(document, dict):
        raise malformed_response(response, f"a page of {what} is not a JSON object")
    raw = document.get("items", [])
    if not isinstance(raw, list):
        raise malformed_response(response, f"the items of a page of {what} are not a list")
    if not all(type(item) is dict for item in raw):
        raise malformed_response(response, f"an item of {what} is not a JSON object")
    for item in raw:
        _usable(response, item, noun)
    request = response.request
    return lazy_items(model, raw, request.method, request.url.path), document.get("_links")

"""``hivemq.data_hub.schemas`` and ``.scripts``: list, get, create (a new version), delete.

Made by scripts/generate.py from _async_resources/data_hub_schemas.py (see scripts/_unasync.py);
do not edit: change _async_resources/data_hub_schemas.py and regenerate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, overload

from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import (
    PartialSchema,
    PartialScript,
    Schema,
    Script,
    ScriptFunctionType,
)

from .. import _data_hub as dh
from .._call_options import call_options
from ._data_hub_items import DataHubItems
from ._pages import Listing

__all__ = ["Schemas", "Scripts"]


class Schemas(DataHubItems[Schema, PartialSchema]):
    """Schemas (JSON Schema or Protobuf) that policies validate and decode messages with.

    A create with an existing id adds a version; ``get`` answers the latest,
    ``delete`` removes every version. Definitions travel as base64: the
    ``create_*`` methods encode, ``hivemq_rest.schema_definition`` and
    ``json_schema`` decode.
    """

    _model = Schema
    _partial = PartialSchema
    _noun = "schema"
    _plural = "schemas"

    @overload
    def list(
        self,
        *,
        schema_ids: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        fields: None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Listing[Schema]: ...
    @overload
    def list(
        self,
        *,
        schema_ids: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        fields: Sequence[str],
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Listing[PartialSchema]: ...
    def list(
        self,
        *,
        schema_ids: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Listing[Schema | PartialSchema]:
        """Every version of every schema (matching the filters), following the pages.

        ``types``: ``"JSON"``, ``"PROTOBUF"``. ``fields``: the properties to
        return, as PartialSchema items (the rest are None); without, Schema
        items. ``page_size``: 10..500 (ValueError otherwise).
        """
        ids = dh.joined("schema_ids", schema_ids)
        kinds = dh.joined("types", types)
        wanted = dh.joined("fields", fields)
        limit = dh.page_size(api.GET_ALL_SCHEMAS, page_size)

        def request(cursor: str | None) -> api.Request:
            return api.get_all_schemas(
                schema_ids=ids, types=kinds, fields=wanted, limit=limit, cursor=cursor
            )

        return self._list(request, wanted, call_options(timeout, extra_headers))

    @overload
    def get(
        self,
        schema_id: str,
        *,
        fields: None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Schema: ...
    @overload
    def get(
        self,
        schema_id: str,
        *,
        fields: Sequence[str],
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PartialSchema: ...
    def get(
        self,
        schema_id: str,
        *,
        fields: Sequence[str] | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Schema | PartialSchema:
        """The latest version of a schema (with ``fields``: a PartialSchema).

        NotFoundError if unknown.
        """
        wanted = dh.joined("fields", fields)
        request = api.get_schema(schema_id, fields=wanted)
        return self._get(request, wanted, call_options(timeout, extra_headers))

    def create(
        self,
        schema: Schema,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Schema:
        """Store a schema (a new version if the id exists): the stored version is returned.

        AlreadyPresentError if it is exactly the latest version already.
        """
        request = api.create_schema(body=self._checked(schema))
        return self._create(request, call_options(timeout, extra_headers))

    def create_json(
        self,
        schema_id: str,
        schema: Mapping[str, Any] | str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Schema:
        """Store a JSON Schema, given as a dict or as JSON text (sent as written)."""
        body = dh.json_schema_body(schema_id, schema)
        return self.create(body, timeout=timeout, extra_headers=extra_headers)

    def create_protobuf(
        self,
        schema_id: str,
        descriptor_set: bytes,
        message_type: str,
        *,
        allow_unknown_fields: bool | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Schema:
        """Store a Protobuf schema: a compiled descriptor set (``protoc -o``) and the message type.

        ``allow_unknown_fields``: whether messages may carry fields the type
        does not declare (None: the broker's default).
        """
        body = dh.protobuf_schema_body(
            schema_id, descriptor_set, message_type, allow_unknown_fields
        )
        return self.create(body, timeout=timeout, extra_headers=extra_headers)

    def delete(
        self,
        schema_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete every version of a schema. NotFoundError if unknown; BadRequestError if in use."""
        self._delete(api.delete_schema(schema_id), call_options(timeout, extra_headers))


class Scripts(DataHubItems[Script, PartialScript]):
    """JavaScript functions that policies call as ``fn:<id>:<version>``.

    A create with an existing id adds a version. Sources travel as base64:
    ``create_js`` encodes, ``hivemq_rest.script_source`` decodes.
    """

    _model = Script
    _partial = PartialScript
    _noun = "script"
    _plural = "scripts"

    @overload
    def list(
        self,
        *,
        script_ids: Sequence[str] | None = None,
        function_types: Sequence[str] | None = None,
        fields: None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Listing[Script]: ...
    @overload
    def list(
        self,
        *,
        script_ids: Sequence[str] | None = None,
        function_types: Sequence[str] | None = None,
        fields: Sequence[str],
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Listing[PartialScript]: ...
    def list(
        self,
        *,
        script_ids: Sequence[str] | None = None,
        function_types: Sequence[str] | None = None,
        fields: Sequence[str] | None = None,
        page_size: int = dh.MAX_PAGE_SIZE,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Listing[Script | PartialScript]:
        """Every version of every script (matching the filters), following the pages.

        ``function_types``: ``"TRANSFORMATION"``. ``fields``: the properties to
        return, as PartialScript items (the rest are None); without, Script
        items. ``page_size``: 10..500 (ValueError otherwise).
        """
        ids = dh.joined("script_ids", script_ids)
        kinds = dh.joined("function_types", function_types)
        wanted = dh.joined("fields", fields)
        limit = dh.page_size(api.GET_ALL_SCRIPTS, page_size)

        def request(cursor: str | None) -> api.Request:
            return api.get_all_scripts(
                script_ids=ids, function_types=kinds, fields=wanted, limit=limit, cursor=cursor
            )

        return self._list(request, wanted, call_options(timeout, extra_headers))

    @overload
    def get(
        self,
        script_id: str,
        *,
        fields: None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Script: ...
    @overload
    def get(
        self,
        script_id: str,
        *,
        fields: Sequence[str],
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> PartialScript: ...
    def get(
        self,
        script_id: str,
        *,
        fields: Sequence[str] | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Script | PartialScript:
        """The latest version of a script (with ``fields``: a PartialScript).

        NotFoundError if unknown.
        """
        wanted = dh.joined("fields", fields)
        request = api.get_script(script_id, fields=wanted)
        return self._get(request, wanted, call_options(timeout, extra_headers))

    def create(
        self,
        script: Script,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Script:
        """Store a script (a new version if the id exists): the stored version is returned.

        AlreadyPresentError if it is exactly the latest version already.
        """
        request = api.create_script(body=self._checked(script))
        return self._create(request, call_options(timeout, extra_headers))

    def create_js(
        self,
        script_id: str,
        source: str,
        *,
        function_type: ScriptFunctionType | str = ScriptFunctionType.TRANSFORMATION,
        description: str | None = None,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Script:
        """Store a script from its JavaScript source text."""
        body = dh.script_body(script_id, source, function_type, description)
        return self.create(body, timeout=timeout, extra_headers=extra_headers)

    def delete(
        self,
        script_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete every version of a script. NotFoundError if unknown; BadRequestError if in use."""
        self._delete(api.delete_script(script_id), call_options(timeout, extra_headers))

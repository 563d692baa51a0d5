from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.partial_schema_arguments import PartialSchemaArguments


T = TypeVar("T", bound="PartialSchema")


@_attrs_define
class PartialSchema:
    """Addition: a schema as the get and list operations answer it, with the properties of Schema and none of them
    required, since `fields` can leave any of them out.

        Attributes:
            id (str | None):
            type_ (str | None): `JSON` or `PROTOBUF`.
            schema_definition (str | None): Base64 of the JSON Schema text, or of a compiled Protobuf descriptor set.
            arguments (PartialSchemaArguments | None): For Protobuf: `messageType`, and `allowUnknownFields` as `"true"` or
                `"false"`.
            version (int | None): The version number, counted from 1 (set by the broker).
            created_at (str | None): When this version was stored (set by the broker).
    """

    id: str | None = None
    type_: str | None = None
    schema_definition: str | None = None
    arguments: PartialSchemaArguments | None = None
    version: int | None = None
    created_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not None:
            id = self.id
            field_dict["id"] = id
        if self.type_ is not None:
            type_ = self.type_
            field_dict["type"] = type_
        if self.schema_definition is not None:
            schema_definition = self.schema_definition
            field_dict["schemaDefinition"] = schema_definition
        if self.arguments is not None:
            arguments = self.arguments.to_dict()
            field_dict["arguments"] = arguments
        if self.version is not None:
            version = self.version
            field_dict["version"] = version
        if self.created_at is not None:
            created_at = self.created_at
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.partial_schema_arguments import PartialSchemaArguments

        d = dict(src_dict)
        id = d.pop("id", None)

        type_ = d.pop("type", None)

        schema_definition = d.pop("schemaDefinition", None)

        _arguments = d.pop("arguments", None)
        arguments: PartialSchemaArguments | None = None
        if _arguments is not None:
            arguments = PartialSchemaArguments.from_dict(_arguments)

        version = d.pop("version", None)

        created_at = d.pop("createdAt", None)

        partial_schema = cls(
            id=id,
            type_=type_,
            schema_definition=schema_definition,
            arguments=arguments,
            version=version,
            created_at=created_at,
        )

        partial_schema.additional_properties = d
        return partial_schema

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

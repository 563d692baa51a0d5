from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.schema_arguments import SchemaArguments


T = TypeVar("T", bound="Schema")


@_attrs_define
class Schema:
    """One version of a schema that policies validate or decode messages with.

    Attributes:
        id (str):
        type_ (str): `JSON` or `PROTOBUF`.
        schema_definition (str): Base64 of the JSON Schema text, or of a compiled Protobuf descriptor set.
        arguments (SchemaArguments | None): For Protobuf: `messageType`, and `allowUnknownFields` as `"true"` or
            `"false"`.
        version (int | None): The version number, counted from 1 (set by the broker).
        created_at (str | None): When this version was stored (set by the broker).
    """

    id: str
    type_: str
    schema_definition: str
    arguments: SchemaArguments | None = None
    version: int | None = None
    created_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        schema_definition = self.schema_definition

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "schemaDefinition": schema_definition,
            }
        )
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
        from ..models.schema_arguments import SchemaArguments

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        schema_definition = d.pop("schemaDefinition")

        _arguments = d.pop("arguments", None)
        arguments: SchemaArguments | None = None
        if _arguments is not None:
            arguments = SchemaArguments.from_dict(_arguments)

        version = d.pop("version", None)

        created_at = d.pop("createdAt", None)

        schema = cls(
            id=id,
            type_=type_,
            schema_definition=schema_definition,
            arguments=arguments,
            version=version,
            created_at=created_at,
        )

        schema.additional_properties = d
        return schema

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

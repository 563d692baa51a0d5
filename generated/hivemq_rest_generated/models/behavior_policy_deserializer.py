from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.schema_reference import SchemaReference


T = TypeVar("T", bound="BehaviorPolicyDeserializer")


@_attrs_define
class BehaviorPolicyDeserializer:
    """
    Attributes:
        schema (SchemaReference): A schema by id and version.
    """

    schema: SchemaReference
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schema = self.schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schema": schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.schema_reference import SchemaReference

        d = dict(src_dict)
        schema = SchemaReference.from_dict(d.pop("schema"))

        behavior_policy_deserializer = cls(
            schema=schema,
        )

        behavior_policy_deserializer.additional_properties = d
        return behavior_policy_deserializer

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partial_script_function_type import PartialScriptFunctionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartialScript")


@_attrs_define
class PartialScript:
    """Addition: a script as the get and list operations answer it, with the properties of Script and none of them
    required, since `fields` can leave any of them out.

        Attributes:
            id (str | Unset):
            function_type (PartialScriptFunctionType | Unset):
            description (str | Unset):
            source (str | Unset): Base64 of the JavaScript source.
            version (int | Unset): The version number, counted from 1 (set by the broker).
            created_at (str | Unset): When this version was stored (set by the broker).
    """

    id: str | Unset = UNSET
    function_type: PartialScriptFunctionType | Unset = UNSET
    description: str | Unset = UNSET
    source: str | Unset = UNSET
    version: int | Unset = UNSET
    created_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        function_type: str | Unset = UNSET
        if not isinstance(self.function_type, Unset):
            function_type = self.function_type.value

        description = self.description

        source = self.source

        version = self.version

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if function_type is not UNSET:
            field_dict["functionType"] = function_type
        if description is not UNSET:
            field_dict["description"] = description
        if source is not UNSET:
            field_dict["source"] = source
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _function_type = d.pop("functionType", UNSET)
        function_type: PartialScriptFunctionType | Unset
        if isinstance(_function_type, Unset):
            function_type = UNSET
        else:
            function_type = PartialScriptFunctionType(_function_type)

        description = d.pop("description", UNSET)

        source = d.pop("source", UNSET)

        version = d.pop("version", UNSET)

        created_at = d.pop("createdAt", UNSET)

        partial_script = cls(
            id=id,
            function_type=function_type,
            description=description,
            source=source,
            version=version,
            created_at=created_at,
        )

        partial_script.additional_properties = d
        return partial_script

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

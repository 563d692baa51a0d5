from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partial_script_function_type import PartialScriptFunctionType

T = TypeVar("T", bound="PartialScript")


@_attrs_define
class PartialScript:
    """Addition: a script as the get and list operations answer it, with the properties of Script and none of them
    required, since `fields` can leave any of them out.

        Attributes:
            id (str | None):
            function_type (PartialScriptFunctionType | None):
            description (str | None):
            source (str | None): Base64 of the JavaScript source.
            version (int | None): The version number, counted from 1 (set by the broker).
            created_at (str | None): When this version was stored (set by the broker).
    """

    id: str | None = None
    function_type: PartialScriptFunctionType | None = None
    description: str | None = None
    source: str | None = None
    version: int | None = None
    created_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not None:
            id = self.id
            field_dict["id"] = id
        if self.function_type is not None:
            function_type = self.function_type.value
            field_dict["functionType"] = function_type
        if self.description is not None:
            description = self.description
            field_dict["description"] = description
        if self.source is not None:
            source = self.source
            field_dict["source"] = source
        if self.version is not None:
            version = self.version
            field_dict["version"] = version
        if self.created_at is not None:
            created_at = self.created_at
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", None)

        _function_type = d.pop("functionType", None)
        function_type: PartialScriptFunctionType | None = None
        if _function_type is not None:
            function_type = PartialScriptFunctionType(_function_type)

        description = d.pop("description", None)

        source = d.pop("source", None)

        version = d.pop("version", None)

        created_at = d.pop("createdAt", None)

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

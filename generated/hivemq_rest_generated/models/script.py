from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.script_function_type import ScriptFunctionType

T = TypeVar("T", bound="Script")


@_attrs_define
class Script:
    """One version of a JavaScript function that policies can call.

    Attributes:
        id (str):
        function_type (ScriptFunctionType):
        source (str): Base64 of the JavaScript source.
        description (str | None):
        version (int | None): The version number, counted from 1 (set by the broker).
        created_at (str | None): When this version was stored (set by the broker).
    """

    id: str
    function_type: ScriptFunctionType
    source: str
    description: str | None = None
    version: int | None = None
    created_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        function_type = self.function_type.value

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "functionType": function_type,
                "source": source,
            }
        )
        if self.description is not None:
            description = self.description
            field_dict["description"] = description
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
        id = d.pop("id")

        function_type = ScriptFunctionType(d.pop("functionType"))

        source = d.pop("source")

        description = d.pop("description", None)

        version = d.pop("version", None)

        created_at = d.pop("createdAt", None)

        script = cls(
            id=id,
            function_type=function_type,
            source=source,
            description=description,
            version=version,
            created_at=created_at,
        )

        script.additional_properties = d
        return script

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

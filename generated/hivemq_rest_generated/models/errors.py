from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.error import Error


T = TypeVar("T", bound="Errors")


@_attrs_define
class Errors:
    """Problem details (RFC 7807 style) for a failed request.

    Attributes:
        errors (list[Error] | None):
    """

    errors: list[Error] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.errors is not None:
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error import Error

        d = dict(src_dict)
        _errors = d.pop("errors", None)
        errors: list[Error] | None = None
        if _errors is not None:
            errors = []
            _errors = _errors
            for errors_item_data in _errors:
                errors_item = Error.from_dict(errors_item_data)

                errors.append(errors_item)

        errors = cls(
            errors=errors,
        )

        errors.additional_properties = d
        return errors

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

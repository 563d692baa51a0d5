from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.data_policy_validator_arguments import DataPolicyValidatorArguments


T = TypeVar("T", bound="DataPolicyValidator")


@_attrs_define
class DataPolicyValidator:
    """One validator, for example `type: schema` with the arguments `strategy` (`ALL_OF` or `ANY_OF`) and `schemas` (schema
    references).

        Attributes:
            arguments (DataPolicyValidatorArguments): The validator's arguments; their shape depends on `type`.
            type_ (str):
    """

    arguments: DataPolicyValidatorArguments
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        arguments = self.arguments.to_dict()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "arguments": arguments,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_policy_validator_arguments import (
            DataPolicyValidatorArguments,
        )

        d = dict(src_dict)
        arguments = DataPolicyValidatorArguments.from_dict(d.pop("arguments"))

        type_ = d.pop("type")

        data_policy_validator = cls(
            arguments=arguments,
            type_=type_,
        )

        data_policy_validator.additional_properties = d
        return data_policy_validator

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

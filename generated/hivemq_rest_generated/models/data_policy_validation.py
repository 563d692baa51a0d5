from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.data_policy_validator import DataPolicyValidator


T = TypeVar("T", bound="DataPolicyValidation")


@_attrs_define
class DataPolicyValidation:
    """How messages are validated. Without validators, validation always succeeds.

    Attributes:
        validators (list[DataPolicyValidator] | None):
    """

    validators: list[DataPolicyValidator] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.validators is not None:
            validators = []
            for validators_item_data in self.validators:
                validators_item = validators_item_data.to_dict()
                validators.append(validators_item)

            field_dict["validators"] = validators

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_policy_validator import DataPolicyValidator

        d = dict(src_dict)
        _validators = d.pop("validators", None)
        validators: list[DataPolicyValidator] | None = None
        if _validators is not None:
            validators = []
            _validators = _validators
            for validators_item_data in _validators:
                validators_item = DataPolicyValidator.from_dict(validators_item_data)

                validators.append(validators_item)

        data_policy_validation = cls(
            validators=validators,
        )

        data_policy_validation.additional_properties = d
        return data_policy_validation

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_operation import PolicyOperation


T = TypeVar("T", bound="DataPolicyAction")


@_attrs_define
class DataPolicyAction:
    """What the broker does with a message, as a pipeline of operations.

    Attributes:
        pipeline (list[PolicyOperation] | None):
    """

    pipeline: list[PolicyOperation] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.pipeline is not None:
            pipeline = []
            for pipeline_item_data in self.pipeline:
                pipeline_item = pipeline_item_data.to_dict()
                pipeline.append(pipeline_item)

            field_dict["pipeline"] = pipeline

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_operation import PolicyOperation

        d = dict(src_dict)
        _pipeline = d.pop("pipeline", None)
        pipeline: list[PolicyOperation] | None = None
        if _pipeline is not None:
            pipeline = []
            _pipeline = _pipeline
            for pipeline_item_data in _pipeline:
                pipeline_item = PolicyOperation.from_dict(pipeline_item_data)

                pipeline.append(pipeline_item)

        data_policy_action = cls(
            pipeline=pipeline,
        )

        data_policy_action.additional_properties = d
        return data_policy_action

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_operation import PolicyOperation


T = TypeVar("T", bound="PolicyOnBranch")


@_attrs_define
class PolicyOnBranch:
    """A pipeline that runs on one branch of a step.

    Attributes:
        branch_id (str):
        pipeline (list[PolicyOperation]):
    """

    branch_id: str
    pipeline: list[PolicyOperation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        branch_id = self.branch_id

        pipeline = []
        for pipeline_item_data in self.pipeline:
            pipeline_item = pipeline_item_data.to_dict()
            pipeline.append(pipeline_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "branchId": branch_id,
                "pipeline": pipeline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_operation import PolicyOperation

        d = dict(src_dict)
        branch_id = d.pop("branchId")

        pipeline = []
        _pipeline = d.pop("pipeline")
        for pipeline_item_data in _pipeline:
            pipeline_item = PolicyOperation.from_dict(pipeline_item_data)

            pipeline.append(pipeline_item)

        policy_on_branch = cls(
            branch_id=branch_id,
            pipeline=pipeline,
        )

        policy_on_branch.additional_properties = d
        return policy_on_branch

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

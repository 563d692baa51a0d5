from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_on_branch import PolicyOnBranch
    from ..models.policy_operation_arguments import PolicyOperationArguments


T = TypeVar("T", bound="PolicyOperation")


@_attrs_define
class PolicyOperation:
    """One step of a pipeline: a function (such as `System.log`, `Mqtt.UserProperties.add`, `Serdes.serialize`,
    `Delivery.redirectTo`, `Mqtt.drop` or a script `fn:<scriptId>:<version>`) with its arguments.

        Attributes:
            id (str): The step's id, unique within the policy.
            function_id (str):
            arguments (PolicyOperationArguments): The function's arguments; an empty object when it takes none.
            on_branch (list[PolicyOnBranch] | None):
    """

    id: str
    function_id: str
    arguments: PolicyOperationArguments
    on_branch: list[PolicyOnBranch] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        function_id = self.function_id

        arguments = self.arguments.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "functionId": function_id,
                "arguments": arguments,
            }
        )
        if self.on_branch is not None:
            on_branch = []
            for on_branch_item_data in self.on_branch:
                on_branch_item = on_branch_item_data.to_dict()
                on_branch.append(on_branch_item)

            field_dict["onBranch"] = on_branch

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_on_branch import PolicyOnBranch
        from ..models.policy_operation_arguments import PolicyOperationArguments

        d = dict(src_dict)
        id = d.pop("id")

        function_id = d.pop("functionId")

        arguments = PolicyOperationArguments.from_dict(d.pop("arguments"))

        _on_branch = d.pop("onBranch", None)
        on_branch: list[PolicyOnBranch] | None = None
        if _on_branch is not None:
            on_branch = []
            _on_branch = _on_branch
            for on_branch_item_data in _on_branch:
                on_branch_item = PolicyOnBranch.from_dict(on_branch_item_data)

                on_branch.append(on_branch_item)

        policy_operation = cls(
            id=id,
            function_id=function_id,
            arguments=arguments,
            on_branch=on_branch,
        )

        policy_operation.additional_properties = d
        return policy_operation

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.behavior_policy_behavior_arguments import (
        BehaviorPolicyBehaviorArguments,
    )


T = TypeVar("T", bound="BehaviorPolicyBehavior")


@_attrs_define
class BehaviorPolicyBehavior:
    """The behavior model, for example `Mqtt.events`, `Publish.duplicate` or `Publish.quota`, with its arguments.

    Attributes:
        id (str):
        arguments (BehaviorPolicyBehaviorArguments | None): The model's arguments, such as `maxPublishes` for
            `Publish.quota`.
    """

    id: str
    arguments: BehaviorPolicyBehaviorArguments | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if self.arguments is not None:
            arguments = self.arguments.to_dict()
            field_dict["arguments"] = arguments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.behavior_policy_behavior_arguments import (
            BehaviorPolicyBehaviorArguments,
        )

        d = dict(src_dict)
        id = d.pop("id")

        _arguments = d.pop("arguments", None)
        arguments: BehaviorPolicyBehaviorArguments | None = None
        if _arguments is not None:
            arguments = BehaviorPolicyBehaviorArguments.from_dict(_arguments)

        behavior_policy_behavior = cls(
            id=id,
            arguments=arguments,
        )

        behavior_policy_behavior.additional_properties = d
        return behavior_policy_behavior

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.behavior_policy_behavior import BehaviorPolicyBehavior
    from ..models.behavior_policy_deserialization import BehaviorPolicyDeserialization
    from ..models.behavior_policy_matching import BehaviorPolicyMatching
    from ..models.behavior_policy_on_transition import BehaviorPolicyOnTransition


T = TypeVar("T", bound="BehaviorPolicy")


@_attrs_define
class BehaviorPolicy:
    """A behavior policy: which clients it watches, the behavior model it follows them with, and what runs on the model's
    transitions.

        Attributes:
            id (str): The policy's id, unique among behavior policies.
            matching (BehaviorPolicyMatching): The clients a behavior policy applies to.
            behavior (BehaviorPolicyBehavior): The behavior model, for example `Mqtt.events`, `Publish.duplicate` or
                `Publish.quota`, with its arguments.
            created_at (datetime.datetime | None): When the policy was created (set by the broker).
            last_updated_at (datetime.datetime | None): When the policy was last changed (set by the broker).
            deserialization (BehaviorPolicyDeserialization | None): The schemas that decode the payloads of PUBLISH packets
                and wills.
            on_transitions (list[BehaviorPolicyOnTransition] | None):
    """

    id: str
    matching: BehaviorPolicyMatching
    behavior: BehaviorPolicyBehavior
    created_at: datetime.datetime | None = None
    last_updated_at: datetime.datetime | None = None
    deserialization: BehaviorPolicyDeserialization | None = None
    on_transitions: list[BehaviorPolicyOnTransition] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        matching = self.matching.to_dict()

        behavior = self.behavior.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "matching": matching,
                "behavior": behavior,
            }
        )
        if self.created_at is not None:
            from ..types import format_datetime

            created_at = format_datetime(self.created_at)
            field_dict["createdAt"] = created_at
        if self.last_updated_at is not None:
            from ..types import format_datetime

            last_updated_at = format_datetime(self.last_updated_at)
            field_dict["lastUpdatedAt"] = last_updated_at
        if self.deserialization is not None:
            deserialization = self.deserialization.to_dict()
            field_dict["deserialization"] = deserialization
        if self.on_transitions is not None:
            on_transitions = []
            for on_transitions_item_data in self.on_transitions:
                on_transitions_item = on_transitions_item_data.to_dict()
                on_transitions.append(on_transitions_item)

            field_dict["onTransitions"] = on_transitions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.behavior_policy_behavior import BehaviorPolicyBehavior
        from ..models.behavior_policy_deserialization import (
            BehaviorPolicyDeserialization,
        )
        from ..models.behavior_policy_matching import BehaviorPolicyMatching
        from ..models.behavior_policy_on_transition import BehaviorPolicyOnTransition

        d = dict(src_dict)
        id = d.pop("id")

        matching = BehaviorPolicyMatching.from_dict(d.pop("matching"))

        behavior = BehaviorPolicyBehavior.from_dict(d.pop("behavior"))

        _created_at = d.pop("createdAt", None)
        created_at: datetime.datetime | None = None
        if _created_at is not None:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _last_updated_at = d.pop("lastUpdatedAt", None)
        last_updated_at: datetime.datetime | None = None
        if _last_updated_at is not None:
            last_updated_at = datetime.datetime.fromisoformat(_last_updated_at)

        _deserialization = d.pop("deserialization", None)
        deserialization: BehaviorPolicyDeserialization | None = None
        if _deserialization is not None:
            deserialization = BehaviorPolicyDeserialization.from_dict(_deserialization)

        _on_transitions = d.pop("onTransitions", None)
        on_transitions: list[BehaviorPolicyOnTransition] | None = None
        if _on_transitions is not None:
            on_transitions = []
            _on_transitions = _on_transitions
            for on_transitions_item_data in _on_transitions:
                on_transitions_item = BehaviorPolicyOnTransition.from_dict(
                    on_transitions_item_data
                )

                on_transitions.append(on_transitions_item)

        behavior_policy = cls(
            id=id,
            matching=matching,
            behavior=behavior,
            created_at=created_at,
            last_updated_at=last_updated_at,
            deserialization=deserialization,
            on_transitions=on_transitions,
        )

        behavior_policy.additional_properties = d
        return behavior_policy

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

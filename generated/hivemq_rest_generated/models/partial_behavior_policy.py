from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.behavior_policy_behavior import BehaviorPolicyBehavior
    from ..models.behavior_policy_deserialization import BehaviorPolicyDeserialization
    from ..models.behavior_policy_matching import BehaviorPolicyMatching
    from ..models.behavior_policy_on_transition import BehaviorPolicyOnTransition


T = TypeVar("T", bound="PartialBehaviorPolicy")


@_attrs_define
class PartialBehaviorPolicy:
    """Addition: a behavior policy as the get and list operations answer it, with the properties of BehaviorPolicy and none
    of them required, since `fields` can leave any of them out.

        Attributes:
            id (str | Unset): The policy's id, unique among behavior policies.
            created_at (datetime.datetime | Unset): When the policy was created (set by the broker).
            last_updated_at (datetime.datetime | Unset): When the policy was last changed (set by the broker).
            matching (BehaviorPolicyMatching | Unset): The clients a behavior policy applies to.
            deserialization (BehaviorPolicyDeserialization | Unset): The schemas that decode the payloads of PUBLISH packets
                and wills.
            behavior (BehaviorPolicyBehavior | Unset): The behavior model, for example `Mqtt.events`, `Publish.duplicate` or
                `Publish.quota`, with its arguments.
            on_transitions (list[BehaviorPolicyOnTransition] | Unset):
    """

    id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    last_updated_at: datetime.datetime | Unset = UNSET
    matching: BehaviorPolicyMatching | Unset = UNSET
    deserialization: BehaviorPolicyDeserialization | Unset = UNSET
    behavior: BehaviorPolicyBehavior | Unset = UNSET
    on_transitions: list[BehaviorPolicyOnTransition] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            from ..types import format_datetime

            created_at = format_datetime(self.created_at)

        last_updated_at: str | Unset = UNSET
        if not isinstance(self.last_updated_at, Unset):
            from ..types import format_datetime

            last_updated_at = format_datetime(self.last_updated_at)

        matching: dict[str, Any] | Unset = UNSET
        if not isinstance(self.matching, Unset):
            matching = self.matching.to_dict()

        deserialization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deserialization, Unset):
            deserialization = self.deserialization.to_dict()

        behavior: dict[str, Any] | Unset = UNSET
        if not isinstance(self.behavior, Unset):
            behavior = self.behavior.to_dict()

        on_transitions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.on_transitions, Unset):
            on_transitions = []
            for on_transitions_item_data in self.on_transitions:
                on_transitions_item = on_transitions_item_data.to_dict()
                on_transitions.append(on_transitions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at
        if matching is not UNSET:
            field_dict["matching"] = matching
        if deserialization is not UNSET:
            field_dict["deserialization"] = deserialization
        if behavior is not UNSET:
            field_dict["behavior"] = behavior
        if on_transitions is not UNSET:
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
        id = d.pop("id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _last_updated_at = d.pop("lastUpdatedAt", UNSET)
        last_updated_at: datetime.datetime | Unset
        if isinstance(_last_updated_at, Unset):
            last_updated_at = UNSET
        else:
            last_updated_at = datetime.datetime.fromisoformat(_last_updated_at)

        _matching = d.pop("matching", UNSET)
        matching: BehaviorPolicyMatching | Unset
        if isinstance(_matching, Unset):
            matching = UNSET
        else:
            matching = BehaviorPolicyMatching.from_dict(_matching)

        _deserialization = d.pop("deserialization", UNSET)
        deserialization: BehaviorPolicyDeserialization | Unset
        if isinstance(_deserialization, Unset):
            deserialization = UNSET
        else:
            deserialization = BehaviorPolicyDeserialization.from_dict(_deserialization)

        _behavior = d.pop("behavior", UNSET)
        behavior: BehaviorPolicyBehavior | Unset
        if isinstance(_behavior, Unset):
            behavior = UNSET
        else:
            behavior = BehaviorPolicyBehavior.from_dict(_behavior)

        _on_transitions = d.pop("onTransitions", UNSET)
        on_transitions: list[BehaviorPolicyOnTransition] | Unset = UNSET
        if _on_transitions is not UNSET:
            on_transitions = []
            for on_transitions_item_data in _on_transitions:
                on_transitions_item = BehaviorPolicyOnTransition.from_dict(
                    on_transitions_item_data
                )

                on_transitions.append(on_transitions_item)

        partial_behavior_policy = cls(
            id=id,
            created_at=created_at,
            last_updated_at=last_updated_at,
            matching=matching,
            deserialization=deserialization,
            behavior=behavior,
            on_transitions=on_transitions,
        )

        partial_behavior_policy.additional_properties = d
        return partial_behavior_policy

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

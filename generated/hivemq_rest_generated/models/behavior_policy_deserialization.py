from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.behavior_policy_deserializer import BehaviorPolicyDeserializer


T = TypeVar("T", bound="BehaviorPolicyDeserialization")


@_attrs_define
class BehaviorPolicyDeserialization:
    """The schemas that decode the payloads of PUBLISH packets and wills.

    Attributes:
        publish (BehaviorPolicyDeserializer | Unset):
        will (BehaviorPolicyDeserializer | Unset):
    """

    publish: BehaviorPolicyDeserializer | Unset = UNSET
    will: BehaviorPolicyDeserializer | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        publish: dict[str, Any] | Unset = UNSET
        if not isinstance(self.publish, Unset):
            publish = self.publish.to_dict()

        will: dict[str, Any] | Unset = UNSET
        if not isinstance(self.will, Unset):
            will = self.will.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if publish is not UNSET:
            field_dict["publish"] = publish
        if will is not UNSET:
            field_dict["will"] = will

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.behavior_policy_deserializer import BehaviorPolicyDeserializer

        d = dict(src_dict)
        _publish = d.pop("publish", UNSET)
        publish: BehaviorPolicyDeserializer | Unset
        if isinstance(_publish, Unset):
            publish = UNSET
        else:
            publish = BehaviorPolicyDeserializer.from_dict(_publish)

        _will = d.pop("will", UNSET)
        will: BehaviorPolicyDeserializer | Unset
        if isinstance(_will, Unset):
            will = UNSET
        else:
            will = BehaviorPolicyDeserializer.from_dict(_will)

        behavior_policy_deserialization = cls(
            publish=publish,
            will=will,
        )

        behavior_policy_deserialization.additional_properties = d
        return behavior_policy_deserialization

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

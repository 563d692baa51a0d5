from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.behavior_policy_deserializer import BehaviorPolicyDeserializer


T = TypeVar("T", bound="BehaviorPolicyDeserialization")


@_attrs_define
class BehaviorPolicyDeserialization:
    """The schemas that decode the payloads of PUBLISH packets and wills.

    Attributes:
        publish (BehaviorPolicyDeserializer | None):
        will (BehaviorPolicyDeserializer | None):
    """

    publish: BehaviorPolicyDeserializer | None = None
    will: BehaviorPolicyDeserializer | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.publish is not None:
            publish = self.publish.to_dict()
            field_dict["publish"] = publish
        if self.will is not None:
            will = self.will.to_dict()
            field_dict["will"] = will

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.behavior_policy_deserializer import BehaviorPolicyDeserializer

        d = dict(src_dict)
        _publish = d.pop("publish", None)
        publish: BehaviorPolicyDeserializer | None = None
        if _publish is not None:
            publish = BehaviorPolicyDeserializer.from_dict(_publish)

        _will = d.pop("will", None)
        will: BehaviorPolicyDeserializer | None = None
        if _will is not None:
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

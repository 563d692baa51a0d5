from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.behavior_policy_on_event import BehaviorPolicyOnEvent


T = TypeVar("T", bound="BehaviorPolicyOnTransition")


@_attrs_define
class BehaviorPolicyOnTransition:
    """What runs when the model moves from one state to another (`Any.*` stands for any state), one pipeline per event.

    Attributes:
        from_state (str):
        to_state (str):
        event_on_any (BehaviorPolicyOnEvent | Unset):
        connection_on_disconnect (BehaviorPolicyOnEvent | Unset):
        mqtt_on_inbound_connect (BehaviorPolicyOnEvent | Unset):
        mqtt_on_inbound_publish (BehaviorPolicyOnEvent | Unset):
        mqtt_on_inbound_subscribe (BehaviorPolicyOnEvent | Unset):
        mqtt_on_inbound_disconnect (BehaviorPolicyOnEvent | Unset):
    """

    from_state: str
    to_state: str
    event_on_any: BehaviorPolicyOnEvent | Unset = UNSET
    connection_on_disconnect: BehaviorPolicyOnEvent | Unset = UNSET
    mqtt_on_inbound_connect: BehaviorPolicyOnEvent | Unset = UNSET
    mqtt_on_inbound_publish: BehaviorPolicyOnEvent | Unset = UNSET
    mqtt_on_inbound_subscribe: BehaviorPolicyOnEvent | Unset = UNSET
    mqtt_on_inbound_disconnect: BehaviorPolicyOnEvent | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_state = self.from_state

        to_state = self.to_state

        event_on_any: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_on_any, Unset):
            event_on_any = self.event_on_any.to_dict()

        connection_on_disconnect: dict[str, Any] | Unset = UNSET
        if not isinstance(self.connection_on_disconnect, Unset):
            connection_on_disconnect = self.connection_on_disconnect.to_dict()

        mqtt_on_inbound_connect: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mqtt_on_inbound_connect, Unset):
            mqtt_on_inbound_connect = self.mqtt_on_inbound_connect.to_dict()

        mqtt_on_inbound_publish: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mqtt_on_inbound_publish, Unset):
            mqtt_on_inbound_publish = self.mqtt_on_inbound_publish.to_dict()

        mqtt_on_inbound_subscribe: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mqtt_on_inbound_subscribe, Unset):
            mqtt_on_inbound_subscribe = self.mqtt_on_inbound_subscribe.to_dict()

        mqtt_on_inbound_disconnect: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mqtt_on_inbound_disconnect, Unset):
            mqtt_on_inbound_disconnect = self.mqtt_on_inbound_disconnect.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fromState": from_state,
                "toState": to_state,
            }
        )
        if event_on_any is not UNSET:
            field_dict["Event.OnAny"] = event_on_any
        if connection_on_disconnect is not UNSET:
            field_dict["Connection.OnDisconnect"] = connection_on_disconnect
        if mqtt_on_inbound_connect is not UNSET:
            field_dict["Mqtt.OnInboundConnect"] = mqtt_on_inbound_connect
        if mqtt_on_inbound_publish is not UNSET:
            field_dict["Mqtt.OnInboundPublish"] = mqtt_on_inbound_publish
        if mqtt_on_inbound_subscribe is not UNSET:
            field_dict["Mqtt.OnInboundSubscribe"] = mqtt_on_inbound_subscribe
        if mqtt_on_inbound_disconnect is not UNSET:
            field_dict["Mqtt.OnInboundDisconnect"] = mqtt_on_inbound_disconnect

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.behavior_policy_on_event import BehaviorPolicyOnEvent

        d = dict(src_dict)
        from_state = d.pop("fromState")

        to_state = d.pop("toState")

        _event_on_any = d.pop("Event.OnAny", UNSET)
        event_on_any: BehaviorPolicyOnEvent | Unset
        if isinstance(_event_on_any, Unset):
            event_on_any = UNSET
        else:
            event_on_any = BehaviorPolicyOnEvent.from_dict(_event_on_any)

        _connection_on_disconnect = d.pop("Connection.OnDisconnect", UNSET)
        connection_on_disconnect: BehaviorPolicyOnEvent | Unset
        if isinstance(_connection_on_disconnect, Unset):
            connection_on_disconnect = UNSET
        else:
            connection_on_disconnect = BehaviorPolicyOnEvent.from_dict(
                _connection_on_disconnect
            )

        _mqtt_on_inbound_connect = d.pop("Mqtt.OnInboundConnect", UNSET)
        mqtt_on_inbound_connect: BehaviorPolicyOnEvent | Unset
        if isinstance(_mqtt_on_inbound_connect, Unset):
            mqtt_on_inbound_connect = UNSET
        else:
            mqtt_on_inbound_connect = BehaviorPolicyOnEvent.from_dict(
                _mqtt_on_inbound_connect
            )

        _mqtt_on_inbound_publish = d.pop("Mqtt.OnInboundPublish", UNSET)
        mqtt_on_inbound_publish: BehaviorPolicyOnEvent | Unset
        if isinstance(_mqtt_on_inbound_publish, Unset):
            mqtt_on_inbound_publish = UNSET
        else:
            mqtt_on_inbound_publish = BehaviorPolicyOnEvent.from_dict(
                _mqtt_on_inbound_publish
            )

        _mqtt_on_inbound_subscribe = d.pop("Mqtt.OnInboundSubscribe", UNSET)
        mqtt_on_inbound_subscribe: BehaviorPolicyOnEvent | Unset
        if isinstance(_mqtt_on_inbound_subscribe, Unset):
            mqtt_on_inbound_subscribe = UNSET
        else:
            mqtt_on_inbound_subscribe = BehaviorPolicyOnEvent.from_dict(
                _mqtt_on_inbound_subscribe
            )

        _mqtt_on_inbound_disconnect = d.pop("Mqtt.OnInboundDisconnect", UNSET)
        mqtt_on_inbound_disconnect: BehaviorPolicyOnEvent | Unset
        if isinstance(_mqtt_on_inbound_disconnect, Unset):
            mqtt_on_inbound_disconnect = UNSET
        else:
            mqtt_on_inbound_disconnect = BehaviorPolicyOnEvent.from_dict(
                _mqtt_on_inbound_disconnect
            )

        behavior_policy_on_transition = cls(
            from_state=from_state,
            to_state=to_state,
            event_on_any=event_on_any,
            connection_on_disconnect=connection_on_disconnect,
            mqtt_on_inbound_connect=mqtt_on_inbound_connect,
            mqtt_on_inbound_publish=mqtt_on_inbound_publish,
            mqtt_on_inbound_subscribe=mqtt_on_inbound_subscribe,
            mqtt_on_inbound_disconnect=mqtt_on_inbound_disconnect,
        )

        behavior_policy_on_transition.additional_properties = d
        return behavior_policy_on_transition

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

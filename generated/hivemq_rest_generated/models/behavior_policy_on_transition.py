from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.behavior_policy_on_event import BehaviorPolicyOnEvent


T = TypeVar("T", bound="BehaviorPolicyOnTransition")


@_attrs_define
class BehaviorPolicyOnTransition:
    """What runs when the model moves from one state to another (`Any.*` stands for any state), one pipeline per event.

    Attributes:
        from_state (str):
        to_state (str):
        event_on_any (BehaviorPolicyOnEvent | None):
        connection_on_disconnect (BehaviorPolicyOnEvent | None):
        mqtt_on_inbound_connect (BehaviorPolicyOnEvent | None):
        mqtt_on_inbound_publish (BehaviorPolicyOnEvent | None):
        mqtt_on_inbound_subscribe (BehaviorPolicyOnEvent | None):
        mqtt_on_inbound_disconnect (BehaviorPolicyOnEvent | None):
    """

    from_state: str
    to_state: str
    event_on_any: BehaviorPolicyOnEvent | None = None
    connection_on_disconnect: BehaviorPolicyOnEvent | None = None
    mqtt_on_inbound_connect: BehaviorPolicyOnEvent | None = None
    mqtt_on_inbound_publish: BehaviorPolicyOnEvent | None = None
    mqtt_on_inbound_subscribe: BehaviorPolicyOnEvent | None = None
    mqtt_on_inbound_disconnect: BehaviorPolicyOnEvent | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_state = self.from_state

        to_state = self.to_state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fromState": from_state,
                "toState": to_state,
            }
        )
        if self.event_on_any is not None:
            event_on_any = self.event_on_any.to_dict()
            field_dict["Event.OnAny"] = event_on_any
        if self.connection_on_disconnect is not None:
            connection_on_disconnect = self.connection_on_disconnect.to_dict()
            field_dict["Connection.OnDisconnect"] = connection_on_disconnect
        if self.mqtt_on_inbound_connect is not None:
            mqtt_on_inbound_connect = self.mqtt_on_inbound_connect.to_dict()
            field_dict["Mqtt.OnInboundConnect"] = mqtt_on_inbound_connect
        if self.mqtt_on_inbound_publish is not None:
            mqtt_on_inbound_publish = self.mqtt_on_inbound_publish.to_dict()
            field_dict["Mqtt.OnInboundPublish"] = mqtt_on_inbound_publish
        if self.mqtt_on_inbound_subscribe is not None:
            mqtt_on_inbound_subscribe = self.mqtt_on_inbound_subscribe.to_dict()
            field_dict["Mqtt.OnInboundSubscribe"] = mqtt_on_inbound_subscribe
        if self.mqtt_on_inbound_disconnect is not None:
            mqtt_on_inbound_disconnect = self.mqtt_on_inbound_disconnect.to_dict()
            field_dict["Mqtt.OnInboundDisconnect"] = mqtt_on_inbound_disconnect

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.behavior_policy_on_event import BehaviorPolicyOnEvent

        d = dict(src_dict)
        from_state = d.pop("fromState")

        to_state = d.pop("toState")

        _event_on_any = d.pop("Event.OnAny", None)
        event_on_any: BehaviorPolicyOnEvent | None = None
        if _event_on_any is not None:
            event_on_any = BehaviorPolicyOnEvent.from_dict(_event_on_any)

        _connection_on_disconnect = d.pop("Connection.OnDisconnect", None)
        connection_on_disconnect: BehaviorPolicyOnEvent | None = None
        if _connection_on_disconnect is not None:
            connection_on_disconnect = BehaviorPolicyOnEvent.from_dict(
                _connection_on_disconnect
            )

        _mqtt_on_inbound_connect = d.pop("Mqtt.OnInboundConnect", None)
        mqtt_on_inbound_connect: BehaviorPolicyOnEvent | None = None
        if _mqtt_on_inbound_connect is not None:
            mqtt_on_inbound_connect = BehaviorPolicyOnEvent.from_dict(
                _mqtt_on_inbound_connect
            )

        _mqtt_on_inbound_publish = d.pop("Mqtt.OnInboundPublish", None)
        mqtt_on_inbound_publish: BehaviorPolicyOnEvent | None = None
        if _mqtt_on_inbound_publish is not None:
            mqtt_on_inbound_publish = BehaviorPolicyOnEvent.from_dict(
                _mqtt_on_inbound_publish
            )

        _mqtt_on_inbound_subscribe = d.pop("Mqtt.OnInboundSubscribe", None)
        mqtt_on_inbound_subscribe: BehaviorPolicyOnEvent | None = None
        if _mqtt_on_inbound_subscribe is not None:
            mqtt_on_inbound_subscribe = BehaviorPolicyOnEvent.from_dict(
                _mqtt_on_inbound_subscribe
            )

        _mqtt_on_inbound_disconnect = d.pop("Mqtt.OnInboundDisconnect", None)
        mqtt_on_inbound_disconnect: BehaviorPolicyOnEvent | None = None
        if _mqtt_on_inbound_disconnect is not None:
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_subscription_qos import ClientSubscriptionQos
from ..models.client_subscription_retain_handling import (
    ClientSubscriptionRetainHandling,
)

T = TypeVar("T", bound="ClientSubscription")


@_attrs_define
class ClientSubscription:
    """
    Attributes:
        topic_filter (str):
        qos (ClientSubscriptionQos | None):
        retain_handling (ClientSubscriptionRetainHandling | None):
        retain_as_published (bool | None):
        no_local (bool | None):
        subscription_identifier (int | None):
    """

    topic_filter: str
    qos: ClientSubscriptionQos | None = None
    retain_handling: ClientSubscriptionRetainHandling | None = None
    retain_as_published: bool | None = None
    no_local: bool | None = None
    subscription_identifier: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        topic_filter = self.topic_filter

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "topicFilter": topic_filter,
            }
        )
        if self.qos is not None:
            qos = self.qos.value
            field_dict["qos"] = qos
        if self.retain_handling is not None:
            retain_handling = self.retain_handling.value
            field_dict["retainHandling"] = retain_handling
        if self.retain_as_published is not None:
            retain_as_published = self.retain_as_published
            field_dict["retainAsPublished"] = retain_as_published
        if self.no_local is not None:
            no_local = self.no_local
            field_dict["noLocal"] = no_local
        if self.subscription_identifier is not None:
            subscription_identifier: int | None
            subscription_identifier = self.subscription_identifier
            field_dict["subscriptionIdentifier"] = subscription_identifier
        elif "subscriptionIdentifier" in self._null_keys:
            field_dict["subscriptionIdentifier"] = None

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        null_keys: list[str] = []
        topic_filter = d.pop("topicFilter")

        _qos = d.pop("qos", None)
        qos: ClientSubscriptionQos | None = None
        if _qos is not None:
            qos = ClientSubscriptionQos(_qos)

        _retain_handling = d.pop("retainHandling", None)
        retain_handling: ClientSubscriptionRetainHandling | None = None
        if _retain_handling is not None:
            retain_handling = ClientSubscriptionRetainHandling(_retain_handling)

        retain_as_published = d.pop("retainAsPublished", None)

        no_local = d.pop("noLocal", None)

        _subscription_identifier = d.pop("subscriptionIdentifier", None)
        subscription_identifier: int | None = None
        if _subscription_identifier is not None:

            def _parse_subscription_identifier(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            subscription_identifier = _parse_subscription_identifier(
                _subscription_identifier
            )

        elif "subscriptionIdentifier" in src_dict:
            null_keys.append("subscriptionIdentifier")

        client_subscription = cls(
            topic_filter=topic_filter,
            qos=qos,
            retain_handling=retain_handling,
            retain_as_published=retain_as_published,
            no_local=no_local,
            subscription_identifier=subscription_identifier,
        )

        client_subscription.additional_properties = d
        if null_keys:
            client_subscription._null_keys = frozenset(null_keys)
        return client_subscription

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_subscription_qos import ClientSubscriptionQos
from ..models.client_subscription_retain_handling import (
    ClientSubscriptionRetainHandling,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientSubscription")


@_attrs_define
class ClientSubscription:
    """
    Attributes:
        topic_filter (str | Unset):
        qos (ClientSubscriptionQos | Unset):
        retain_handling (ClientSubscriptionRetainHandling | Unset):
        retain_as_published (bool | Unset):
        no_local (bool | Unset):
        subscription_identifier (int | None | Unset):
    """

    topic_filter: str | Unset = UNSET
    qos: ClientSubscriptionQos | Unset = UNSET
    retain_handling: ClientSubscriptionRetainHandling | Unset = UNSET
    retain_as_published: bool | Unset = UNSET
    no_local: bool | Unset = UNSET
    subscription_identifier: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        topic_filter = self.topic_filter

        qos: str | Unset = UNSET
        if not isinstance(self.qos, Unset):
            qos = self.qos.value

        retain_handling: str | Unset = UNSET
        if not isinstance(self.retain_handling, Unset):
            retain_handling = self.retain_handling.value

        retain_as_published = self.retain_as_published

        no_local = self.no_local

        subscription_identifier: int | None | Unset
        if isinstance(self.subscription_identifier, Unset):
            subscription_identifier = UNSET
        else:
            subscription_identifier = self.subscription_identifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if topic_filter is not UNSET:
            field_dict["topicFilter"] = topic_filter
        if qos is not UNSET:
            field_dict["qos"] = qos
        if retain_handling is not UNSET:
            field_dict["retainHandling"] = retain_handling
        if retain_as_published is not UNSET:
            field_dict["retainAsPublished"] = retain_as_published
        if no_local is not UNSET:
            field_dict["noLocal"] = no_local
        if subscription_identifier is not UNSET:
            field_dict["subscriptionIdentifier"] = subscription_identifier

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        topic_filter = d.pop("topicFilter", UNSET)

        _qos = d.pop("qos", UNSET)
        qos: ClientSubscriptionQos | Unset
        if isinstance(_qos, Unset):
            qos = UNSET
        else:
            qos = ClientSubscriptionQos(_qos)

        _retain_handling = d.pop("retainHandling", UNSET)
        retain_handling: ClientSubscriptionRetainHandling | Unset
        if isinstance(_retain_handling, Unset):
            retain_handling = UNSET
        else:
            retain_handling = ClientSubscriptionRetainHandling(_retain_handling)

        retain_as_published = d.pop("retainAsPublished", UNSET)

        no_local = d.pop("noLocal", UNSET)

        def _parse_subscription_identifier(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        subscription_identifier = _parse_subscription_identifier(
            d.pop("subscriptionIdentifier", UNSET)
        )

        client_subscription = cls(
            topic_filter=topic_filter,
            qos=qos,
            retain_handling=retain_handling,
            retain_as_published=retain_as_published,
            no_local=no_local,
            subscription_identifier=subscription_identifier,
        )

        client_subscription.additional_properties = d
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

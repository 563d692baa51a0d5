from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientRestrictions")


@_attrs_define
class ClientRestrictions:
    """
    Attributes:
        max_message_size (int | None | Unset):
        max_queue_size (int | None | Unset):
        queued_message_strategy (None | str | Unset): What happens when the queue is full, for example `DISCARD`.
    """

    max_message_size: int | None | Unset = UNSET
    max_queue_size: int | None | Unset = UNSET
    queued_message_strategy: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_message_size: int | None | Unset
        if isinstance(self.max_message_size, Unset):
            max_message_size = UNSET
        else:
            max_message_size = self.max_message_size

        max_queue_size: int | None | Unset
        if isinstance(self.max_queue_size, Unset):
            max_queue_size = UNSET
        else:
            max_queue_size = self.max_queue_size

        queued_message_strategy: None | str | Unset
        if isinstance(self.queued_message_strategy, Unset):
            queued_message_strategy = UNSET
        else:
            queued_message_strategy = self.queued_message_strategy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if max_message_size is not UNSET:
            field_dict["maxMessageSize"] = max_message_size
        if max_queue_size is not UNSET:
            field_dict["maxQueueSize"] = max_queue_size
        if queued_message_strategy is not UNSET:
            field_dict["queuedMessageStrategy"] = queued_message_strategy

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_max_message_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_message_size = _parse_max_message_size(d.pop("maxMessageSize", UNSET))

        def _parse_max_queue_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_queue_size = _parse_max_queue_size(d.pop("maxQueueSize", UNSET))

        def _parse_queued_message_strategy(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        queued_message_strategy = _parse_queued_message_strategy(
            d.pop("queuedMessageStrategy", UNSET)
        )

        client_restrictions = cls(
            max_message_size=max_message_size,
            max_queue_size=max_queue_size,
            queued_message_strategy=queued_message_strategy,
        )

        client_restrictions.additional_properties = d
        return client_restrictions

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClientRestrictions")


@_attrs_define
class ClientRestrictions:
    """
    Attributes:
        max_message_size (int | None):
        max_queue_size (int | None):
        queued_message_strategy (None | str): What happens when the queue is full, for example `DISCARD`.
    """

    max_message_size: int | None = None
    max_queue_size: int | None = None
    queued_message_strategy: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.max_message_size is not None:
            max_message_size: int | None
            max_message_size = self.max_message_size
            field_dict["maxMessageSize"] = max_message_size
        elif "maxMessageSize" in self._null_keys:
            field_dict["maxMessageSize"] = None
        if self.max_queue_size is not None:
            max_queue_size: int | None
            max_queue_size = self.max_queue_size
            field_dict["maxQueueSize"] = max_queue_size
        elif "maxQueueSize" in self._null_keys:
            field_dict["maxQueueSize"] = None
        if self.queued_message_strategy is not None:
            queued_message_strategy: None | str
            queued_message_strategy = self.queued_message_strategy
            field_dict["queuedMessageStrategy"] = queued_message_strategy
        elif "queuedMessageStrategy" in self._null_keys:
            field_dict["queuedMessageStrategy"] = None

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        null_keys: list[str] = []
        _max_message_size = d.pop("maxMessageSize", None)
        max_message_size: int | None = None
        if _max_message_size is not None:

            def _parse_max_message_size(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            max_message_size = _parse_max_message_size(_max_message_size)

        elif "maxMessageSize" in src_dict:
            null_keys.append("maxMessageSize")

        _max_queue_size = d.pop("maxQueueSize", None)
        max_queue_size: int | None = None
        if _max_queue_size is not None:

            def _parse_max_queue_size(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            max_queue_size = _parse_max_queue_size(_max_queue_size)

        elif "maxQueueSize" in src_dict:
            null_keys.append("maxQueueSize")

        _queued_message_strategy = d.pop("queuedMessageStrategy", None)
        queued_message_strategy: None | str = None
        if _queued_message_strategy is not None:

            def _parse_queued_message_strategy(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            queued_message_strategy = _parse_queued_message_strategy(
                _queued_message_strategy
            )

        elif "queuedMessageStrategy" in src_dict:
            null_keys.append("queuedMessageStrategy")

        client_restrictions = cls(
            max_message_size=max_message_size,
            max_queue_size=max_queue_size,
            queued_message_strategy=queued_message_strategy,
        )

        client_restrictions.additional_properties = d
        if null_keys:
            client_restrictions._null_keys = frozenset(null_keys)
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

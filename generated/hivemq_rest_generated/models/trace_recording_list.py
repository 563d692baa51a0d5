from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.trace_recording import TraceRecording


T = TypeVar("T", bound="TraceRecordingList")


@_attrs_define
class TraceRecordingList:
    """Every trace recording, in one answer.

    Attributes:
        items (list[TraceRecording] | None):
    """

    items: list[TraceRecording] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.items is not None:
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.trace_recording import TraceRecording

        d = dict(src_dict)
        _items = d.pop("items", None)
        items: list[TraceRecording] | None = None
        if _items is not None:
            items = []
            _items = _items
            for items_item_data in _items:
                items_item = TraceRecording.from_dict(items_item_data)

                items.append(items_item)

        trace_recording_list = cls(
            items=items,
        )

        trace_recording_list.additional_properties = d
        return trace_recording_list

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

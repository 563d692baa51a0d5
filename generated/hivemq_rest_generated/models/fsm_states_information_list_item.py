from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fsm_state_information_item import FsmStateInformationItem


T = TypeVar("T", bound="FsmStatesInformationListItem")


@_attrs_define
class FsmStatesInformationListItem:
    """A client's states, one per behavior policy that applies to it.

    Attributes:
        items (list[FsmStateInformationItem] | None):
    """

    items: list[FsmStateInformationItem] | None = None
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
        from ..models.fsm_state_information_item import FsmStateInformationItem

        d = dict(src_dict)
        _items = d.pop("items", None)
        items: list[FsmStateInformationItem] | None = None
        if _items is not None:
            items = []
            _items = _items
            for items_item_data in _items:
                items_item = FsmStateInformationItem.from_dict(items_item_data)

                items.append(items_item)

        fsm_states_information_list_item = cls(
            items=items,
        )

        fsm_states_information_list_item.additional_properties = d
        return fsm_states_information_list_item

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

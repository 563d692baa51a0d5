from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pagination_cursor import PaginationCursor
    from ..models.partial_schema import PartialSchema


T = TypeVar("T", bound="SchemaList")


@_attrs_define
class SchemaList:
    """One page of schema versions. Addition: the items are PartialSchema, since `fields` can leave properties out.

    Attributes:
        items (list[PartialSchema] | Unset):
        links (None | PaginationCursor | Unset): Where the next page is. `next` is a relative URL that holds the next
            cursor, percent-encoded; it is absent on the last page.
    """

    items: list[PartialSchema] | Unset = UNSET
    links: None | PaginationCursor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pagination_cursor import PaginationCursor

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        links: dict[str, Any] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, PaginationCursor):
            links = self.links.to_dict()
        else:
            links = self.links

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if links is not UNSET:
            field_dict["_links"] = links

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pagination_cursor import PaginationCursor
        from ..models.partial_schema import PartialSchema

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[PartialSchema] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = PartialSchema.from_dict(items_item_data)

                items.append(items_item)

        def _parse_links(data: object) -> None | PaginationCursor | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_pagination_cursor_type_0 = PaginationCursor.from_dict(
                    data
                )

                return componentsschemas_pagination_cursor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaginationCursor | Unset, data)

        links = _parse_links(d.pop("_links", UNSET))

        schema_list = cls(
            items=items,
            links=links,
        )

        schema_list.additional_properties = d
        return schema_list

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

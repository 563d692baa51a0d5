from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pagination_cursor import PaginationCursor
    from ..models.partial_script import PartialScript


T = TypeVar("T", bound="ScriptList")


@_attrs_define
class ScriptList:
    """One page of script versions. Addition: the items are PartialScript, since `fields` can leave properties out.

    Attributes:
        items (list[PartialScript] | None):
        links (None | PaginationCursor): Where the next page is. `next` is a relative URL that holds the next cursor,
            percent-encoded; it is absent on the last page.
    """

    items: list[PartialScript] | None = None
    links: None | PaginationCursor = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.pagination_cursor import PaginationCursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.items is not None:
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

            field_dict["items"] = items
        if self.links is not None:
            links: dict[str, Any] | None
            if isinstance(self.links, PaginationCursor):
                links = self.links.to_dict()
            else:
                links = self.links
            field_dict["_links"] = links
        elif "_links" in self._null_keys:
            field_dict["_links"] = None

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pagination_cursor import PaginationCursor
        from ..models.partial_script import PartialScript

        d = dict(src_dict)
        null_keys: list[str] = []
        _items = d.pop("items", None)
        items: list[PartialScript] | None = None
        if _items is not None:
            items = []
            _items = _items
            for items_item_data in _items:
                items_item = PartialScript.from_dict(items_item_data)

                items.append(items_item)

        _links = d.pop("_links", None)
        links: None | PaginationCursor = None
        if _links is not None:

            def _parse_links(data: object) -> None | PaginationCursor:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_pagination_cursor_type_0 = (
                        PaginationCursor.from_dict(data)
                    )

                    return componentsschemas_pagination_cursor_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | PaginationCursor, data)

            links = _parse_links(_links)

        elif "_links" in src_dict:
            null_keys.append("_links")

        script_list = cls(
            items=items,
            links=links,
        )

        script_list.additional_properties = d
        if null_keys:
            script_list._null_keys = frozenset(null_keys)
        return script_list

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.client_details import ClientDetails


T = TypeVar("T", bound="ClientItem")


@_attrs_define
class ClientItem:
    """
    Attributes:
        client (ClientDetails | None): A client's session and, when connected, its connection.
    """

    client: ClientDetails | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.client is not None:
            client = self.client.to_dict()
            field_dict["client"] = client

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.client_details import ClientDetails

        d = dict(src_dict)
        _client = d.pop("client", None)
        client: ClientDetails | None = None
        if _client is not None:
            client = ClientDetails.from_dict(_client)

        client_item = cls(
            client=client,
        )

        client_item.additional_properties = d
        return client_item

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

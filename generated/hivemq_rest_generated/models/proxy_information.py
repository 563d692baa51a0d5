from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tlv import TLV


T = TypeVar("T", bound="ProxyInformation")


@_attrs_define
class ProxyInformation:
    """What the PROXY protocol told the listener.

    Attributes:
        source_ip (str | None):
        source_port (int | None):
        destination_ip (str | None):
        destination_port (int | None):
        tlvs (list[None | TLV] | None):
    """

    source_ip: str | None = None
    source_port: int | None = None
    destination_ip: str | None = None
    destination_port: int | None = None
    tlvs: list[None | TLV] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.tlv import TLV

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.source_ip is not None:
            source_ip = self.source_ip
            field_dict["sourceIp"] = source_ip
        if self.source_port is not None:
            source_port = self.source_port
            field_dict["sourcePort"] = source_port
        if self.destination_ip is not None:
            destination_ip = self.destination_ip
            field_dict["destinationIp"] = destination_ip
        if self.destination_port is not None:
            destination_port = self.destination_port
            field_dict["destinationPort"] = destination_port
        if self.tlvs is not None:
            tlvs: list[dict[str, Any] | None] | None
            if isinstance(self.tlvs, list):
                tlvs = []
                for tlvs_type_0_item_data in self.tlvs:
                    tlvs_type_0_item: dict[str, Any] | None
                    if isinstance(tlvs_type_0_item_data, TLV):
                        tlvs_type_0_item = tlvs_type_0_item_data.to_dict()
                    else:
                        tlvs_type_0_item = tlvs_type_0_item_data
                    tlvs.append(tlvs_type_0_item)

            else:
                tlvs = self.tlvs
            field_dict["tlvs"] = tlvs
        elif "tlvs" in self._null_keys:
            field_dict["tlvs"] = None

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tlv import TLV

        d = dict(src_dict)
        null_keys: list[str] = []
        source_ip = d.pop("sourceIp", None)

        source_port = d.pop("sourcePort", None)

        destination_ip = d.pop("destinationIp", None)

        destination_port = d.pop("destinationPort", None)

        _tlvs = d.pop("tlvs", None)
        tlvs: list[None | TLV] | None = None
        if _tlvs is not None:

            def _parse_tlvs(data: object) -> list[None | TLV] | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    tlvs_type_0 = []
                    _tlvs_type_0 = data
                    for tlvs_type_0_item_data in _tlvs_type_0:

                        def _parse_tlvs_type_0_item(data: object) -> None | TLV:
                            if data is None:
                                return data
                            try:
                                if not isinstance(data, dict):
                                    raise TypeError()
                                componentsschemas_tlv_type_0 = TLV.from_dict(data)

                                return componentsschemas_tlv_type_0
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            return cast(None | TLV, data)

                        tlvs_type_0_item = _parse_tlvs_type_0_item(
                            tlvs_type_0_item_data
                        )

                        tlvs_type_0.append(tlvs_type_0_item)

                    return tlvs_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[None | TLV] | None, data)

            tlvs = _parse_tlvs(_tlvs)

        elif "tlvs" in src_dict:
            null_keys.append("tlvs")

        proxy_information = cls(
            source_ip=source_ip,
            source_port=source_port,
            destination_ip=destination_ip,
            destination_port=destination_port,
            tlvs=tlvs,
        )

        proxy_information.additional_properties = d
        if null_keys:
            proxy_information._null_keys = frozenset(null_keys)
        return proxy_information

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tlv import TLV


T = TypeVar("T", bound="ProxyInformation")


@_attrs_define
class ProxyInformation:
    """What the PROXY protocol told the listener.

    Attributes:
        source_ip (str | Unset):
        source_port (int | Unset):
        destination_ip (str | Unset):
        destination_port (int | Unset):
        tlvs (list[None | TLV] | None | Unset):
    """

    source_ip: str | Unset = UNSET
    source_port: int | Unset = UNSET
    destination_ip: str | Unset = UNSET
    destination_port: int | Unset = UNSET
    tlvs: list[None | TLV] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tlv import TLV

        source_ip = self.source_ip

        source_port = self.source_port

        destination_ip = self.destination_ip

        destination_port = self.destination_port

        tlvs: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.tlvs, Unset):
            tlvs = UNSET
        elif isinstance(self.tlvs, list):
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source_ip is not UNSET:
            field_dict["sourceIp"] = source_ip
        if source_port is not UNSET:
            field_dict["sourcePort"] = source_port
        if destination_ip is not UNSET:
            field_dict["destinationIp"] = destination_ip
        if destination_port is not UNSET:
            field_dict["destinationPort"] = destination_port
        if tlvs is not UNSET:
            field_dict["tlvs"] = tlvs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tlv import TLV

        d = dict(src_dict)
        source_ip = d.pop("sourceIp", UNSET)

        source_port = d.pop("sourcePort", UNSET)

        destination_ip = d.pop("destinationIp", UNSET)

        destination_port = d.pop("destinationPort", UNSET)

        def _parse_tlvs(data: object) -> list[None | TLV] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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

                    tlvs_type_0_item = _parse_tlvs_type_0_item(tlvs_type_0_item_data)

                    tlvs_type_0.append(tlvs_type_0_item)

                return tlvs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[None | TLV] | None | Unset, data)

        tlvs = _parse_tlvs(d.pop("tlvs", UNSET))

        proxy_information = cls(
            source_ip=source_ip,
            source_port=source_port,
            destination_ip=destination_ip,
            destination_port=destination_port,
            tlvs=tlvs,
        )

        proxy_information.additional_properties = d
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

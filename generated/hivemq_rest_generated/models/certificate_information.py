from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CertificateInformation")


@_attrs_define
class CertificateInformation:
    """
    Attributes:
        common_name (None | str):
        organization (None | str):
        organizational_unit (None | str):
        serial (None | str):
        country (None | str):
        state (None | str):
        version (None | str):
        valid_from (datetime.datetime | None):
        valid_until (datetime.datetime | None):
    """

    common_name: None | str = None
    organization: None | str = None
    organizational_unit: None | str = None
    serial: None | str = None
    country: None | str = None
    state: None | str = None
    version: None | str = None
    valid_from: datetime.datetime | None = None
    valid_until: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.common_name is not None:
            common_name: None | str
            common_name = self.common_name
            field_dict["commonName"] = common_name
        elif "commonName" in self._null_keys:
            field_dict["commonName"] = None
        if self.organization is not None:
            organization: None | str
            organization = self.organization
            field_dict["organization"] = organization
        elif "organization" in self._null_keys:
            field_dict["organization"] = None
        if self.organizational_unit is not None:
            organizational_unit: None | str
            organizational_unit = self.organizational_unit
            field_dict["organizationalUnit"] = organizational_unit
        elif "organizationalUnit" in self._null_keys:
            field_dict["organizationalUnit"] = None
        if self.serial is not None:
            serial: None | str
            serial = self.serial
            field_dict["serial"] = serial
        elif "serial" in self._null_keys:
            field_dict["serial"] = None
        if self.country is not None:
            country: None | str
            country = self.country
            field_dict["country"] = country
        elif "country" in self._null_keys:
            field_dict["country"] = None
        if self.state is not None:
            state: None | str
            state = self.state
            field_dict["state"] = state
        elif "state" in self._null_keys:
            field_dict["state"] = None
        if self.version is not None:
            version: None | str
            version = self.version
            field_dict["version"] = version
        elif "version" in self._null_keys:
            field_dict["version"] = None
        if self.valid_from is not None:
            from ..types import format_datetime

            valid_from = format_datetime(self.valid_from)
            field_dict["validFrom"] = valid_from
        if self.valid_until is not None:
            from ..types import format_datetime

            valid_until = format_datetime(self.valid_until)
            field_dict["validUntil"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        null_keys: list[str] = []
        _common_name = d.pop("commonName", None)
        common_name: None | str = None
        if _common_name is not None:

            def _parse_common_name(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            common_name = _parse_common_name(_common_name)

        elif "commonName" in src_dict:
            null_keys.append("commonName")

        _organization = d.pop("organization", None)
        organization: None | str = None
        if _organization is not None:

            def _parse_organization(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            organization = _parse_organization(_organization)

        elif "organization" in src_dict:
            null_keys.append("organization")

        _organizational_unit = d.pop("organizationalUnit", None)
        organizational_unit: None | str = None
        if _organizational_unit is not None:

            def _parse_organizational_unit(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            organizational_unit = _parse_organizational_unit(_organizational_unit)

        elif "organizationalUnit" in src_dict:
            null_keys.append("organizationalUnit")

        _serial = d.pop("serial", None)
        serial: None | str = None
        if _serial is not None:

            def _parse_serial(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            serial = _parse_serial(_serial)

        elif "serial" in src_dict:
            null_keys.append("serial")

        _country = d.pop("country", None)
        country: None | str = None
        if _country is not None:

            def _parse_country(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            country = _parse_country(_country)

        elif "country" in src_dict:
            null_keys.append("country")

        _state = d.pop("state", None)
        state: None | str = None
        if _state is not None:

            def _parse_state(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            state = _parse_state(_state)

        elif "state" in src_dict:
            null_keys.append("state")

        _version = d.pop("version", None)
        version: None | str = None
        if _version is not None:

            def _parse_version(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            version = _parse_version(_version)

        elif "version" in src_dict:
            null_keys.append("version")

        _valid_from = d.pop("validFrom", None)
        valid_from: datetime.datetime | None = None
        if _valid_from is not None:
            valid_from = datetime.datetime.fromisoformat(_valid_from)

        _valid_until = d.pop("validUntil", None)
        valid_until: datetime.datetime | None = None
        if _valid_until is not None:
            valid_until = datetime.datetime.fromisoformat(_valid_until)

        certificate_information = cls(
            common_name=common_name,
            organization=organization,
            organizational_unit=organizational_unit,
            serial=serial,
            country=country,
            state=state,
            version=version,
            valid_from=valid_from,
            valid_until=valid_until,
        )

        certificate_information.additional_properties = d
        if null_keys:
            certificate_information._null_keys = frozenset(null_keys)
        return certificate_information

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

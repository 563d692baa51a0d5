from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.certificate_information import CertificateInformation


T = TypeVar("T", bound="TlsInformation")


@_attrs_define
class TlsInformation:
    """
    Attributes:
        tls_version (str | Unset):
        cipher_suite (str | Unset):
        certificate_information (CertificateInformation | None | Unset):
    """

    tls_version: str | Unset = UNSET
    cipher_suite: str | Unset = UNSET
    certificate_information: CertificateInformation | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.certificate_information import CertificateInformation

        tls_version = self.tls_version

        cipher_suite = self.cipher_suite

        certificate_information: dict[str, Any] | None | Unset
        if isinstance(self.certificate_information, Unset):
            certificate_information = UNSET
        elif isinstance(self.certificate_information, CertificateInformation):
            certificate_information = self.certificate_information.to_dict()
        else:
            certificate_information = self.certificate_information

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tls_version is not UNSET:
            field_dict["tlsVersion"] = tls_version
        if cipher_suite is not UNSET:
            field_dict["cipherSuite"] = cipher_suite
        if certificate_information is not UNSET:
            field_dict["certificateInformation"] = certificate_information

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.certificate_information import CertificateInformation

        d = dict(src_dict)
        tls_version = d.pop("tlsVersion", UNSET)

        cipher_suite = d.pop("cipherSuite", UNSET)

        def _parse_certificate_information(
            data: object,
        ) -> CertificateInformation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_certificate_information_type_0 = (
                    CertificateInformation.from_dict(data)
                )

                return componentsschemas_certificate_information_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CertificateInformation | None | Unset, data)

        certificate_information = _parse_certificate_information(
            d.pop("certificateInformation", UNSET)
        )

        tls_information = cls(
            tls_version=tls_version,
            cipher_suite=cipher_suite,
            certificate_information=certificate_information,
        )

        tls_information.additional_properties = d
        return tls_information

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

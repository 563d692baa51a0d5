from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.certificate_information import CertificateInformation


T = TypeVar("T", bound="TlsInformation")


@_attrs_define
class TlsInformation:
    """
    Attributes:
        tls_version (str | None):
        cipher_suite (str | None):
        certificate_information (CertificateInformation | None):
    """

    tls_version: str | None = None
    cipher_suite: str | None = None
    certificate_information: CertificateInformation | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.certificate_information import CertificateInformation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.tls_version is not None:
            tls_version = self.tls_version
            field_dict["tlsVersion"] = tls_version
        if self.cipher_suite is not None:
            cipher_suite = self.cipher_suite
            field_dict["cipherSuite"] = cipher_suite
        if self.certificate_information is not None:
            certificate_information: dict[str, Any] | None
            if isinstance(self.certificate_information, CertificateInformation):
                certificate_information = self.certificate_information.to_dict()
            else:
                certificate_information = self.certificate_information
            field_dict["certificateInformation"] = certificate_information
        elif "certificateInformation" in self._null_keys:
            field_dict["certificateInformation"] = None

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.certificate_information import CertificateInformation

        d = dict(src_dict)
        null_keys: list[str] = []
        tls_version = d.pop("tlsVersion", None)

        cipher_suite = d.pop("cipherSuite", None)

        _certificate_information = d.pop("certificateInformation", None)
        certificate_information: CertificateInformation | None = None
        if _certificate_information is not None:

            def _parse_certificate_information(
                data: object,
            ) -> CertificateInformation | None:
                if data is None:
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
                return cast(CertificateInformation | None, data)

            certificate_information = _parse_certificate_information(
                _certificate_information
            )

        elif "certificateInformation" in src_dict:
            null_keys.append("certificateInformation")

        tls_information = cls(
            tls_version=tls_version,
            cipher_suite=cipher_suite,
            certificate_information=certificate_information,
        )

        tls_information.additional_properties = d
        if null_keys:
            tls_information._null_keys = frozenset(null_keys)
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

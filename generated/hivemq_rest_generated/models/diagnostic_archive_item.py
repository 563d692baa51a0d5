from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.diagnostic_archive import DiagnosticArchive


T = TypeVar("T", bound="DiagnosticArchiveItem")


@_attrs_define
class DiagnosticArchiveItem:
    """
    Attributes:
        diagnostic_archive (DiagnosticArchive | None): A diagnostic archive being collected on the broker.
    """

    diagnostic_archive: DiagnosticArchive | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.diagnostic_archive is not None:
            diagnostic_archive = self.diagnostic_archive.to_dict()
            field_dict["diagnosticArchive"] = diagnostic_archive

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.diagnostic_archive import DiagnosticArchive

        d = dict(src_dict)
        _diagnostic_archive = d.pop("diagnosticArchive", None)
        diagnostic_archive: DiagnosticArchive | None = None
        if _diagnostic_archive is not None:
            diagnostic_archive = DiagnosticArchive.from_dict(_diagnostic_archive)

        diagnostic_archive_item = cls(
            diagnostic_archive=diagnostic_archive,
        )

        diagnostic_archive_item.additional_properties = d
        return diagnostic_archive_item

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.backup import Backup


T = TypeVar("T", bound="BackupItem")


@_attrs_define
class BackupItem:
    """
    Attributes:
        backup (Backup | None): A backup of the cluster's persistent data, and where it stands.
    """

    backup: Backup | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.backup is not None:
            backup = self.backup.to_dict()
            field_dict["backup"] = backup

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.backup import Backup

        d = dict(src_dict)
        _backup = d.pop("backup", None)
        backup: Backup | None = None
        if _backup is not None:
            backup = Backup.from_dict(_backup)

        backup_item = cls(
            backup=backup,
        )

        backup_item.additional_properties = d
        return backup_item

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

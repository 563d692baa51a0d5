from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backup_state import BackupState

T = TypeVar("T", bound="Backup")


@_attrs_define
class Backup:
    """A backup of the cluster's persistent data, and where it stands.

    Attributes:
        id (str):
        created_at (datetime.datetime | None):
        state (BackupState | None):
        bytes_ (int | None): The file's size, once known.
        fail_reason (None | str): Why the backup or restore failed.
    """

    id: str
    created_at: datetime.datetime | None = None
    state: BackupState | None = None
    bytes_: int | None = None
    fail_reason: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if self.created_at is not None:
            from ..types import format_datetime

            created_at = format_datetime(self.created_at)
            field_dict["createdAt"] = created_at
        if self.state is not None:
            state = self.state.value
            field_dict["state"] = state
        if self.bytes_ is not None:
            bytes_: int | None
            bytes_ = self.bytes_
            field_dict["bytes"] = bytes_
        elif "bytes" in self._null_keys:
            field_dict["bytes"] = None
        if self.fail_reason is not None:
            fail_reason: None | str
            fail_reason = self.fail_reason
            field_dict["failReason"] = fail_reason
        elif "failReason" in self._null_keys:
            field_dict["failReason"] = None

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        null_keys: list[str] = []
        id = d.pop("id")

        _created_at = d.pop("createdAt", None)
        created_at: datetime.datetime | None = None
        if _created_at is not None:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _state = d.pop("state", None)
        state: BackupState | None = None
        if _state is not None:
            state = BackupState(_state)

        _bytes_ = d.pop("bytes", None)
        bytes_: int | None = None
        if _bytes_ is not None:

            def _parse_bytes_(data: object) -> int | None:
                if data is None:
                    return data
                return cast(int | None, data)

            bytes_ = _parse_bytes_(_bytes_)

        elif "bytes" in src_dict:
            null_keys.append("bytes")

        _fail_reason = d.pop("failReason", None)
        fail_reason: None | str = None
        if _fail_reason is not None:

            def _parse_fail_reason(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            fail_reason = _parse_fail_reason(_fail_reason)

        elif "failReason" in src_dict:
            null_keys.append("failReason")

        backup = cls(
            id=id,
            created_at=created_at,
            state=state,
            bytes_=bytes_,
            fail_reason=fail_reason,
        )

        backup.additional_properties = d
        if null_keys:
            backup._null_keys = frozenset(null_keys)
        return backup

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

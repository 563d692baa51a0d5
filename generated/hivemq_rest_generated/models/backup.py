from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backup_state import BackupState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Backup")


@_attrs_define
class Backup:
    """A backup of the cluster's persistent data, and where it stands.

    Attributes:
        id (str | Unset):
        created_at (datetime.datetime | Unset):
        state (BackupState | Unset):
        bytes_ (int | None | Unset): The file's size, once known.
        fail_reason (None | str | Unset): Why the backup or restore failed.
    """

    id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    state: BackupState | Unset = UNSET
    bytes_: int | None | Unset = UNSET
    fail_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            from ..types import format_datetime

            created_at = format_datetime(self.created_at)

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        bytes_: int | None | Unset
        if isinstance(self.bytes_, Unset):
            bytes_ = UNSET
        else:
            bytes_ = self.bytes_

        fail_reason: None | str | Unset
        if isinstance(self.fail_reason, Unset):
            fail_reason = UNSET
        else:
            fail_reason = self.fail_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if state is not UNSET:
            field_dict["state"] = state
        if bytes_ is not UNSET:
            field_dict["bytes"] = bytes_
        if fail_reason is not UNSET:
            field_dict["failReason"] = fail_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _state = d.pop("state", UNSET)
        state: BackupState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = BackupState(_state)

        def _parse_bytes_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bytes_ = _parse_bytes_(d.pop("bytes", UNSET))

        def _parse_fail_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fail_reason = _parse_fail_reason(d.pop("failReason", UNSET))

        backup = cls(
            id=id,
            created_at=created_at,
            state=state,
            bytes_=bytes_,
            fail_reason=fail_reason,
        )

        backup.additional_properties = d
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

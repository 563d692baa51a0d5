from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.data_policy_action import DataPolicyAction
    from ..models.data_policy_matching import DataPolicyMatching
    from ..models.data_policy_validation import DataPolicyValidation


T = TypeVar("T", bound="PartialDataPolicy")


@_attrs_define
class PartialDataPolicy:
    """Addition: a data policy as the get and list operations answer it, with the properties of DataPolicy and none of them
    required, since `fields` can leave any of them out.

        Attributes:
            id (str | Unset): The policy's id, unique among data policies.
            created_at (datetime.datetime | Unset): When the policy was created (set by the broker).
            last_updated_at (datetime.datetime | Unset): When the policy was last changed (set by the broker).
            matching (DataPolicyMatching | Unset): The messages a data policy applies to.
            validation (DataPolicyValidation | Unset): How messages are validated. Without validators, validation always
                succeeds.
            on_success (DataPolicyAction | Unset): What the broker does with a message, as a pipeline of operations.
            on_failure (DataPolicyAction | Unset): What the broker does with a message, as a pipeline of operations.
    """

    id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    last_updated_at: datetime.datetime | Unset = UNSET
    matching: DataPolicyMatching | Unset = UNSET
    validation: DataPolicyValidation | Unset = UNSET
    on_success: DataPolicyAction | Unset = UNSET
    on_failure: DataPolicyAction | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            from ..types import format_datetime

            created_at = format_datetime(self.created_at)

        last_updated_at: str | Unset = UNSET
        if not isinstance(self.last_updated_at, Unset):
            from ..types import format_datetime

            last_updated_at = format_datetime(self.last_updated_at)

        matching: dict[str, Any] | Unset = UNSET
        if not isinstance(self.matching, Unset):
            matching = self.matching.to_dict()

        validation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.validation, Unset):
            validation = self.validation.to_dict()

        on_success: dict[str, Any] | Unset = UNSET
        if not isinstance(self.on_success, Unset):
            on_success = self.on_success.to_dict()

        on_failure: dict[str, Any] | Unset = UNSET
        if not isinstance(self.on_failure, Unset):
            on_failure = self.on_failure.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at
        if matching is not UNSET:
            field_dict["matching"] = matching
        if validation is not UNSET:
            field_dict["validation"] = validation
        if on_success is not UNSET:
            field_dict["onSuccess"] = on_success
        if on_failure is not UNSET:
            field_dict["onFailure"] = on_failure

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_policy_action import DataPolicyAction
        from ..models.data_policy_matching import DataPolicyMatching
        from ..models.data_policy_validation import DataPolicyValidation

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _last_updated_at = d.pop("lastUpdatedAt", UNSET)
        last_updated_at: datetime.datetime | Unset
        if isinstance(_last_updated_at, Unset):
            last_updated_at = UNSET
        else:
            last_updated_at = datetime.datetime.fromisoformat(_last_updated_at)

        _matching = d.pop("matching", UNSET)
        matching: DataPolicyMatching | Unset
        if isinstance(_matching, Unset):
            matching = UNSET
        else:
            matching = DataPolicyMatching.from_dict(_matching)

        _validation = d.pop("validation", UNSET)
        validation: DataPolicyValidation | Unset
        if isinstance(_validation, Unset):
            validation = UNSET
        else:
            validation = DataPolicyValidation.from_dict(_validation)

        _on_success = d.pop("onSuccess", UNSET)
        on_success: DataPolicyAction | Unset
        if isinstance(_on_success, Unset):
            on_success = UNSET
        else:
            on_success = DataPolicyAction.from_dict(_on_success)

        _on_failure = d.pop("onFailure", UNSET)
        on_failure: DataPolicyAction | Unset
        if isinstance(_on_failure, Unset):
            on_failure = UNSET
        else:
            on_failure = DataPolicyAction.from_dict(_on_failure)

        partial_data_policy = cls(
            id=id,
            created_at=created_at,
            last_updated_at=last_updated_at,
            matching=matching,
            validation=validation,
            on_success=on_success,
            on_failure=on_failure,
        )

        partial_data_policy.additional_properties = d
        return partial_data_policy

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
            id (str | None): The policy's id, unique among data policies.
            created_at (datetime.datetime | None): When the policy was created (set by the broker).
            last_updated_at (datetime.datetime | None): When the policy was last changed (set by the broker).
            matching (DataPolicyMatching | None): The messages a data policy applies to.
            validation (DataPolicyValidation | None): How messages are validated. Without validators, validation always
                succeeds.
            on_success (DataPolicyAction | None): What the broker does with a message, as a pipeline of operations.
            on_failure (DataPolicyAction | None): What the broker does with a message, as a pipeline of operations.
    """

    id: str | None = None
    created_at: datetime.datetime | None = None
    last_updated_at: datetime.datetime | None = None
    matching: DataPolicyMatching | None = None
    validation: DataPolicyValidation | None = None
    on_success: DataPolicyAction | None = None
    on_failure: DataPolicyAction | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not None:
            id = self.id
            field_dict["id"] = id
        if self.created_at is not None:
            from ..types import format_datetime

            created_at = format_datetime(self.created_at)
            field_dict["createdAt"] = created_at
        if self.last_updated_at is not None:
            from ..types import format_datetime

            last_updated_at = format_datetime(self.last_updated_at)
            field_dict["lastUpdatedAt"] = last_updated_at
        if self.matching is not None:
            matching = self.matching.to_dict()
            field_dict["matching"] = matching
        if self.validation is not None:
            validation = self.validation.to_dict()
            field_dict["validation"] = validation
        if self.on_success is not None:
            on_success = self.on_success.to_dict()
            field_dict["onSuccess"] = on_success
        if self.on_failure is not None:
            on_failure = self.on_failure.to_dict()
            field_dict["onFailure"] = on_failure

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.data_policy_action import DataPolicyAction
        from ..models.data_policy_matching import DataPolicyMatching
        from ..models.data_policy_validation import DataPolicyValidation

        d = dict(src_dict)
        id = d.pop("id", None)

        _created_at = d.pop("createdAt", None)
        created_at: datetime.datetime | None = None
        if _created_at is not None:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _last_updated_at = d.pop("lastUpdatedAt", None)
        last_updated_at: datetime.datetime | None = None
        if _last_updated_at is not None:
            last_updated_at = datetime.datetime.fromisoformat(_last_updated_at)

        _matching = d.pop("matching", None)
        matching: DataPolicyMatching | None = None
        if _matching is not None:
            matching = DataPolicyMatching.from_dict(_matching)

        _validation = d.pop("validation", None)
        validation: DataPolicyValidation | None = None
        if _validation is not None:
            validation = DataPolicyValidation.from_dict(_validation)

        _on_success = d.pop("onSuccess", None)
        on_success: DataPolicyAction | None = None
        if _on_success is not None:
            on_success = DataPolicyAction.from_dict(_on_success)

        _on_failure = d.pop("onFailure", None)
        on_failure: DataPolicyAction | None = None
        if _on_failure is not None:
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

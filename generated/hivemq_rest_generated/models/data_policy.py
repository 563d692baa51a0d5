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


T = TypeVar("T", bound="DataPolicy")


@_attrs_define
class DataPolicy:
    """A data policy: which topics it watches, how it validates their messages, and what happens when validation succeeds
    or fails.

        Attributes:
            id (str): The policy's id, unique among data policies.
            matching (DataPolicyMatching): The messages a data policy applies to.
            created_at (datetime.datetime | None): When the policy was created (set by the broker).
            last_updated_at (datetime.datetime | None): When the policy was last changed (set by the broker).
            validation (DataPolicyValidation | None): How messages are validated. Without validators, validation always
                succeeds.
            on_success (DataPolicyAction | None): What the broker does with a message, as a pipeline of operations.
            on_failure (DataPolicyAction | None): What the broker does with a message, as a pipeline of operations.
    """

    id: str
    matching: DataPolicyMatching
    created_at: datetime.datetime | None = None
    last_updated_at: datetime.datetime | None = None
    validation: DataPolicyValidation | None = None
    on_success: DataPolicyAction | None = None
    on_failure: DataPolicyAction | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        matching = self.matching.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "matching": matching,
            }
        )
        if self.created_at is not None:
            from ..types import format_datetime

            created_at = format_datetime(self.created_at)
            field_dict["createdAt"] = created_at
        if self.last_updated_at is not None:
            from ..types import format_datetime

            last_updated_at = format_datetime(self.last_updated_at)
            field_dict["lastUpdatedAt"] = last_updated_at
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
        id = d.pop("id")

        matching = DataPolicyMatching.from_dict(d.pop("matching"))

        _created_at = d.pop("createdAt", None)
        created_at: datetime.datetime | None = None
        if _created_at is not None:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _last_updated_at = d.pop("lastUpdatedAt", None)
        last_updated_at: datetime.datetime | None = None
        if _last_updated_at is not None:
            last_updated_at = datetime.datetime.fromisoformat(_last_updated_at)

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

        data_policy = cls(
            id=id,
            matching=matching,
            created_at=created_at,
            last_updated_at=last_updated_at,
            validation=validation,
            on_success=on_success,
            on_failure=on_failure,
        )

        data_policy.additional_properties = d
        return data_policy

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

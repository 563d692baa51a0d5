from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fsm_state_information_item_variables import (
        FsmStateInformationItemVariables,
    )


T = TypeVar("T", bound="FsmStateInformationItem")


@_attrs_define
class FsmStateInformationItem:
    """Where one behavior policy's model stands for the client.

    Attributes:
        policy_id (str | None):
        behavior_id (str | None):
        state_type (str | None): One of `INITIAL`, `INTERMEDIATE`, `SUCCESS` and `FAILED`.
        state_name (str | None):
        arguments (Any | None): Any JSON value.
        variables (FsmStateInformationItemVariables | None): The model's variables, as text.
        first_set_at (str | None): When the client entered this state.
    """

    policy_id: str | None = None
    behavior_id: str | None = None
    state_type: str | None = None
    state_name: str | None = None
    arguments: Any | None = None
    variables: FsmStateInformationItemVariables | None = None
    first_set_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _null_keys: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.policy_id is not None:
            policy_id = self.policy_id
            field_dict["policyId"] = policy_id
        if self.behavior_id is not None:
            behavior_id = self.behavior_id
            field_dict["behaviorId"] = behavior_id
        if self.state_type is not None:
            state_type = self.state_type
            field_dict["stateType"] = state_type
        if self.state_name is not None:
            state_name = self.state_name
            field_dict["stateName"] = state_name
        if self.arguments is not None:
            arguments = self.arguments
            field_dict["arguments"] = arguments
        elif "arguments" in self._null_keys:
            field_dict["arguments"] = None
        if self.variables is not None:
            variables = self.variables.to_dict()
            field_dict["variables"] = variables
        if self.first_set_at is not None:
            first_set_at = self.first_set_at
            field_dict["firstSetAt"] = first_set_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.fsm_state_information_item_variables import (
            FsmStateInformationItemVariables,
        )

        d = dict(src_dict)
        null_keys: list[str] = []
        policy_id = d.pop("policyId", None)

        behavior_id = d.pop("behaviorId", None)

        state_type = d.pop("stateType", None)

        state_name = d.pop("stateName", None)

        arguments = d.pop("arguments", None)
        if arguments is None and "arguments" in src_dict:
            null_keys.append("arguments")

        _variables = d.pop("variables", None)
        variables: FsmStateInformationItemVariables | None = None
        if _variables is not None:
            variables = FsmStateInformationItemVariables.from_dict(_variables)

        first_set_at = d.pop("firstSetAt", None)

        fsm_state_information_item = cls(
            policy_id=policy_id,
            behavior_id=behavior_id,
            state_type=state_type,
            state_name=state_name,
            arguments=arguments,
            variables=variables,
            first_set_at=first_set_at,
        )

        fsm_state_information_item.additional_properties = d
        if null_keys:
            fsm_state_information_item._null_keys = frozenset(null_keys)
        return fsm_state_information_item

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

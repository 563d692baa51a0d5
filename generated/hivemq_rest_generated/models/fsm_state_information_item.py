from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fsm_state_information_item_variables import (
        FsmStateInformationItemVariables,
    )


T = TypeVar("T", bound="FsmStateInformationItem")


@_attrs_define
class FsmStateInformationItem:
    """Where one behavior policy's model stands for the client.

    Attributes:
        policy_id (str | Unset):
        behavior_id (str | Unset):
        state_type (str | Unset): One of `INITIAL`, `INTERMEDIATE`, `SUCCESS` and `FAILED`.
        state_name (str | Unset):
        arguments (Any | Unset): Any JSON value.
        variables (FsmStateInformationItemVariables | Unset): The model's variables, as text.
        first_set_at (str | Unset): When the client entered this state.
    """

    policy_id: str | Unset = UNSET
    behavior_id: str | Unset = UNSET
    state_type: str | Unset = UNSET
    state_name: str | Unset = UNSET
    arguments: Any | Unset = UNSET
    variables: FsmStateInformationItemVariables | Unset = UNSET
    first_set_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = self.policy_id

        behavior_id = self.behavior_id

        state_type = self.state_type

        state_name = self.state_name

        arguments = self.arguments

        variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.variables, Unset):
            variables = self.variables.to_dict()

        first_set_at = self.first_set_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if policy_id is not UNSET:
            field_dict["policyId"] = policy_id
        if behavior_id is not UNSET:
            field_dict["behaviorId"] = behavior_id
        if state_type is not UNSET:
            field_dict["stateType"] = state_type
        if state_name is not UNSET:
            field_dict["stateName"] = state_name
        if arguments is not UNSET:
            field_dict["arguments"] = arguments
        if variables is not UNSET:
            field_dict["variables"] = variables
        if first_set_at is not UNSET:
            field_dict["firstSetAt"] = first_set_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.fsm_state_information_item_variables import (
            FsmStateInformationItemVariables,
        )

        d = dict(src_dict)
        policy_id = d.pop("policyId", UNSET)

        behavior_id = d.pop("behaviorId", UNSET)

        state_type = d.pop("stateType", UNSET)

        state_name = d.pop("stateName", UNSET)

        arguments = d.pop("arguments", UNSET)

        _variables = d.pop("variables", UNSET)
        variables: FsmStateInformationItemVariables | Unset
        if isinstance(_variables, Unset):
            variables = UNSET
        else:
            variables = FsmStateInformationItemVariables.from_dict(_variables)

        first_set_at = d.pop("firstSetAt", UNSET)

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

"""The models of Data Hub, backups and trace recordings read partial and newer bodies.

``fields`` makes partial answers normal: the get and list operations answer
with the Partial* schemas, which read a body without the properties a policy,
schema or script requires, and write it back unchanged. Request bodies keep
the required properties.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hivemq_rest_generated.models import (
    BackupItem,
    BackupState,
    BehaviorPolicy,
    BehaviorPolicyList,
    DataPolicy,
    DataPolicyList,
    DataPolicyMatching,
    DataPolicyValidation,
    FsmStatesInformationListItem,
    PartialBehaviorPolicy,
    PartialDataPolicy,
    PartialSchema,
    PartialScript,
    PartialScriptFunctionType,
    Schema,
    SchemaList,
    Script,
    ScriptList,
    TraceRecordingEventsItem,
    TraceRecordingItem,
)
from hypothesis import given
from hypothesis import strategies as st

DATA_POLICY: dict[str, Any] = {
    "id": "temperature-check",
    "createdAt": "2024-03-01T10:00:00.125Z",
    "lastUpdatedAt": "2024-03-02T11:30:00Z",
    "matching": {"topicFilter": "sensors/+/temperature"},
    "validation": {
        "validators": [
            {
                "type": "schema",
                "arguments": {
                    "strategy": "ALL_OF",
                    "schemas": [{"schemaId": "temperature", "version": "latest"}],
                },
            }
        ]
    },
    "onSuccess": {"pipeline": []},
    "onFailure": {
        "pipeline": [
            {
                "id": "log",
                "functionId": "System.log",
                "arguments": {"level": "WARN", "message": "${clientId} sent bad data"},
            },
            {"id": "drop", "functionId": "Mqtt.drop", "arguments": {}},
        ]
    },
}
BEHAVIOR_POLICY: dict[str, Any] = {
    "id": "no-duplicates",
    "createdAt": "2024-03-01T10:00:00Z",
    "matching": {"clientIdRegex": "sensor-.*"},
    "behavior": {"id": "Publish.duplicate", "arguments": {}},
    "deserialization": {"publish": {"schema": {"schemaId": "temperature", "version": "1"}}},
    "onTransitions": [
        {
            "fromState": "Any.*",
            "toState": "Duplicated",
            "Mqtt.OnInboundPublish": {
                "pipeline": [{"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}]
            },
        }
    ],
}
SCHEMA: dict[str, Any] = {
    "id": "temperature",
    "type": "PROTOBUF",
    "schemaDefinition": "CgR0ZW1w",
    "arguments": {"messageType": "Temperature", "allowUnknownFields": "false"},
    "version": 3,
    "createdAt": "2024-03-01T10:00:00.125Z",
}
SCRIPT: dict[str, Any] = {
    "id": "to-celsius",
    "functionType": "TRANSFORMATION",
    "description": "Fahrenheit to Celsius",
    "source": "ZnVuY3Rpb24gdHJhbnNmb3JtKCkge30=",
    "version": 1,
    "createdAt": "2024-03-01T10:00:00.125Z",
}

# Each full model, its partial twin and a complete body.
FAMILIES: list[tuple[Any, Any, dict[str, Any]]] = [
    (DataPolicy, PartialDataPolicy, DATA_POLICY),
    (BehaviorPolicy, PartialBehaviorPolicy, BEHAVIOR_POLICY),
    (Schema, PartialSchema, SCHEMA),
    (Script, PartialScript, SCRIPT),
]
IDS = ["data-policy", "behavior-policy", "schema", "script"]


@pytest.mark.parametrize(("full", "partial", "body"), FAMILIES, ids=IDS)
def test_complete_bodies_round_trip_both_ways(
    full: Any, partial: Any, body: dict[str, Any]
) -> None:
    assert full.from_dict(copy.deepcopy(body)).to_dict() == body
    assert partial.from_dict(copy.deepcopy(body)).to_dict() == body


@pytest.mark.parametrize(("full", "partial", "body"), FAMILIES, ids=IDS)
def test_partial_body_needs_the_partial_model(
    full: Any, partial: Any, body: dict[str, Any]
) -> None:
    only_created = {"createdAt": body["createdAt"]}
    with pytest.raises(KeyError):
        full.from_dict(copy.deepcopy(only_created))
    parsed = partial.from_dict(copy.deepcopy(only_created))
    assert parsed.id is None
    assert parsed.to_dict() == only_created


@pytest.mark.parametrize(("full", "partial", "body"), FAMILIES, ids=IDS)
@given(data=st.data())
def test_any_selection_of_fields_round_trips(
    full: Any, partial: Any, body: dict[str, Any], data: st.DataObject
) -> None:
    del full
    kept = data.draw(st.sets(st.sampled_from(sorted(body))))
    selected = {key: copy.deepcopy(value) for key, value in body.items() if key in kept}
    assert partial.from_dict(copy.deepcopy(selected)).to_dict() == selected


@pytest.mark.parametrize(
    ("listing", "body"),
    [
        (DataPolicyList, DATA_POLICY),
        (BehaviorPolicyList, BEHAVIOR_POLICY),
        (SchemaList, SCHEMA),
        (ScriptList, SCRIPT),
    ],
    ids=IDS,
)
def test_listings_take_partial_items(listing: Any, body: dict[str, Any]) -> None:
    page = {
        "items": [{"id": body["id"]}, {"createdAt": "2024-01-01T00:00:00Z"}, body],
        "_links": {"next": "/api/v1/data-hub/x?cursor=YQ%3D%3D&limit=10"},
    }
    assert listing.from_dict(copy.deepcopy(page)).to_dict() == page


def test_unknown_properties_survive_at_every_level() -> None:
    body = copy.deepcopy(DATA_POLICY)
    body["priority"] = 7
    body["matching"]["sharedSubscriptions"] = True
    body["onFailure"]["pipeline"][0]["retries"] = {"max": 3}
    parsed = DataPolicy.from_dict(copy.deepcopy(body))
    assert parsed.additional_properties == {"priority": 7}
    assert parsed.to_dict() == body
    assert PartialDataPolicy.from_dict(copy.deepcopy(body)).to_dict() == body


def test_unknown_enum_values_survive() -> None:
    script = PartialScript.from_dict({"id": "s", "functionType": "FILTER"})
    assert isinstance(script.function_type, PartialScriptFunctionType)
    assert not script.function_type.is_known
    assert script.to_dict() == {"id": "s", "functionType": "FILTER"}

    backup = {"backup": {"id": "b", "state": "RESTORE_PAUSED", "bytes": None}}
    parsed = BackupItem.from_dict(copy.deepcopy(backup))
    assert parsed.backup.state == "RESTORE_PAUSED"  # type: ignore[union-attr]
    assert not parsed.backup.state.is_known  # type: ignore[union-attr]
    assert BackupState("FAILED") is BackupState.FAILED
    assert parsed.to_dict() == backup

    recording = {"traceRecording": {"name": "rec", "events": ["MQTT_MESSAGE_CONNECT", "X"]}}
    events = TraceRecordingItem.from_dict(copy.deepcopy(recording)).trace_recording.events
    assert events == [TraceRecordingEventsItem.MQTT_MESSAGE_CONNECT, "X"]
    assert TraceRecordingItem.from_dict(copy.deepcopy(recording)).to_dict() == recording


def test_client_state_arguments_are_any_json() -> None:
    for arguments in ({"maxPublishes": 5}, [1, 2], "text", 3, None):
        body = {
            "items": [
                {
                    "policyId": "p",
                    "behaviorId": "Publish.quota",
                    "stateType": "INTERMEDIATE",
                    "stateName": "Publishing",
                    "arguments": arguments,
                    "variables": {"count": "2"},
                    "firstSetAt": "2024-03-01T10:00:00.125Z",
                }
            ]
        }
        assert FsmStatesInformationListItem.from_dict(copy.deepcopy(body)).to_dict() == body


def test_requests_still_carry_the_required_properties() -> None:
    policy = DataPolicy.from_dict(copy.deepcopy(DATA_POLICY))
    assert {"id", "matching"} <= set(policy.to_dict())
    with pytest.raises(TypeError):
        DataPolicy(id="p")  # type: ignore[call-arg]


def test_a_body_built_with_keywords_sends_only_what_was_set() -> None:
    policy = DataPolicy(id="p", matching=DataPolicyMatching(topic_filter="plant/#"))
    assert policy.to_dict() == {"id": "p", "matching": {"topicFilter": "plant/#"}}
    policy.on_failure = None  # None is "not set": nothing goes out for it
    policy.validation = DataPolicyValidation(validators=[])
    assert policy.to_dict() == {
        "id": "p",
        "matching": {"topicFilter": "plant/#"},
        "validation": {"validators": []},
    }
    assert DataPolicy.from_dict(policy.to_dict()) == policy


def test_what_a_body_left_out_reads_as_none() -> None:
    policy = DataPolicy.from_dict({"id": "p", "matching": {"topicFilter": "t"}})
    assert (policy.created_at, policy.validation, policy.on_success) == (None, None, None)
    partial = PartialDataPolicy.from_dict({"id": "p"})
    assert (partial.matching, partial.created_at) == (None, None)
    assert partial.to_dict() == {"id": "p"}

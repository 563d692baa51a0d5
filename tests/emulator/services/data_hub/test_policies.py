from __future__ import annotations

import copy
from typing import Any

import pytest
from hivemq_rest_generated import operations as ops
from hivemq_rest_generated.operations import Operation

from .conftest import Hub
from .documents import behavior_policy, data_policy, json_schema, script

KINDS = [
    pytest.param(
        (ops.CREATE_DATA_POLICY, ops.GET_DATA_POLICY, ops.UPDATE_DATA_POLICY),
        data_policy,
        id="data",
    ),
    pytest.param(
        (ops.CREATE_BEHAVIOR_POLICY, ops.GET_BEHAVIOR_POLICY, ops.UPDATE_BEHAVIOR_POLICY),
        behavior_policy,
        id="behavior",
    ),
]
Operations = tuple[Operation, Operation, Operation]


@pytest.mark.parametrize(("operations", "make"), KINDS)
def test_create_get_update(hub: Hub, operations: Operations, make: Any) -> None:
    create, get, update = operations
    created = hub.call(create, body={**make("p"), "createdAt": "1999-01-01T00:00:00Z"})
    assert created.status == 201
    assert created.body == {
        **make("p"),
        "createdAt": "2026-03-01T12:00:00.000Z",
        "lastUpdatedAt": "2026-03-01T12:00:00.000Z",
    }
    fetched = hub.call(get, {"policyId": "p"})
    assert fetched.body == created.body
    assert fetched.headers["etag"] == created.headers["etag"]
    hub.clock.advance(30)
    changed = copy.deepcopy(make("p"))
    changed["onTransitions" if "behavior" in changed else "onSuccess"] = (
        [] if "behavior" in changed else {"pipeline": []}
    )
    updated = hub.call(update, {"policyId": "p"}, body=changed)
    assert updated.status == 200
    assert updated.body["createdAt"] == "2026-03-01T12:00:00.000Z"
    assert updated.body["lastUpdatedAt"] == "2026-03-01T12:00:30.000Z"
    assert updated.headers["etag"] != created.headers["etag"]
    assert hub.call(get, {"policyId": "p"}).body == updated.body


@pytest.mark.parametrize(("operations", "make"), KINDS)
def test_a_taken_id_is_400(hub: Hub, operations: Operations, make: Any) -> None:
    create, _, _ = operations
    hub.call(create, body=make("p"))
    again = hub.call(create, body=make("p"))
    assert (again.status, again.title) == (400, "Policy id already used")


@pytest.mark.parametrize(("operations", "make"), KINDS)
def test_put_path_id_must_be_the_body_id(hub: Hub, operations: Operations, make: Any) -> None:
    create, get, update = operations
    hub.call(create, body=make("p"))
    hub.call(create, body=make("q"))
    answer = hub.call(update, {"policyId": "p"}, body=make("q"))
    assert (answer.status, answer.title) == (400, "Policy id mismatch")
    assert hub.call(get, {"policyId": "q"}).body["lastUpdatedAt"] == "2026-03-01T12:00:00.000Z"


@pytest.mark.parametrize(("operations", "make"), KINDS)
def test_unknown_policies_are_404(hub: Hub, operations: Operations, make: Any) -> None:
    _, get, update = operations
    assert hub.call(get, {"policyId": "nope"}).status == 404
    answer = hub.call(update, {"policyId": "nope"}, body=make("nope"))
    assert (answer.status, answer.title) == (404, "Referenced policy not found")


@pytest.mark.parametrize(
    ("delete", "create", "make"),
    [
        (ops.DELETE_DATA_POLICY, ops.CREATE_DATA_POLICY, data_policy),
        (ops.DELETE_BEHAVIOR_POLICY, ops.CREATE_BEHAVIOR_POLICY, behavior_policy),
    ],
)
def test_delete(hub: Hub, delete: Operation, create: Operation, make: Any) -> None:
    hub.call(create, body=make("p"))
    assert hub.call(delete, {"policyId": "p"}).status == 204
    assert hub.call(delete, {"policyId": "p"}).status == 404
    # The id is free again.
    assert hub.call(create, body=make("p")).status == 201


def test_a_data_policys_topic_filter_cannot_change(hub: Hub) -> None:
    hub.call(ops.CREATE_DATA_POLICY, body=data_policy("p", "a/#"))
    answer = hub.call(ops.UPDATE_DATA_POLICY, {"policyId": "p"}, body=data_policy("p", "b/#"))
    assert (answer.status, answer.title) == (400, "Topic filter does not match")
    assert hub.call(ops.GET_DATA_POLICY, {"policyId": "p"}).body["matching"]["topicFilter"] == "a/#"


def test_referenced_schemas_and_scripts_must_exist(hub: Hub) -> None:
    missing = hub.call(ops.CREATE_DATA_POLICY, body=data_policy("p", schema_id="s"))
    assert (missing.status, missing.title) == (400, "Referenced schema does not exist")
    missing = hub.call(ops.CREATE_DATA_POLICY, body=data_policy("p", script_id="f"))
    assert (missing.status, missing.title) == (400, "Referenced script does not exist")
    missing = hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("b", schema_id="s"))
    assert (missing.status, missing.title) == (400, "Referenced schema does not exist")
    hub.call(ops.CREATE_SCHEMA, body=json_schema("s"))
    hub.call(ops.CREATE_SCRIPT, body=script("f"))
    both = data_policy("p", schema_id="s", script_id="f")
    assert hub.call(ops.CREATE_DATA_POLICY, body=both).status == 201
    assert (
        hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("b", schema_id="s")).status == 201
    )
    # On update too, and for a version that does not exist.
    pinned = copy.deepcopy(both)
    pinned["validation"]["validators"][0]["arguments"]["schemas"][0]["version"] = "2"
    answer = hub.call(ops.UPDATE_DATA_POLICY, {"policyId": "p"}, body=pinned)
    assert (answer.status, answer.title) == (400, "Referenced schema does not exist")


def test_scripts_and_serdes_schemas_in_branches_are_references(hub: Hub) -> None:
    hub.call(ops.CREATE_SCHEMA, body=json_schema("s"))
    policy = data_policy("p")
    policy["onSuccess"]["pipeline"].append(
        {
            "id": "ser",
            "functionId": "Serdes.serialize",
            "arguments": {"schemaId": "s", "schemaVersion": "latest"},
            "onBranch": [
                {
                    "branchId": "b",
                    "pipeline": [{"id": "deep", "functionId": "fn:f:1", "arguments": {}}],
                }
            ],
        }
    )
    answer = hub.call(ops.CREATE_DATA_POLICY, body=policy)
    assert (answer.status, answer.title) == (400, "Referenced script does not exist")
    hub.call(ops.CREATE_SCRIPT, body=script("f"))
    assert hub.call(ops.CREATE_DATA_POLICY, body=policy).status == 201
    assert hub.call(ops.DELETE_SCRIPT, {"scriptId": "f"}).status == 400
    assert hub.call(ops.DELETE_SCHEMA, {"schemaId": "s"}).status == 400


def _policy_with(path: list[Any], value: Any) -> dict[str, Any]:
    policy = data_policy("p")
    node: Any = policy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return policy


@pytest.mark.parametrize(
    "body",
    [
        _policy_with(["id"], ""),
        _policy_with(["id"], 5),
        _policy_with(["matching"], None),
        _policy_with(["matching", "topicFilter"], "a/#/b"),
        _policy_with(["onSuccess", "pipeline"], {}),
        _policy_with(["onSuccess", "pipeline", 0, "arguments"], None),
        _policy_with(["onSuccess", "pipeline", 0, "functionId"], "fn:only-an-id"),
        _policy_with(["onFailure", "pipeline", 0, "onBranch"], [{"branchId": "b"}]),
        _policy_with(["validation"], {"validators": [{"type": "schema", "arguments": {}}]}),
    ],
)
def test_data_policies_that_are_not_valid(hub: Hub, body: dict[str, Any]) -> None:
    answer = hub.call(ops.CREATE_DATA_POLICY, body=body)
    assert (answer.status, answer.title) == (400, "Policy is not valid")
    assert hub.call(ops.GET_ALL_DATA_POLICIES).body["items"] == []


@pytest.mark.parametrize(
    "change",
    [
        {"behavior": {"id": "No.such.model"}},
        {"matching": {"clientIdRegex": "(unclosed"}},
        {"onTransitions": [{"fromState": "A"}]},
        {"onTransitions": [{"fromState": "A", "toState": "B", "Event.OnAny": {}}]},
        {"deserialization": {"publish": {"schema": {"schemaId": "s"}}}},
    ],
)
def test_behavior_policies_that_are_not_valid(hub: Hub, change: dict[str, Any]) -> None:
    answer = hub.call(ops.CREATE_BEHAVIOR_POLICY, body={**behavior_policy("b"), **change})
    assert (answer.status, answer.title) == (400, "Policy is not valid")


@pytest.mark.parametrize("body", [b"{", b"[]", b""])
def test_policies_that_are_not_json_objects(hub: Hub, body: bytes) -> None:
    answer = hub.call(ops.CREATE_DATA_POLICY, body=body)
    assert (answer.status, answer.title) == (400, "Policy not parsable")


def test_unknown_properties_are_not_stored(hub: Hub) -> None:
    created = hub.call(ops.CREATE_DATA_POLICY, body={**data_policy("p"), "extra": [1]})
    assert "extra" not in created.body


@pytest.mark.parametrize(("operations", "make"), KINDS)
def test_if_match_against_the_policys_etag(hub: Hub, operations: Operations, make: Any) -> None:
    # Assumption: the spec lists 412 for these updates but names no header.
    create, get, update = operations
    etag = hub.call(create, body=make("p")).headers["etag"]
    assert hub.call(get, {"policyId": "p", "fields": "id"}).headers["etag"] == etag
    stale = hub.call(update, {"policyId": "p"}, body=make("p"), headers={"If-Match": '"other"'})
    assert (stale.status, stale.title) == (412, "Precondition Failed")
    hub.clock.advance(1)
    fresh = hub.call(update, {"policyId": "p"}, body=make("p"), headers={"If-Match": etag})
    assert fresh.status == 200
    assert fresh.headers["etag"] != etag
    again = hub.call(update, {"policyId": "p"}, body=make("p"), headers={"If-Match": etag})
    assert again.status == 412
    hub.clock.advance(1)
    listed = f'"x", {fresh.headers["etag"]}'
    assert (
        hub.call(update, {"policyId": "p"}, body=make("p"), headers={"If-Match": listed}).status
        == 200
    )
    assert (
        hub.call(update, {"policyId": "p"}, body=make("p"), headers={"If-Match": "*"}).status == 200
    )


def test_fields_on_a_policy(hub: Hub) -> None:
    hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("b"))
    answer = hub.call(ops.GET_BEHAVIOR_POLICY, {"policyId": "b", "fields": "id,behavior"})
    assert answer.body == {"id": "b", "behavior": behavior_policy("b")["behavior"]}
    bad = hub.call(ops.GET_BEHAVIOR_POLICY, {"policyId": "b", "fields": "id,validation"})
    assert (bad.status, bad.title) == (400, "Invalid query parameter")

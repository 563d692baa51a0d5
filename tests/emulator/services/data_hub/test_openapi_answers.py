"""Each status a Data Hub operation documents (but 503), produced and checked against the spec.

``Hub.call`` checks each answer (documented status, body matching the
status's schema, objects closed to unknown properties); this scenario makes
sure that every documented answer is produced at least once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from hivemq_rest_generated import operations as ops
from hivemq_rest_generated.operations import Operation

from .conftest import Answer, Hub, assert_schema
from .documents import behavior_policy, data_policy, json_schema, protobuf_schema, script


class _Recorder:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.seen: set[tuple[str, int]] = set()

    def __call__(
        self, operation: Operation, params: Any = None, body: Any = None, **kw: Any
    ) -> Answer:
        answer = self.hub.call(operation, params, body, **kw)
        self.seen.add((operation.operation_id, answer.status))
        return answer


def _cursor(answer: Answer) -> str:
    query = parse_qs(urlsplit(answer.body["_links"]["next"]).query)
    cursor: str = query["cursor"][0]
    return cursor


def test_every_documented_answer(hub: Hub) -> None:
    call = _Recorder(hub)
    # Schemas and scripts, enough of them for a second page.
    for number in range(11):
        call(ops.CREATE_SCHEMA, body=json_schema(f"s{number:02}"))
        call(ops.CREATE_SCRIPT, body=script(f"f{number:02}"))
    call(ops.CREATE_SCHEMA, body=protobuf_schema("proto"))
    call(ops.CREATE_SCHEMA, body=json_schema("s00"))
    call(ops.CREATE_SCRIPT, body=script("f00"))
    for operation, key in [(ops.GET_SCHEMA, "schemaId"), (ops.GET_SCRIPT, "scriptId")]:
        call(operation, {key: "s00" if key == "schemaId" else "f00", "fields": "id,createdAt"})
        call(operation, {key: "missing"})
        call(operation, {key: "x", "fields": "bogus"})
    # Policies, enough of them for a second page.
    for number in range(11):
        call(
            ops.CREATE_DATA_POLICY,
            body=data_policy(f"d{number:02}", schema_id="s00", script_id="f00"),
        )
        call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy(f"b{number:02}", schema_id="proto"))
    call(ops.CREATE_DATA_POLICY, body=data_policy("d00"))
    call(ops.CREATE_BEHAVIOR_POLICY, body=b"[]")
    makers: list[tuple[Operation, Operation, Callable[[str], dict[str, Any]], str]] = [
        (ops.GET_DATA_POLICY, ops.UPDATE_DATA_POLICY, data_policy, "d"),
        (ops.GET_BEHAVIOR_POLICY, ops.UPDATE_BEHAVIOR_POLICY, behavior_policy, "b"),
    ]
    for get, update, make, prefix in makers:
        etag = call(get, {"policyId": f"{prefix}05"}).headers["etag"]
        call(get, {"policyId": "missing"})
        call(get, {"policyId": f"{prefix}05", "fields": "nope"})
        call(update, {"policyId": f"{prefix}05"}, make(f"{prefix}05"), headers={"If-Match": etag})
        call(update, {"policyId": f"{prefix}05"}, make(f"{prefix}05"), headers={"If-Match": etag})
        call(update, {"policyId": "missing"}, make("missing"))
        call(update, {"policyId": f"{prefix}05"}, make("other"))
    call(ops.GET_ALL_DATA_POLICIES, {"topic": "sensors/x", "fields": "id,matching"})
    # Lists: a page, a bad limit, then a stale cursor.
    for listing, change in [
        (ops.GET_ALL_SCHEMAS, (ops.CREATE_SCHEMA, json_schema("late"))),
        (ops.GET_ALL_SCRIPTS, (ops.CREATE_SCRIPT, script("late"))),
        (ops.GET_ALL_DATA_POLICIES, (ops.CREATE_DATA_POLICY, data_policy("late"))),
        (ops.GET_ALL_BEHAVIOR_POLICIES, (ops.CREATE_BEHAVIOR_POLICY, behavior_policy("late"))),
    ]:
        stale = _cursor(call(listing, {"limit": 10}))
        assert call(listing, {"limit": 10, "cursor": stale}).status == 200
        assert call(listing, {"limit": 9}).status == 400
        call(change[0], body=change[1])
        assert call(listing, {"limit": 10, "cursor": stale}).status == 410
    # Client state and the trial.
    hub.online.add("sensor-1")
    call(ops.GET_CLIENT_STATE, {"clientId": "sensor-1"})
    call(ops.GET_CLIENT_STATE, {"clientId": "offline"})
    call(ops.GET_CLIENT_STATE, {"clientId": ""})
    call(ops.START_TRIAL_MODE)
    call(ops.START_TRIAL_MODE)
    # Deletes: in use, unknown, empty id, done.
    for delete, key, item_id in [
        (ops.DELETE_SCHEMA, "schemaId", "s00"),
        (ops.DELETE_SCRIPT, "scriptId", "f00"),
        (ops.DELETE_DATA_POLICY, "policyId", "d00"),
        (ops.DELETE_BEHAVIOR_POLICY, "policyId", "b00"),
    ]:
        call(delete, {key: ""})
        call(delete, {key: "missing"})
        if "Policy" not in delete.operation_id:
            call(delete, {key: item_id})
    for number in range(11):
        call(ops.DELETE_DATA_POLICY, {"policyId": f"d{number:02}"})
        call(ops.DELETE_BEHAVIOR_POLICY, {"policyId": f"b{number:02}"})
    call(ops.DELETE_SCHEMA, {"schemaId": "s00"})
    call(ops.DELETE_SCRIPT, {"scriptId": "f00"})

    handled = {
        operation.operation_id: operation
        for operation in vars(ops).values()
        if isinstance(operation, Operation) and operation.operation_id in hub.handlers
    }
    documented = {
        (operation_id, answer.status)
        for operation_id, operation in handled.items()
        for answer in operation.answers
        if answer.status != 503  # faults are the core's
    }
    assert len(documented) == 57
    assert documented - call.seen == set()


@pytest.mark.parametrize(
    ("body", "schema"),
    [
        ({"id": "s", "type": "JSON", "schemaDefinition": "e30=", "version": "1"}, "Schema"),
        ({"items": [{"id": "p", "unknown": 1}]}, "DataPolicyList"),
        ({"errors": [{"title": 400}]}, "Errors"),
        (
            {"id": "p", "matching": {"topicFilter": "a"}, "onSuccess": {"pipeline": [{"id": "x"}]}},
            "DataPolicy",
        ),
    ],
)
def test_the_check_refuses_what_the_spec_does_not_allow(body: Any, schema: str) -> None:
    with pytest.raises(AssertionError):
        assert_schema(body, schema)

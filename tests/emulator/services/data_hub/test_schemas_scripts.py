from __future__ import annotations

from datetime import timedelta

import pytest
from hivemq_rest_generated import operations as ops

from .conftest import START, Hub
from .documents import b64, data_policy, json_schema, protobuf_schema, script


def test_a_new_definition_is_the_next_version_and_get_gives_the_latest(hub: Hub) -> None:
    first = hub.call(ops.CREATE_SCHEMA, body=json_schema("s", "one"))
    assert first.status == 201
    assert first.body["version"] == 1
    assert first.body["createdAt"] == "2026-03-01T12:00:00.000Z"
    hub.clock.advance(60)
    second = hub.call(ops.CREATE_SCHEMA, body=json_schema("s", "two"))
    assert (second.status, second.body["version"]) == (201, 2)
    assert second.body["createdAt"] == "2026-03-01T12:01:00.000Z"
    latest = hub.call(ops.GET_SCHEMA, {"schemaId": "s"})
    assert latest.body == second.body


def test_the_latest_definition_again_is_400(hub: Hub) -> None:
    hub.call(ops.CREATE_SCHEMA, body=json_schema("s"))
    again = hub.call(ops.CREATE_SCHEMA, body=json_schema("s"))
    assert (again.status, again.title) == (400, "Schema already present")
    hub.call(ops.CREATE_SCRIPT, body=script("f"))
    again = hub.call(ops.CREATE_SCRIPT, body=script("f"))
    assert (again.status, again.title) == (400, "Script already present")


def test_read_only_properties_in_a_body_are_ignored(hub: Hub) -> None:
    body = {**script("f"), "version": 7, "createdAt": "1999-01-01T00:00:00Z"}
    created = hub.call(ops.CREATE_SCRIPT, body=body)
    assert created.body["version"] == 1
    assert created.body["createdAt"] == "2026-03-01T12:00:00.000Z"


def test_the_list_gives_every_version(hub: Hub) -> None:
    for title in ("one", "two", "three"):
        hub.call(ops.CREATE_SCHEMA, body=json_schema("b", title))
    hub.call(ops.CREATE_SCHEMA, body=protobuf_schema("a"))
    listed = hub.call(ops.GET_ALL_SCHEMAS)
    assert [(item["id"], item["version"]) for item in listed.body["items"]] == [
        ("a", 1),
        ("b", 1),
        ("b", 2),
        ("b", 3),
    ]
    assert "_links" not in listed.body


def test_delete_removes_every_version(hub: Hub) -> None:
    hub.call(ops.CREATE_SCRIPT, body=script("f", "a"))
    hub.call(ops.CREATE_SCRIPT, body=script("f", "b"))
    assert hub.call(ops.DELETE_SCRIPT, {"scriptId": "f"}).status == 204
    assert hub.call(ops.GET_SCRIPT, {"scriptId": "f"}).status == 404
    assert hub.call(ops.GET_ALL_SCRIPTS).body["items"] == []
    assert hub.call(ops.DELETE_SCRIPT, {"scriptId": "f"}).status == 404
    # Then the id starts again from version 1.
    assert hub.call(ops.CREATE_SCRIPT, body=script("f", "c")).body["version"] == 1


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ({**json_schema("s"), "type": "AVRO"}, "Schema type not supported"),
        ({**json_schema("s"), "schemaDefinition": b64(b"{oops")}, "Schema not parsable"),
        (protobuf_schema("s", message_type="Nope"), "Schema not parsable"),
        ({**protobuf_schema("s"), "schemaDefinition": b64(b"\xff\xff")}, "Schema not parsable"),
        ({"type": "JSON", "schemaDefinition": b64(b"{}")}, "Invalid input"),
        ({**json_schema("s"), "arguments": {"messageType": 1}}, "Invalid input"),
        ([json_schema("s")], "Invalid input"),
        (b"{", "Invalid input"),
    ],
)
def test_schemas_that_are_refused(hub: Hub, body: object, title: str) -> None:
    answer = hub.call(ops.CREATE_SCHEMA, body=body)
    assert (answer.status, answer.title) == (400, title)
    assert hub.call(ops.GET_ALL_SCHEMAS).body["items"] == []


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ({**script("f"), "functionType": "FILTER"}, "Script not valid"),
        ({**script("f"), "source": "&&"}, "Script not parsable"),
        ({**script("f"), "description": 5}, "Invalid input"),
        ({**script("f"), "id": ""}, "Invalid input"),
        (b"not json", "Invalid input"),
    ],
)
def test_scripts_that_are_refused(hub: Hub, body: object, title: str) -> None:
    answer = hub.call(ops.CREATE_SCRIPT, body=body)
    assert (answer.status, answer.title) == (400, title)
    assert hub.call(ops.GET_ALL_SCRIPTS).body["items"] == []


def test_a_protobuf_schema_keeps_its_arguments(hub: Hub) -> None:
    created = hub.call(ops.CREATE_SCHEMA, body=protobuf_schema("p", "demo.Reading"))
    assert created.body["arguments"] == {
        "messageType": "demo.Reading",
        "allowUnknownFields": "false",
    }


def test_a_script_used_by_a_policy_cannot_be_deleted(hub: Hub) -> None:
    hub.call(ops.CREATE_SCRIPT, body=script("f"))
    hub.call(ops.CREATE_DATA_POLICY, body=data_policy("p", script_id="f"))
    refused = hub.call(ops.DELETE_SCRIPT, {"scriptId": "f"})
    assert (refused.status, refused.title) == (400, "Script referenced")
    assert hub.call(ops.GET_SCRIPT, {"scriptId": "f"}).status == 200
    hub.call(ops.DELETE_DATA_POLICY, {"policyId": "p"})
    assert hub.call(ops.DELETE_SCRIPT, {"scriptId": "f"}).status == 204


def test_a_schema_used_by_a_policy_cannot_be_deleted(hub: Hub) -> None:
    # Our assumption, by analogy with scripts (the spec documents only a 400).
    hub.call(ops.CREATE_SCHEMA, body=json_schema("s"))
    hub.call(ops.CREATE_DATA_POLICY, body=data_policy("p", schema_id="s"))
    refused = hub.call(ops.DELETE_SCHEMA, {"schemaId": "s"})
    assert (refused.status, refused.title) == (400, "Schema referenced")
    hub.call(ops.DELETE_DATA_POLICY, {"policyId": "p"})
    assert hub.call(ops.DELETE_SCHEMA, {"schemaId": "s"}).status == 204


def test_fields_on_a_single_get(hub: Hub) -> None:
    hub.call(ops.CREATE_SCHEMA, body=json_schema("s"))
    answer = hub.call(ops.GET_SCHEMA, {"schemaId": "s", "fields": "id,type"})
    assert answer.body == {"id": "s", "type": "JSON"}
    bad = hub.call(ops.GET_SCHEMA, {"schemaId": "s", "fields": "id,version"})
    assert bad.status == 400
    hub.call(ops.CREATE_SCRIPT, body=script("f"))
    # `runtime` is in the spec's list though no property has that name.
    answer = hub.call(ops.GET_SCRIPT, {"scriptId": "f", "fields": "version,runtime"})
    assert answer.body == {"version": 1}


def test_times_follow_the_emulator_clock(hub: Hub) -> None:
    hub.clock.advance(timedelta(days=1).total_seconds())
    created = hub.call(ops.CREATE_SCRIPT, body=script("f"))
    assert created.body["createdAt"] == "2026-03-02T12:00:00.000Z"
    assert START.day == 1

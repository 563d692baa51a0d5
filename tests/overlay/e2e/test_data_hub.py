"""Data Hub end to end, sync and async, against the emulator: what the library promises holds."""

from __future__ import annotations

from typing import Any

import pytest
from google.protobuf import descriptor_pb2
from hivemq_rest import (
    AlreadyPresentError,
    BadRequestError,
    BehaviorPolicy,
    ClientNotFoundError,
    CursorExpiredError,
    DataPolicy,
    DataPolicyAction,
    NotFoundError,
    PreconditionFailedError,
    json_schema,
    schema_definition,
    script_source,
)
from hivemq_rest_emulator.testing import EmulatorHandle

from tests.overlay.e2e._both import CLIENTS, done, every, next_of, run_with

READING = {"type": "object", "properties": {"celsius": {"type": "number"}}}
DROP = {"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}
WATCH = {"id": "Mqtt.events"}
SOURCE = "function transform(publish, context) { return publish; }"
# Ids a path would take for something else (or mangle) unless each is one encoded segment.
HOSTILE_IDS = [
    "..",
    ".",
    "a/b",
    "%2F",
    "a b",
    " x ",
    " ",
    "é-ü",
    "雪",
    "😀",
    "?q=1",
    "#f",
    "a;b",
    "&c=d",
]


def _descriptor_set() -> bytes:
    file = descriptor_pb2.FileDescriptorProto(name="reading.proto", package="plant")
    message = file.message_type.add(name="Reading")
    message.field.add(
        name="celsius",
        number=1,
        type=descriptor_pb2.FieldDescriptorProto.TYPE_DOUBLE,
        label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL,
    )
    return descriptor_pb2.FileDescriptorSet(file=[file]).SerializeToString()


def _data_policy(policy_id: str, schema_id: str, script_id: str, topic: str) -> DataPolicy:
    check = {
        "type": "schema",
        "arguments": {
            "strategy": "ALL_OF",
            "schemas": [{"schemaId": schema_id, "version": "latest"}],
        },
    }
    step = {"id": "pass-on", "functionId": f"fn:{script_id}:latest", "arguments": {}}
    return DataPolicy.from_dict(
        {
            "id": policy_id,
            "matching": {"topicFilter": topic},
            "validation": {"validators": [check]},
            "onSuccess": {"pipeline": [step]},
        }
    )


@pytest.mark.parametrize("kind", CLIENTS)
def test_create_list_version_update_delete(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    base_url = hivemq_emulator.base_url

    async def scenario(hivemq: Any) -> None:
        hub = hivemq.data_hub
        created = await done(hub.schemas.create_json("reading", READING))
        assert (created.id, created.type_, created.version) == ("reading", "JSON", 1)
        proto = await done(hub.schemas.create_protobuf("plant", _descriptor_set(), "Reading"))
        assert (proto.type_, proto.arguments["messageType"]) == ("PROTOBUF", "Reading")
        assert schema_definition(await done(hub.schemas.get("plant"))) == _descriptor_set()
        script = await done(hub.scripts.create_js("pass", SOURCE, description="passes on"))
        assert script_source(script) == SOURCE
        for n in range(3):
            policy = _data_policy(f"p{n}", "reading", "pass", f"plant/{n}/#")
            await done(hub.data_policies.create(policy))

        # Lists: filters narrow, fields leave the rest None (partial models parse).
        listed = await every(hub.schemas.list(types=["JSON"], fields=["id", "type"]))
        assert [(s.id, s.type_) for s in listed] == [("reading", "JSON")]
        assert not listed[0].to_dict().keys() - {"id", "type"}
        found = await every(hub.data_policies.list(policy_ids=["p0", "p2"], fields=["id"]))
        assert sorted(p.id for p in found) == ["p0", "p2"]
        matching = await every(hub.data_policies.list(topic="plant/1/oven"))
        assert [p.id for p in matching] == ["p1"]
        paged = await every(hub.data_policies.list(schema_ids=["reading"], page_size=10))
        assert sorted(p.id for p in paged) == ["p0", "p1", "p2"]

        # Versions: a new definition is the next one, an identical latest is refused.
        warmer = {**READING, "required": ["celsius"]}
        assert (await done(hub.schemas.create_json("reading", warmer))).version == 2
        with pytest.raises(AlreadyPresentError):
            await done(hub.schemas.create_json("reading", warmer))
        versions = await every(hub.schemas.list(schema_ids=["reading"]))
        assert sorted(v.version for v in versions) == [1, 2]
        assert json_schema(await done(hub.schemas.get("reading"))) == warmer
        with pytest.raises(AlreadyPresentError):
            await done(hub.schemas.create_protobuf("plant", _descriptor_set(), "Reading"))
        with pytest.raises(BadRequestError):  # no such message in the set
            await done(hub.schemas.create_protobuf("plant", _descriptor_set(), "plant.Oven"))
        with pytest.raises(AlreadyPresentError):
            await done(hub.scripts.create_js("pass", SOURCE, description="passes on"))
        newer = await done(hub.scripts.create_js("pass", SOURCE + "\n// v2"))
        assert newer.version == 2
        assert script_source(await done(hub.scripts.get("pass"))) == SOURCE + "\n// v2"

        # Update under If-Match: the current ETag passes, a stale one is 412.
        stale = await done(hub.data_policies.etag("p0"))
        assert stale
        moved = _data_policy("p0", "reading", "pass", "plant/0/#")
        moved.on_failure = DataPolicyAction.from_dict({"pipeline": [DROP]})
        updated = await done(hub.data_policies.update(moved, if_match=stale))
        assert updated.on_failure.to_dict() == {"pipeline": [DROP]}
        with pytest.raises(PreconditionFailedError):
            await done(hub.data_policies.update(moved, if_match=stale))
        fresh = await done(hub.data_policies.etag("p0"))
        assert fresh != stale
        await done(hub.data_policies.update(moved, if_match=fresh))

        # Delete: a script in use is refused; once its policies are gone it goes.
        with pytest.raises(BadRequestError):
            await done(hub.scripts.delete("pass"))
        for n in range(3):
            await done(hub.data_policies.delete(f"p{n}"))
        await done(hub.scripts.delete("pass"))
        await done(hub.schemas.delete("reading"))
        with pytest.raises(NotFoundError):
            await done(hub.schemas.get("reading"))
        assert await every(hub.data_policies.list()) == []

    run_with(kind, base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_client_state_and_trial(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    online = "plant/../oven 1 é"  # a client id a path would mangle
    hivemq_emulator.add_session(online, connected=True)
    hivemq_emulator.add_session("plant", connected=True)
    hivemq_emulator.add_session("offline", connected=False, session_expiry_interval=60)

    async def scenario(hivemq: Any) -> None:
        hub = hivemq.data_hub
        policy = BehaviorPolicy.from_dict(
            {"id": "watch", "matching": {"clientIdRegex": "plant/.*"}, "behavior": WATCH}
        )
        await done(hub.behavior_policies.create(policy))
        (state,) = await done(hub.client_state(online))
        assert (state.policy_id, state.behavior_id) == ("watch", "Mqtt.events")
        assert await done(hub.client_state("plant")) == []  # connected, but no policy applies
        with pytest.raises(ClientNotFoundError):  # known only for connected clients
            await done(hub.client_state("offline"))
        await done(hub.start_trial())
        with pytest.raises(BadRequestError):
            await done(hub.start_trial())

    run_with(kind, hivemq_emulator.base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_hostile_ids_reach_exactly_their_resource(
    hivemq_emulator: EmulatorHandle, kind: str
) -> None:
    async def scenario(hivemq: Any) -> None:
        hub = hivemq.data_hub
        for n, hostile in enumerate(HOSTILE_IDS):
            await done(hub.schemas.create_json(hostile, {"title": hostile}))
            await done(hub.scripts.create_js(hostile, f"// {hostile}"))
            policy = _data_policy(hostile, hostile, hostile, f"hostile/{n}")
            await done(hub.data_policies.create(policy))
            behavior = {"id": hostile, "matching": {"clientIdRegex": "x"}, "behavior": WATCH}
            await done(hub.behavior_policies.create(BehaviorPolicy.from_dict(behavior)))
        # Stored under exactly the ids given (not decoded or encoded once more).
        listed = await every(hub.schemas.list(fields=["id"]))
        assert sorted(s.id for s in listed) == sorted(HOSTILE_IDS)
        for hostile in HOSTILE_IDS:  # a filter names exactly its own id too
            assert [s.id for s in await every(hub.schemas.list(schema_ids=[hostile]))] == [hostile]
            assert [s.id for s in await every(hub.scripts.list(script_ids=[hostile]))] == [hostile]
            found = await every(hub.data_policies.list(policy_ids=[hostile]))
            assert [p.id for p in found] == [hostile]
            found = await every(hub.behavior_policies.list(policy_ids=[hostile]))
            assert [p.id for p in found] == [hostile]
            found = await every(hub.data_policies.list(schema_ids=[hostile]))
            assert [p.id for p in found] == [hostile]
        for hostile in HOSTILE_IDS:
            assert json_schema(await done(hub.schemas.get(hostile))) == {"title": hostile}
            assert script_source(await done(hub.scripts.get(hostile))) == f"// {hostile}"
            assert (await done(hub.data_policies.get(hostile))).id == hostile
            assert (await done(hub.behavior_policies.get(hostile))).id == hostile
        for hostile in HOSTILE_IDS:
            await done(hub.data_policies.delete(hostile))
            await done(hub.behavior_policies.delete(hostile))
            await done(hub.scripts.delete(hostile))
            await done(hub.schemas.delete(hostile))
            with pytest.raises(NotFoundError):
                await done(hub.data_policies.get(hostile))
        assert await every(hub.schemas.list()) == []
        assert await every(hub.scripts.list()) == []
        assert await every(hub.behavior_policies.list()) == []

    run_with(kind, hivemq_emulator.base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_lists_walk_every_page_and_a_changed_set_is_a_typed_error(
    hivemq_emulator: EmulatorHandle, kind: str
) -> None:
    async def scenario(hivemq: Any) -> None:
        policies = hivemq.data_hub.data_policies
        for n in range(25):
            body = {"id": f"p{n:02}", "matching": {"topicFilter": f"plant/{n}"}}
            await done(policies.create(DataPolicy.from_dict(body)))
        walked = await every(policies.list(page_size=10, fields=["id"]))
        assert [p.id for p in walked] == [f"p{n:02}" for n in range(25)]
        listing = policies.list(page_size=10)
        first = await next_of(listing)
        body = {"id": "joined", "matching": {"topicFilter": "plant/joined"}}
        await done(policies.create(DataPolicy.from_dict(body)))
        with pytest.raises(CursorExpiredError):
            await every(listing)
        assert first.id == "p00"

    run_with(kind, hivemq_emulator.base_url, scenario)

"""A user's script that sends every operation of the REST and Health APIs, sync and async.

Each tour calls all 43 operations (37 REST, 6 Health) through the public
names, in an order a fresh broker accepts, and reads what comes back as
plain typed fields: nothing here imports or narrows an "unset" value.
``tour`` and ``atour`` use ids and names of their own, so that one can run
after the other against the same broker.

tests/typing/test_every_operation.py checks it with ``mypy --strict`` as a
user would run it, and runs it against ``hivemq-emulator serve``.
"""

from __future__ import annotations

import base64
import datetime
import json
import re
from pathlib import Path
from typing import Any, Literal

import httpx
from google.protobuf import descriptor_pb2
from hivemq_rest import (
    AsyncHiveMQClient,
    BadRequestError,
    BehaviorPolicy,
    DataPolicy,
    HiveMQClient,
    Schema,
    Script,
)

READING = {"type": "object", "properties": {"celsius": {"type": "number"}}}
READING_V2 = {"type": "object", "required": ["celsius"]}
SOURCE = "function transform(publish, context) { return publish; }"
SOURCE_V2 = "function transform(publish, context) { return publish; } // v2"
EVENTS = ["MQTT_MESSAGE_CONNECT", "MQTT_MESSAGE_PUBLISH"]


def _descriptor_set() -> bytes:
    """A Protobuf descriptor set with one message type, ``Reading``."""
    message = descriptor_pb2.DescriptorProto(name="Reading")
    file = descriptor_pb2.FileDescriptorProto(name="reading.proto", message_type=[message])
    return descriptor_pb2.FileDescriptorSet(file=[file]).SerializeToString()


def _base64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _data_policy(tag: str, schema_id: str, *, drop_on_failure: bool) -> DataPolicy:
    latest = {"schemaId": schema_id, "version": "latest"}
    document: dict[str, Any] = {
        "id": f"{tag}-readings",
        "matching": {"topicFilter": f"{tag}/+/reading"},
        "validation": {
            "validators": [
                {"type": "schema", "arguments": {"strategy": "ALL_OF", "schemas": [latest]}}
            ]
        },
    }
    if drop_on_failure:
        drop = {"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}
        document["onFailure"] = {"pipeline": [drop]}
    return DataPolicy.from_dict(document)


def _behavior_policy(tag: str, client_regex: str) -> BehaviorPolicy:
    return BehaviorPolicy.from_dict(
        {
            "id": f"{tag}-events",
            "matching": {"clientIdRegex": client_regex},
            "behavior": {"id": "Mqtt.events"},
        }
    )


def _window() -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.now(datetime.UTC)
    return start, start + datetime.timedelta(minutes=10)


def tour(
    base_url: str,
    health_url: str,
    workdir: Path,
    *,
    transport: httpx.BaseTransport | None = None,
) -> list[str]:
    """Every operation on HiveMQClient; what it saw, one short line each."""
    seen: list[str] = []
    tag = "sync"
    with HiveMQClient(base_url, health_url=health_url, transport=transport) as hivemq:
        # Health: wait first, as a deploy script would.
        health = hivemq.health
        seen.append(f"ready {health.wait_ready(timeout=30).status}")
        node = health.status()
        seen.append(f"node {node.status} {sorted(node.components)}")
        seen.append(f"mqtt {health.component('mqtt').status}")
        extensions = sorted(health.extensions().components)
        for extension_id in extensions:
            seen.append(f"extension {extension_id} {health.extension(extension_id).status}")
        seen.append(f"probes {health.liveness().is_ok} {health.readiness().is_ok}")

        # MQTT clients: the first connected one is the tour's.
        clients = hivemq.clients
        ids = list(clients.list())
        paged = [client_id for page in clients.pages() for client_id in page]
        seen.append(f"clients {len(ids)} {paged == ids}")
        client_id = next(c for c in ids if clients.is_connected(c))
        details = clients.get(client_id)
        connected: bool | None = clients.connection_state(client_id).connected
        topics = [s.topic_filter for s in clients.subscriptions(client_id)]
        fetched = [d.id for d in clients.fetch([client_id])]
        seen.append(f"client {details.id} {connected} {topics} {fetched == [client_id]}")

        # Data Hub: schemas and scripts first, then the policies that use them.
        hub = hivemq.data_hub
        json_schema = hub.schemas.create_json(f"{tag}-reading", READING)
        new_version = Schema.from_dict(
            {
                "id": json_schema.id,
                "type": "JSON",
                "schemaDefinition": _base64(json.dumps(READING_V2)),
            }
        )
        second = hub.schemas.create(new_version)
        proto = hub.schemas.create_protobuf(f"{tag}-proto", _descriptor_set(), "Reading")
        read_schema = hub.schemas.get(json_schema.id)
        seen.append(f"schema {read_schema.id} {read_schema.type_} v{second.version}")
        schemas = sorted(f"{s.id} v{s.version}" for s in hub.schemas.list())
        seen.append(f"schemas {schemas}")
        script = hub.scripts.create_js(f"{tag}-double", SOURCE)
        again = hub.scripts.create(
            Script.from_dict(
                {"id": script.id, "functionType": "TRANSFORMATION", "source": _base64(SOURCE_V2)}
            )
        )
        read_script = hub.scripts.get(script.id)
        seen.append(f"script {read_script.id} {read_script.function_type} v{again.version}")
        scripts = sorted(f"{s.id} v{s.version}" for s in hub.scripts.list())
        seen.append(f"scripts {scripts}")

        policies = hub.data_policies
        created = policies.create(_data_policy(tag, json_schema.id, drop_on_failure=False))
        changed = _data_policy(tag, json_schema.id, drop_on_failure=True)
        policies.update(changed, if_match=policies.etag(created.id))
        policy = policies.get(created.id)
        action = policy.on_failure  # optional in a policy, as is its pipeline
        steps = 0 if action is None else len(action.pipeline or [])
        seen.append(f"data policy {policy.id} {policy.matching.topic_filter} {steps}")
        seen.append(f"data policies {[p.id for p in policies.list()]}")

        behaviors = hub.behavior_policies
        exact = "^" + re.escape(client_id) + "$"
        behavior = behaviors.create(_behavior_policy(tag, exact))
        behaviors.update(
            _behavior_policy(tag, exact.removesuffix("$") + ".*"),
            if_match=behaviors.etag(behavior.id),
        )
        read_behavior = behaviors.get(behavior.id)
        regex = read_behavior.matching.client_id_regex
        seen.append(f"behavior policy {read_behavior.behavior.id} {regex == exact[:-1] + '.*'}")
        seen.append(f"behavior policies {[p.id for p in behaviors.list()]}")
        states = [f"{s.policy_id} {s.state_name}" for s in hub.client_state(client_id)]
        seen.append(f"client state {states}")
        try:
            hub.start_trial()
            seen.append("trial started")
        except BadRequestError as error:  # one trial a broker: the other tour's
            seen.append(f"trial {error.title}")

        policies.delete(policy.id)
        behaviors.delete(behavior.id)
        hub.scripts.delete(script.id)
        hub.schemas.delete(json_schema.id)
        hub.schemas.delete(proto.id)
        left = [p.id for p in policies.list()] + [s.id for s in hub.schemas.list()]
        seen.append(f"data hub left {left}")

        # The session goes: a disconnect, then its invalidation.
        clients.disconnect(client_id)
        seen.append(f"disconnected {clients.is_connected(client_id)}")
        clients.invalidate_session(client_id, prevent_will_message=True)
        seen.append(f"invalidated {client_id in clients.list()}")

        # Backups: made, waited for, restored and downloaded.
        backups = hivemq.backups
        backup = backups.wait(backups.create().id, timeout=60, poll_interval=0.05)
        restoring = backups.restore(backup.id)
        restored = backups.wait(restoring.id, timeout=60, poll_interval=0.05)
        size = backups.download(backup.id, workdir / f"{tag}-backup.bin")
        on_disk = (workdir / f"{tag}-backup.bin").stat().st_size
        seen.append(f"backup {backup.state} {restored.state} {size == backup.bytes_ == on_disk}")
        seen.append(f"backup listed {backup.id in [b.id for b in backups.list()]}")
        seen.append(f"backup read {backups.get(backup.id).state}")

        # A trace recording: started, stopped, downloaded, deleted.
        recordings = hivemq.trace_recordings
        start, end = _window()
        name = f"{tag}-trace"
        recordings.create(name, start, end, client_id_filters=[exact], events=EVENTS)
        stopped = recordings.stop(name)
        size = recordings.download(name, workdir / f"{name}.zip")
        states = [f"{r.name} {r.state}" for r in recordings.list()]
        recordings.delete(name)
        seen.append(f"recording {stopped.name} {stopped.state} {size > 0} {states}")
        seen.append(f"recordings left {[r.name for r in recordings.list()]}")

        archive = hivemq.diagnostic_archives.create()
        seen.append(f"archive {archive.state} {archive.fail_reason}")
    return seen


async def atour(
    base_url: str,
    health_url: str,
    workdir: Path,
    *,
    transport: Literal["aiohttp", "httpx"] | httpx.AsyncBaseTransport = "aiohttp",
) -> list[str]:
    """Every operation on AsyncHiveMQClient, with ids of its own; what it saw."""
    seen: list[str] = []
    tag = "async"
    async with AsyncHiveMQClient(base_url, health_url=health_url, transport=transport) as hivemq:
        health = hivemq.health
        seen.append(f"ready {(await health.wait_ready(timeout=30)).status}")
        node = await health.status()
        seen.append(f"node {node.status} {sorted(node.components)}")
        seen.append(f"mqtt {(await health.component('mqtt')).status}")
        extensions = sorted((await health.extensions()).components)
        for extension_id in extensions:
            seen.append(f"extension {extension_id} {(await health.extension(extension_id)).status}")
        live, ready = await health.liveness(), await health.readiness()
        seen.append(f"probes {live.is_ok} {ready.is_ok}")

        clients = hivemq.clients
        ids = [client_id async for client_id in clients.list()]
        paged = [client_id async for page in clients.pages() for client_id in page]
        seen.append(f"clients {len(ids)} {paged == ids}")
        client_id = ""
        for candidate in ids:
            if await clients.is_connected(candidate):
                client_id = candidate
                break
        details = await clients.get(client_id)
        connected: bool | None = (await clients.connection_state(client_id)).connected
        topics = [s.topic_filter async for s in clients.subscriptions(client_id)]
        fetched = [d.id async for d in clients.fetch([client_id])]
        seen.append(f"client {details.id} {connected} {topics} {fetched == [client_id]}")

        hub = hivemq.data_hub
        json_schema = await hub.schemas.create_json(f"{tag}-reading", READING)
        new_version = Schema.from_dict(
            {
                "id": json_schema.id,
                "type": "JSON",
                "schemaDefinition": _base64(json.dumps(READING_V2)),
            }
        )
        second = await hub.schemas.create(new_version)
        proto = await hub.schemas.create_protobuf(f"{tag}-proto", _descriptor_set(), "Reading")
        read_schema = await hub.schemas.get(json_schema.id)
        seen.append(f"schema {read_schema.id} {read_schema.type_} v{second.version}")
        schemas = sorted([f"{s.id} v{s.version}" async for s in hub.schemas.list()])
        seen.append(f"schemas {schemas}")
        script = await hub.scripts.create_js(f"{tag}-double", SOURCE)
        again = await hub.scripts.create(
            Script.from_dict(
                {"id": script.id, "functionType": "TRANSFORMATION", "source": _base64(SOURCE_V2)}
            )
        )
        read_script = await hub.scripts.get(script.id)
        seen.append(f"script {read_script.id} {read_script.function_type} v{again.version}")
        scripts = sorted([f"{s.id} v{s.version}" async for s in hub.scripts.list()])
        seen.append(f"scripts {scripts}")

        policies = hub.data_policies
        created = await policies.create(_data_policy(tag, json_schema.id, drop_on_failure=False))
        changed = _data_policy(tag, json_schema.id, drop_on_failure=True)
        await policies.update(changed, if_match=await policies.etag(created.id))
        policy = await policies.get(created.id)
        action = policy.on_failure  # optional in a policy, as is its pipeline
        steps = 0 if action is None else len(action.pipeline or [])
        seen.append(f"data policy {policy.id} {policy.matching.topic_filter} {steps}")
        seen.append(f"data policies {[p.id async for p in policies.list()]}")

        behaviors = hub.behavior_policies
        exact = "^" + re.escape(client_id) + "$"
        behavior = await behaviors.create(_behavior_policy(tag, exact))
        await behaviors.update(
            _behavior_policy(tag, exact.removesuffix("$") + ".*"),
            if_match=await behaviors.etag(behavior.id),
        )
        read_behavior = await behaviors.get(behavior.id)
        regex = read_behavior.matching.client_id_regex
        seen.append(f"behavior policy {read_behavior.behavior.id} {regex == exact[:-1] + '.*'}")
        seen.append(f"behavior policies {[p.id async for p in behaviors.list()]}")
        states = [f"{s.policy_id} {s.state_name}" for s in await hub.client_state(client_id)]
        seen.append(f"client state {states}")
        try:
            await hub.start_trial()
            seen.append("trial started")
        except BadRequestError as error:  # one trial a broker: the other tour's
            seen.append(f"trial {error.title}")

        await policies.delete(policy.id)
        await behaviors.delete(behavior.id)
        await hub.scripts.delete(script.id)
        await hub.schemas.delete(json_schema.id)
        await hub.schemas.delete(proto.id)
        left = [p.id async for p in policies.list()] + [s.id async for s in hub.schemas.list()]
        seen.append(f"data hub left {left}")

        await clients.disconnect(client_id)
        seen.append(f"disconnected {await clients.is_connected(client_id)}")
        await clients.invalidate_session(client_id, prevent_will_message=True)
        seen.append(f"invalidated {client_id in [c async for c in clients.list()]}")

        backups = hivemq.backups
        started = await backups.create()
        backup = await backups.wait(started.id, timeout=60, poll_interval=0.05)
        restoring = await backups.restore(backup.id)
        restored = await backups.wait(restoring.id, timeout=60, poll_interval=0.05)
        size = await backups.download(backup.id, workdir / f"{tag}-backup.bin")
        on_disk = (workdir / f"{tag}-backup.bin").stat().st_size
        seen.append(f"backup {backup.state} {restored.state} {size == backup.bytes_ == on_disk}")
        seen.append(f"backup listed {backup.id in [b.id async for b in backups.list()]}")
        seen.append(f"backup read {(await backups.get(backup.id)).state}")

        recordings = hivemq.trace_recordings
        start, end = _window()
        name = f"{tag}-trace"
        await recordings.create(name, start, end, client_id_filters=[exact], events=EVENTS)
        stopped = await recordings.stop(name)
        size = await recordings.download(name, workdir / f"{name}.zip")
        states = [f"{r.name} {r.state}" async for r in recordings.list()]
        await recordings.delete(name)
        seen.append(f"recording {stopped.name} {stopped.state} {size > 0} {states}")
        seen.append(f"recordings left {[r.name async for r in recordings.list()]}")

        archive = await hivemq.diagnostic_archives.create()
        seen.append(f"archive {archive.state} {archive.fail_reason}")
    return seen

"""A user's script: reads a client's details with plain types, importing only hivemq_rest.

It also stores a schema and a data policy and reads them back, and makes a
backup: ``assert_type`` makes mypy fail if a method answers a looser type
than the model it promises. Nothing here narrows away an "unset" value: a
property the broker always answers is a plain type, any other is ``X | None``.

tests/typing/test_user_typing.py checks it with ``mypy --strict`` as a user
would run it, outside this project's mypy settings, and runs it.
"""

from __future__ import annotations

from typing import assert_type

from hivemq_rest import (
    ClientDetails,
    ConnectionDetails,
    DataPolicy,
    HiveMQClient,
    PartialDataPolicy,
    PartialSchema,
    Schema,
)


def describe(client: ClientDetails) -> str:
    """One line about a client: its id is a str, the rest may be None."""
    client_id: str = client.id
    if client.connected is None:
        state = "state unknown"
    else:
        connected: bool = client.connected
        state = "online" if connected else "offline"
    expiry: int | None = client.session_expiry_interval
    keeps = "expiry unknown" if expiry is None else f"kept {expiry // 60} min"
    user = "-"
    if isinstance(client.connection, ConnectionDetails):
        username: str | None = client.connection.username
        user = username or "-"
    return f"{client_id}: {state}, {keeps}, user {user}"


def describe_first(base_url: str) -> str | None:
    """The line of the first client listed, or None when there is none."""
    with HiveMQClient(base_url) as hivemq:
        for client_id in hivemq.clients.list():
            return describe(hivemq.clients.get(client_id))
    return None


def store_policy(base_url: str, topic_filter: str) -> list[str]:
    """Store a JSON schema and a data policy checking it on topic_filter; the policies listed."""
    with HiveMQClient(base_url) as hivemq:
        hub = hivemq.data_hub
        schema = hub.schemas.create_json("reading", {"type": "object"})
        assert_type(schema, Schema)
        assert_type(hub.schemas.get("reading"), Schema)
        assert_type(hub.schemas.get("reading", fields=["id"]), PartialSchema)
        check = {
            "type": "schema",
            "arguments": {
                "strategy": "ALL_OF",
                "schemas": [{"schemaId": "reading", "version": "latest"}],
            },
        }
        document = {
            "id": "readings",
            "matching": {"topicFilter": topic_filter},
            "validation": {"validators": [check]},
        }
        stored = hub.data_policies.create(DataPolicy.from_dict(document))
        assert_type(stored, DataPolicy)
        partial = hub.data_policies.get(stored.id, fields=["id"])
        assert_type(partial, PartialDataPolicy)
        read = hub.data_policies.get(stored.id)
        assert_type(read, DataPolicy)
        watched: str = read.matching.topic_filter
        assert watched == topic_filter
        return [policy.id for policy in hub.data_policies.list()]


def back_up(base_url: str) -> str:
    """Make a backup and wait for it (the README's example): its id."""
    with HiveMQClient(base_url) as hivemq:
        backup = hivemq.backups.wait(hivemq.backups.create().id)
        backup_id: str = backup.id
        return backup_id

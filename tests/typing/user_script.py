"""A user's script: reads a client's details with plain types, importing only hivemq_rest.

It also stores a schema and a data policy: ``assert_type`` makes mypy fail
if a Data Hub method answers a looser type than the model it promises.

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
    Unset,
    or_none,
)


def describe(client: ClientDetails) -> str:
    """One line about a client; every property narrowed to a plain type first."""
    client_id: str = "(no id)" if isinstance(client.id, Unset) else client.id
    if isinstance(client.connected, Unset):
        state = "state unknown"
    else:
        connected: bool = client.connected
        state = "online" if connected else "offline"
    expiry: int | None = or_none(client.session_expiry_interval)
    keeps = "expiry unknown" if expiry is None else f"kept {expiry // 60} min"
    user = "-"
    if isinstance(client.connection, ConnectionDetails):
        username: str | None = or_none(client.connection.username)
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
        assert_type(hub.schemas.get("reading"), PartialSchema)
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
        read = hub.data_policies.get(stored.id, fields=["id"])
        assert_type(read, PartialDataPolicy)
        return [policy.id for policy in hub.data_policies.list() if isinstance(policy.id, str)]

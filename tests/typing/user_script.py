"""A user's script: reads a client's details with plain types, importing only hivemq_rest.

tests/typing/test_user_typing.py checks it with ``mypy --strict`` as a user
would run it, outside this project's mypy settings, and runs it.
"""

from __future__ import annotations

from hivemq_rest import ClientDetails, ConnectionDetails, HiveMQClient, Unset, or_none


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
        for client_id in hivemq.iter_client_ids():
            return describe(hivemq.get_client(client_id))
    return None

"""Each operation on sessions that exist, awkward ids first, with every check.

The generated phases rarely hit an existing session (a random id is 404) and
the stateful links only follow ``items/0/id``. Here every operation that takes
a clientId is called for each test session of the emulator: the awkward ids,
then the seeded ones (which include long, non-ASCII and percent-laden ids), or
on the broker-backed emulator the sessions of real MQTT clients, online and
offline. The answer must be the success the spec documents, for exactly that
session, and pass every Schemathesis check; on the broker a disconnect must
close the real MQTT connection.

Path values are handed to Schemathesis percent-encoded already: it decodes a
path value once before encoding it, so that a raw ``%2F`` would reach the
server as ``/``; an encoded one survives that exactly. Dot segments (``..``)
are encoded as well, or the HTTP stack would remove them from the path.
"""

from __future__ import annotations

from typing import Any, Final

import pytest
from hivemq_rest_generated.operations import (
    GET_ALL_MQTT_CLIENTS,
    GET_MQTT_CLIENT_CONNECTION_STATE,
    GET_MQTT_CLIENT_DETAILS,
    path_segment,
)
from schemathesis import Response

from ._emulator import UNKNOWN_ID
from ._schema import EXTRA_CHECKS, MQTT_CLIENTS_TAG, SCHEMA, Operation, operation_key, operations
from ._targets import Target

#: How many ids of a live broker's first page the read operations visit.
LIVE_SAMPLE: Final = 50


#: The MQTT Clients operations that address one client (Data Hub's client
#: state is tested with the other families).
OPERATIONS: Final = [
    operation
    for operation in operations()
    if "{clientId}" in operation.path and MQTT_CLIENTS_TAG in (operation.tags or ())
]


def call(
    target: Target, operation: Operation, client_id: str, query: dict[str, Any] | None = None
) -> Response:
    """Call ``operation`` for ``client_id`` on ``target`` and run every check on the answer."""
    case = operation.Case(path_parameters={"clientId": path_segment(client_id)}, query=query)
    return case.call_and_validate(additional_checks=EXTRA_CHECKS, **target.kwargs())


def known_ids(target: Target) -> list[str]:
    """The emulator's test sessions (awkward first), or the start of a live broker's listing."""
    if target.admin is not None:
        ids = target.admin.client_ids()
        awkward = target.admin.awkward_ids
        assert set(awkward) <= set(ids), sorted(set(awkward) - set(ids))
        return [*awkward, *(client_id for client_id in ids if client_id not in awkward)]
    listing = SCHEMA[GET_ALL_MQTT_CLIENTS.path]["GET"].Case(query={"limit": LIVE_SAMPLE})
    response = listing.call_and_validate(additional_checks=EXTRA_CHECKS, **target.kwargs())
    return [str(item["id"]) for item in response.json()["items"]]


@pytest.mark.parametrize("operation", OPERATIONS, ids=operation_key)
def test_unknown_client(operation: Operation, prepared_target: Target) -> None:
    """An id without a session is 404 for every operation, with the spec's error body."""
    response = call(prepared_target, operation, UNKNOWN_ID)
    assert response.status_code == 404, response.content[:300]
    errors = response.json()["errors"]
    assert errors, "a 404 names its error"


@pytest.mark.parametrize("operation", OPERATIONS, ids=operation_key)
def test_existing_sessions(operation: Operation, prepared_target: Target) -> None:
    """Each existing session answers the documented success, for exactly that session."""
    target = prepared_target
    operation_id = operation_key(operation)
    is_delete = operation.method.upper() == "DELETE"
    if is_delete and not target.is_emulator:
        # A live broker's sessions are not the suite's to end; the generated
        # phases and the links cover its DELETEs when they are allowed.
        return
    ids = known_ids(target)
    for index, client_id in enumerate(ids):
        query = {"preventWillMessage": ["true", "false"][index % 2]} if is_delete else None
        response = call(target, operation, client_id, query)
        assert response.status_code == (204 if is_delete else 200), (
            f"{operation.label} ({operation_id}) for {client_id!r}: {response.status_code} "
            f"{response.content[:300]!r}"
        )
        body = None if is_delete else response.json()
        if operation_id == "getMqttClientDetails":
            assert body is not None
            assert body["client"]["id"] == client_id
        if operation_id == "getMqttClientConnectionState":
            assert body is not None
            assert isinstance(body["connection"]["connected"], bool)
    if operation_id == "invalidateClientSession" and target.admin is not None:
        details = SCHEMA[GET_MQTT_CLIENT_DETAILS.path]["GET"]
        for client_id in ids:
            assert call(target, details, client_id).status_code == 404, client_id
        invalidated = [e["clientId"] for e in target.admin.events() if e["type"] == "invalidate"]
        assert invalidated == ids
        assert target.admin.client_ids() == []
        for client_id in ids:
            target.admin.check_disconnected(client_id)
    if operation_id == "disconnectClient" and target.admin is not None:
        state = SCHEMA[GET_MQTT_CLIENT_CONNECTION_STATE.path]["GET"]
        for client_id in ids:
            response = call(target, state, client_id)
            assert response.status_code in (200, 404), client_id
            if response.status_code == 200:
                assert response.json()["connection"]["connected"] is False, client_id
        disconnected = [e["clientId"] for e in target.admin.events() if e["type"] == "disconnect"]
        assert disconnected, "no session was connected"
        assert set(disconnected) <= set(ids)
        for client_id in ids:
            target.admin.check_disconnected(client_id)

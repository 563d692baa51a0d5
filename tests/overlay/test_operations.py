"""_operations: the generated requests as the clients send them."""

from __future__ import annotations

from hivemq_rest import _operations as op
from hivemq_rest_generated.operations import Request


def test_calls_carry_the_generated_requests() -> None:
    assert op.list_clients({"limit": 50, "cursor": "c/1="}) == op.Call(
        "GET",
        "/api/v1/mqtt/clients?limit=50&cursor=c%2F1%3D",
        operation_id="getAllMqttClients",
        template="/api/v1/mqtt/clients",
    )
    assert op.disconnect("..", prevent_will_message=True) == op.Call(
        "DELETE",
        "/api/v1/mqtt/clients/%2E%2E/connection?preventWillMessage=true",
        idempotent_delete=True,
        names_client=True,
        operation_id="disconnectClient",
        template="/api/v1/mqtt/clients/{clientId}/connection",
    )
    assert op.subscriptions("a", "n=") == op.Call(
        "GET",
        "/api/v1/mqtt/clients/a/subscriptions",
        {"cursor": "n="},
        names_client=True,
        operation_id="getSubscriptionsForMqttClient",
        template="/api/v1/mqtt/clients/{clientId}/subscriptions",
    )


def test_headers_and_bodies_go_with_the_call() -> None:
    request = Request("POST", "/x", headers=(("If-Match", "e"),), content=b"{}")
    call = op.call_for(request)
    assert (call.method, call.path, call.headers, call.content) == (
        "POST",
        "/x",
        (("If-Match", "e"),),
        b"{}",
    )

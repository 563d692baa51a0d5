"""_operations: the generated requests as the clients send them."""

from __future__ import annotations

import pytest
from hivemq_rest import _operations as op
from hivemq_rest_generated.operations import Request


def test_calls_carry_the_generated_requests() -> None:
    assert op.list_clients({"limit": 50, "cursor": "c/1="}) == op.Call(
        "GET", "/api/v1/mqtt/clients?limit=50&cursor=c%2F1%3D"
    )
    assert op.disconnect("..", prevent_will_message=True) == op.Call(
        "DELETE",
        "/api/v1/mqtt/clients/%2E%2E/connection?preventWillMessage=true",
        idempotent_delete=True,
    )
    assert op.subscriptions("a", "n=") == op.Call(
        "GET", "/api/v1/mqtt/clients/a/subscriptions", {"cursor": "n="}
    )


@pytest.mark.parametrize(
    "request_",
    [Request("POST", "/x", content=b"{}"), Request("GET", "/x", headers=(("If-Match", "e"),))],
)
def test_a_request_the_clients_cannot_send_yet_is_refused(request_: Request) -> None:
    # Bodies and headers need _send to pass them on; until then they must not be dropped.
    with pytest.raises(NotImplementedError, match="headers or a body"):
        op._call(request_)

"""Every documented error status of every Data Hub operation raises its typed error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import httpx
import pytest
from hivemq_rest import (
    AlreadyPresentError,
    APIStatusError,
    BadRequestError,
    BehaviorPolicy,
    ClientNotFoundError,
    CursorExpiredError,
    DataPolicy,
    NotFoundError,
    PreconditionFailedError,
    ServiceUnavailableError,
    UnexpectedResponseError,
)
from hivemq_rest_generated import operations as api

from tests.overlay.fake_api import FakeAPI, problem

from .data_hub_stub import BEHAVIOR_POLICY, DATA_POLICY, KINDS, run

_DATA = DataPolicy.from_dict(DATA_POLICY)
_BEHAVIOR = BehaviorPolicy.from_dict(BEHAVIOR_POLICY)

#: How each Data Hub operation is called, by its operationId.
CALLS: Final[dict[str, Callable[[Any], Any]]] = {
    "getAllDataPolicies": lambda hub: hub.data_policies.list(),
    "createDataPolicy": lambda hub: hub.data_policies.create(_DATA),
    "getDataPolicy": lambda hub: hub.data_policies.get("p"),
    "updateDataPolicy": lambda hub: hub.data_policies.update(_DATA),
    "deleteDataPolicy": lambda hub: hub.data_policies.delete("p"),
    "getAllBehaviorPolicies": lambda hub: hub.behavior_policies.list(),
    "createBehaviorPolicy": lambda hub: hub.behavior_policies.create(_BEHAVIOR),
    "getBehaviorPolicy": lambda hub: hub.behavior_policies.get("p"),
    "updateBehaviorPolicy": lambda hub: hub.behavior_policies.update(_BEHAVIOR),
    "deleteBehaviorPolicy": lambda hub: hub.behavior_policies.delete("p"),
    "getAllSchemas": lambda hub: hub.schemas.list(),
    "createSchema": lambda hub: hub.schemas.create_json("s", {"type": "object"}),
    "getSchema": lambda hub: hub.schemas.get("s"),
    "deleteSchema": lambda hub: hub.schemas.delete("s"),
    "getAllScripts": lambda hub: hub.scripts.list(),
    "createScript": lambda hub: hub.scripts.create_js("s", "function transform() {}"),
    "getScript": lambda hub: hub.scripts.get("s"),
    "deleteScript": lambda hub: hub.scripts.delete("s"),
    "getClientState": lambda hub: hub.client_state("sensor/1"),
    "startTrialMode": lambda hub: hub.start_trial(),
}
OPERATIONS: Final = [
    value
    for value in vars(api).values()
    if isinstance(value, api.Operation) and "/data-hub/" in value.path
]
ERRORS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    404: NotFoundError,
    410: CursorExpiredError,
    412: PreconditionFailedError,
    503: ServiceUnavailableError,
}
CASES: Final = [
    pytest.param(operation, answer.status, id=f"{operation.operation_id}-{answer.status}")
    for operation in OPERATIONS
    for answer in operation.answers
    if answer.status >= 400
]


def test_every_data_hub_operation_is_called() -> None:
    assert sorted(CALLS) == sorted(operation.operation_id for operation in OPERATIONS)
    assert len(OPERATIONS) == 20


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("operation", "status"), CASES)
def test_documented_status_raises_its_error(
    kind: str, operation: api.Operation, status: int
) -> None:
    fake = FakeAPI().script(problem(status, "Some title", "some detail"))
    with pytest.raises(APIStatusError) as caught:
        run(kind, fake, CALLS[operation.operation_id])
    expected = ERRORS[status]
    if status == 404 and operation.operation_id == "getClientState":
        expected = ClientNotFoundError  # the path names one MQTT client
    assert type(caught.value) is expected
    assert (caught.value.status, caught.value.title) == (status, "Some title")
    assert caught.value.method == operation.method
    assert len(fake.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("operation_id", "title"),
    [("createSchema", "Schema already present"), ("createScript", "Script already present")],
)
def test_creating_the_latest_version_again_is_already_present(
    kind: str, operation_id: str, title: str
) -> None:
    fake = FakeAPI().script(problem(400, title, "the same definition"))
    with pytest.raises(AlreadyPresentError) as caught:
        run(kind, fake, CALLS[operation_id])
    assert isinstance(caught.value, BadRequestError)  # still a 400 for those who catch that
    assert (caught.value.status, caught.value.detail) == (400, "the same definition")
    assert isinstance(caught.value.__cause__, BadRequestError)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("operation_id", ["createSchema", "createScript", "createDataPolicy"])
@pytest.mark.parametrize(
    "title", ["Schema not parsable", "Policy id already used", "Invalid input"]
)
def test_other_bad_requests_of_a_create_stay_bad_requests(
    kind: str, operation_id: str, title: str
) -> None:
    fake = FakeAPI().script(problem(400, title))
    with pytest.raises(BadRequestError) as caught:
        run(kind, fake, CALLS[operation_id])
    assert type(caught.value) is BadRequestError


BODY_CASES: Final = [
    pytest.param(operation_id, body, id=f"{operation_id}-{body[:6]!r}")
    for operation_id in CALLS
    if operation_id != "startTrialMode" and not operation_id.startswith("delete")
    for body in [b"<html>proxy</html>", b"[1, 2]", b'"text"', b'{"items": 5}']
    # A partial policy, schema or script may hold any unknown property.
    if body != b'{"items": 5}'
    or operation_id.startswith("getAll")
    or operation_id == "getClientState"
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("operation_id", "body"), BODY_CASES)
def test_a_body_that_is_not_the_spec_raises_unexpected_response(
    kind: str, operation_id: str, body: bytes
) -> None:
    status = 201 if operation_id.startswith("create") else 200
    fake = FakeAPI(httpx.Response(status, content=body))
    with pytest.raises(UnexpectedResponseError):
        run(kind, fake, CALLS[operation_id])


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("operation_id", ["createDataPolicy", "createSchema", "createScript"])
def test_a_created_answer_without_required_properties_is_unexpected(
    kind: str, operation_id: str
) -> None:
    fake = FakeAPI(httpx.Response(201, content=b'{"createdAt": "2026-01-01T00:00:00Z"}'))
    with pytest.raises(UnexpectedResponseError, match="does not parse"):
        run(kind, fake, CALLS[operation_id])

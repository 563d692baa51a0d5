"""The routing table: the REST API's 37 operations of the spec, on the raw path."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hivemq_rest_emulator import FaultConfig, create_app
from hivemq_rest_emulator.core import ApiError, ApiRequest, Handler
from hivemq_rest_emulator.core.problems import json_response
from hivemq_rest_emulator.core.routing import RoutingTable, rest_operations, spec_operations
from hivemq_rest_emulator.services.health import health_operations
from hivemq_rest_generated.operations import (
    DOWNLOAD_BACKUP_FILE,
    GET_BACKUP,
    GET_CLIENT_STATE,
    Operation,
    path_segment,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.responses import Response

from tests.emulator.helpers import asgi_request, assert_error

OPERATIONS = rest_operations()
TABLE = RoutingTable(OPERATIONS)


def _concrete(operation: Operation, value: str = "x") -> str:
    path = operation.path
    for parameter in operation.parameters:
        if parameter.location == "path":
            path = path.replace("{" + parameter.name + "}", path_segment(value))
    return path


def test_the_table_holds_every_operation_of_the_spec() -> None:
    assert len(OPERATIONS) == 37
    assert len({operation.operation_id for operation in OPERATIONS}) == 37
    # The Health API's six have a listener of their own; together they are the spec.
    assert len(health_operations()) == 6
    assert set(OPERATIONS) | set(health_operations()) == set(spec_operations())


def test_the_rest_listener_does_not_route_the_health_api() -> None:
    app_table = create_app().routing
    for operation in health_operations():
        with pytest.raises(ApiError) as raised:
            app_table.resolve("GET", _concrete(operation).encode())
        assert raised.value.status == 404


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.operation_id)
def test_each_operation_is_found_by_its_method_and_path(operation: Operation) -> None:
    route = TABLE.resolve(operation.method, _concrete(operation).encode())
    assert route.operation == operation
    names = {p.name for p in operation.parameters if p.location == "path"}
    assert route.path == dict.fromkeys(names, "x")


@settings(derandomize=True, max_examples=200)
@given(st.text(st.characters(codec="utf-8"), min_size=1))
def test_path_parameters_are_decoded_once(value: str) -> None:
    route = TABLE.resolve("GET", _concrete(GET_BACKUP, value).encode())
    assert route.path == {"backupId": value}


def test_a_literal_segment_is_not_a_parameter() -> None:
    # files/backups/{id} is another resource than backups/{id}.
    assert TABLE.resolve("GET", b"/api/v1/management/files/backups/b").operation == (
        DOWNLOAD_BACKUP_FILE
    )


@pytest.mark.parametrize(
    "path",
    [
        b"/",
        b"/api/v1",
        b"/api/v1/management/backups/a/b",
        b"/api/v1/data-hub/behavior-validation/states",
        b"/api/v1/mqtt/clients/a/nothing",
    ],
)
def test_unknown_paths_are_404(path: bytes) -> None:
    with pytest.raises(ApiError) as caught:
        TABLE.resolve("GET", path)
    assert caught.value.status == 404


def test_a_wrong_method_is_405_with_allow() -> None:
    with pytest.raises(ApiError) as caught:
        TABLE.resolve("DELETE", b"/api/v1/management/backups/b")
    assert caught.value.status == 405
    assert set(caught.value.headers["Allow"].split(", ")) == {"GET", "HEAD", "POST"}


@pytest.mark.parametrize(
    ("path", "title", "detail"),
    [
        (b"/api/v1/data-hub/behavior-validation/states/", "Required parameter missing", "empty"),
        (b"/api/v1/data-hub/behavior-validation/states/%zz", "Invalid path parameter", "escape"),
        (b"/api/v1/data-hub/behavior-validation/states/%ff", "Invalid path parameter", "UTF-8"),
    ],
)
def test_bad_path_parameters_are_400_naming_the_parameter(
    path: bytes, title: str, detail: str
) -> None:
    with pytest.raises(ApiError, match=detail) as caught:
        TABLE.resolve("GET", path)
    assert (caught.value.status, caught.value.title) == (400, title)
    assert "'clientId'" in caught.value.detail


def test_an_operation_without_a_family_is_501() -> None:
    app = create_app(services=[])
    detail = assert_error(
        asgi_request(app, "GET", _concrete(GET_CLIENT_STATE)), 501, "Not implemented"
    )
    assert "getClientState" in detail


class _Backups:
    """A family answering one operation, to see what the core hands it."""

    def __init__(self) -> None:
        self.seen: list[ApiRequest] = []
        self.resets = 0

    def handlers(self) -> Mapping[str, Handler]:
        return {"getBackup": self._get}

    def reset(self) -> None:
        self.resets += 1

    def _get(self, request: ApiRequest) -> Response:
        self.seen.append(request)
        if request.path["backupId"] == "missing":
            raise ApiError(404, "Backup not found", "no such backup", {"X-Why": "test"})
        return json_response({"id": request.path["backupId"]})


def test_a_registered_family_gets_the_routed_request() -> None:
    family = _Backups()
    app = create_app(services=[family])
    response = asgi_request(app, "GET", _concrete(GET_BACKUP, "a/b é") + "?x=1")
    assert response.json() == {"id": "a/b é"}
    (request,) = family.seen
    assert request.operation == GET_BACKUP
    assert request.query["x"] == "1"
    missing = asgi_request(app, "GET", _concrete(GET_BACKUP, "missing"))
    assert_error(missing, 404, "Backup not found")
    assert missing.headers["X-Why"] == "test"


def test_families_are_checked_when_registered() -> None:
    with pytest.raises(ValueError, match="two services"):
        create_app(services=[_Backups(), _Backups()])

    class _Typo(_Backups):
        def handlers(self) -> Mapping[str, Handler]:
            return {"getBackups": self._get}

    with pytest.raises(ValueError, match="no operation 'getBackups'"):
        create_app(services=[_Typo()])


def test_faults_apply_to_every_family() -> None:
    family = _Backups()
    app = create_app(services=[family])
    app.faults.configure(FaultConfig(unavailable_ratio=1.0, retry_after=7))
    for path in (_concrete(GET_BACKUP), _concrete(GET_CLIENT_STATE), "/api/v1/mqtt/clients"):
        response = asgi_request(app, "GET", path)
        assert_error(response, 503)
        assert response.headers["Retry-After"] == "7"
    assert family.seen == []

"""The served emulator wires every family: ``hivemq-emulator serve`` as a child process, over HTTP.

One server for the module, started with ``--backup-seconds`` and
``--backup-bytes`` far from their defaults (2 s, 1 MiB), so that the backup
tests show the options reach the backups family. Each test starts from
``DELETE /_emulator/state``.
"""

from __future__ import annotations

import base64
import json as json_text
from collections.abc import Iterator
from typing import Any, Final

import httpx
import pytest
from hivemq_rest_emulator.testing import EmulatorProcess
from hivemq_rest_generated import operations as ops
from hivemq_rest_generated.operations import Operation, build

BACKUP_SECONDS: Final = 3600
BACKUP_BYTES: Final = 12_345


@pytest.fixture(scope="module")
def server() -> Iterator[EmulatorProcess]:
    """The emulator served with non-default backup options."""
    options = ("--backup-seconds", str(BACKUP_SECONDS), "--backup-bytes", str(BACKUP_BYTES))
    with EmulatorProcess(*options, start_timeout=30.0) as process:
        yield process


@pytest.fixture
def http(server: EmulatorProcess) -> Iterator[httpx.Client]:
    """A client of the server, every family reset."""
    with httpx.Client(base_url=server.base_url, timeout=10.0) as client:
        assert client.delete("/_emulator/state").status_code == 204
        yield client


def call(
    http: httpx.Client,
    operation: Operation,
    arguments: dict[str, object] | None = None,
    json: dict[str, Any] | None = None,
) -> httpx.Response:
    """Send ``operation``, built from the spec (a JSON body through its generated model)."""
    model = None
    if json is not None:
        assert operation.body is not None
        assert operation.body.model is not None
        model = operation.body.model.from_dict(json)  # type: ignore[attr-defined]
    request = build(operation, arguments or {}, model)
    return http.request(
        request.method, request.target, headers=list(request.headers), content=request.content
    )


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode("ascii")


SCHEMA: Final = {
    "id": "reading",
    "type": "JSON",
    "schemaDefinition": _b64(json_text.dumps({"type": "object"})),
}
SCRIPT: Final = {
    "id": "pass",
    "functionType": "TRANSFORMATION",
    "source": _b64("function transform(p, c) { return p; }"),
}
BEHAVIOR_POLICY: Final = {
    "id": "quota",
    "matching": {"clientIdRegex": "sensor-.*"},
    "behavior": {"id": "Publish.quota", "arguments": {"maxPublishes": 10}},
    "onTransitions": [],
}
TRACE_RECORDING: Final = {
    "traceRecording": {
        "name": "trace-1",
        "startAt": "2020-01-01T00:00:00Z",
        "endAt": "2100-01-01T00:00:00Z",
        "clientIdFilters": [{"regex": "sensor-.*"}],
        "events": ["MQTT_MESSAGE_PUBLISH"],
    }
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("operation", "status"),
    [
        (ops.GET_ALL_MQTT_CLIENTS, 200),
        (ops.GET_ALL_SCHEMAS, 200),
        (ops.GET_ALL_SCRIPTS, 200),
        (ops.GET_ALL_DATA_POLICIES, 200),
        (ops.GET_ALL_BEHAVIOR_POLICIES, 200),
        (ops.START_TRIAL_MODE, 204),
        (ops.GET_ALL_BACKUPS, 200),
        (ops.GET_ALL_TRACE_RECORDINGS, 200),
        (ops.CREATE_DIAGNOSTIC_ARCHIVE, 200),
    ],
    ids=lambda value: value.operation_id if isinstance(value, Operation) else str(value),
)
def test_the_served_app_answers_each_family(
    http: httpx.Client, operation: Operation, status: int
) -> None:
    answer = call(http, operation)
    assert answer.status_code == status, answer.text


@pytest.mark.slow
def test_client_state_reads_the_sessions_backend(http: httpx.Client) -> None:
    sessions = [
        {"id": "sensor-online", "connected": True},
        {"id": "sensor-offline", "sessionExpiryInterval": 3600},
    ]
    assert http.post("/_emulator/sessions", json=sessions).status_code == 201
    assert call(http, ops.CREATE_BEHAVIOR_POLICY, json=BEHAVIOR_POLICY).status_code == 201
    online = call(http, ops.GET_CLIENT_STATE, {"clientId": "sensor-online"})
    assert online.status_code == 200, online.text
    assert [item["policyId"] for item in online.json()["items"]] == ["quota"]
    for client_id in ("sensor-offline", "sensor-unknown"):
        answer = call(http, ops.GET_CLIENT_STATE, {"clientId": client_id})
        assert answer.status_code == 404, (client_id, answer.text)
    # Disconnecting through the MQTT clients API is seen by Data Hub at once.
    disconnected = call(http, ops.DISCONNECT_CLIENT, {"clientId": "sensor-online"})
    assert disconnected.status_code == 204
    assert call(http, ops.GET_CLIENT_STATE, {"clientId": "sensor-online"}).status_code == 404


def _advance(http: httpx.Client, seconds: float) -> None:
    assert http.put("/_emulator/clock", json={"advanceSeconds": seconds}).status_code == 200


@pytest.mark.slow
def test_backup_options_of_serve_take_effect(http: httpx.Client) -> None:
    created = call(http, ops.CREATE_BACKUP)
    assert created.status_code == 200, created.text
    arguments = {"backupId": created.json()["backup"]["id"]}
    # Past the default duration (2 s) but not --backup-seconds: still running.
    _advance(http, 10)
    assert call(http, ops.GET_BACKUP, arguments).json()["backup"]["state"] == "IN_PROGRESS"
    assert call(http, ops.DOWNLOAD_BACKUP_FILE, arguments).status_code == 400
    _advance(http, BACKUP_SECONDS)
    backup = call(http, ops.GET_BACKUP, arguments).json()["backup"]
    assert (backup["state"], backup["bytes"]) == ("COMPLETED", BACKUP_BYTES)
    download = call(http, ops.DOWNLOAD_BACKUP_FILE, arguments)
    assert download.status_code == 200
    assert len(download.content) == BACKUP_BYTES


def _fill_every_family(http: httpx.Client) -> None:
    assert http.post("/_emulator/sessions", json=[{"id": "sensor-1"}]).status_code == 201
    assert call(http, ops.CREATE_SCHEMA, json=SCHEMA).status_code == 201
    assert call(http, ops.CREATE_SCRIPT, json=SCRIPT).status_code == 201
    policy = {
        "id": "readings",
        "matching": {"topicFilter": "sensors/#"},
        "onFailure": {"pipeline": [{"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}]},
    }
    assert call(http, ops.CREATE_DATA_POLICY, json=policy).status_code == 201
    assert call(http, ops.CREATE_BEHAVIOR_POLICY, json=BEHAVIOR_POLICY).status_code == 201
    assert call(http, ops.START_TRIAL_MODE).status_code == 204
    assert call(http, ops.CREATE_BACKUP).status_code == 200
    assert call(http, ops.CREATE_TRACE_RECORDING, json=TRACE_RECORDING).status_code == 201


LISTINGS: Final = (
    ops.GET_ALL_MQTT_CLIENTS,
    ops.GET_ALL_SCHEMAS,
    ops.GET_ALL_SCRIPTS,
    ops.GET_ALL_DATA_POLICIES,
    ops.GET_ALL_BEHAVIOR_POLICIES,
    ops.GET_ALL_BACKUPS,
    ops.GET_ALL_TRACE_RECORDINGS,
)


@pytest.mark.slow
def test_delete_state_empties_every_family(http: httpx.Client) -> None:
    _fill_every_family(http)
    for operation in LISTINGS:
        assert call(http, operation).json()["items"], operation.operation_id
    assert http.delete("/_emulator/state").status_code == 204
    for operation in LISTINGS:
        assert call(http, operation).json()["items"] == [], operation.operation_id
    # The trial is over too: it starts again.
    assert call(http, ops.START_TRIAL_MODE).status_code == 204

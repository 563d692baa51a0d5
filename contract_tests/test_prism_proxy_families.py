"""Every operation of the other families through ``prism proxy --errors``, in front of the emulator.

test_prism_proxy.py drives the MQTT clients operations; this module drives the
31 others (Data Hub, backups, diagnostic archives, trace recordings) in front
of the in-memory emulator served over HTTP, reset before each test. Requests
are built with :func:`hivemq_rest_generated.operations.build` and sent with
httpx through a recording transport; each step states the status it must get,
successes and documented refusals alike, and no exchange may carry a
violation in either direction. Prism's proxy passes binary bodies on as UTF-8
text, so the downloads are checked for their status and type only here. The
broker-backed emulator serves these families with the same services, so the
in-memory upstream stands for both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

import httpx
import pytest
from hivemq_rest_generated import operations as ops
from hivemq_rest_generated.operations import Operation, build

from ._bodies import valid_body
from ._emulator import HttpAdmin
from ._prism import PrismServer, RecordingTransport
from ._schema import FULL_SCHEMA, MQTT_CLIENTS_TAG, operation_key, operations

#: Emulator seconds that complete a backup (the server's --backup-seconds is the default, 2).
BACKUP_WAIT: Final = 60.0
#: The connected session whose Data Hub client state is read.
CONNECTED_ID: Final = "sensor-7-a"


@pytest.fixture(scope="module")
def family_proxy(emulator_proxy: PrismServer) -> PrismServer:
    """``prism proxy --errors openapi.yaml <emulator>`` on 127.0.0.1 (the session's)."""
    return emulator_proxy


class Driver:
    """Sends operations through Prism and remembers which operations it sent."""

    def __init__(self, proxy: PrismServer, recorder: RecordingTransport) -> None:
        self.proxy = proxy
        self.recorder = recorder
        self.sent: set[str] = set()
        self._http = httpx.Client(base_url=proxy.base_url, transport=recorder, timeout=30.0)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def send(
        self,
        operation: Operation,
        status: int,
        arguments: Mapping[str, object] | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> httpx.Response:
        """Send ``operation`` (a JSON body as a dict) and require ``status``."""
        model = None
        if body is not None:
            assert operation.body is not None
            assert operation.body.model is not None
            model = operation.body.model.from_dict(dict(body))  # type: ignore[attr-defined]
        request = build(operation, arguments or {}, model)
        response = self._http.request(
            request.method, request.target, headers=list(request.headers), content=request.content
        )
        self.sent.add(operation.operation_id)
        assert response.status_code == status, (
            f"{operation.operation_id} {request.target}: {response.status_code}, "
            f"expected {status}: {response.text[:300]}"
        )
        return response


@pytest.fixture
def driver(family_proxy: PrismServer, emulator_admin: HttpAdmin) -> Iterator[Driver]:
    """A driver through Prism, the emulator reset (every family)."""
    emulator_admin.reset()
    recorder = RecordingTransport()
    driver = Driver(family_proxy, recorder)
    yield driver
    driver.close()
    recorder.close()


def assert_clean(driver: Driver) -> None:
    """Requests went through Prism, and none of them showed a violation."""
    assert driver.recorder.exchanges, "no request went through Prism"
    violations = driver.recorder.violations()
    assert not violations, "\n".join([*violations, driver.proxy.process.tail()])
    driver.proxy.process.check_alive()


def _schema_reference_policy(schema_id: str) -> dict[str, Any]:
    policy = valid_body("createDataPolicy", 1)
    policy["validation"] = {
        "validators": [
            {
                "type": "schema",
                "arguments": {
                    "strategy": "ALL_OF",
                    "schemas": [{"schemaId": schema_id, "version": "latest"}],
                },
            }
        ]
    }
    return policy


def test_data_hub_through_proxy(driver: Driver, emulator_admin: HttpAdmin) -> None:
    """Schemas, scripts, both kinds of policies, client state and the trial."""
    send = driver.send
    schema = valid_body("createSchema", 1)
    send(ops.CREATE_SCHEMA, 201, body=schema)
    send(ops.CREATE_SCHEMA, 400, body=schema)  # the latest version again
    assert send(ops.GET_SCHEMA, 200, {"schemaId": "schema-1"}).json()["version"] == 1
    assert len(send(ops.GET_ALL_SCHEMAS, 200, {"fields": "id,type"}).json()["items"]) == 1
    send(ops.GET_SCHEMA, 404, {"schemaId": "no-such-schema"})
    send(ops.CREATE_SCRIPT, 201, body=valid_body("createScript", 1))
    send(ops.GET_SCRIPT, 200, {"scriptId": "script-1"})
    send(ops.GET_ALL_SCRIPTS, 200, {"functionTypes": "TRANSFORMATION"})

    policy = _schema_reference_policy("schema-1")
    send(ops.CREATE_DATA_POLICY, 201, body=policy)
    read = send(ops.GET_DATA_POLICY, 200, {"policyId": policy["id"]})
    listed = send(ops.GET_ALL_DATA_POLICIES, 200, {"topic": "sensors/1/x"}).json()["items"]
    assert [item["id"] for item in listed] == [policy["id"]]
    send(ops.GET_ALL_DATA_POLICIES, 200, {"schemaIds": "schema-1", "limit": 10})
    etag = read.headers.get("ETag")
    assert etag
    send(ops.UPDATE_DATA_POLICY, 200, {"policyId": policy["id"], "If-Match": etag}, body=policy)
    send(ops.UPDATE_DATA_POLICY, 412, {"policyId": policy["id"], "If-Match": etag}, body=policy)
    send(ops.DELETE_SCHEMA, 400, {"schemaId": "schema-1"})  # the policy uses it

    behavior = valid_body("createBehaviorPolicy", 7)
    send(ops.CREATE_BEHAVIOR_POLICY, 201, body=behavior)
    send(ops.GET_BEHAVIOR_POLICY, 200, {"policyId": behavior["id"]})
    send(ops.GET_ALL_BEHAVIOR_POLICIES, 200, {"clientIds": CONNECTED_ID})
    send(ops.UPDATE_BEHAVIOR_POLICY, 200, {"policyId": behavior["id"]}, body=behavior)
    emulator_admin.add_sessions([{"id": CONNECTED_ID, "connected": True}])
    state = send(ops.GET_CLIENT_STATE, 200, {"clientId": CONNECTED_ID}).json()
    assert [item["policyId"] for item in state["items"]] == [behavior["id"]]
    send(ops.GET_CLIENT_STATE, 404, {"clientId": "no-such-client"})

    send(ops.START_TRIAL_MODE, 204)
    send(ops.START_TRIAL_MODE, 400)  # already running

    send(ops.DELETE_DATA_POLICY, 204, {"policyId": policy["id"]})
    send(ops.DELETE_DATA_POLICY, 404, {"policyId": policy["id"]})
    send(ops.DELETE_BEHAVIOR_POLICY, 204, {"policyId": behavior["id"]})
    send(ops.GET_BEHAVIOR_POLICY, 404, {"policyId": behavior["id"]})
    send(ops.DELETE_SCHEMA, 204, {"schemaId": "schema-1"})
    send(ops.DELETE_SCRIPT, 204, {"scriptId": "script-1"})
    send(ops.GET_SCRIPT, 404, {"scriptId": "script-1"})
    assert_clean(driver)


def test_backups_and_archives_through_proxy(driver: Driver, emulator_admin: HttpAdmin) -> None:
    """A backup from IN_PROGRESS to a download and a restore; a diagnostic archive."""
    send = driver.send
    assert send(ops.GET_ALL_BACKUPS, 200).json()["items"] == []
    backup = send(ops.CREATE_BACKUP, 200).json()["backup"]
    arguments = {"backupId": backup["id"]}
    assert send(ops.GET_BACKUP, 200, arguments).json()["backup"]["state"] == "IN_PROGRESS"
    send(ops.DOWNLOAD_BACKUP_FILE, 400, arguments)
    send(ops.RESTORE_BACKUP, 400, arguments)
    emulator_admin.advance_clock(BACKUP_WAIT)
    completed = send(ops.GET_BACKUP, 200, arguments).json()["backup"]
    assert completed["state"] == "COMPLETED"
    download = send(ops.DOWNLOAD_BACKUP_FILE, 200, arguments)
    # Prism's proxy passes a binary body on as UTF-8 text (every invalid byte
    # becomes U+FFFD), so only its type is checked here; the bytes are checked
    # straight from the emulator (tests/emulator/test_families_http.py).
    assert download.headers["content-type"].startswith("application/octet-stream")
    assert completed["bytes"] > 0
    restored = send(ops.RESTORE_BACKUP, 200, arguments).json()["backup"]
    assert restored["state"].startswith("RESTORE_")
    send(ops.GET_BACKUP, 404, {"backupId": "no-such-backup"})
    send(ops.DOWNLOAD_BACKUP_FILE, 404, {"backupId": "no-such-backup"})
    send(ops.CREATE_DIAGNOSTIC_ARCHIVE, 200)
    assert_clean(driver)


def test_trace_recordings_through_proxy(driver: Driver) -> None:
    """Create, list, download (a zip), stop, delete, and the refusals."""
    send = driver.send
    body = valid_body("createTraceRecording", 1)
    name = body["traceRecording"]["name"]
    send(ops.CREATE_TRACE_RECORDING, 201, body=body)
    send(ops.CREATE_TRACE_RECORDING, 400, body={"traceRecording": {"name": "x"}})
    listed = send(ops.GET_ALL_TRACE_RECORDINGS, 200).json()["items"]
    assert [item["name"] for item in listed] == [name]
    arguments = {"traceRecordingId": name}
    download = send(ops.DOWNLOAD_TRACE_RECORDING_FILE, 200, arguments)
    # The zip is checked straight from the emulator: Prism mangles binary bodies.
    assert download.headers["content-type"].startswith("application/zip")
    stop = {"traceRecording": {"name": name, "state": "STOPPED"}}  # the spec requires the name
    stopped = send(ops.STOP_TRACE_RECORDING, 200, arguments, body=stop).json()
    assert stopped["traceRecording"]["state"] == "STOPPED"
    send(ops.STOP_TRACE_RECORDING, 404, {"traceRecordingId": "no-such-recording"}, body=stop)
    send(ops.DELETE_TRACE_RECORDING, 204, arguments)
    send(ops.DELETE_TRACE_RECORDING, 404, arguments)
    send(ops.DOWNLOAD_TRACE_RECORDING_FILE, 404, arguments)
    assert_clean(driver)


def test_every_other_family_operation_is_driven(driver: Driver, emulator_admin: HttpAdmin) -> None:
    """The three tests above send every operation outside MQTT Clients (that is proxy's)."""
    test_data_hub_through_proxy(driver, emulator_admin)
    test_backups_and_archives_through_proxy(driver, emulator_admin)
    emulator_admin.reset()
    test_trace_recordings_through_proxy(driver)
    wanted = {
        operation_key(operation)
        for operation in operations(FULL_SCHEMA)
        if MQTT_CLIENTS_TAG not in (operation.tags or ())
    }
    assert len(wanted) == 31
    assert driver.sent == wanted

"""Every operation of openapi.yaml, and where it lives: client method, CLI command.

Declared here once, by family; tests/spec/test_operation_map.py checks it
against the spec, both clients, the ``hivemq-rest`` commands, the emulator's
handlers and docs/reference/operations.md, so that an operation cannot be
added to one of them and forgotten in another. Adding an operation is one
line in its family; adding a family is one more entry in ``FAMILIES``.
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = ["ALSO_SENDS", "FAMILIES", "OPERATIONS", "Route"]


class Route(NamedTuple):
    """Where one operation is: the method under the client, the CLI command."""

    method: str  # dotted, from the client: "clients.get"
    # The words after ``hivemq-rest``: "clients show"; an argument in capitals
    # when it alone tells two operations of one command apart ("health extensions ID").
    command: str


FAMILIES: Final[dict[str, dict[str, Route]]] = {
    "MQTT clients": {
        "getAllMqttClients": Route("clients.list", "clients list"),
        "getMqttClientDetails": Route("clients.get", "clients show"),
        "getMqttClientConnectionState": Route("clients.connection_state", "clients state"),
        "getSubscriptionsForMqttClient": Route("clients.subscriptions", "clients subscriptions"),
        "disconnectClient": Route("clients.disconnect", "clients disconnect"),
        "invalidateClientSession": Route("clients.invalidate_session", "clients invalidate"),
    },
    "Data Hub": {
        "getAllDataPolicies": Route("data_hub.data_policies.list", "data-hub data-policies list"),
        "getDataPolicy": Route("data_hub.data_policies.get", "data-hub data-policies get"),
        "createDataPolicy": Route("data_hub.data_policies.create", "data-hub data-policies create"),
        "updateDataPolicy": Route("data_hub.data_policies.update", "data-hub data-policies update"),
        "deleteDataPolicy": Route("data_hub.data_policies.delete", "data-hub data-policies delete"),
        "getAllBehaviorPolicies": Route(
            "data_hub.behavior_policies.list", "data-hub behavior-policies list"
        ),
        "getBehaviorPolicy": Route(
            "data_hub.behavior_policies.get", "data-hub behavior-policies get"
        ),
        "createBehaviorPolicy": Route(
            "data_hub.behavior_policies.create", "data-hub behavior-policies create"
        ),
        "updateBehaviorPolicy": Route(
            "data_hub.behavior_policies.update", "data-hub behavior-policies update"
        ),
        "deleteBehaviorPolicy": Route(
            "data_hub.behavior_policies.delete", "data-hub behavior-policies delete"
        ),
        "getAllSchemas": Route("data_hub.schemas.list", "data-hub schemas list"),
        "getSchema": Route("data_hub.schemas.get", "data-hub schemas get"),
        "createSchema": Route("data_hub.schemas.create", "data-hub schemas create"),
        "deleteSchema": Route("data_hub.schemas.delete", "data-hub schemas delete"),
        "getAllScripts": Route("data_hub.scripts.list", "data-hub scripts list"),
        "getScript": Route("data_hub.scripts.get", "data-hub scripts get"),
        "createScript": Route("data_hub.scripts.create", "data-hub scripts create"),
        "deleteScript": Route("data_hub.scripts.delete", "data-hub scripts delete"),
        "getClientState": Route("data_hub.client_state", "data-hub state"),
        "startTrialMode": Route("data_hub.start_trial", "data-hub trial start"),
    },
    "Backups": {
        "getAllBackups": Route("backups.list", "backups list"),
        "createBackup": Route("backups.create", "backups create"),
        "getBackup": Route("backups.get", "backups get"),
        "restoreBackup": Route("backups.restore", "backups restore"),
        "downloadBackupFile": Route("backups.download", "backups download"),
    },
    "Trace recordings": {
        "getAllTraceRecordings": Route("trace_recordings.list", "trace-recordings list"),
        "createTraceRecording": Route("trace_recordings.create", "trace-recordings create"),
        "stopTraceRecording": Route("trace_recordings.stop", "trace-recordings stop"),
        "deleteTraceRecording": Route("trace_recordings.delete", "trace-recordings delete"),
        "downloadTraceRecordingFile": Route(
            "trace_recordings.download", "trace-recordings download"
        ),
    },
    "Diagnostic archives": {
        "createDiagnosticArchive": Route(
            "diagnostic_archives.create", "diagnostic-archives create"
        ),
    },
    # The Health API: an Addition from the documentation, on its own listener.
    "Health": {
        "getHealth": Route("health.status", "health status"),
        "getComponentHealth": Route("health.component", "health component"),
        "getExtensionsHealth": Route("health.extensions", "health extensions"),
        "getExtensionHealth": Route("health.extension", "health extensions ID"),
        "getLiveness": Route("health.liveness", "health liveness"),
        "getReadiness": Route("health.readiness", "health readiness"),
    },
}

#: Every operation by its operationId.
OPERATIONS: Final[dict[str, Route]] = {
    operation_id: route for family in FAMILIES.values() for operation_id, route in family.items()
}

#: The other public methods, each with the operation it sends (the same
#: request as the operation's own method, another view of its answer).
ALSO_SENDS: Final[dict[str, str]] = {
    "clients.pages": "getAllMqttClients",
    "clients.is_connected": "getMqttClientConnectionState",
    "clients.fetch": "getMqttClientDetails",
    "data_hub.data_policies.etag": "getDataPolicy",
    "data_hub.behavior_policies.etag": "getBehaviorPolicy",
    "data_hub.schemas.create_json": "createSchema",
    "data_hub.schemas.create_protobuf": "createSchema",
    "data_hub.scripts.create_js": "createScript",
    "backups.wait": "getBackup",
    "health.wait_ready": "getReadiness",
}

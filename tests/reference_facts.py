"""The facts of ../shared/reference/ about the HiveMQ REST API 4.30.0, transcribed as data.

Sources: hivemq-rest-api-4.30.0-facts.md (every operation, parameter, status
and schema), hivemq-rest-api-semantics.md (the bounds and lists it states in
prose) and hivemq-mqtt-clients-api.md (the example bodies). Tests compare
openapi.yaml and the generated models against these. Each entry is a fact
about the public HiveMQ REST API, not a choice of this project.
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

JSON: Final = "application/json"
BINARY: Final = "binary"  # a `type: string, format: binary` body


class Operation(NamedTuple):
    """One operation; path parameters are the ``{names}`` of the path (strings, required)."""

    tag: str
    method: str
    path: str
    #: query parameter -> (type, format); all optional
    query: dict[str, tuple[str, str | None]]
    #: (schema, required) of the application/json request body, or None
    body: tuple[str, bool] | None
    #: status -> (content type, schema or BINARY), or None for no body
    responses: dict[str, tuple[str, str] | None]


_Query = dict[str, tuple[str, str | None]]
_STR: Final[tuple[str, str | None]] = ("string", None)
_INT32: Final[tuple[str, str | None]] = ("integer", "int32")
_PAGE: Final[_Query] = {"limit": _INT32, "cursor": _STR}
_WILL: Final[_Query] = {"preventWillMessage": ("boolean", None)}


def _j(schema: str) -> tuple[str, str]:
    return (JSON, schema)


_E: Final = _j("Errors")

_MQTT: Final = "MQTT Clients"
_BEHAVIOR: Final = "Data Hub - Behavior Policies"
_STATE: Final = "Data Hub - State"
_DATA: Final = "Data Hub - Data Policies"
_MANAGEMENT: Final = "Data Hub - Management"
_SCHEMAS: Final = "Data Hub - Schemas"
_SCRIPTS: Final = "Data Hub - Scripts"
_BACKUP: Final = "Backup & Restore"
_DIAGNOSTIC: Final = "Diagnostic Archive"
_TRACE: Final = "Trace Recordings"

_BEHAVIOR_POLICIES: Final = "/api/v1/data-hub/behavior-validation/policies"
_DATA_POLICIES: Final = "/api/v1/data-hub/data-validation/policies"
_SCHEMA_PATH: Final = "/api/v1/data-hub/schemas"
_SCRIPT_PATH: Final = "/api/v1/data-hub/scripts"
_BACKUPS: Final = "/api/v1/management/backups"
_TRACES: Final = "/api/v1/management/trace-recordings"
_CLIENTS: Final = "/api/v1/mqtt/clients"

OPERATIONS: Final[dict[str, Operation]] = {
    # Data Hub - Behavior Policies
    "getAllBehaviorPolicies": Operation(
        _BEHAVIOR,
        "get",
        _BEHAVIOR_POLICIES,
        {"fields": _STR, "policyIds": _STR, "clientIds": _STR, **_PAGE},
        None,
        {"200": _j("BehaviorPolicyList"), "503": _E},
    ),
    "createBehaviorPolicy": Operation(
        _BEHAVIOR,
        "post",
        _BEHAVIOR_POLICIES,
        {},
        ("BehaviorPolicy", True),
        {"201": _j("BehaviorPolicy"), "400": _E, "503": _E},
    ),
    "deleteBehaviorPolicy": Operation(
        _BEHAVIOR,
        "delete",
        _BEHAVIOR_POLICIES + "/{policyId}",
        {},
        None,
        {"204": None, "400": _E, "404": _E, "503": _E},
    ),
    "getBehaviorPolicy": Operation(
        _BEHAVIOR,
        "get",
        _BEHAVIOR_POLICIES + "/{policyId}",
        {"fields": _STR},
        None,
        {"200": _j("BehaviorPolicy"), "400": _E, "404": _E},
    ),
    "updateBehaviorPolicy": Operation(
        _BEHAVIOR,
        "put",
        _BEHAVIOR_POLICIES + "/{policyId}",
        {},
        ("BehaviorPolicy", True),
        {"200": _j("BehaviorPolicy"), "400": _E, "404": _E, "412": _E, "503": _E},
    ),
    # Data Hub - State
    "getClientState": Operation(
        _STATE,
        "get",
        "/api/v1/data-hub/behavior-validation/states/{clientId}",
        {},
        None,
        {"200": _j("FsmStatesInformationListItem"), "400": _E, "404": _E, "503": _E},
    ),
    # Data Hub - Data Policies
    "getAllDataPolicies": Operation(
        _DATA,
        "get",
        _DATA_POLICIES,
        {"fields": _STR, "policyIds": _STR, "schemaIds": _STR, "topic": _STR, **_PAGE},
        None,
        {"200": _j("DataPolicyList"), "503": _E},
    ),
    "createDataPolicy": Operation(
        _DATA,
        "post",
        _DATA_POLICIES,
        {},
        ("DataPolicy", True),
        {"201": _j("DataPolicy"), "400": _E, "503": _E},
    ),
    "deleteDataPolicy": Operation(
        _DATA,
        "delete",
        _DATA_POLICIES + "/{policyId}",
        {},
        None,
        {"204": None, "400": _E, "404": _E, "503": _E},
    ),
    "getDataPolicy": Operation(
        _DATA,
        "get",
        _DATA_POLICIES + "/{policyId}",
        {"fields": _STR},
        None,
        {"200": _j("DataPolicy"), "400": _E, "404": _E},
    ),
    "updateDataPolicy": Operation(
        _DATA,
        "put",
        _DATA_POLICIES + "/{policyId}",
        {},
        ("DataPolicy", True),
        {"200": _j("DataPolicy"), "400": _E, "404": _E, "412": _E, "503": _E},
    ),
    # Data Hub - Management
    "startTrialMode": Operation(
        _MANAGEMENT,
        "post",
        "/api/v1/data-hub/management/start-trial",
        {},
        None,
        {"204": None, "400": _E, "503": _E},
    ),
    # Data Hub - Schemas
    "getAllSchemas": Operation(
        _SCHEMAS,
        "get",
        _SCHEMA_PATH,
        {"fields": _STR, "types": _STR, "schemaIds": _STR, **_PAGE},
        None,
        {"200": _j("SchemaList"), "503": _E},
    ),
    "createSchema": Operation(
        _SCHEMAS,
        "post",
        _SCHEMA_PATH,
        {},
        ("Schema", True),
        {"201": _j("Schema"), "400": _E, "503": _E},
    ),
    "deleteSchema": Operation(
        _SCHEMAS,
        "delete",
        _SCHEMA_PATH + "/{schemaId}",
        {},
        None,
        {"204": None, "400": _E, "404": _E, "503": _E},
    ),
    "getSchema": Operation(
        _SCHEMAS,
        "get",
        _SCHEMA_PATH + "/{schemaId}",
        {"fields": _STR},
        None,
        {"200": _j("Schema"), "400": _E, "404": _E},
    ),
    # Data Hub - Scripts
    "getAllScripts": Operation(
        _SCRIPTS,
        "get",
        _SCRIPT_PATH,
        {"fields": _STR, "functionTypes": _STR, "scriptIds": _STR, **_PAGE},
        None,
        {"200": _j("ScriptList"), "503": _E},
    ),
    "createScript": Operation(
        _SCRIPTS,
        "post",
        _SCRIPT_PATH,
        {},
        ("Script", True),
        {"201": _j("Script"), "400": _E, "503": _E},
    ),
    "deleteScript": Operation(
        _SCRIPTS,
        "delete",
        _SCRIPT_PATH + "/{scriptId}",
        {},
        None,
        {"204": None, "400": _E, "404": _E, "503": _E},
    ),
    "getScript": Operation(
        _SCRIPTS,
        "get",
        _SCRIPT_PATH + "/{scriptId}",
        {"fields": _STR},
        None,
        {"200": _j("Script"), "400": _E, "404": _E},
    ),
    # Backup & Restore
    "getAllBackups": Operation(
        _BACKUP, "get", _BACKUPS, {}, None, {"200": _j("BackupList"), "503": _E}
    ),
    "createBackup": Operation(
        _BACKUP, "post", _BACKUPS, {}, None, {"200": _j("BackupItem"), "503": _E}
    ),
    "getBackup": Operation(
        _BACKUP,
        "get",
        _BACKUPS + "/{backupId}",
        {},
        None,
        {"200": _j("BackupItem"), "400": _E, "404": _E, "503": _E},
    ),
    "restoreBackup": Operation(
        _BACKUP,
        "post",
        _BACKUPS + "/{backupId}",
        {},
        None,
        {"200": _j("BackupItem"), "400": _E, "404": _E, "503": _E},
    ),
    "downloadBackupFile": Operation(
        _BACKUP,
        "get",
        "/api/v1/management/files/backups/{backupId}",
        {},
        None,
        {"200": ("application/octet-stream", BINARY), "400": _E, "404": _E, "503": _E},
    ),
    # Diagnostic Archive
    "createDiagnosticArchive": Operation(
        _DIAGNOSTIC,
        "post",
        "/api/v1/management/diagnostic-archives",
        {},
        None,
        {"200": _j("DiagnosticArchiveItem")},
    ),
    # Trace Recordings
    "downloadTraceRecordingFile": Operation(
        _TRACE,
        "get",
        "/api/v1/management/files/trace-recordings/{traceRecordingId}",
        {},
        None,
        {"200": ("application/zip", BINARY), "400": _E, "404": _E},
    ),
    "getAllTraceRecordings": Operation(
        _TRACE, "get", _TRACES, {}, None, {"200": _j("TraceRecordingList")}
    ),
    "createTraceRecording": Operation(
        _TRACE,
        "post",
        _TRACES,
        {},
        ("TraceRecordingItem", False),
        {"201": _j("TraceRecordingItem"), "400": _E},
    ),
    "deleteTraceRecording": Operation(
        _TRACE,
        "delete",
        _TRACES + "/{traceRecordingId}",
        {},
        None,
        {"204": None, "400": _E, "404": _E},
    ),
    "stopTraceRecording": Operation(
        _TRACE,
        "patch",
        _TRACES + "/{traceRecordingId}",
        {},
        ("TraceRecordingItem", False),
        {"200": _j("TraceRecordingItem"), "400": _E, "404": _E},
    ),
    # MQTT Clients. The public spec gives the two DELETEs' 204 the content type
    # application/json without a schema: no body, as None says.
    "getAllMqttClients": Operation(
        _MQTT,
        "get",
        _CLIENTS,
        _PAGE,
        None,
        {"200": _j("ClientList"), "400": _E, "410": _E, "503": _E},
    ),
    "invalidateClientSession": Operation(
        _MQTT,
        "delete",
        _CLIENTS + "/{clientId}",
        _WILL,
        None,
        {"204": None, "400": _E, "404": _E},
    ),
    "getMqttClientDetails": Operation(
        _MQTT,
        "get",
        _CLIENTS + "/{clientId}",
        {},
        None,
        {"200": _j("ClientItem"), "400": _E, "404": _E},
    ),
    "disconnectClient": Operation(
        _MQTT,
        "delete",
        _CLIENTS + "/{clientId}/connection",
        _WILL,
        None,
        {"204": None, "400": _E, "404": _E},
    ),
    "getMqttClientConnectionState": Operation(
        _MQTT,
        "get",
        _CLIENTS + "/{clientId}/connection",
        {},
        None,
        {"200": _j("ConnectionItem"), "400": _E, "404": _E},
    ),
    "getSubscriptionsForMqttClient": Operation(
        _MQTT,
        "get",
        _CLIENTS + "/{clientId}/subscriptions",
        {},
        None,
        {"200": _j("ClientSubscriptionList"), "400": _E, "404": _E},
    ),
}

#: Query parameters with a default, and that default.
QUERY_DEFAULTS: Final[dict[str, Any]] = {"preventWillMessage": False}

# A property: ("string"|"integer"|"boolean", format, nullable), ("ref", Schema),
# ("array", item schema, nullable), ("enum", values), ("array", ("enum", values),
# nullable), ("object",) for any JSON object, or ("map", "string") for an
# object whose values are strings.
Prop = tuple[Any, ...]


def _s(fmt: str | None = None, nullable: bool = False) -> Prop:
    return ("string", fmt, nullable)


def _i(fmt: str, nullable: bool = False) -> Prop:
    return ("integer", fmt, nullable)


_B: Final[Prop] = ("boolean", None, False)
_OBJECT: Final[Prop] = ("object",)
_STRING_MAP: Final[Prop] = ("map", "string")

TRACE_EVENTS: Final = (
    "MQTT_MESSAGE_CONNECT",
    "MQTT_MESSAGE_CONNACK",
    "MQTT_MESSAGE_SUBSCRIBE",
    "MQTT_MESSAGE_SUBACK",
    "MQTT_MESSAGE_PUBLISH",
    "MQTT_MESSAGE_PUBACK",
    "MQTT_MESSAGE_PUBREC",
    "MQTT_MESSAGE_PUBREL",
    "MQTT_MESSAGE_PUBCOMP",
    "MQTT_MESSAGE_UNSUBSCRIBE",
    "MQTT_MESSAGE_UNSUBACK",
    "MQTT_MESSAGE_PINGREQ",
    "MQTT_MESSAGE_PINGRESP",
    "MQTT_MESSAGE_DISCONNECT",
    "MQTT_MESSAGE_AUTH",
)

SCHEMAS: Final[dict[str, dict[str, Prop]]] = {
    "ClientList": {"items": ("array", "Client", False), "_links": ("ref", "PaginationCursor")},
    "Client": {"id": _s()},
    "PaginationCursor": {"next": _s()},
    "ClientItem": {"client": ("ref", "ClientDetails")},
    "ClientDetails": {
        "id": _s(),
        "connected": _B,
        "connectedAt": _s("date-time", nullable=True),
        "sessionExpiryInterval": _i("int64", nullable=True),
        "messageQueueSize": _i("int64"),
        "willPresent": _B,
        "restrictions": ("ref", "ClientRestrictions"),
        "connection": ("ref", "ConnectionDetails"),
    },
    "ClientRestrictions": {
        "maxMessageSize": _i("int64", nullable=True),
        "maxQueueSize": _i("int64", nullable=True),
        "queuedMessageStrategy": _s(nullable=True),
    },
    "ConnectionDetails": {
        "keepAlive": _i("int32", nullable=True),
        "mqttVersion": _s(),
        "connectedListenerId": _s(),
        "connectedNodeId": _s(),
        "cleanStart": _B,
        "username": _s(nullable=True),
        "password": _s("byte", nullable=True),
        "sourceIp": _s(nullable=True),
        "proxyInformation": ("ref", "ProxyInformation"),
        "tlsInformation": ("ref", "TlsInformation"),
    },
    "ProxyInformation": {
        "sourceIp": _s(),
        "sourcePort": _i("int32"),
        "destinationIp": _s(),
        "destinationPort": _i("int32"),
        "tlvs": ("array", "TLV", True),
    },
    "TLV": {"key": _s(), "value": _s()},
    "TlsInformation": {
        "tlsVersion": _s(),
        "cipherSuite": _s(),
        "certificateInformation": ("ref", "CertificateInformation"),
    },
    "CertificateInformation": {
        **{
            name: _s(nullable=True)
            for name in (
                "commonName",
                "organization",
                "organizationalUnit",
                "serial",
                "country",
                "state",
                "version",
            )
        },
        "validFrom": _s("date-time"),
        "validUntil": _s("date-time"),
    },
    "ConnectionItem": {"connection": ("ref", "Connection")},
    "Connection": {"connected": _B},
    "ClientSubscriptionList": {
        "items": ("array", "ClientSubscription", False),
        "_links": ("ref", "PaginationCursor"),
    },
    "ClientSubscription": {
        "topicFilter": _s(),
        "qos": ("enum", ("AT_MOST_ONCE", "AT_LEAST_ONCE", "EXACTLY_ONCE")),
        "retainHandling": ("enum", ("SEND", "SEND_IF_NEW_SUBSCRIPTION", "DO_NOT_SEND")),
        "retainAsPublished": _B,
        "noLocal": _B,
        "subscriptionIdentifier": _i("int32", nullable=True),
    },
    "Errors": {"errors": ("array", "Error", False)},
    "Error": {"title": _s(), "detail": _s()},
    # Data Hub
    "BehaviorPolicy": {
        "behavior": ("ref", "BehaviorPolicyBehavior"),
        "createdAt": _s("date-time"),
        "deserialization": ("ref", "BehaviorPolicyDeserialization"),
        "id": _s(),
        "lastUpdatedAt": _s("date-time"),
        "matching": ("ref", "BehaviorPolicyMatching"),
        "onTransitions": ("array", "BehaviorPolicyOnTransition", False),
    },
    "BehaviorPolicyBehavior": {"arguments": _OBJECT, "id": _s()},
    "BehaviorPolicyDeserialization": {
        "publish": ("ref", "BehaviorPolicyDeserializer"),
        "will": ("ref", "BehaviorPolicyDeserializer"),
    },
    "BehaviorPolicyDeserializer": {"schema": ("ref", "SchemaReference")},
    "BehaviorPolicyList": {
        "_links": ("ref", "PaginationCursor"),
        "items": ("array", "BehaviorPolicy", False),
    },
    "BehaviorPolicyMatching": {"clientIdRegex": _s()},
    "BehaviorPolicyOnEvent": {"pipeline": ("array", "PolicyOperation", False)},
    "BehaviorPolicyOnTransition": {
        **{
            event: ("ref", "BehaviorPolicyOnEvent")
            for event in (
                "Connection.OnDisconnect",
                "Event.OnAny",
                "Mqtt.OnInboundConnect",
                "Mqtt.OnInboundDisconnect",
                "Mqtt.OnInboundPublish",
                "Mqtt.OnInboundSubscribe",
            )
        },
        "fromState": _s(),
        "toState": _s(),
    },
    "DataPolicy": {
        "createdAt": _s("date-time"),
        "id": _s(),
        "lastUpdatedAt": _s("date-time"),
        "matching": ("ref", "DataPolicyMatching"),
        "onFailure": ("ref", "DataPolicyAction"),
        "onSuccess": ("ref", "DataPolicyAction"),
        "validation": ("ref", "DataPolicyValidation"),
    },
    "DataPolicyAction": {"pipeline": ("array", "PolicyOperation", False)},
    "DataPolicyList": {
        "_links": ("ref", "PaginationCursor"),
        "items": ("array", "DataPolicy", False),
    },
    "DataPolicyMatching": {"topicFilter": _s()},
    "DataPolicyValidation": {"validators": ("array", "DataPolicyValidator", False)},
    "DataPolicyValidator": {"arguments": _OBJECT, "type": _s()},
    "FsmStateInformationItem": {
        "arguments": ("ref", "JsonNode"),
        "behaviorId": _s(),
        "firstSetAt": _s(),
        "policyId": _s(),
        "stateName": _s(),
        "stateType": _s(),
        "variables": _STRING_MAP,
    },
    "FsmStatesInformationListItem": {"items": ("array", "FsmStateInformationItem", False)},
    "JsonNode": {},
    "PolicyOnBranch": {"branchId": _s(), "pipeline": ("array", "PolicyOperation", False)},
    "PolicyOperation": {
        "arguments": _OBJECT,
        "functionId": _s(),
        "id": _s(),
        "onBranch": ("array", "PolicyOnBranch", False),
    },
    "Schema": {
        "arguments": _STRING_MAP,
        "createdAt": _s(),
        "id": _s(),
        "schemaDefinition": _s(),
        "type": _s(),
        "version": _i("int32"),
    },
    "SchemaList": {"_links": ("ref", "PaginationCursor"), "items": ("array", "Schema", False)},
    "SchemaReference": {"schemaId": _s(), "version": _s()},
    "Script": {
        "createdAt": _s(),
        "description": _s(),
        "functionType": ("enum", ("TRANSFORMATION",)),
        "id": _s(),
        "source": _s(),
        "version": _i("int32"),
    },
    "ScriptList": {"_links": ("ref", "PaginationCursor"), "items": ("array", "Script", False)},
    # Management
    "Backup": {
        "bytes": _i("int64", nullable=True),
        "createdAt": _s("date-time"),
        "failReason": _s(nullable=True),
        "id": _s(),
        "state": (
            "enum",
            (
                "COMPLETED",
                "RESTORE_COMPLETED",
                "IN_PROGRESS",
                "RESTORE_IN_PROGRESS",
                "FAILED",
                "RESTORE_FAILED",
            ),
        ),
    },
    "BackupItem": {"backup": ("ref", "Backup")},
    "BackupList": {"items": ("array", "Backup", False)},
    "DiagnosticArchive": {
        "bytes": _i("int64", nullable=True),
        "createdAt": _s("date-time"),
        "failReason": _s(nullable=True),
        "id": _s(),
        "state": ("enum", ("COMPLETED", "IN_PROGRESS", "FAILED")),
    },
    "DiagnosticArchiveItem": {"diagnosticArchive": ("ref", "DiagnosticArchive")},
    "TraceFilter": {"regex": _s()},
    "TraceRecording": {
        "clientIdFilters": ("array", "TraceFilter", False),
        "endAt": _s("date-time"),
        "events": ("array", ("enum", TRACE_EVENTS), False),
        "name": _s(),
        "startAt": _s("date-time"),
        "state": ("enum", ("SCHEDULED", "IN_PROGRESS", "ABORTED", "STOPPED")),
        "topicFilters": ("array", "TraceFilter", False),
    },
    "TraceRecordingItem": {"traceRecording": ("ref", "TraceRecording")},
    "TraceRecordingList": {"items": ("array", "TraceRecording", False)},
}

#: The properties each schema marks required (a schema not named requires none).
REQUIRED: Final[dict[str, frozenset[str]]] = {
    "BehaviorPolicy": frozenset({"behavior", "id", "matching"}),
    "BehaviorPolicyBehavior": frozenset({"id"}),
    "BehaviorPolicyDeserializer": frozenset({"schema"}),
    "BehaviorPolicyMatching": frozenset({"clientIdRegex"}),
    "BehaviorPolicyOnEvent": frozenset({"pipeline"}),
    "BehaviorPolicyOnTransition": frozenset({"fromState", "toState"}),
    "DataPolicy": frozenset({"id", "matching"}),
    "DataPolicyMatching": frozenset({"topicFilter"}),
    "DataPolicyValidator": frozenset({"arguments", "type"}),
    "PolicyOnBranch": frozenset({"branchId", "pipeline"}),
    "PolicyOperation": frozenset({"arguments", "functionId", "id"}),
    "Schema": frozenset({"id", "schemaDefinition", "type"}),
    "SchemaReference": frozenset({"schemaId", "version"}),
    "Script": frozenset({"functionType", "id", "source"}),
    "TraceRecordingItem": frozenset({"traceRecording"}),
}

#: (schema, property) pairs marked read-only.
READ_ONLY: Final[frozenset[tuple[str, str]]] = frozenset(
    {
        ("BehaviorPolicy", "createdAt"),
        ("BehaviorPolicy", "lastUpdatedAt"),
        ("DataPolicy", "createdAt"),
        ("DataPolicy", "lastUpdatedAt"),
        ("Schema", "createdAt"),
        ("Schema", "version"),
        ("Script", "createdAt"),
        ("Script", "version"),
    }
)

#: (schema, property) pairs of arrays whose items must not repeat.
UNIQUE_ITEMS: Final[frozenset[tuple[str, str]]] = frozenset(
    {
        ("TraceRecording", "clientIdFilters"),
        ("TraceRecording", "events"),
        ("TraceRecording", "topicFilters"),
    }
)

#: Schemas of any JSON value (no type, no properties).
ANY_SCHEMAS: Final[frozenset[str]] = frozenset({"JsonNode"})

# What the reference states in prose (hivemq-rest-api-semantics.md).

#: Page size of the Data Hub listings: (minimum, maximum, server default).
DATA_HUB_LIMIT: Final = (10, 500, 50)

#: Comma-separated list parameters of each listing (`topic` is a single topic).
COMMA_SEPARATED: Final[dict[str, frozenset[str]]] = {
    "getAllDataPolicies": frozenset({"fields", "policyIds", "schemaIds"}),
    "getAllBehaviorPolicies": frozenset({"fields", "policyIds", "clientIds"}),
    "getAllSchemas": frozenset({"fields", "schemaIds", "types"}),
    "getAllScripts": frozenset({"fields", "scriptIds", "functionTypes"}),
}

#: The property names `fields` accepts, by the operations that take it.
FIELDS: Final[dict[frozenset[str], tuple[str, ...]]] = {
    frozenset({"getAllDataPolicies", "getDataPolicy"}): (
        "id",
        "createdAt",
        "lastUpdatedAt",
        "matching",
        "validation",
        "onSuccess",
        "onFailure",
    ),
    frozenset({"getAllBehaviorPolicies", "getBehaviorPolicy"}): (
        "id",
        "createdAt",
        "lastUpdatedAt",
        "deserialization",
        "matching",
        "behavior",
        "onTransitions",
    ),
    frozenset({"getAllSchemas", "getSchema"}): ("id", "type", "schemaDefinition", "createdAt"),
    # As the public spec lists them: `runtime` is no property, `source` is missing.
    frozenset({"getAllScripts", "getScript"}): (
        "id",
        "version",
        "description",
        "runtime",
        "functionType",
        "createdAt",
    ),
}

# Object schemas the reference calls nullable.
NULLABLE_SCHEMAS: Final[frozenset[str]] = frozenset(
    {
        "PaginationCursor",
        "ClientRestrictions",
        "ConnectionDetails",
        "ProxyInformation",
        "TLV",
        "TlsInformation",
        "CertificateInformation",
    }
)

# The example bodies of the reference, as the broker returns them.
EXAMPLE_ONLINE_CLIENT: Final[dict[str, Any]] = {
    "client": {
        "id": "client-2",
        "connected": True,
        "sessionExpiryInterval": 15000,
        "connectedAt": "2020-07-20T14:59:50.580Z",
        "messageQueueSize": 0,
        "willPresent": False,
        "restrictions": {
            "maxMessageSize": 268435460,
            "maxQueueSize": 1000,
            "queuedMessageStrategy": "DISCARD",
        },
        "connection": {
            "keepAlive": 60,
            "mqttVersion": "MQTTv5",
            "connectedListenerId": "TCP Listener",
            "connectedNodeId": "bRIG4",
            "cleanStart": True,
            "sourceIp": "127.0.0.1",
        },
    }
}
EXAMPLE_OFFLINE_CLIENT: Final[dict[str, Any]] = {
    "client": {
        "id": "client-1",
        "connected": False,
        "sessionExpiryInterval": 12345,
        "messageQueueSize": 543,
        "willPresent": False,
    }
}
EXAMPLE_CONNECTION_STATE: Final[dict[str, Any]] = {"connection": {"connected": False}}
EXAMPLE_ERROR: Final[dict[str, Any]] = {
    "errors": [{"title": "Resource not found", "detail": "Resource with id 'my-client' not found"}]
}

# The Health API (hivemq-health-api-facts.md): a listener of its own, not an
# operation of the REST API's published spec, so openapi.yaml has these as
# additions. Paths, port and status codes are confirmed there; the body
# beyond ``status`` and ``components`` is not.
HEALTH_TAG: Final = "Health"
HEALTH_PORT: Final = 8889
#: operationId -> (path, path parameter or None)
HEALTH_OPERATIONS: Final[dict[str, tuple[str, str | None]]] = {
    "getHealth": ("/api/v1/health/", None),
    "getComponentHealth": ("/api/v1/health/{componentName}", "componentName"),
    "getExtensionsHealth": ("/api/v1/health/extensions", None),
    "getExtensionHealth": ("/api/v1/health/extensions/{extensionId}", "extensionId"),
    "getLiveness": ("/api/v1/health/liveness", None),
    "getReadiness": ("/api/v1/health/readiness", None),
}
#: Health status -> the HTTP status it is answered with.
HEALTH_STATUS_CODES: Final[dict[str, int]] = {
    "UP": 200,
    "DEGRADED": 200,
    "UNKNOWN": 200,
    "DOWN": 503,
}

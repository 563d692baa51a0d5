"""The facts of ../shared/reference/hivemq-mqtt-clients-api.md, transcribed as data.

Tests compare openapi.yaml and the generated models against these. Each entry
is a fact about the public HiveMQ REST API, not a choice of this project.
"""

from __future__ import annotations

from typing import Any, Final

# operationId -> (method, path, {query parameter: (type, format)}, {status: schema or None})
OPERATIONS: Final[
    dict[str, tuple[str, str, dict[str, tuple[str, str | None]], dict[str, str | None]]]
] = {
    "getAllMqttClients": (
        "get",
        "/api/v1/mqtt/clients",
        {"limit": ("integer", "int32"), "cursor": ("string", None)},
        {"200": "ClientList", "400": "Errors", "410": "Errors", "503": "Errors"},
    ),
    "getMqttClientDetails": (
        "get",
        "/api/v1/mqtt/clients/{clientId}",
        {},
        {"200": "ClientItem", "400": "Errors", "404": "Errors"},
    ),
    "invalidateClientSession": (
        "delete",
        "/api/v1/mqtt/clients/{clientId}",
        {"preventWillMessage": ("boolean", None)},
        {"204": None, "400": "Errors", "404": "Errors"},
    ),
    "getMqttClientConnectionState": (
        "get",
        "/api/v1/mqtt/clients/{clientId}/connection",
        {},
        {"200": "ConnectionItem", "400": "Errors", "404": "Errors"},
    ),
    "disconnectClient": (
        "delete",
        "/api/v1/mqtt/clients/{clientId}/connection",
        {"preventWillMessage": ("boolean", None)},
        {"204": None, "400": "Errors", "404": "Errors"},
    ),
    "getSubscriptionsForMqttClient": (
        "get",
        "/api/v1/mqtt/clients/{clientId}/subscriptions",
        {},
        {"200": "ClientSubscriptionList", "400": "Errors", "404": "Errors"},
    ),
}

# A property: ("string"|"integer"|"boolean", format, nullable), ("ref", Schema),
# ("array", item schema, nullable) or ("enum", values).
Prop = tuple[Any, ...]


def _s(fmt: str | None = None, nullable: bool = False) -> Prop:
    return ("string", fmt, nullable)


def _i(fmt: str, nullable: bool = False) -> Prop:
    return ("integer", fmt, nullable)


_B: Final[Prop] = ("boolean", None, False)

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

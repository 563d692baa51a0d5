"""The export's columns: one flat row per client, from its details."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

# (column, path into the details body). A superset of the columns of the
# HiveMQ CLI's own export; the password column only on request.
_COLUMNS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("clientId", ("id",)),
    ("connected", ("connected",)),
    ("sessionExpiryInterval", ("sessionExpiryInterval",)),
    ("connectedAt", ("connectedAt",)),
    ("messageQueueSize", ("messageQueueSize",)),
    ("willPresent", ("willPresent",)),
    ("maxMessageSize", ("restrictions", "maxMessageSize")),
    ("maxQueueSize", ("restrictions", "maxQueueSize")),
    ("queuedMessageStrategy", ("restrictions", "queuedMessageStrategy")),
    ("sourceIp", ("connection", "sourceIp")),
    ("proxySourceIp", ("connection", "proxyInformation", "sourceIp")),
    ("proxySourcePort", ("connection", "proxyInformation", "sourcePort")),
    ("proxyDestinationIp", ("connection", "proxyInformation", "destinationIp")),
    ("proxyDestinationPort", ("connection", "proxyInformation", "destinationPort")),
    ("proxyTlvs", ("connection", "proxyInformation", "tlvs")),
    ("mqttVersion", ("connection", "mqttVersion")),
    ("connectedListenerId", ("connection", "connectedListenerId")),
    ("connectedNodeId", ("connection", "connectedNodeId")),
    ("keepAlive", ("connection", "keepAlive")),
    ("username", ("connection", "username")),
    ("password", ("connection", "password")),
    ("cleanStart", ("connection", "cleanStart")),
    ("tlsVersion", ("connection", "tlsInformation", "tlsVersion")),
    ("tlsCipherSuite", ("connection", "tlsInformation", "cipherSuite")),
    (
        "certificateCommonName",
        ("connection", "tlsInformation", "certificateInformation", "commonName"),
    ),
    (
        "certificateOrganization",
        ("connection", "tlsInformation", "certificateInformation", "organization"),
    ),
    (
        "certificateOrganizationalUnit",
        ("connection", "tlsInformation", "certificateInformation", "organizationalUnit"),
    ),
    ("certificateSerial", ("connection", "tlsInformation", "certificateInformation", "serial")),
    ("certificateCountry", ("connection", "tlsInformation", "certificateInformation", "country")),
    ("certificateState", ("connection", "tlsInformation", "certificateInformation", "state")),
    ("certificateVersion", ("connection", "tlsInformation", "certificateInformation", "version")),
    (
        "certificateValidFrom",
        ("connection", "tlsInformation", "certificateInformation", "validFrom"),
    ),
    (
        "certificateValidUntil",
        ("connection", "tlsInformation", "certificateInformation", "validUntil"),
    ),
)

PASSWORD_FIELD: Final = "password"  # noqa: S105 -- a column name, not a secret


def columns(include_password: bool) -> list[str]:
    """The header of the export."""
    return [name for name, _ in _COLUMNS if include_password or name != PASSWORD_FIELD]


def _dig(body: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = body
    for key in path:
        # dict, not Mapping: an ABC check per cell is the export's hot spot.
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        # TLVs: key=value pairs, ";"-separated, so the cell stays one field.
        return ";".join(
            f"{item.get('key', '')}={item.get('value', '')}"
            if isinstance(item, dict)
            else str(item)
            for item in value
        )
    return str(value)


def row_maker(include_password: bool) -> Callable[[Mapping[str, Any]], list[str]]:
    """A function from a client's details body to its CSV cells."""
    paths = [path for name, path in _COLUMNS if include_password or name != PASSWORD_FIELD]

    def row(body: Mapping[str, Any]) -> list[str]:
        return [_cell(_dig(body, path)) for path in paths]

    return row


def without_password(body: dict[str, Any]) -> dict[str, Any]:
    """The details body with the connection's password taken out (a copy where needed)."""
    connection = body.get("connection")
    if isinstance(connection, dict) and PASSWORD_FIELD in connection:
        body = {**body, "connection": {k: v for k, v in connection.items() if k != PASSWORD_FIELD}}
    return body

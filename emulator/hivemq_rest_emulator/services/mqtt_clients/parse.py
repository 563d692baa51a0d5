"""Strict reading of the admin API's JSON input (sessions).

The input shape of a session is the API's own ``ClientDetails`` shape (camelCase)
plus ``subscriptions`` (a list of ``ClientSubscription``) and ``will``
(``{"topic", "payload", "qos", "retain"}``). Only ``id`` is required. Unknown
keys, wrong types and contradictions (``"connected": false`` with a
``connection``) are errors, so that a typo in a test fails loudly.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt

from ...core.reader import MISSING, InvalidBodyError, Reader
from .model import (
    DEFAULT_SESSION_EXPIRY_INTERVAL,
    QOS_LEVELS,
    RETAIN_HANDLINGS,
    CertificateInformation,
    ConnectionDetails,
    ProxyInformation,
    Restrictions,
    Session,
    Subscription,
    TlsInformation,
    Tlv,
    Will,
    validate_client_id,
)

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
UINT32_MAX = 2**32 - 1


def now_rfc3339() -> str:
    """The current UTC time in the broker's format (milliseconds, ``Z``)."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


_SUBSCRIPTION_KEYS = (
    "topicFilter",
    "qos",
    "retainHandling",
    "retainAsPublished",
    "noLocal",
    "subscriptionIdentifier",
)


def subscription_from_json(value: object, path: str) -> Subscription:
    """A ``ClientSubscription`` object; ``topicFilter`` is required."""
    reader = Reader(value, path, _SUBSCRIPTION_KEYS)
    if not reader.has("topicFilter"):
        raise InvalidBodyError(f"{reader.where('topicFilter')} is required")
    return Subscription(
        topic_filter=reader.str_("topicFilter", "", non_empty=True),
        qos=reader.enum("qos", "AT_MOST_ONCE", QOS_LEVELS),
        retain_handling=reader.enum("retainHandling", "SEND", RETAIN_HANDLINGS),
        retain_as_published=reader.bool_("retainAsPublished", False),
        no_local=reader.bool_("noLocal", False),
        subscription_identifier=reader.opt_int("subscriptionIdentifier", None, 1, 268_435_455),
    )


def will_from_json(value: object, path: str, client_id: str) -> Will:
    """A will: ``{"topic", "payload", "qos", "retain"}``, every key optional."""
    reader = Reader(value, path, ("topic", "payload", "qos", "retain"))
    default_topic = "wills/" + client_id.replace("+", "_").replace("#", "_")
    topic = reader.str_("topic", default_topic, non_empty=True)
    if "+" in topic or "#" in topic or "\x00" in topic:
        raise InvalidBodyError(f"{reader.where('topic')} must be a topic name without wildcards")
    return Will(
        topic=topic,
        payload=reader.str_("payload", ""),
        qos=reader.int_("qos", 0, 0, 2),
        retain=reader.bool_("retain", False),
    )


def restrictions_from_json(value: object, path: str) -> Restrictions:
    """A ``ClientRestrictions`` object."""
    reader = Reader(value, path, ("maxMessageSize", "maxQueueSize", "queuedMessageStrategy"))
    return Restrictions(
        max_message_size=reader.opt_int("maxMessageSize", None, 0, INT64_MAX),
        max_queue_size=reader.opt_int("maxQueueSize", None, 0, INT64_MAX),
        queued_message_strategy=reader.opt_str("queuedMessageStrategy", None),
    )


_CERT_STRINGS = {
    "commonName": "common_name",
    "organization": "organization",
    "organizationalUnit": "organizational_unit",
    "serial": "serial",
    "country": "country",
    "state": "state",
    "version": "version",
}


def certificate_from_json(value: object, path: str) -> CertificateInformation:
    """A ``CertificateInformation`` object."""
    reader = Reader(value, path, (*_CERT_STRINGS, "validFrom", "validUntil"))
    cert = CertificateInformation(
        valid_from=reader.opt_datetime("validFrom", None),
        valid_until=reader.opt_datetime("validUntil", None),
    )
    for key, attribute in _CERT_STRINGS.items():
        setattr(cert, attribute, reader.opt_str(key, None))
    return cert


def tls_from_json(value: object, path: str) -> TlsInformation:
    """A ``TlsInformation`` object."""
    reader = Reader(value, path, ("tlsVersion", "cipherSuite", "certificateInformation"))
    tls = TlsInformation(
        tls_version=reader.str_("tlsVersion", "TLSv1.3"),
        cipher_suite=reader.str_("cipherSuite", "TLS_AES_256_GCM_SHA384"),
    )
    cert = reader.raw("certificateInformation")
    if cert is not MISSING and cert is not None:
        tls.certificate_information = certificate_from_json(
            cert, reader.where("certificateInformation")
        )
    return tls


def proxy_from_json(value: object, path: str) -> ProxyInformation:
    """A ``ProxyInformation`` object."""
    keys = ("sourceIp", "sourcePort", "destinationIp", "destinationPort", "tlvs")
    reader = Reader(value, path, keys)
    proxy = ProxyInformation(
        source_ip=reader.str_("sourceIp", "203.0.113.10"),
        source_port=reader.int_("sourcePort", 50_000, 0, 65_535),
        destination_ip=reader.str_("destinationIp", "198.51.100.1"),
        destination_port=reader.int_("destinationPort", 1883, 0, 65_535),
    )
    tlvs = reader.opt_list("tlvs")
    if tlvs is not None:
        proxy.tlvs = []
        for index, item in enumerate(tlvs):
            tlv = Reader(item, f"{reader.where('tlvs')}[{index}]", ("key", "value"))
            proxy.tlvs.append(Tlv(key=tlv.str_("key", ""), value=tlv.str_("value", "")))
    return proxy


_CONNECTION_KEYS = (
    "keepAlive",
    "mqttVersion",
    "connectedListenerId",
    "connectedNodeId",
    "cleanStart",
    "username",
    "password",
    "sourceIp",
    "proxyInformation",
    "tlsInformation",
)


def connection_from_json(value: object, path: str) -> ConnectionDetails:
    """A ``ConnectionDetails`` object; missing keys take ``ConnectionDetails`` defaults."""
    reader = Reader(value, path, _CONNECTION_KEYS)
    defaults = ConnectionDetails()
    password = reader.opt_str("password", None)
    if password is not None:
        try:
            base64.b64decode(password, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidBodyError(f"{reader.where('password')} must be base64") from None
    conn = ConnectionDetails(
        connected_listener_id=reader.str_("connectedListenerId", defaults.connected_listener_id),
        connected_node_id=reader.str_("connectedNodeId", defaults.connected_node_id),
        keep_alive=reader.opt_int("keepAlive", defaults.keep_alive, 0, 65_535),
        mqtt_version=reader.str_("mqttVersion", defaults.mqtt_version),
        clean_start=reader.bool_("cleanStart", defaults.clean_start),
        username=reader.opt_str("username", None),
        password=password,
        source_ip=reader.opt_str("sourceIp", defaults.source_ip),
    )
    proxy = reader.raw("proxyInformation")
    if proxy is not MISSING and proxy is not None:
        conn.proxy_information = proxy_from_json(proxy, reader.where("proxyInformation"))
    tls = reader.raw("tlsInformation")
    if tls is not MISSING and tls is not None:
        conn.tls_information = tls_from_json(tls, reader.where("tlsInformation"))
    return conn


SESSION_KEYS = (
    "id",
    "connected",
    "connectedAt",
    "sessionExpiryInterval",
    "messageQueueSize",
    "willPresent",
    "will",
    "restrictions",
    "connection",
    "subscriptions",
)


def session_from_json(value: object, path: str = "session") -> Session:
    """Build a :class:`Session` from the admin API's JSON shape; raise :class:`InvalidBodyError`.

    Defaults: ``connected`` is true when ``connection`` is given, else false;
    a connected session without ``connection`` gets ``ConnectionDetails()``
    and one without ``connectedAt`` gets the current time;
    ``sessionExpiryInterval`` 3600 (``null`` = never expires);
    ``messageQueueSize`` 0; ``willPresent`` follows ``will`` and a
    ``"willPresent": true`` without ``will`` gets a default will;
    no restrictions; no subscriptions.
    """
    reader = Reader(value, path, SESSION_KEYS)
    if not reader.has("id"):
        raise InvalidBodyError(f"{reader.where('id')} is required")
    try:
        client_id = validate_client_id(reader.raw("id"))
    except ValueError as exc:
        raise InvalidBodyError(f"{reader.where('id')}: {exc}") from None

    raw_connection = reader.raw("connection")
    has_connection = raw_connection is not MISSING and raw_connection is not None
    connected = reader.bool_("connected", has_connection)
    if has_connection and not connected:
        raise InvalidBodyError(
            f"{path}: a session with a connection must not be 'connected': false"
        )
    connection: ConnectionDetails | None = None
    if connected:
        connection = (
            connection_from_json(raw_connection, reader.where("connection"))
            if has_connection
            else ConnectionDetails()
        )
    connected_at = reader.opt_datetime("connectedAt", None)
    if connected_at is not None and not connected:
        raise InvalidBodyError(
            f"{reader.where('connectedAt')} is only allowed for a connected session"
        )
    if connected and connected_at is None:
        connected_at = now_rfc3339()

    raw_will = reader.raw("will")
    has_will = raw_will is not MISSING and raw_will is not None
    will_present = reader.bool_("willPresent", has_will)
    if has_will and not will_present:
        raise InvalidBodyError(f"{path}: a session with a will must not be 'willPresent': false")
    will: Will | None = None
    if will_present:
        will = will_from_json(raw_will if has_will else {}, reader.where("will"), client_id)

    restrictions: Restrictions | None = None
    raw_restrictions = reader.raw("restrictions")
    if raw_restrictions is not MISSING and raw_restrictions is not None:
        restrictions = restrictions_from_json(raw_restrictions, reader.where("restrictions"))

    subscriptions = [
        subscription_from_json(item, f"{reader.where('subscriptions')}[{index}]")
        for index, item in enumerate(reader.opt_list("subscriptions") or [])
    ]
    return Session(
        id=client_id,
        connection=connection,
        connected_at=connected_at,
        session_expiry_interval=reader.opt_int(
            "sessionExpiryInterval", DEFAULT_SESSION_EXPIRY_INTERVAL, 0, UINT32_MAX
        ),
        message_queue_size=reader.int_("messageQueueSize", 0, 0, INT64_MAX),
        will=will,
        restrictions=restrictions,
        subscriptions=subscriptions,
    )


def sessions_from_json(value: object) -> list[Session]:
    """One session object, or a JSON array of them, as a list."""
    if isinstance(value, list):
        return [session_from_json(item, f"sessions[{index}]") for index, item in enumerate(value)]
    return [session_from_json(value)]

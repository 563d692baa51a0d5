"""The in-memory model of an MQTT session, as the emulator keeps it.

Every class here is a plain mutable dataclass with snake_case fields; the JSON
(camelCase) shapes of the REST API are produced by ``_render`` and read by
``parse``. A session is *connected* exactly when it has a ``connection``, and
has a will exactly when ``will`` is set, so the two booleans of the API
(``connected``, ``willPresent``) can never contradict the rest of the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

QOS_LEVELS = ("AT_MOST_ONCE", "AT_LEAST_ONCE", "EXACTLY_ONCE")
"""The values of ``ClientSubscription.qos``."""

RETAIN_HANDLINGS = ("SEND", "SEND_IF_NEW_SUBSCRIPTION", "DO_NOT_SEND")
"""The values of ``ClientSubscription.retainHandling``."""

MAX_CLIENT_ID_BYTES = 65_535
"""An MQTT client identifier is a UTF-8 string of at most this many bytes."""

DEFAULT_SESSION_EXPIRY_INTERVAL = 3600
"""The ``sessionExpiryInterval`` of a session created without one (seconds)."""


def validate_client_id(client_id: object) -> str:
    """Return ``client_id`` if it is a valid MQTT client identifier, else raise ``ValueError``.

    Valid means: a non-empty ``str`` of at most 65,535 UTF-8 bytes without
    U+0000 and without UTF-16 surrogates (MQTT 3.1.1 and 5, section 3.1.3.1).
    """
    if not isinstance(client_id, str):
        raise ValueError("a client id must be a string")
    if not client_id:
        raise ValueError("a client id must not be empty")
    if "\x00" in client_id:
        raise ValueError("a client id must not contain U+0000")
    try:
        size = len(client_id.encode("utf-8"))
    except UnicodeEncodeError:
        raise ValueError("a client id must not contain UTF-16 surrogates") from None
    if size > MAX_CLIENT_ID_BYTES:
        raise ValueError(f"a client id must not be longer than {MAX_CLIENT_ID_BYTES} UTF-8 bytes")
    return client_id


@dataclass(slots=True)
class Subscription:
    """One subscription of a session (``ClientSubscription`` in the API)."""

    topic_filter: str
    qos: str = "AT_MOST_ONCE"
    retain_handling: str = "SEND"
    retain_as_published: bool = False
    no_local: bool = False
    subscription_identifier: int | None = None


@dataclass(slots=True)
class Will:
    """The will message of a session; published on disconnect or invalidation."""

    topic: str
    payload: str = ""
    qos: int = 0
    retain: bool = False


@dataclass(slots=True)
class Restrictions:
    """Limits of a session (``ClientRestrictions`` in the API)."""

    max_message_size: int | None = None
    max_queue_size: int | None = None
    queued_message_strategy: str | None = None


@dataclass(slots=True)
class CertificateInformation:
    """The client certificate of a TLS connection."""

    common_name: str | None = None
    organization: str | None = None
    organizational_unit: str | None = None
    serial: str | None = None
    country: str | None = None
    state: str | None = None
    version: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None


@dataclass(slots=True)
class TlsInformation:
    """TLS parameters of a connection."""

    tls_version: str = "TLSv1.3"
    cipher_suite: str = "TLS_AES_256_GCM_SHA384"
    certificate_information: CertificateInformation | None = None


@dataclass(slots=True)
class Tlv:
    """One type-length-value entry of the PROXY protocol header."""

    key: str
    value: str


@dataclass(slots=True)
class ProxyInformation:
    """What the PROXY protocol told the listener about a connection."""

    source_ip: str
    source_port: int
    destination_ip: str
    destination_port: int
    tlvs: list[Tlv] | None = None


@dataclass(slots=True)
class ConnectionDetails:
    """The live connection of a connected session (``ConnectionDetails`` in the API)."""

    connected_listener_id: str = "TCP Listener"
    connected_node_id: str = "emulator-node"
    keep_alive: int | None = 60
    mqtt_version: str = "MQTTv5"
    clean_start: bool = False
    username: str | None = None
    password: str | None = None
    """Base64 of the password bytes, exactly as the API returns it."""
    source_ip: str | None = "127.0.0.1"
    proxy_information: ProxyInformation | None = None
    tls_information: TlsInformation | None = None


@dataclass(slots=True)
class Session:
    """One MQTT session, online (``connection`` set) or offline.

    ``connected_at`` is only meaningful while connected and is dropped on
    disconnect. ``session_expiry_interval`` ``None`` means the session never
    expires; ``0`` means it ends with its connection.
    """

    id: str
    connection: ConnectionDetails | None = None
    connected_at: str | None = None
    session_expiry_interval: int | None = DEFAULT_SESSION_EXPIRY_INTERVAL
    message_queue_size: int = 0
    will: Will | None = None
    restrictions: Restrictions | None = None
    subscriptions: list[Subscription] = field(default_factory=list)

    @property
    def connected(self) -> bool:
        """Whether the client is connected now."""
        return self.connection is not None

    @property
    def will_present(self) -> bool:
        """Whether the session holds a will message."""
        return self.will is not None

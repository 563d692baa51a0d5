"""Deterministic synthesis of a whole session from its id and one 64-bit number.

Seeded sessions are stored as ``(id, traits)`` only; :func:`synthesize` turns
that pair into a full :class:`Session` when a request needs it. The same pair
always gives the same session, so a seeded store is reproducible and compact.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import TypeVar

from .model import (
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
)

_T = TypeVar("_T")
_MASK = (1 << 64) - 1
_EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

_NODES = ("bRIG4", "Xk2p9", "m7QzT")
_LISTENERS = ("TCP Listener", "TCP Listener", "TLS Listener", "WebSocket Listener")
_VERSIONS = ("MQTTv5", "MQTTv5", "MQTTv3_1_1", "MQTTv3_1")
_KEEP_ALIVES: tuple[int | None, ...] = (60, 60, 30, 120, 0, None)
_ONLINE_EXPIRIES: tuple[int | None, ...] = (0, 0, 60, 3600, 86_400, 4_294_967_295)
_OFFLINE_EXPIRIES: tuple[int | None, ...] = (60, 3600, 86_400, 4_294_967_295, None)
_STRATEGIES: tuple[str | None, ...] = ("DISCARD", "DISCARD", "DISCARD_OLDEST", None)
_FILTERS = (
    "sensors/+/temperature",
    "sensors/#",
    "devices/{n}/commands",
    "$share/group/jobs/#",
    "alerts/critical",
    "#",
    "home/{n}/+/state",
    "ünïcode/тема/{n}",
)
_TLS_VERSIONS = ("TLSv1.2", "TLSv1.3")
_CIPHERS = ("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")


class _Bits:
    """SplitMix64: a tiny deterministic generator seeded from the traits."""

    def __init__(self, seed: int) -> None:
        self._state = seed & _MASK

    def next(self) -> int:
        self._state = (self._state + 0x9E3779B97F4A7C15) & _MASK
        z = self._state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def below(self, bound: int) -> int:
        return self.next() % bound

    def chance(self, numerator: int, denominator: int) -> bool:
        return self.below(denominator) < numerator

    def pick(self, choices: tuple[_T, ...]) -> _T:
        return choices[self.below(len(choices))]


def _timestamp(offset_ms: int) -> str:
    moment = _EPOCH + dt.timedelta(milliseconds=offset_ms)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def is_online(traits: int) -> bool:
    """Whether a seeded session with these traits is connected (about 60 %)."""
    return (traits >> 16) & 0xF < 10


def _certificate(bits: _Bits, number: int) -> CertificateInformation:
    start = bits.below(300 * 86_400_000)
    return CertificateInformation(
        common_name=f"device-{number}.example.com",
        organization=bits.pick(("Example Corp", "Acme GmbH", None)),
        organizational_unit=bits.pick(("IoT", None)),
        serial=f"{bits.next() & 0xFFFFFFFFFFFF:012x}",
        country=bits.pick(("DE", "US", "JP", None)),
        state=bits.pick(("Bavaria", None)),
        version=bits.pick(("3", None)),
        valid_from=_timestamp(start - 365 * 86_400_000),
        valid_until=_timestamp(start + 365 * 86_400_000),
    )


def _connection(bits: _Bits, number: int) -> ConnectionDetails:
    listener = bits.pick(_LISTENERS)
    conn = ConnectionDetails(
        connected_listener_id=listener,
        connected_node_id=bits.pick(_NODES),
        keep_alive=bits.pick(_KEEP_ALIVES),
        mqtt_version=bits.pick(_VERSIONS),
        clean_start=bits.chance(1, 2),
        source_ip=f"10.{bits.below(256)}.{bits.below(256)}.{1 + bits.below(254)}",
    )
    if bits.chance(1, 3):
        conn.username = f"user-{number % 1000}"
        if bits.chance(3, 4):
            secret = f"secret-{number}".encode()
            conn.password = base64.b64encode(secret).decode("ascii")
    if listener.startswith("TLS"):
        conn.tls_information = TlsInformation(
            tls_version=bits.pick(_TLS_VERSIONS),
            cipher_suite=bits.pick(_CIPHERS),
            certificate_information=_certificate(bits, number) if bits.chance(2, 3) else None,
        )
    if bits.chance(1, 8):
        tlvs: list[Tlv] | None = None
        if bits.chance(1, 2):
            tlvs = [Tlv(key="PP2_TYPE_AUTHORITY", value=f"tenant-{number % 97}.example.com")]
            if bits.chance(1, 2):
                tlvs.append(Tlv(key="PP2_TYPE_UNIQUE_ID", value=f"{bits.next():016x}"))
        conn.proxy_information = ProxyInformation(
            source_ip=f"198.51.100.{bits.below(256)}",
            source_port=1024 + bits.below(64_000),
            destination_ip="203.0.113.7",
            destination_port=bits.pick((1883, 8883)),
            tlvs=tlvs,
        )
    return conn


def _subscriptions(bits: _Bits, number: int, mqtt5: bool) -> list[Subscription]:
    count = bits.pick((0, 0, 1, 1, 2, 3, 5))
    subscriptions = []
    for index in range(count):
        subscriptions.append(
            Subscription(
                topic_filter=bits.pick(_FILTERS).replace("{n}", str(number + index)),
                qos=bits.pick(QOS_LEVELS),
                retain_handling=bits.pick(RETAIN_HANDLINGS) if mqtt5 else "SEND",
                retain_as_published=mqtt5 and bits.chance(1, 4),
                no_local=mqtt5 and bits.chance(1, 6),
                subscription_identifier=(1 + bits.below(10_000))
                if mqtt5 and bits.chance(1, 2)
                else None,
            )
        )
    return subscriptions


def synthesize(client_id: str, traits: int) -> Session:
    """The full session that the seed pair ``(client_id, traits)`` stands for."""
    bits = _Bits(traits)
    number = bits.below(1_000_000)
    online = is_online(traits)
    session = Session(id=client_id)
    if online:
        session.connection = _connection(bits, number)
        session.connected_at = _timestamp(bits.below(400 * 86_400_000))
        session.session_expiry_interval = bits.pick(_ONLINE_EXPIRIES)
        session.message_queue_size = bits.pick((0, 0, 0, 1, 12))
        session.restrictions = Restrictions(
            max_message_size=bits.pick((268_435_460, 1_048_576, None)),
            max_queue_size=bits.pick((1000, 10_000, None)),
            queued_message_strategy=bits.pick(_STRATEGIES),
        )
    else:
        session.session_expiry_interval = bits.pick(_OFFLINE_EXPIRIES)
        session.message_queue_size = bits.below(1000)
    mqtt5 = session.connection is None or session.connection.mqtt_version == "MQTTv5"
    if bits.chance(1, 5):
        session.will = Will(
            topic=f"devices/{number}/status",
            payload=bits.pick(("offline", "gone", "")),
            qos=bits.below(3),
            retain=bits.chance(1, 2),
        )
    session.subscriptions = _subscriptions(bits, number, mqtt5)
    return session

"""The models the clients return about MQTT clients.

A property the broker always answers (a client's id, a subscription's topic
filter) is a plain type; one it may leave out is ``X | None``, None when it
was absent or null.
"""

from __future__ import annotations

from hivemq_rest_generated.models import (
    TLV,
    CertificateInformation,
    ClientDetails,
    ClientRestrictions,
    ClientSubscription,
    ClientSubscriptionQos,
    ClientSubscriptionRetainHandling,
    Connection,
    ConnectionDetails,
    ProxyInformation,
    TlsInformation,
)

__all__ = [
    "TLV",
    "CertificateInformation",
    "ClientDetails",
    "ClientRestrictions",
    "ClientSubscription",
    "ClientSubscriptionQos",
    "ClientSubscriptionRetainHandling",
    "Connection",
    "ConnectionDetails",
    "ProxyInformation",
    "TlsInformation",
]

"""The models the clients return, and how to read a property the server left out.

No property of the API is required: each one the server may leave out is
typed ``X | Unset`` and holds ``UNSET`` (which is falsy) when it was absent;
a nullable one is ``X | None | Unset``. Narrow with ``isinstance(value,
Unset)``, or take ``or_none(value)`` when absent and null mean the same.
"""

from __future__ import annotations

from typing import TypeVar

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
from hivemq_rest_generated.types import UNSET, Unset

__all__ = [
    "TLV",
    "UNSET",
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
    "Unset",
    "or_none",
]

_T = TypeVar("_T")


def or_none(value: _T | Unset) -> _T | None:
    """``value``, or None when the server left the property out (``UNSET``).

    ``or_none(client.session_expiry_interval)`` is an ``int | None``: None
    when the property was absent or null.
    """
    return None if isinstance(value, Unset) else value

"""hivemq_rest: the Python client for the HiveMQ broker's REST API (MQTT clients).

from hivemq_rest import HiveMQClient

with HiveMQClient("http://localhost:8888") as hivemq:
    for client_id in hivemq.iter_client_ids():
        print(client_id, hivemq.is_connected(client_id))
"""

import logging

from ._async_client import AsyncHiveMQClient, ClientDetailsStream
from ._base_client import ClientSettings
from ._client import HiveMQClient
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ClientNotFoundError,
    ConfigurationError,
    ConflictError,
    CursorExpiredError,
    EventLoopError,
    HiveMQError,
    InternalServerError,
    InvalidClientIdError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    ServiceUnavailableError,
    UnexpectedResponseError,
    UnsendableRequestError,
)
from ._ids import validate_client_id
from ._models import (
    TLV,
    UNSET,
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
    Unset,
    or_none,
)
from ._retry import RetryPolicy
from ._version import __version__

# A library logs, the application decides what to show (retries log warnings).
logging.getLogger("hivemq_rest").addHandler(logging.NullHandler())

__all__ = [
    "TLV",
    "UNSET",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncHiveMQClient",
    "AuthenticationError",
    "BadRequestError",
    "CertificateInformation",
    "ClientClosedError",
    "ClientDetails",
    "ClientDetailsStream",
    "ClientNotFoundError",
    "ClientRestrictions",
    "ClientSettings",
    "ClientSubscription",
    "ClientSubscriptionQos",
    "ClientSubscriptionRetainHandling",
    "ConfigurationError",
    "ConflictError",
    "Connection",
    "ConnectionDetails",
    "CursorExpiredError",
    "EventLoopError",
    "HiveMQClient",
    "HiveMQError",
    "InternalServerError",
    "InvalidClientIdError",
    "NotFoundError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "ProxyInformation",
    "RateLimitError",
    "RetryPolicy",
    "ServiceUnavailableError",
    "TlsInformation",
    "UnexpectedResponseError",
    "UnsendableRequestError",
    "Unset",
    "__version__",
    "or_none",
    "validate_client_id",
]

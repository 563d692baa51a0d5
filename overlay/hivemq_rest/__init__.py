"""hivemq_rest: the Python client for the HiveMQ broker's REST API (MQTT clients).

from hivemq_rest import HiveMQClient

with HiveMQClient("http://localhost:8888") as hivemq:
    for client_id in hivemq.iter_client_ids():
        print(client_id, hivemq.is_connected(client_id))
"""

import logging

from hivemq_rest_generated.models import (
    ClientDetails,
    ClientSubscription,
    ClientSubscriptionQos,
    ClientSubscriptionRetainHandling,
    Connection,
)

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
from ._retry import RetryPolicy
from ._version import __version__

# A library logs, the application decides what to show (retries log warnings).
logging.getLogger("hivemq_rest").addHandler(logging.NullHandler())

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncHiveMQClient",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientDetails",
    "ClientDetailsStream",
    "ClientNotFoundError",
    "ClientSettings",
    "ClientSubscription",
    "ClientSubscriptionQos",
    "ClientSubscriptionRetainHandling",
    "ConfigurationError",
    "ConflictError",
    "Connection",
    "CursorExpiredError",
    "EventLoopError",
    "HiveMQClient",
    "HiveMQError",
    "InternalServerError",
    "InvalidClientIdError",
    "NotFoundError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "RetryPolicy",
    "ServiceUnavailableError",
    "UnexpectedResponseError",
    "UnsendableRequestError",
    "__version__",
    "validate_client_id",
]

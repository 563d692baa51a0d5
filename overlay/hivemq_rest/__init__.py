"""hivemq_rest: the Python client for the HiveMQ broker's REST API (MQTT clients).

from hivemq_rest import HiveMQClient

with HiveMQClient("http://localhost:8888") as hivemq:
    for client_id in hivemq.iter_client_ids():
        print(client_id, hivemq.is_connected(client_id))
"""

import logging

from hivemq_rest_generated.models import (
    Backup,
    BackupState,
    DiagnosticArchive,
    DiagnosticArchiveState,
    TraceFilter,
    TraceRecording,
    TraceRecordingEventsItem,
    TraceRecordingState,
)

from ._async_client import AsyncHiveMQClient, ClientDetailsStream
from ._base_client import ClientSettings
from ._client import HiveMQClient
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BackupFailedError,
    BadRequestError,
    ClientClosedError,
    ClientNotFoundError,
    ConfigurationError,
    ConflictError,
    CursorExpiredError,
    DownloadError,
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
    WaitTimeoutError,
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
    "Backup",
    "BackupFailedError",
    "BackupState",
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
    "DiagnosticArchive",
    "DiagnosticArchiveState",
    "DownloadError",
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
    "TraceFilter",
    "TraceRecording",
    "TraceRecordingEventsItem",
    "TraceRecordingState",
    "UnexpectedResponseError",
    "UnsendableRequestError",
    "Unset",
    "WaitTimeoutError",
    "__version__",
    "or_none",
    "validate_client_id",
]

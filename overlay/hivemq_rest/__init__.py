"""hivemq_rest: the Python client for the HiveMQ broker's REST API.

from hivemq_rest import HiveMQClient

with HiveMQClient("http://localhost:8888") as hivemq:
    for client_id in hivemq.clients.list():
        print(client_id, hivemq.clients.is_connected(client_id))
    for policy in hivemq.data_hub.data_policies.list():
        print(policy.id)

Every family is a namespace on the client, with the same verbs: ``clients``,
``data_hub``, ``backups``, ``trace_recordings``, ``diagnostic_archives``, and
``health`` (the Health API, on its own listener); ``with_raw_response`` has the
same namespaces answering RawResponse, and ``with_options`` makes a client with
another timeout or retry count.
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

from ._async_client import AsyncHiveMQClient
from ._async_fetch import AsyncClientDetailsStream
from ._async_resources.clients import AsyncClients
from ._async_resources.data_hub import AsyncDataHub
from ._async_resources.data_hub_policies import AsyncBehaviorPolicies, AsyncDataPolicies
from ._async_resources.data_hub_schemas import AsyncSchemas, AsyncScripts
from ._async_resources.health import AsyncHealthChecks
from ._base_client import ClientSettings
from ._client import HiveMQClient
from ._data_hub import json_schema, schema_definition, script_source
from ._data_hub_models import (
    BehaviorPolicy,
    BehaviorPolicyBehavior,
    BehaviorPolicyBehaviorArguments,
    BehaviorPolicyDeserialization,
    BehaviorPolicyDeserializer,
    BehaviorPolicyMatching,
    BehaviorPolicyOnEvent,
    BehaviorPolicyOnTransition,
    DataPolicy,
    DataPolicyAction,
    DataPolicyMatching,
    DataPolicyValidation,
    DataPolicyValidator,
    DataPolicyValidatorArguments,
    FsmStateInformationItem,
    FsmStateInformationItemVariables,
    PartialBehaviorPolicy,
    PartialDataPolicy,
    PartialSchema,
    PartialSchemaArguments,
    PartialScript,
    PartialScriptFunctionType,
    PolicyOnBranch,
    PolicyOperation,
    PolicyOperationArguments,
    Schema,
    SchemaArguments,
    SchemaReference,
    Script,
    ScriptFunctionType,
)
from ._errors import (
    AlreadyPresentError,
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
from ._health import Health, HealthStatus
from ._ids import validate_client_id
from ._models import (
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
from ._observe import configure_from_environment
from ._raw_response import RawResponse
from ._retry import RetryPolicy
from ._sync_fetch import ClientDetailsStream
from ._sync_resources.clients import Clients
from ._sync_resources.data_hub import DataHub
from ._sync_resources.data_hub_policies import BehaviorPolicies, DataPolicies
from ._sync_resources.data_hub_schemas import Schemas, Scripts
from ._sync_resources.health import HealthChecks
from ._version import __version__

# A library logs, the application decides what to show (retries log
# warnings); HIVEMQ_REST_LOG shows them on stderr when the application does not.
logging.getLogger("hivemq_rest").addHandler(logging.NullHandler())
configure_from_environment()

__all__ = [
    "TLV",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AlreadyPresentError",
    "AsyncBehaviorPolicies",
    "AsyncClientDetailsStream",
    "AsyncClients",
    "AsyncDataHub",
    "AsyncDataPolicies",
    "AsyncHiveMQClient",
    "AsyncSchemas",
    "AsyncScripts",
    "AuthenticationError",
    "Backup",
    "BackupFailedError",
    "BackupState",
    "BadRequestError",
    "BehaviorPolicies",
    "BehaviorPolicy",
    "BehaviorPolicyBehavior",
    "BehaviorPolicyBehaviorArguments",
    "BehaviorPolicyDeserialization",
    "BehaviorPolicyDeserializer",
    "BehaviorPolicyMatching",
    "BehaviorPolicyOnEvent",
    "BehaviorPolicyOnTransition",
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
    "Clients",
    "ConfigurationError",
    "ConflictError",
    "Connection",
    "ConnectionDetails",
    "CursorExpiredError",
    "DataHub",
    "DataPolicies",
    "DataPolicy",
    "DataPolicyAction",
    "DataPolicyMatching",
    "DataPolicyValidation",
    "DataPolicyValidator",
    "DataPolicyValidatorArguments",
    "DiagnosticArchive",
    "DiagnosticArchiveState",
    "DownloadError",
    "EventLoopError",
    "FsmStateInformationItem",
    "FsmStateInformationItemVariables",
    "HiveMQClient",
    "HiveMQError",
    "InternalServerError",
    "InvalidClientIdError",
    "NotFoundError",
    "PartialBehaviorPolicy",
    "PartialDataPolicy",
    "PartialSchema",
    "PartialSchemaArguments",
    "PartialScript",
    "PartialScriptFunctionType",
    "PermissionDeniedError",
    "PolicyOnBranch",
    "PolicyOperation",
    "PolicyOperationArguments",
    "PreconditionFailedError",
    "ProxyInformation",
    "RateLimitError",
    "RawResponse",
    "RetryPolicy",
    "Schema",
    "SchemaArguments",
    "SchemaReference",
    "Schemas",
    "Script",
    "ScriptFunctionType",
    "Scripts",
    "ServiceUnavailableError",
    "TlsInformation",
    "TraceFilter",
    "TraceRecording",
    "TraceRecordingEventsItem",
    "TraceRecordingState",
    "UnexpectedResponseError",
    "UnsendableRequestError",
    "WaitTimeoutError",
    "__version__",
    "json_schema",
    "schema_definition",
    "script_source",
    "validate_client_id",
]

# The Health API's names.
__all__ += ["AsyncHealthChecks", "Health", "HealthChecks", "HealthStatus"]

"""Contains all the data models used in inputs/outputs"""

from .backup import Backup
from .backup_item import BackupItem
from .backup_list import BackupList
from .backup_state import BackupState
from .behavior_policy import BehaviorPolicy
from .behavior_policy_behavior import BehaviorPolicyBehavior
from .behavior_policy_behavior_arguments import BehaviorPolicyBehaviorArguments
from .behavior_policy_deserialization import BehaviorPolicyDeserialization
from .behavior_policy_deserializer import BehaviorPolicyDeserializer
from .behavior_policy_list import BehaviorPolicyList
from .behavior_policy_matching import BehaviorPolicyMatching
from .behavior_policy_on_event import BehaviorPolicyOnEvent
from .behavior_policy_on_transition import BehaviorPolicyOnTransition
from .certificate_information import CertificateInformation
from .client import Client
from .client_details import ClientDetails
from .client_item import ClientItem
from .client_list import ClientList
from .client_restrictions import ClientRestrictions
from .client_subscription import ClientSubscription
from .client_subscription_list import ClientSubscriptionList
from .client_subscription_qos import ClientSubscriptionQos
from .client_subscription_retain_handling import ClientSubscriptionRetainHandling
from .connection import Connection
from .connection_details import ConnectionDetails
from .connection_item import ConnectionItem
from .data_policy import DataPolicy
from .data_policy_action import DataPolicyAction
from .data_policy_list import DataPolicyList
from .data_policy_matching import DataPolicyMatching
from .data_policy_validation import DataPolicyValidation
from .data_policy_validator import DataPolicyValidator
from .data_policy_validator_arguments import DataPolicyValidatorArguments
from .diagnostic_archive import DiagnosticArchive
from .diagnostic_archive_item import DiagnosticArchiveItem
from .diagnostic_archive_state import DiagnosticArchiveState
from .error import Error
from .errors import Errors
from .fsm_state_information_item import FsmStateInformationItem
from .fsm_state_information_item_variables import FsmStateInformationItemVariables
from .fsm_states_information_list_item import FsmStatesInformationListItem
from .health import Health
from .health_components import HealthComponents
from .health_details import HealthDetails
from .pagination_cursor import PaginationCursor
from .partial_behavior_policy import PartialBehaviorPolicy
from .partial_data_policy import PartialDataPolicy
from .partial_schema import PartialSchema
from .partial_schema_arguments import PartialSchemaArguments
from .partial_script import PartialScript
from .partial_script_function_type import PartialScriptFunctionType
from .policy_on_branch import PolicyOnBranch
from .policy_operation import PolicyOperation
from .policy_operation_arguments import PolicyOperationArguments
from .proxy_information import ProxyInformation
from .schema import Schema
from .schema_arguments import SchemaArguments
from .schema_list import SchemaList
from .schema_reference import SchemaReference
from .script import Script
from .script_function_type import ScriptFunctionType
from .script_list import ScriptList
from .tls_information import TlsInformation
from .tlv import TLV
from .trace_filter import TraceFilter
from .trace_recording import TraceRecording
from .trace_recording_events_item import TraceRecordingEventsItem
from .trace_recording_item import TraceRecordingItem
from .trace_recording_list import TraceRecordingList
from .trace_recording_state import TraceRecordingState

__all__ = (
    "TLV",
    "Backup",
    "BackupItem",
    "BackupList",
    "BackupState",
    "BehaviorPolicy",
    "BehaviorPolicyBehavior",
    "BehaviorPolicyBehaviorArguments",
    "BehaviorPolicyDeserialization",
    "BehaviorPolicyDeserializer",
    "BehaviorPolicyList",
    "BehaviorPolicyMatching",
    "BehaviorPolicyOnEvent",
    "BehaviorPolicyOnTransition",
    "CertificateInformation",
    "Client",
    "ClientDetails",
    "ClientItem",
    "ClientList",
    "ClientRestrictions",
    "ClientSubscription",
    "ClientSubscriptionList",
    "ClientSubscriptionQos",
    "ClientSubscriptionRetainHandling",
    "Connection",
    "ConnectionDetails",
    "ConnectionItem",
    "DataPolicy",
    "DataPolicyAction",
    "DataPolicyList",
    "DataPolicyMatching",
    "DataPolicyValidation",
    "DataPolicyValidator",
    "DataPolicyValidatorArguments",
    "DiagnosticArchive",
    "DiagnosticArchiveItem",
    "DiagnosticArchiveState",
    "Error",
    "Errors",
    "FsmStateInformationItem",
    "FsmStateInformationItemVariables",
    "FsmStatesInformationListItem",
    "Health",
    "HealthComponents",
    "HealthDetails",
    "PaginationCursor",
    "PartialBehaviorPolicy",
    "PartialDataPolicy",
    "PartialSchema",
    "PartialSchemaArguments",
    "PartialScript",
    "PartialScriptFunctionType",
    "PolicyOnBranch",
    "PolicyOperation",
    "PolicyOperationArguments",
    "ProxyInformation",
    "Schema",
    "SchemaArguments",
    "SchemaList",
    "SchemaReference",
    "Script",
    "ScriptFunctionType",
    "ScriptList",
    "TlsInformation",
    "TraceFilter",
    "TraceRecording",
    "TraceRecordingEventsItem",
    "TraceRecordingItem",
    "TraceRecordingList",
    "TraceRecordingState",
)

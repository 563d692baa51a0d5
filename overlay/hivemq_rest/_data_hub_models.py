"""The Data Hub models: what policies, schemas and scripts are made of, and what comes back.

Full models (DataPolicy, BehaviorPolicy, Schema, Script) are what create and
update take and answer; the Partial* ones are what get and list answer, since
``fields=`` may leave out any property (UNSET).
"""

from __future__ import annotations

from hivemq_rest_generated.models import (
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

__all__ = [
    "BehaviorPolicy",
    "BehaviorPolicyBehavior",
    "BehaviorPolicyBehaviorArguments",
    "BehaviorPolicyDeserialization",
    "BehaviorPolicyDeserializer",
    "BehaviorPolicyMatching",
    "BehaviorPolicyOnEvent",
    "BehaviorPolicyOnTransition",
    "DataPolicy",
    "DataPolicyAction",
    "DataPolicyMatching",
    "DataPolicyValidation",
    "DataPolicyValidator",
    "DataPolicyValidatorArguments",
    "FsmStateInformationItem",
    "FsmStateInformationItemVariables",
    "PartialBehaviorPolicy",
    "PartialDataPolicy",
    "PartialSchema",
    "PartialSchemaArguments",
    "PartialScript",
    "PartialScriptFunctionType",
    "PolicyOnBranch",
    "PolicyOperation",
    "PolicyOperationArguments",
    "Schema",
    "SchemaArguments",
    "SchemaReference",
    "Script",
    "ScriptFunctionType",
]

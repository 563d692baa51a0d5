"""The Data Hub models: what policies, schemas and scripts are made of, and what comes back.

Full models (DataPolicy, BehaviorPolicy, Schema, Script) are what create and
update take and answer, and what get and list answer without ``fields=``; the
Partial* ones are what they answer with it: any property may be left out
(None).
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

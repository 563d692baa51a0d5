"""Valid Data Hub bodies to build tests from."""

from __future__ import annotations

import base64
import json
from typing import Any

from google.protobuf import descriptor_pb2


def b64(raw: bytes) -> str:
    """Standard base64 text of ``raw``."""
    return base64.b64encode(raw).decode("ascii")


def json_schema(schema_id: str, title: str = "reading") -> dict[str, Any]:
    """A JSON schema body."""
    definition = {"type": "object", "title": title}
    return {
        "id": schema_id,
        "type": "JSON",
        "schemaDefinition": b64(json.dumps(definition).encode()),
    }


def descriptor_set(package: str = "demo", message: str = "Reading", nested: str = "Unit") -> bytes:
    """A compiled Protobuf descriptor set with one message (and one nested in it)."""
    file = descriptor_pb2.FileDescriptorProto(name="demo.proto", package=package, syntax="proto3")
    outer = file.message_type.add(name=message)
    outer.field.add(
        name="value",
        number=1,
        type=descriptor_pb2.FieldDescriptorProto.TYPE_DOUBLE,
        label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL,
    )
    outer.nested_type.add(name=nested)
    return descriptor_pb2.FileDescriptorSet(file=[file]).SerializeToString()


def protobuf_schema(schema_id: str, message_type: str = "Reading") -> dict[str, Any]:
    """A PROTOBUF schema body."""
    return {
        "id": schema_id,
        "type": "PROTOBUF",
        "schemaDefinition": b64(descriptor_set()),
        "arguments": {"messageType": message_type, "allowUnknownFields": "false"},
    }


def script(
    script_id: str, source: str = "function transform(p, c) { return p; }"
) -> dict[str, Any]:
    """A transformation script body."""
    return {
        "id": script_id,
        "functionType": "TRANSFORMATION",
        "source": b64(source.encode()),
        "description": "passes messages on",
    }


def data_policy(
    policy_id: str,
    topic_filter: str = "sensors/#",
    schema_id: str | None = None,
    script_id: str | None = None,
) -> dict[str, Any]:
    """A data policy body, validating with ``schema_id`` and calling ``script_id`` if given."""
    policy: dict[str, Any] = {"id": policy_id, "matching": {"topicFilter": topic_filter}}
    if schema_id is not None:
        policy["validation"] = {
            "validators": [
                {
                    "type": "schema",
                    "arguments": {
                        "strategy": "ALL_OF",
                        "schemas": [{"schemaId": schema_id, "version": "latest"}],
                    },
                }
            ]
        }
    pipeline: list[dict[str, Any]] = [
        {"id": "log", "functionId": "System.log", "arguments": {"level": "INFO", "message": "ok"}}
    ]
    if script_id is not None:
        pipeline.append(
            {"id": "transform", "functionId": f"fn:{script_id}:latest", "arguments": {}}
        )
    policy["onSuccess"] = {"pipeline": pipeline}
    policy["onFailure"] = {"pipeline": [{"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}]}
    return policy


def behavior_policy(
    policy_id: str, client_id_regex: str = "sensor-.*", schema_id: str | None = None
) -> dict[str, Any]:
    """A behavior policy body (Publish.quota), decoding with ``schema_id`` if given."""
    policy: dict[str, Any] = {
        "id": policy_id,
        "matching": {"clientIdRegex": client_id_regex},
        "behavior": {"id": "Publish.quota", "arguments": {"maxPublishes": 10}},
        "onTransitions": [
            {
                "fromState": "Any.*",
                "toState": "Violated",
                "Mqtt.OnInboundPublish": {
                    "pipeline": [
                        {"id": "drop", "functionId": "Mqtt.drop", "arguments": {}},
                    ]
                },
            }
        ],
    }
    if schema_id is not None:
        policy["deserialization"] = {"publish": {"schema": {"schemaId": schema_id, "version": "1"}}}
    return policy

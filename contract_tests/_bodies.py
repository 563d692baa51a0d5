"""Valid request bodies for the create operations, so that the spec's links have ids to follow.

Schemathesis generates bodies from the schemas, which type ids, definitions
and references as plain strings: almost every generated create is rightly
refused (400), and a link from a refused create leads nowhere. The stateful
scenarios therefore send these bodies in place of the generated ones in every
other scenario (see :mod:`contract_tests.test_stateful`); the others keep the
generated bodies. Each call gets a new id (``number``), so creates within one
scenario do not collide.
"""

from __future__ import annotations

import base64
import json
from typing import Any, Final

#: The create operations whose links lead to the other operations of their family.
SEEDED_CREATES: Final = frozenset(
    {
        "createSchema",
        "createScript",
        "createDataPolicy",
        "createBehaviorPolicy",
        "createTraceRecording",
    }
)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode("ascii")


def _schema(number: int) -> dict[str, Any]:
    definition = {"type": "object", "title": f"reading {number}"}
    return {
        "id": f"schema-{number}",
        "type": "JSON",
        "schemaDefinition": _b64(json.dumps(definition)),
    }


def _script(number: int) -> dict[str, Any]:
    return {
        "id": f"script-{number}",
        "functionType": "TRANSFORMATION",
        "source": _b64(f"function transform(p, c) {{ return p; }} // {number}"),
        "description": "passes messages on",
    }


def _drop() -> dict[str, Any]:
    return {"pipeline": [{"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}]}


def _data_policy(number: int) -> dict[str, Any]:
    return {
        "id": f"data-policy-{number}",
        "matching": {"topicFilter": f"sensors/{number}/#"},
        "onSuccess": {"pipeline": []},
        "onFailure": _drop(),
    }


def _behavior_policy(number: int) -> dict[str, Any]:
    return {
        "id": f"behavior-policy-{number}",
        "matching": {"clientIdRegex": f"sensor-{number}-.*"},
        "behavior": {"id": "Publish.quota", "arguments": {"maxPublishes": 10}},
        "onTransitions": [
            {"fromState": "Any.*", "toState": "Violated", "Mqtt.OnInboundPublish": _drop()}
        ],
    }


def _trace_recording(number: int) -> dict[str, Any]:
    # Started long ago, ending far ahead: IN_PROGRESS at once, so that its
    # download answers a zip.
    return {
        "traceRecording": {
            "name": f"trace-{number}",
            "startAt": "2020-01-01T00:00:00Z",
            "endAt": "2100-01-01T00:00:00Z",
            "clientIdFilters": [{"regex": "sensor-.*"}],
            "topicFilters": [],
            "events": ["MQTT_MESSAGE_PUBLISH"],
        }
    }


_BUILDERS: Final = {
    "createSchema": _schema,
    "createScript": _script,
    "createDataPolicy": _data_policy,
    "createBehaviorPolicy": _behavior_policy,
    "createTraceRecording": _trace_recording,
}


def valid_body(operation_id: str, number: int) -> dict[str, Any]:
    """A body the emulator accepts for ``operation_id`` (one of :data:`SEEDED_CREATES`)."""
    return _BUILDERS[operation_id](number)

"""What a checked policy refers to: schemas, scripts, and the clients it applies to."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from .state import Document

SERDES_FUNCTIONS = frozenset(("Serdes.serialize", "Serdes.deserialize"))
TRANSITION_EVENTS = (
    "Event.OnAny",
    "Connection.OnDisconnect",
    "Mqtt.OnInboundConnect",
    "Mqtt.OnInboundPublish",
    "Mqtt.OnInboundSubscribe",
    "Mqtt.OnInboundDisconnect",
)

Reference = tuple[str, str]  # (id, version: a number as text or "latest")


def script_reference(function_id: str) -> Reference | None:
    """``(scriptId, version)`` of a ``fn:<scriptId>:<version>`` function id; None if malformed."""
    script_id, _, version = function_id.removeprefix("fn:").rpartition(":")
    if not script_id or not (version == "latest" or (version.isascii() and version.isdigit())):
        return None
    return script_id, version


def pipeline_steps(policy: Document) -> Iterator[dict[str, Any]]:
    """Every pipeline step of a checked policy, in branches and transitions too."""
    pending: list[list[Any]] = [
        policy.get(action, {}).get("pipeline", []) for action in ("onSuccess", "onFailure")
    ]
    for transition in policy.get("onTransitions", []):
        pending.extend(
            transition[event]["pipeline"] for event in TRANSITION_EVENTS if event in transition
        )
    while pending:
        for step in pending.pop():
            yield step
            pending.extend(branch["pipeline"] for branch in step.get("onBranch", []))


def schema_references(policy: Document) -> list[Reference]:
    """The schemas a checked policy validates, decodes or encodes with."""
    found: list[Reference] = []
    for validator in policy.get("validation", {}).get("validators", []):
        if validator["type"] == "schema":
            found.extend(
                (reference["schemaId"], reference["version"])
                for reference in validator["arguments"]["schemas"]
            )
    for part in ("publish", "will"):
        deserializer = policy.get("deserialization", {}).get(part)
        if deserializer is not None:
            found.append((deserializer["schema"]["schemaId"], deserializer["schema"]["version"]))
    for step in pipeline_steps(policy):
        if step["functionId"] in SERDES_FUNCTIONS:
            arguments = step["arguments"]
            found.append((arguments["schemaId"], arguments["schemaVersion"]))
    return found


def script_references(policy: Document) -> list[Reference]:
    """The scripts a checked policy calls."""
    found: list[Reference] = []
    for step in pipeline_steps(policy):
        if step["functionId"].startswith("fn:"):
            reference = script_reference(step["functionId"])
            assert reference is not None  # checked when the policy was read
            found.append(reference)
    return found


@functools.lru_cache(maxsize=1024)
def policy_regex(text: str) -> re.Pattern[str] | None:
    """``clientIdRegex`` compiled; None when it is no regular expression."""
    try:
        return re.compile(text)
    except (re.error, RecursionError, OverflowError):
        return None


def applies_to(policy: Document, client_id: str) -> bool:
    """Whether a checked behavior policy's ``clientIdRegex`` matches the whole client id."""
    # Python's re, not Java's: the common syntax agrees. It has no timeout, so
    # a pathological pattern can stall a request (the emulator serves tests).
    pattern = policy_regex(policy["matching"]["clientIdRegex"])
    return pattern is not None and pattern.fullmatch(client_id) is not None

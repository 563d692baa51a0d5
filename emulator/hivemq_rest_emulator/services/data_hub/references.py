"""What a checked policy refers to: schemas, scripts, and the clients it applies to."""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from typing import Any, Final

import regex

from .pattern_bounds import PatternRefusedError, check_bounds
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


# Like Java's (the broker's), this regex engine backtracks: a pattern such as
# (x+x+)+y against a long client id would hold the request, and the state's
# lock, for minutes. So one match may take MATCH_SECONDS and all the matches of
# one request MATCH_BUDGET_SECONDS; past either, the policy counts as not applying.
MATCH_SECONDS: Final = 0.05
MATCH_BUDGET_SECONDS: Final = 1.0


def regex_problem(text: str) -> str | None:
    """Why ``clientIdRegex`` cannot be used (out of bounds, no regular expression), or None."""
    try:
        check_bounds(text)
    except PatternRefusedError as refused:
        return str(refused)
    return None if policy_regex(text) is not None else "not a regular expression"


@functools.lru_cache(maxsize=256)
def policy_regex(text: str) -> regex.Pattern[str] | None:
    """``clientIdRegex`` compiled; None when it is out of bounds or no regular expression.

    Python's syntax, not Java's (the broker's): the two agree on the common parts.
    """
    try:
        check_bounds(text)
        return regex.compile(text)
    except (PatternRefusedError, regex.error, RecursionError, OverflowError):
        return None


class ClientMatcher:
    """Which checked behavior policies apply to client ids, within one request's time budget."""

    def __init__(self, budget_seconds: float = MATCH_BUDGET_SECONDS) -> None:
        self._deadline = time.monotonic() + budget_seconds

    def applies(self, policy: Document, client_id: str) -> bool:
        """Whether the policy's ``clientIdRegex`` matches the whole client id (in time)."""
        pattern = policy_regex(policy["matching"]["clientIdRegex"])
        left = min(self._deadline - time.monotonic(), MATCH_SECONDS)
        if pattern is None or left <= 0:
            return False
        try:
            # concurrent: other requests run while this one matches.
            return pattern.fullmatch(client_id, timeout=left, concurrent=True) is not None
        except TimeoutError:
            return False

"""Reading Data Hub requests: query parameters and bodies, checked before any state changes.

Bodies are hostile: each check names what is wrong, and only the properties
the API defines are kept.
"""

from __future__ import annotations

from typing import Any

from ...core import ApiError, ApiRequest
from .definitions import check_schema, check_script
from .references import SERDES_FUNCTIONS, TRANSITION_EVENTS, regex_problem, script_reference
from .state import Document
from .topics import is_topic_filter, is_topic_name

# The `fields` names each listing allows, as the spec's descriptions give them
# (scripts: `runtime` is in the spec's list though no property has that name).
DATA_POLICY_FIELDS = frozenset(
    ("id", "createdAt", "lastUpdatedAt", "matching", "validation", "onSuccess", "onFailure")
)
BEHAVIOR_POLICY_FIELDS = frozenset(
    ("id", "createdAt", "lastUpdatedAt", "deserialization", "matching", "behavior", "onTransitions")
)
SCHEMA_FIELDS = frozenset(("id", "type", "schemaDefinition", "createdAt"))
SCRIPT_FIELDS = frozenset(("id", "version", "description", "runtime", "functionType", "createdAt"))

BEHAVIOR_MODELS = frozenset(("Mqtt.events", "Publish.duplicate", "Publish.quota"))


# Policies nest a few levels; a deeper body could not be copied or rendered
# within Python's recursion limit, so it is refused up front.
MAX_DEPTH = 64


def _depth(document: Any) -> int:
    deepest = 0
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        node, depth = pending.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        children = (
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        )
        pending.extend((child, depth + 1) for child in children)
    return deepest


def _bad_parameter(name: str, detail: str) -> ApiError:
    return ApiError(400, "Invalid query parameter", f"{name}: {detail}")


def path_id(request: ApiRequest, name: str) -> str:
    """The decoded path parameter ``name``; ApiError 400 when it is empty."""
    value = request.path.get(name, "")
    if not value:
        raise ApiError(400, "Required parameter missing", f"The path parameter {name} is empty.")
    return value


# Ids may hold any text, spaces at either end included: those filters match
# exactly, so that every stored id can be asked for. Field and type names hold
# no spaces, so a space around them is only formatting and is dropped.
_ID_FILTERS = frozenset({"policyIds", "schemaIds", "scriptIds", "clientIds"})


def query_list(request: ApiRequest, name: str) -> frozenset[str] | None:
    """A comma-separated query parameter as a set; None when it is absent."""
    if name not in request.operation.names:
        raise KeyError(name)  # a programming error: the spec has no such parameter
    raw = request.query.get(name)
    if raw is None:
        return None
    values = raw.split(",")
    if name not in _ID_FILTERS:
        values = [value.strip() for value in values]
    if not all(values):
        raise _bad_parameter(name, "a comma-separated list without empty entries")
    return frozenset(values)


def fields(request: ApiRequest, allowed: frozenset[str]) -> frozenset[str] | None:
    """The ``fields`` asked for, each one of ``allowed``; None for all properties."""
    wanted = query_list(request, "fields")
    if wanted is not None and not wanted <= allowed:
        unknown = ", ".join(sorted(wanted - allowed))[:200]  # echo hostile input bounded
        raise _bad_parameter("fields", f"unknown field(s) {unknown}; allowed: {sorted(allowed)}")
    return wanted


def limit(request: ApiRequest) -> int:
    """The page size: the spec's default, or a number within the spec's bounds."""
    parameter = request.operation.parameter("limit")
    low, high = parameter.integer_range()
    raw = request.query.get("limit")
    if raw is None:
        assert isinstance(parameter.default, int)  # the spec gives one
        return parameter.default
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 9) or not low <= int(raw) <= high:
        raise _bad_parameter("limit", f"a number from {low} to {high}, not {raw[:40]!r}")
    return int(raw)


def topic(request: ApiRequest) -> str | None:
    """The ``topic`` query parameter, a valid MQTT topic name; None when absent."""
    raw = request.query.get("topic")
    if raw is not None and not is_topic_name(raw):
        raise _bad_parameter("topic", "an MQTT topic name (no wildcards, not empty)")
    return raw


def body_object(request: ApiRequest, title: str) -> dict[str, Any]:
    """The JSON object of the body; ApiError 400 with ``title`` otherwise."""
    try:
        document = request.json()
    except ApiError as error:
        raise ApiError(400, title, error.detail) from None
    if not isinstance(document, dict):
        raise ApiError(400, title, "The request body is not a JSON object.")
    if _depth(document) > MAX_DEPTH:
        raise ApiError(400, title, f"The request body is nested deeper than {MAX_DEPTH} levels.")
    return document


def _text(document: dict[str, Any], key: str) -> str:
    value = document.get(key)
    if not isinstance(value, str) or not value:
        raise ApiError(400, "Invalid input", f"'{key}' is a non-empty string.")
    return value


def schema_body(request: ApiRequest) -> tuple[str, Document]:
    """The id and definition (type, schemaDefinition, arguments) of a schema to store."""
    body = body_object(request, "Invalid input")
    schema_id = _text(body, "id")
    schema_type = _text(body, "type")
    definition = _text(body, "schemaDefinition")
    arguments = body.get("arguments", {})
    if not isinstance(arguments, dict) or not all(
        isinstance(value, str) for value in arguments.values()
    ):
        raise ApiError(400, "Invalid input", "'arguments' maps names to strings.")
    check_schema(schema_type, definition, arguments)
    stored: Document = {"type": schema_type, "schemaDefinition": definition}
    if arguments:
        stored["arguments"] = arguments
    return schema_id, stored


def script_body(request: ApiRequest) -> tuple[str, Document]:
    """The id and definition (functionType, source, description) of a script to store."""
    body = body_object(request, "Invalid input")
    script_id = _text(body, "id")
    function_type = _text(body, "functionType")
    source = _text(body, "source")
    description = body.get("description")
    if description is not None and not isinstance(description, str):
        raise ApiError(400, "Invalid input", "'description' is a string.")
    check_script(function_type, source)
    stored: Document = {"functionType": function_type, "source": source}
    if description is not None:
        stored["description"] = description
    return script_id, stored


class _Policy:
    """Checks of one policy body; every failure is 400 "Policy is not valid"."""

    TITLE = "Policy is not valid"

    def fail(self, where: str, detail: str) -> ApiError:
        return ApiError(400, self.TITLE, f"{where}: {detail}")

    def object(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be an object")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value:
            raise self.fail(where, "must be a non-empty string")
        return value

    def array(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "must be an array")
        return value

    def pipeline(self, value: Any, where: str) -> None:
        # Iterative: onBranch nests pipelines as deep as the JSON goes.
        pending: list[tuple[Any, str]] = [(value, where)]
        while pending:
            steps, at = pending.pop()
            for index, step in enumerate(self.array(steps, at)):
                here = f"{at}[{index}]"
                step = self.object(step, here)
                self.text(step.get("id"), f"{here}.id")
                function_id = self.text(step.get("functionId"), f"{here}.functionId")
                if function_id.startswith("fn:") and script_reference(function_id) is None:
                    raise self.fail(f"{here}.functionId", "a script is fn:<scriptId>:<version>")
                arguments = self.object(step.get("arguments"), f"{here}.arguments")
                if function_id in SERDES_FUNCTIONS:
                    self.text(arguments.get("schemaId"), f"{here}.arguments.schemaId")
                    self.text(arguments.get("schemaVersion"), f"{here}.arguments.schemaVersion")
                for number, branch in enumerate(self.array(step.get("onBranch", []), here)):
                    branch_at = f"{here}.onBranch[{number}]"
                    branch = self.object(branch, branch_at)
                    self.text(branch.get("branchId"), f"{branch_at}.branchId")
                    pending.append((branch.get("pipeline"), f"{branch_at}.pipeline"))

    def schema_reference(self, value: Any, where: str) -> None:
        reference = self.object(value, where)
        self.text(reference.get("schemaId"), f"{where}.schemaId")
        self.text(reference.get("version"), f"{where}.version")


def _keep(body: dict[str, Any], keys: tuple[str, ...]) -> Document:
    return {key: body[key] for key in keys if key in body}


def data_policy_body(request: ApiRequest) -> Document:
    """A data policy to store, checked; without read-only or unknown properties."""
    body = body_object(request, "Policy not parsable")
    check = _Policy()
    check.text(body.get("id"), "id")
    matching = check.object(body.get("matching"), "matching")
    topic_filter = check.text(matching.get("topicFilter"), "matching.topicFilter")
    if not is_topic_filter(topic_filter):
        raise check.fail("matching.topicFilter", "not a valid MQTT topic filter")
    if "validation" in body:
        validation = check.object(body["validation"], "validation")
        validators = check.array(validation.get("validators", []), "validation.validators")
        for index, validator in enumerate(validators):
            at = f"validation.validators[{index}]"
            validator = check.object(validator, at)
            kind = check.text(validator.get("type"), f"{at}.type")
            arguments = check.object(validator.get("arguments"), f"{at}.arguments")
            if kind == "schema":
                if arguments.get("strategy") not in ("ALL_OF", "ANY_OF"):
                    raise check.fail(f"{at}.arguments.strategy", "ALL_OF or ANY_OF")
                schemas = check.array(arguments.get("schemas"), f"{at}.arguments.schemas")
                for number, reference in enumerate(schemas):
                    check.schema_reference(reference, f"{at}.arguments.schemas[{number}]")
    for action in ("onSuccess", "onFailure"):
        if action in body:
            check.pipeline(check.object(body[action], action).get("pipeline", []), action)
    return _keep(body, ("id", "matching", "validation", "onSuccess", "onFailure"))


def behavior_policy_body(request: ApiRequest) -> Document:
    """A behavior policy to store, checked; without read-only or unknown properties."""
    body = body_object(request, "Policy not parsable")
    check = _Policy()
    check.text(body.get("id"), "id")
    matching = check.object(body.get("matching"), "matching")
    regex = check.text(matching.get("clientIdRegex"), "matching.clientIdRegex")
    problem = regex_problem(regex)
    if problem is not None:
        raise check.fail("matching.clientIdRegex", problem)
    behavior = check.object(body.get("behavior"), "behavior")
    if check.text(behavior.get("id"), "behavior.id") not in BEHAVIOR_MODELS:
        raise check.fail("behavior.id", f"one of {', '.join(sorted(BEHAVIOR_MODELS))}")
    if "arguments" in behavior:
        check.object(behavior["arguments"], "behavior.arguments")
    if "deserialization" in body:
        deserialization = check.object(body["deserialization"], "deserialization")
        for part in ("publish", "will"):
            if part in deserialization:
                at = f"deserialization.{part}"
                deserializer = check.object(deserialization[part], at)
                check.schema_reference(deserializer.get("schema"), f"{at}.schema")
    transitions = check.array(body.get("onTransitions", []), "onTransitions")
    for index, transition in enumerate(transitions):
        at = f"onTransitions[{index}]"
        transition = check.object(transition, at)
        check.text(transition.get("fromState"), f"{at}.fromState")
        check.text(transition.get("toState"), f"{at}.toState")
        for event in TRANSITION_EVENTS:
            if event in transition:
                on_event = check.object(transition[event], f"{at}.{event}")
                check.pipeline(on_event.get("pipeline"), f"{at}.{event}.pipeline")
    return _keep(body, ("id", "matching", "deserialization", "behavior", "onTransitions"))

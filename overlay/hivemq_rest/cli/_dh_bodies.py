"""What the plan knows of Data Hub resources: families, bodies as compared, references.

No files and no API here: the four families in dependency order, a body
without what the broker sets, without what the spec does not declare, checked
against the spec's models and for what no request can carry, and the schemas
and scripts a policy names.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

import attrs
from hivemq_rest_generated.models import BehaviorPolicy, DataPolicy, Schema, Script

from ._render import is_utf8

SCHEMAS: Final = "schemas"
SCRIPTS: Final = "scripts"
DATA_POLICIES: Final = "data-policies"
BEHAVIOR_POLICIES: Final = "behavior-policies"
# In dependency order: policies use schemas and scripts.
FAMILIES: Final = (SCHEMAS, SCRIPTS, DATA_POLICIES, BEHAVIOR_POLICIES)
_MODELS: Final[Mapping[str, Callable[[Mapping[str, Any]], Any]]] = {
    SCHEMAS: Schema.from_dict,
    SCRIPTS: Script.from_dict,
    DATA_POLICIES: DataPolicy.from_dict,
    BEHAVIOR_POLICIES: BehaviorPolicy.from_dict,
}
SINGULAR: Final = {
    SCHEMAS: "schema",
    SCRIPTS: "script",
    DATA_POLICIES: "data policy",
    BEHAVIOR_POLICIES: "behavior policy",
}
# What the broker sets: never compared, never exported. ``runtime`` is a
# field name the scripts' listing knows, though no property.
_READ_ONLY: Final = frozenset({"version", "createdAt", "lastUpdatedAt", "runtime"})

Document = dict[str, Any]
Resources = dict[str, dict[str, Document]]  # family -> id -> body


def desired_body(body: Mapping[str, Any]) -> Document:
    """A resource as compared and exported: without read-only fields or empty arguments."""
    kept = {key: value for key, value in body.items() if key not in _READ_ONLY}
    if kept.get("arguments") == {}:
        del kept["arguments"]
    return kept


def invalid_body(family: str, body: Mapping[str, Any]) -> str | None:
    """Why ``body`` is not a valid resource of ``family`` (the spec's model refuses it), or None."""
    try:
        _MODELS[family](dict(body))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return f"not a valid {SINGULAR[family]} ({type(error).__name__}: {error})"
    return None


def unknown_properties(body: Mapping[str, Any], model: Any) -> list[str]:
    """Where ``body`` holds a key that its schema in the spec does not declare (``model``: parsed).

    An object whose schema declares no properties (a function's ``arguments``)
    is free-form: any key in it is content, none is unknown.
    """
    return [place for _, _, place in _undeclared(body, model)]


def declared_body(family: str, body: Mapping[str, Any]) -> Document:
    """``body`` without the keys the spec does not declare: a broker's own additions.

    Compared and exported without them, so that an export applies as it is and
    plans no changes. A body not of the API's shape is kept whole.
    """
    kept = copy.deepcopy(dict(body))
    try:
        model = _MODELS[family](kept)
    except (KeyError, TypeError, ValueError, AttributeError):
        return kept
    for owner, key, _ in _undeclared(kept, model):
        del owner[key]
    return kept


def _undeclared(body: Mapping[str, Any], model: Any) -> list[tuple[dict[str, Any], str, str]]:
    """Each undeclared key of ``body``: the object holding it, the key, and where it is."""
    # A key of ``body`` is missing from ``to_dict()`` where a model object kept
    # it as an extra, or where its value is null (the models read it as absent).
    if not _drop_undeclared(model) and not _holds_null(body):
        return []  # most bodies
    return list(_missing(body, model.to_dict(), ""))


def _holds_null(value: Any) -> bool:
    """Whether an object anywhere in ``value`` has a member that is null."""
    if isinstance(value, dict):
        return any(item is None or _holds_null(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_null(item) for item in value)
    return False


def _drop_undeclared(model: Any) -> bool:
    """Empty, in place, what each declared-properties object of ``model`` keeps as extra keys.

    True if any of them kept one.
    """
    fields = [field for field in attrs.fields(type(model)) if field.name != "additional_properties"]
    if not fields:
        return False  # free-form: its extra keys are all it holds
    dropped = bool(model.additional_properties)
    model.additional_properties = {}
    for field in fields:
        value = getattr(model, field.name)
        for item in value if isinstance(value, list) else [value]:
            if attrs.has(type(item)):
                dropped = _drop_undeclared(item) or dropped
    return dropped


def _missing(given: Any, kept: Any, where: str) -> Iterator[tuple[dict[str, Any], str, str]]:
    """The keys in ``given`` that ``kept`` (its declared part) lacks, as ``_undeclared`` says."""
    if isinstance(given, dict) and isinstance(kept, dict):
        for key, value in given.items():
            place = f"{where}.{key}" if where else key
            if key in kept:
                yield from _missing(value, kept[key], place)
            else:
                yield given, key, place
    elif isinstance(given, list) and isinstance(kept, list):
        for index, (item, kept_item) in enumerate(zip(given, kept, strict=False)):
            yield from _missing(item, kept_item, f"{where}[{index}]")


# Nesting and size that no resource comes near; what is read is checked by
# recursive code (the models, the plan's comparison), which must not overflow.
_MAX_DEPTH: Final = 100
_MAX_VALUES: Final = 1_000_000  # YAML's aliases can make a small file a huge value


def unfit(value: Any, *, any_text: bool = False) -> str | None:
    r"""Why a parsed document cannot be checked, sent or written as it is, or None.

    Too deeply nested, too many values, a number JSON cannot carry (NaN,
    an infinity, ``1e999``), or text that is not UTF-8 (JSON's ``"\udcff"``
    escape makes a lone surrogate, which no request can carry). ``any_text``
    lets such text pass: a broker's id is shown escaped and may be deleted.
    """
    level, depth, count = [value], 1, 1
    while level:  # a level of the tree at a time: no recursion, no pair a value
        if depth > _MAX_DEPTH:
            return "too deeply nested"
        below: list[Any] = []
        for item in level:
            if isinstance(item, str):
                if not any_text and not is_utf8(item):
                    return f"holds text that is not UTF-8 (a lone surrogate): {item[:40]!r}"
            elif isinstance(item, dict | list):
                below += item
                if isinstance(item, dict):
                    below += item.values()
                if count + len(below) > _MAX_VALUES:  # before YAML's aliases fill memory
                    return f"more than {_MAX_VALUES} values"
            elif isinstance(item, float) and not math.isfinite(item):
                return f"holds {item!r}, not a finite number (JSON has no NaN or infinity)"
        count += len(below)
        level, depth = below, depth + 1
    return None


def references(body: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """``(family, id)`` of every schema and script a policy names, wherever it does."""
    stack: list[Any] = [body]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            schema_id = value.get("schemaId")
            if isinstance(schema_id, str):
                yield SCHEMAS, schema_id
            function_id = value.get("functionId")
            if isinstance(function_id, str) and function_id.startswith("fn:"):
                script_id = function_id[3:].rpartition(":")[0]
                if script_id:
                    yield SCRIPTS, script_id
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)

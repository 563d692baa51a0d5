"""The plan of ``data-hub apply``: what to send for a directory, given the broker's state.

No I/O: the directory's resources and the broker's latest versions in, a list
of actions out, in the order they must be sent, each update with its field
differences. A change the API cannot make in place is a replacement: a delete,
then a create.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any, Final, Literal

import attrs

from ._dh_bodies import (
    DATA_POLICIES,
    FAMILIES,
    SCHEMAS,
    SCRIPTS,
    SINGULAR,
    Document,
    Resources,
    references,
)
from ._dh_diff import Change, changes, line_changes

Kind = Literal["create", "new version", "update", "replace", "delete", "unchanged"]
KINDS: Final[tuple[Kind, ...]] = (
    "create",
    "new version",
    "update",
    "replace",
    "delete",
    "unchanged",
)
#: What may not be applied without consent (a prompt on a terminal, else --yes).
DESTRUCTIVE: Final[frozenset[Kind]] = frozenset({"replace", "delete"})
VERSIONED: Final = frozenset({SCHEMAS, SCRIPTS})
TOPIC_FILTER_FIXED: Final = "a data policy's topic filter cannot change in place"


@attrs.frozen
class Action:
    """One resource's fate; ``body`` is what a create, new version, update or replace sends.

    ``changes`` are the field differences from the broker's latest version;
    ``version`` the number a new version will get; ``reason`` why a change is a
    replacement; ``etag`` the policy's entity tag read while planning (an
    update sends it as If-Match).
    """

    kind: Kind
    family: str
    id: str
    body: Document | None = None
    changes: tuple[Change, ...] = ()
    version: int | None = None
    reason: str | None = None
    etag: str | None = None

    def ref(self) -> dict[str, Any]:
        """Which action on which resource, as ``--json`` lists what was applied."""
        return {"action": self.kind, "family": self.family, "id": self.id}

    def to_json(self) -> dict[str, Any]:
        """The action as ``--json`` plans it: what changes, never the whole body."""
        shown = self.ref()
        if self.reason is not None:
            shown["reason"] = self.reason
        if self.version is not None:
            shown["version"] = self.version
        if self.kind in ("new version", "update", "replace"):
            shown["changes"] = [change.to_json() for change in self.changes]
        return shown


def unknown_references(desired: Resources, current: Resources, prune: bool) -> list[str]:
    """Each policy's reference to a schema or script that will not exist after the apply."""
    problems = []
    for family in FAMILIES:
        for policy_id, body in sorted(desired[family].items()):
            for kind, target in sorted(set(references(body))):
                kept = target in desired[kind] or (not prune and target in current[kind])
                if not kept:
                    problems.append(
                        f"{family}/{policy_id!r}: references {SINGULAR[kind]} {target!r}, "
                        "which is neither in the directory nor (without --prune) on the broker"
                    )
    return problems


def replacement_reason(family: str, stored: Document, body: Document) -> str | None:
    """Why the change from ``stored`` to ``body`` cannot be made in place, or None.

    The one such case HiveMQ documents (and the emulator enforces): a data
    policy's ``matching.topicFilter``. Schemas and scripts change by new
    versions, behavior policies by updates, whatever changes.
    """
    if family == DATA_POLICIES and _topic_filter(stored) != _topic_filter(body):
        return TOPIC_FILTER_FIXED
    return None


def _topic_filter(policy: Document) -> object:
    matching = policy.get("matching")
    return matching.get("topicFilter") if isinstance(matching, dict) else None


def make_plan(
    desired: Resources,
    current: Resources,
    prune: bool,
    latest: Mapping[tuple[str, str], int] | None = None,
) -> list[Action]:
    """Creates, new versions, updates and replacements in dependency order, then deletes.

    Schemas and scripts change by a new version (a create; ``latest`` holds the
    broker's version numbers); policies by an update, or a replacement where
    the API cannot change them in place. Resources only on the broker are
    deleted with ``prune``, in reverse order, else left alone.
    """
    writes: list[Action] = []
    for family in FAMILIES:
        for resource_id, body in sorted(desired[family].items()):
            stored = current[family].get(resource_id)
            if stored is None:
                writes.append(Action("create", family, resource_id, body))
                continue
            if stored == body:  # most of an unchanged tree: no need to weigh the empties
                writes.append(Action("unchanged", family, resource_id))
                continue
            old, new = _meaning(stored), _meaning(body)
            if old == new:
                writes.append(Action("unchanged", family, resource_id))
            elif family in VERSIONED:
                number = (latest or {}).get((family, resource_id))
                version = None if number is None else number + 1
                diff = _source_lines(changes(_readable(old), _readable(new)))
                writes.append(Action("new version", family, resource_id, body, diff, version))
            else:
                reason = replacement_reason(family, stored, body)
                kind: Kind = "update" if reason is None else "replace"
                diff = tuple(changes(old, new))
                writes.append(Action(kind, family, resource_id, body, diff, reason=reason))
    deletes = [
        Action("delete", family, resource_id)
        for family in reversed(FAMILIES)
        for resource_id in sorted(current[family])
        if prune and resource_id not in desired[family]
    ]
    return writes + deletes


_SOURCES: Final = ("schemaDefinition", "source")


def _readable(body: Document) -> Document:
    """A schema or script with its base64 source as text, where it is UTF-8 (for its diff)."""
    shown = dict(body)
    for key in _SOURCES:
        value = shown.get(key)
        if isinstance(value, str):
            try:
                text = base64.b64decode(value, validate=True).decode("utf-8")
            except ValueError:  # binascii.Error and UnicodeDecodeError are ValueErrors
                continue
            del shown[key]
            shown[f"{key}-decoded"] = text
    return shown


def _source_lines(found: list[Change]) -> tuple[Change, ...]:
    """The changes, a decoded source's by line: a script differs in a line, not whole."""
    shown: list[Change] = []
    for change in found:
        texts = isinstance(change.old, str) and isinstance(change.new, str)
        if change.op == "change" and change.path.endswith("-decoded") and texts:
            shown += line_changes(change.path, change.old, change.new)
        else:
            shown.append(change)
    return tuple(shown)


def _meaning(value: Any) -> Any:
    """A document as compared: an empty object or list, or null, counts as absent.

    A broker may answer ``"onFailure": {"pipeline": []}`` or ``"arguments": {}``
    where the file leaves them out, or the reverse; neither is a change to send.
    """
    if isinstance(value, dict):
        kept = ((key, _meaning(item)) for key, item in value.items())
        return {key: item for key, item in kept if item is not None and item != {} and item != []}
    if isinstance(value, list):
        return [_meaning(item) for item in value]
    return value


def in_sync(actions: list[Action]) -> bool:
    """Whether the plan changes nothing."""
    return all(action.kind == "unchanged" for action in actions)


def not_in_directory(desired: Resources, current: Resources) -> int:
    """How many resources are on the broker and not in the directory."""
    return sum(len(set(current[f]) - set(desired[f])) for f in FAMILIES)


def summary(actions: list[Action]) -> str:
    """``2 to create, 1 new version, 5 unchanged``, or ``no changes``."""
    counts = {kind: 0 for kind in KINDS}
    for action in actions:
        counts[action.kind] += 1
    labels = {
        "create": "to create",
        "new version": "new version",
        "update": "to update",
        "replace": "to replace",
        "delete": "to delete",
        "unchanged": "unchanged",
    }
    if not any(counts[kind] for kind in counts if kind != "unchanged"):
        return f"no changes ({counts['unchanged']} unchanged)"
    return ", ".join(f"{n} {labels[kind]}" for kind, n in counts.items() if n)

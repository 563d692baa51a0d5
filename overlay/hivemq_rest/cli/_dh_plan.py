"""The plan of ``data-hub apply``: what to send for a directory, given the broker's state.

No I/O: the directory's resources and the broker's latest versions in, a list
of actions out, in the order they must be sent.
"""

from __future__ import annotations

from typing import Any, Final, Literal

import attrs

from ._dh_tree import FAMILIES, SCHEMAS, SCRIPTS, SINGULAR, Document, Resources, references

Kind = Literal["create", "new version", "update", "delete", "unchanged"]
_VERSIONED: Final = frozenset({SCHEMAS, SCRIPTS})


@attrs.frozen
class Action:
    """One resource's fate; ``body`` is what a create, new version or update sends."""

    kind: Kind
    family: str
    id: str
    body: Document | None = None

    def to_json(self) -> dict[str, str]:
        """The action as ``--json`` reports it."""
        return {"action": self.kind, "family": self.family, "id": self.id}


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


def make_plan(desired: Resources, current: Resources, prune: bool) -> list[Action]:
    """Creates, new versions and updates in dependency order, then deletes in reverse.

    Schemas and scripts change by a new version (a create); policies by an update.
    Resources only on the broker are deleted with ``prune``, else left alone.
    """
    writes: list[Action] = []
    for family in FAMILIES:
        for resource_id, body in sorted(desired[family].items()):
            stored = current[family].get(resource_id)
            if stored is None:
                writes.append(Action("create", family, resource_id, body))
            elif _meaning(stored) == _meaning(body):
                writes.append(Action("unchanged", family, resource_id))
            elif family in _VERSIONED:
                writes.append(Action("new version", family, resource_id, body))
            else:
                writes.append(Action("update", family, resource_id, body))
    deletes = [
        Action("delete", family, resource_id)
        for family in reversed(FAMILIES)
        for resource_id in sorted(current[family])
        if prune and resource_id not in desired[family]
    ]
    return writes + deletes


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


def not_in_directory(desired: Resources, current: Resources) -> int:
    """How many resources are on the broker and not in the directory."""
    return sum(len(set(current[f]) - set(desired[f])) for f in FAMILIES)


def summary(actions: list[Action]) -> str:
    """``2 to create, 1 new version, 5 unchanged``, or ``no changes``."""
    counts = {kind: 0 for kind in ("create", "new version", "update", "delete", "unchanged")}
    for action in actions:
        counts[action.kind] += 1
    labels = {
        "create": "to create",
        "new version": "new version",
        "update": "to update",
        "delete": "to delete",
        "unchanged": "unchanged",
    }
    if not any(counts[kind] for kind in counts if kind != "unchanged"):
        return f"no changes ({counts['unchanged']} unchanged)"
    return ", ".join(f"{n} {labels[kind]}" for kind, n in counts.items() if n)

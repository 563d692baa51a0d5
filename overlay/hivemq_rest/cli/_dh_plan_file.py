"""Reviewed plans: ``data-hub diff --out PLAN.json`` writes one, ``apply --plan`` reads it.

A plan file holds the actions with their bodies and the entity tags read for
updates, and what the plan read of the broker: one stamp per resource (a
schema's or script's latest version, a digest of a policy as listed). Apply
reads the broker again and refuses the plan, sending nothing, when any stamp
differs. The file is checked whole on load; a file of another version is refused.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, cast

import attrs

from .._atomic import write_whole
from ._dh_bodies import FAMILIES, invalid_body
from ._dh_diff import SIGNS, Change
from ._dh_plan import KINDS, Action, Kind
from ._dh_tree import TreeError, shown

FORMAT: Final = "hivemq-rest data-hub plan"
VERSION: Final = 1
_MAX_BYTES: Final = 256 * 1024 * 1024  # 5,000 schemas of 100 KB each, as base64, fit
_WITH_BODY: Final = frozenset({"create", "new version", "update", "replace"})

#: family -> id -> what was read (``version 3``, ``sha256:...``).
Stamps = dict[str, dict[str, str]]


@attrs.frozen
class SavedPlan:
    """A plan as read back: its actions, whether it prunes, and what it read."""

    actions: list[Action]
    prune: bool
    read: Stamps


def save_plan(path: Path, actions: list[Action], prune: bool, read: Stamps) -> None:
    """Write the plan to ``path`` at once (private, fsynced, renamed into place)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "prune": prune,
        "read": read,
        "actions": [_action_json(action) for action in actions],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_whole(path, text.encode("utf-8", "backslashreplace"))


def _action_json(action: Action) -> dict[str, Any]:
    saved = action.to_json()
    if action.body is not None:
        saved["body"] = action.body
    if action.etag is not None:
        saved["etag"] = action.etag
    return saved


def load_plan(path: Path) -> SavedPlan:
    """The plan in ``path``; TreeError listing why it is not a plan this version applies."""
    try:
        with path.open("rb") as file:
            data = file.read(_MAX_BYTES + 1)
    except OSError as error:
        raise TreeError([f"{shown(path)}: cannot be read ({error.strerror})"]) from None
    if len(data) > _MAX_BYTES:
        raise TreeError([f"{shown(path)}: larger than {_MAX_BYTES} bytes"])
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise TreeError([f"{shown(path)}: not a plan file (not JSON: {error})"]) from None
    problems: list[str] = []
    plan = _parse(document, problems)
    if plan is None or problems:
        raise TreeError([f"{shown(path)}: {problem}" for problem in problems])
    return plan


def _parse(document: object, problems: list[str]) -> SavedPlan | None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        problems.append(f'not a plan file (no "format": {json.dumps(FORMAT)})')
        return None
    if document.get("version") != VERSION:
        problems.append(
            f"plan file version {document.get('version')!r}; this hivemq-rest reads {VERSION}: "
            "make the plan again with this version"
        )
        return None
    prune = document.get("prune")
    if not isinstance(prune, bool):
        problems.append('"prune" is not true or false')
    read = _stamps(document.get("read"), problems)
    raw_actions = document.get("actions")
    if not isinstance(raw_actions, list):
        problems.append('"actions" is not a list')
        return None
    actions = [_action(item, n, problems) for n, item in enumerate(raw_actions)]
    if problems:
        return None
    return SavedPlan([a for a in actions if a is not None], bool(prune), read)


def _stamps(value: object, problems: list[str]) -> Stamps:
    if not isinstance(value, dict) or set(value) != set(FAMILIES):
        problems.append(f'"read" does not hold the four families {list(FAMILIES)}')
        return {}
    for family, stamps in value.items():
        valid = isinstance(stamps, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in stamps.items()
        )
        if not valid:
            problems.append(f'"read"."{family}" does not map ids to stamps (text)')
    return cast("Stamps", value)


def _action(item: object, number: int, problems: list[str]) -> Action | None:
    where = f"action {number + 1}"
    if not isinstance(item, dict):
        problems.append(f"{where}: not an object")
        return None
    kind, family, resource_id = item.get("action"), item.get("family"), item.get("id")
    if kind not in KINDS or family not in FAMILIES or not isinstance(resource_id, str):
        problems.append(f"{where}: needs a known action, family and an id")
        return None
    body = item.get("body")
    if kind in _WITH_BODY and (not isinstance(body, dict) or body.get("id") != resource_id):
        problems.append(f"{where}: a {kind} needs the body of {family}/{resource_id}")
        return None
    invalid = invalid_body(family, body) if isinstance(body, dict) else None
    if invalid is not None:
        problems.append(f"{where}: {family}/{resource_id}: {invalid}")
        return None
    etag, reason, version = item.get("etag"), item.get("reason"), item.get("version")
    if not all(isinstance(v, str | None) for v in (etag, reason)) or not (
        version is None or (isinstance(version, int) and not isinstance(version, bool))
    ):
        problems.append(f"{where}: etag and reason are text, version a number")
        return None
    changes = _changes(item.get("changes", []), where, problems)
    return Action(
        cast("Kind", kind),
        family,
        resource_id,
        body if kind in _WITH_BODY else None,
        changes,
        version,
        reason,
        etag,
    )


def _changes(value: object, where: str, problems: list[str]) -> tuple[Change, ...]:
    if not isinstance(value, list) or not all(_is_change(item) for item in value):
        problems.append(f"{where}: changes are objects with an op ({'/'.join(SIGNS)}) and a path")
        return ()
    return tuple(
        Change(item["op"], item["path"], old=item.get("old"), new=item.get("new"))
        for item in cast("list[Mapping[str, Any]]", value)
    )


def _is_change(item: object) -> bool:
    return isinstance(item, dict) and item.get("op") in SIGNS and isinstance(item.get("path"), str)

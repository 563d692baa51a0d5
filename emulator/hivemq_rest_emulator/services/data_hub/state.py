"""The Data Hub's state: schema and script versions, policies, the trial.

Every collection counts a generation that goes up with each change, so that a
paging cursor cut from an older generation is known to be stale (410).
Documents are stored as the JSON objects the API answers with.
"""

from __future__ import annotations

import copy
import itertools
from datetime import datetime, timedelta
from typing import Any

from ...core import ApiError

Document = dict[str, Any]

TRIAL_LENGTH = timedelta(hours=5)

# One count for every collection and every reset, so that a cursor cut before
# a reset or from another collection never passes for a current one.
_GENERATIONS = itertools.count(1)


class Versions:
    """Schemas or scripts: per id, every version in order (``version`` counts from 1)."""

    def __init__(self, noun: str) -> None:
        self.noun = noun
        self._by_id: dict[str, list[Document]] = {}
        self.generation = next(_GENERATIONS)

    def add(self, item_id: str, definition: Document, created_at: str) -> Document:
        """Store ``definition`` as the next version of ``item_id``; the stored document.

        ApiError 400 "<Noun> already present" when it equals the latest version.
        """
        versions = self._by_id.get(item_id, [])
        if versions and _definition(versions[-1]) == definition:
            raise ApiError(
                400,
                f"{self.noun} already present",
                f"The latest version of {self.noun.lower()} '{item_id}' is this one.",
            )
        stored = {
            "id": item_id,
            **copy.deepcopy(definition),
            "version": len(versions) + 1,
            "createdAt": created_at,
        }
        self._by_id[item_id] = [*versions, stored]
        self.generation = next(_GENERATIONS)
        return copy.deepcopy(stored)

    def latest(self, item_id: str) -> Document | None:
        """The latest version of ``item_id``, or None."""
        versions = self._by_id.get(item_id)
        return copy.deepcopy(versions[-1]) if versions else None

    def has(self, item_id: str, version: str) -> bool:
        """Whether ``item_id`` has ``version`` (a number as text, or ``latest``)."""
        count = len(self._by_id.get(item_id, ()))
        if version == "latest":
            return count > 0
        return version.isascii() and version.isdigit() and 1 <= int(version) <= count

    def all(self) -> list[Document]:
        """Every version of every id, by id and version."""
        return [
            copy.deepcopy(version)
            for item_id in sorted(self._by_id)
            for version in self._by_id[item_id]
        ]

    def delete(self, item_id: str) -> bool:
        """Remove every version of ``item_id``; whether there was one."""
        if self._by_id.pop(item_id, None) is None:
            return False
        self.generation = next(_GENERATIONS)
        return True


def _definition(stored: Document) -> Document:
    return {
        key: value for key, value in stored.items() if key not in ("id", "version", "createdAt")
    }


class Policies:
    """Data or behavior policies by id."""

    def __init__(self) -> None:
        self._by_id: dict[str, Document] = {}
        self.generation = next(_GENERATIONS)

    def get(self, policy_id: str) -> Document | None:
        """The policy, or None."""
        policy = self._by_id.get(policy_id)
        return copy.deepcopy(policy) if policy is not None else None

    def put(self, policy: Document) -> Document:
        """Store (create or replace) the policy under its id."""
        self._by_id[policy["id"]] = copy.deepcopy(policy)
        self.generation = next(_GENERATIONS)
        return copy.deepcopy(policy)

    def all(self) -> list[Document]:
        """Every policy, by id."""
        return [copy.deepcopy(self._by_id[key]) for key in sorted(self._by_id)]

    def delete(self, policy_id: str) -> bool:
        """Remove the policy; whether there was one."""
        if self._by_id.pop(policy_id, None) is None:
            return False
        self.generation = next(_GENERATIONS)
        return True


class Trial:
    """The five-hour Data Hub trial: once per emulator run (until a reset)."""

    def __init__(self) -> None:
        self._started: datetime | None = None

    def start(self, now: datetime) -> None:
        """Start it; ApiError 400 when it runs already or has run out."""
        if self._started is None:
            self._started = now
        elif now < self._started + TRIAL_LENGTH:
            raise ApiError(400, "Trial mode already running", "The Data Hub trial runs already.")
        else:
            raise ApiError(
                400, "Trial mode already expired", "The Data Hub trial has run out; restart."
            )


class DataHubState:
    """All of the Data Hub's state."""

    def __init__(self) -> None:
        self.schemas = Versions("Schema")
        self.scripts = Versions("Script")
        self.data_policies = Policies()
        self.behavior_policies = Policies()
        self.trial = Trial()

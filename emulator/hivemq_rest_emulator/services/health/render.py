"""The Health API's answers, built from what the admin API set.

A group's status is the worst of its parts: DOWN, then any status the
emulator does not know (kept as set), then DEGRADED, UNKNOWN and UP. The
answer is 503 for DOWN and 200 for every other status (the facts sheet's
mapping; an unknown status is 200 too).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from .state import DEFAULT_COMPONENTS, Part

UP: Final = "UP"
DOWN: Final = "DOWN"
_RANK: Final = {DOWN: 0, "DEGRADED": 2, "UNKNOWN": 3, UP: 4}
_OTHER_RANK: Final = 1


def http_status(status: str) -> int:
    """503 for DOWN, 200 for anything else."""
    return 503 if status == DOWN else 200


def worst(statuses: Iterable[str]) -> str:
    """The worst of ``statuses`` (UP when there are none)."""
    return min(statuses, key=lambda status: _RANK.get(status, _OTHER_RANK), default=UP)


def part(value: Part) -> dict[str, Any]:
    """One component or extension: its status, and its details when it has any."""
    body: dict[str, Any] = {"status": value.status}
    if value.details:
        body["details"] = dict(value.details)
    return body


def group(parts: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """A group of rendered parts: the worst status, and the parts by name."""
    return {
        "status": worst(body["status"] for body in parts.values()),
        "components": dict(parts),
    }


def components(set_: Mapping[str, Part]) -> dict[str, dict[str, Any]]:
    """Every component of the node: the default ones (UP) and those set, rendered."""
    found = {name: {"status": UP} for name in DEFAULT_COMPONENTS}
    found.update((name, part(value)) for name, value in set_.items())
    return found

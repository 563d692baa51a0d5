"""Field-level differences between a resource on the broker and in the directory.

No I/O: two documents in (as the plan compares them), the changed paths out,
each with its old and new value, for the plan's human and JSON forms.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from typing import Any, Final, Literal

import attrs

Op = Literal["add", "remove", "change"]
SIGNS: Final[dict[Op, str]] = {"add": "+", "remove": "-", "change": "~"}
_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_SHOWN_CHARS: Final = 60  # a value's width in the human plan; JSON carries it whole


@attrs.frozen
class Change:
    """One changed path: ``old`` is absent (None) for an add, ``new`` for a remove."""

    op: Op
    path: str
    old: Any = None
    new: Any = None

    def to_json(self) -> dict[str, Any]:
        """The change as ``--json`` reports it: the values whole."""
        shown: dict[str, Any] = {"op": self.op, "path": self.path}
        if self.op != "add":
            shown["old"] = self.old
        if self.op != "remove":
            shown["new"] = self.new
        return shown

    def line(self) -> str:
        """``~ matching.topicFilter: "a/#" -> "b/#"``, values shortened (not yet escaped)."""
        sign = SIGNS[self.op]
        if self.op == "change":
            return f"{sign} {self.path}: {shorten(self.old)} -> {shorten(self.new)}"
        if self.op == "add":
            return f"{sign} {self.path}: {shorten(self.new)}"
        return f"{sign} {self.path}"


def shorten(value: Any) -> str:
    """A value as compact JSON, cut to a terminal line's share with ``...`` at the end."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "), sort_keys=True)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


def _step(path: str, key: object) -> str:
    """``path.key``, or ``path["a.b"]`` for a key that would read as more than one step."""
    if isinstance(key, str) and _NAME.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def changes(old: Any, new: Any) -> list[Change]:
    """Every path where ``new`` differs from ``old``; objects by key, lists by position.

    Both are compared as given: the caller drops what it does not count as a
    change (empty objects, read-only fields) first.
    """
    return list(_walk(old, new, ""))


def line_changes(path: str, old: str, new: str) -> list[Change]:
    """Two texts (a script's source) as changed lines: ``path:LINE``, numbered as in ``new``.

    A removed line is numbered as in ``old``. Lines replaced by as many lines
    are changes; otherwise the old ones are removed and the new ones added.
    """
    before, after = old.splitlines(), new.splitlines()
    found = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "replace" and a2 - a1 == b2 - b1:
            found += [
                Change("change", f"{path}:{b1 + n + 1}", before[a1 + n], after[b1 + n])
                for n in range(a2 - a1)
            ]
        elif tag != "equal":
            found += [Change("remove", f"{path}:{n + 1}", old=before[n]) for n in range(a1, a2)]
            found += [Change("add", f"{path}:{n + 1}", new=after[n]) for n in range(b1, b2)]
    return found


def _walk(old: Any, new: Any, path: str) -> Iterator[Change]:
    # Recursion is bounded by the nesting the directory reader accepts (100 levels).
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys(), key=str):
            where = _step(path, key)
            if key not in new:
                yield Change("remove", where, old=old[key])
            elif key not in old:
                yield Change("add", where, new=new[key])
            else:
                yield from _walk(old[key], new[key], where)
    elif isinstance(old, list) and isinstance(new, list):
        for index in range(max(len(old), len(new))):
            where = f"{path}[{index}]"
            if index >= len(new):
                yield Change("remove", where, old=old[index])
            elif index >= len(old):
                yield Change("add", where, new=new[index])
            else:
                yield from _walk(old[index], new[index], where)
    elif old != new:
        yield Change("change", path, old=old, new=new)

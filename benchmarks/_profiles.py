"""Where a profiled worker spent its CPU: by area (package) and by function."""

from __future__ import annotations

import pstats
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# (what the file path or built-in's name contains, area), first match wins.
_AREAS: tuple[tuple[str, str], ...] = (
    ("/hivemq_rest_generated/", "hivemq_rest_generated (models)"),
    ("/hivemq_rest/cli/", "hivemq_rest.cli"),
    ("/hivemq_rest/", "hivemq_rest"),
    ("/httpx_aiohttp/", "httpx_aiohttp"),
    ("/httpx/", "httpx"),
    ("/httpcore/", "httpcore"),
    ("/h11/", "h11"),
    ("/anyio/", "anyio"),
    ("/aiohttp/", "aiohttp"),
    ("/yarl/", "yarl"),
    ("/multidict/", "multidict"),
    ("/attr/", "attrs"),
    ("/attrs/", "attrs"),
    ("/click/", "click"),
    ("/rich/", "rich"),
    ("/benchmarks/", "benchmark harness"),
    ("/asyncio/", "asyncio"),
    ("/json/", "json"),
    ("/csv", "csv"),
    ("/ssl.py", "ssl"),
    ("/socket.py", "socket"),
    ("<frozen abc>", "stdlib abc (isinstance of an ABC)"),
    ("<frozen", "imports"),
    ("marshal.", "imports"),
    # Built-ins with an area of their own; any other built-in counts for its callers.
    ("_socket.socket", "socket syscalls"),
    ("select.epoll", "event loop syscalls"),
    ("_ssl.", "ssl"),
    ("_json.", "json"),
)
_STDLIB = "/python3."


@dataclass
class FunctionCost:
    """One function's own CPU time (tottime) and calls."""

    label: str
    own: float
    cumulative: float
    calls: int


@dataclass
class ProfileSummary:
    """A profile reduced to what a report can show."""

    total: float
    areas: dict[str, float] = field(default_factory=dict)
    top: list[FunctionCost] = field(default_factory=list)


def _area(filename: str, name: str) -> str | None:
    """The area of a function; None for a built-in that counts for its callers."""
    where = filename if filename != "~" else name
    for needle, area in _AREAS:
        if needle in where:
            return area
    if filename == "~":
        return None
    if _STDLIB in filename:
        # .../lib/python3.11/urllib/parse.py -> "stdlib urllib"
        rest = filename.split(_STDLIB, 1)[1].split("/", 1)[-1]
        return "stdlib " + rest.split("/", 1)[0].removesuffix(".py")
    return "other"


Key = tuple[str, int, str]


def _owner(key: Key, raw: dict[Key, tuple[Any, ...]], depth: int = 0) -> str:
    """The area of a function, a built-in taking its first Python caller's."""
    area = _area(key[0], key[2])
    if area is not None:
        return area
    callers: dict[Key, tuple[Any, ...]] = raw[key][4] if key in raw else {}
    if not callers or depth > 5:
        return "builtins"
    caller = max(callers, key=lambda item: callers[item][2])
    return _owner(caller, raw, depth + 1)


def _label(filename: str, line: int, name: str) -> str:
    if filename == "~":
        return name
    parts = Path(filename).parts
    for anchor in ("site-packages", "overlay", "generated", "emulator", "lib"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            short = "/".join(parts[index + 1 :])
            break
    else:
        short = "/".join(parts[-2:])
    return f"{short}:{line}({name})"


def summarize(path: Path, top: int = 15) -> ProfileSummary:
    """The areas and the ``top`` most expensive functions of a cProfile dump."""
    stats = pstats.Stats(str(path))
    raw = stats.stats  # type: ignore[attr-defined]
    summary = ProfileSummary(total=0.0)
    costs = []
    for key, (_cc, calls, own, cumulative, callers) in raw.items():
        filename, line, name = key
        if _area(filename, name) is None and callers:
            # A built-in: its time goes to the areas of the functions that called it.
            for caller, (_nc, _ccc, caller_own, _ct) in callers.items():
                area = _owner(caller, raw)
                summary.areas[area] = summary.areas.get(area, 0.0) + caller_own
        else:
            area = _owner(key, raw)
            summary.areas[area] = summary.areas.get(area, 0.0) + own
        summary.total += own
        costs.append(FunctionCost(_label(filename, line, name), own, cumulative, calls))
    costs.sort(key=lambda cost: cost.own, reverse=True)
    summary.top = costs[:top]
    summary.areas = dict(sorted(summary.areas.items(), key=lambda item: item[1], reverse=True))
    return summary

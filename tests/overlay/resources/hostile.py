"""Hostile ids and names through every path parameter, on a real loopback server."""

from __future__ import annotations

import json
from urllib.parse import unquote

# Ids that a path would take for something else if they were not encoded.
FIXED_IDS = ["..", ".", "a/b", "../../mqtt/clients", "%2F", "?x=1", "#frag", "é ü", " ", "a;b"]


def answer_any(
    method: str, target: str, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    """A 200 that every one of our operations accepts (or 204 for a DELETE)."""
    if method == "DELETE":
        return 204, {}, b""
    if "/files/" in target:
        return 200, {"Content-Type": "application/octet-stream"}, b"file"
    body = {"backup": {"id": "x", "bytes": 4}, "traceRecording": {"name": "x"}}
    return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()


def the_segment_after(seen: list[tuple[str, str, dict[str, str]]], prefix: str) -> list[str]:
    """What each request named right under prefix, decoded; each must be one whole segment."""
    found = []
    for _, target, _ in seen:
        assert target.startswith(prefix), target
        segment = target[len(prefix) :]
        assert not set(segment) & set("/?#"), target
        assert segment not in (".", ".."), target
        found.append(unquote(segment, errors="strict"))
    return found

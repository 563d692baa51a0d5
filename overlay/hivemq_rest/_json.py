"""JSON as the standard has it: no NaN, no Infinity, and nesting within a bound.

Python's json module reads ``NaN``, ``Infinity`` and ``1e999`` (as a float
infinity) and writes them back as bare ``NaN``, which no other JSON parser
takes; and a document nested hundreds deep parses, then makes RecursionError
of whatever walks it later. ``loads`` refuses both where the text is read;
``unfit`` says the same of one part of a document read with ``finite=False``.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["NotJSONError", "loads", "unfit"]


class NotJSONError(ValueError):
    """Text that is not JSON, holds a number JSON does not have, or nests too deep."""


class _NotFiniteError(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _NotFiniteError(name)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFiniteError(text[:20])
    return value


# Built once: json.loads with these hooks would build a decoder per call.
_FINITE = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite)


def _finite_document(data: str | bytes) -> Any:
    """``json.loads(data)`` refusing NaN, infinities and ``1e999`` (_NotFiniteError)."""
    if isinstance(data, bytes):
        # As json.loads: UTF-8, -16 or -32, told apart by the first bytes.
        data = data.decode(json.detect_encoding(data), "surrogatepass")
    return _FINITE.decode(data)


def _not_finite(number: object) -> str:
    return f"holds {number}, not a finite number (JSON has no NaN or infinity)"


def unfit(value: object, max_depth: int) -> str | None:
    """Why value cannot be JSON (nested over ``max_depth``, NaN or infinite), else None.

    Iterative: a value of any depth is walked without recursion.
    """
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            return _not_finite(item)
        if isinstance(item, dict | list):
            if depth > max_depth:
                return f"too deeply nested (more than {max_depth} levels)"
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return None


def _shallow(data: str | bytes, max_depth: int, finite: bool) -> bool:
    """Whether the walk of ``unfit`` can be skipped: it could find nothing.

    With ``finite``, the parse itself refused NaN and infinities; and a text
    that opens at most ``max_depth`` objects and arrays (brackets in strings
    counted too) cannot nest deeper. Counting is C-speed; most answers are
    small, and the walk costs more than their parse.
    """
    if not finite:
        return False
    if isinstance(data, bytes):
        return data.count(b"{") + data.count(b"[") <= max_depth
    return data.count("{") + data.count("[") <= max_depth


def loads(data: str | bytes, max_depth: int | None, *, finite: bool = True) -> Any:
    """The JSON document in data; NotJSONError saying why if there is none ("is not JSON").

    ``max_depth``: how deep objects and arrays may nest (None: not checked).
    ``finite=False`` lets NaN and infinities through, for a caller that
    checks the parts it uses with ``unfit`` and names them.
    """
    try:
        document = _finite_document(data) if finite else json.loads(data)
    except _NotFiniteError as number:
        raise NotJSONError(_not_finite(number)) from None
    except RecursionError:
        raise NotJSONError("nests too deep to parse") from None
    except ValueError:
        raise NotJSONError("is not JSON") from None
    if (
        max_depth is not None
        and isinstance(document, dict | list)
        and not _shallow(data, max_depth, finite)
    ):
        said = unfit(document, max_depth)
        if said is not None:
            raise NotJSONError(said)
    return document

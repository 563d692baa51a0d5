"""JSON as the standard has it: no NaN, no Infinity, and nesting within a bound.

Python's json module reads ``NaN``, ``Infinity`` and ``1e999`` (as a float
infinity) and writes them back as bare ``NaN``, which no other JSON parser
takes; and a document nested hundreds deep parses, then makes RecursionError
of whatever walks it later. ``loads`` refuses both where the text is read.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["NotJSONError", "loads"]


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


def _nests_deeper(document: dict[str, Any] | list[Any], limit: int) -> bool:
    """Whether objects and arrays in document nest more than ``limit`` deep (no recursion)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def loads(data: str | bytes, max_depth: int | None) -> Any:
    """The JSON document in data; NotJSONError saying why if there is none ("is not JSON").

    ``max_depth``: how deep objects and arrays may nest (None: not checked).
    """
    try:
        document = json.loads(data, parse_constant=_no_constant, parse_float=_finite)
    except _NotFiniteError as number:
        raise NotJSONError(f"holds {number}, which is not a JSON number") from None
    except RecursionError:
        raise NotJSONError("nests too deep to parse") from None
    except ValueError:
        raise NotJSONError("is not JSON") from None
    if (
        max_depth is not None
        and isinstance(document, dict | list)
        and _nests_deeper(document, max_depth)
    ):
        raise NotJSONError(f"nests deeper than {max_depth} levels")
    return document

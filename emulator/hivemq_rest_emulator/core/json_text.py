"""Reading request bodies as JSON as RFC 8259 defines it: finite numbers only.

Python's ``json`` also reads ``NaN``, ``Infinity`` and ``-Infinity``, and turns
a number such as ``1e999`` into infinity. None of these is JSON: stored, they
would be served back as bare ``NaN`` that no strict client can read. So they
are refused like any other syntax error.
"""

from __future__ import annotations

import json
import math
from typing import Any


class NonFiniteNumberError(ValueError):
    """The text holds ``NaN``, an infinity, or a number too large for a float."""


def _refuse_constant(name: str) -> Any:
    raise NonFiniteNumberError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise NonFiniteNumberError(f"{text} is too large a number")
    return number


def loads(text: str | bytes) -> Any:
    """``json.loads`` that refuses non-finite numbers (``NonFiniteNumberError``, a ValueError)."""
    return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)

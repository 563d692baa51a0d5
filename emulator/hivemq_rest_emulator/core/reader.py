"""Strict, path-aware reading of JSON input (admin API bodies, fault configurations).

Unknown keys, wrong types and values out of bounds are :class:`InvalidBodyError`
naming the offending path, so that a typo in a test fails loudly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from typing import Any

from starlette.requests import Request

from . import json_text


class InvalidBodyError(ValueError):
    """The JSON input of an admin request is not acceptable; the message says why."""


class _Missing:
    pass


MISSING = _Missing()


class Reader:
    """Typed, path-aware access to one JSON object of the input."""

    def __init__(self, value: object, path: str, allowed: Collection[str]) -> None:
        if not isinstance(value, dict):
            raise InvalidBodyError(f"{path} must be a JSON object")
        unknown = sorted(str(key) for key in value if key not in allowed)
        if unknown:
            raise InvalidBodyError(f"{path} has unknown properties: {', '.join(unknown)}")
        self._value: dict[str, Any] = value
        self._path = path

    def where(self, key: str) -> str:
        """The path of ``key`` for error messages."""
        return f"{self._path}.{key}"

    def has(self, key: str) -> bool:
        """Whether ``key`` is present (even as ``null``)."""
        return key in self._value

    def raw(self, key: str) -> object:
        """The value of ``key``, or ``MISSING``."""
        return self._value.get(key, MISSING)

    def _fail(self, key: str, what: str) -> InvalidBodyError:
        return InvalidBodyError(f"{self.where(key)} must be {what}")

    def opt_str(self, key: str, default: str | None) -> str | None:
        """A string or ``null``."""
        value = self.raw(key)
        if value is MISSING:
            return default
        if value is None or isinstance(value, str):
            return value
        raise self._fail(key, "a string or null")

    def str_(self, key: str, default: str, *, non_empty: bool = False) -> str:
        """A string (not ``null``)."""
        value = self.raw(key)
        if value is MISSING:
            return default
        if not isinstance(value, str) or (non_empty and not value):
            raise self._fail(key, "a non-empty string" if non_empty else "a string")
        return value

    def opt_int(self, key: str, default: int | None, low: int, high: int) -> int | None:
        """An integer within ``low..high``, or ``null``."""
        value = self.raw(key)
        if value is MISSING:
            return default
        if value is None:
            return None
        return self._int_value(key, value, low, high, nullable=True)

    def int_(self, key: str, default: int, low: int, high: int) -> int:
        """An integer within ``low..high`` (not ``null``)."""
        value = self.raw(key)
        if value is MISSING:
            return default
        return self._int_value(key, value, low, high, nullable=False)

    def _int_value(self, key: str, value: object, low: int, high: int, *, nullable: bool) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            suffix = " or null" if nullable else ""
            raise self._fail(key, f"an integer between {low} and {high}{suffix}")
        return value

    def float_(self, key: str, default: float, low: float, high: float) -> float:
        """A number within ``low..high``."""
        value = self.raw(key)
        if value is MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, f"a number between {low} and {high}")
        try:
            number = float(value)
        except OverflowError:  # an integer beyond any float
            raise self._fail(key, f"a number between {low} and {high}") from None
        if not low <= number <= high:
            raise self._fail(key, f"a number between {low} and {high}")
        return number

    def bool_(self, key: str, default: bool) -> bool:
        """A boolean."""
        value = self.raw(key)
        if value is MISSING:
            return default
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def enum(self, key: str, default: str, choices: tuple[str, ...]) -> str:
        """One of ``choices``."""
        value = self.raw(key)
        if value is MISSING:
            return default
        if value not in choices:
            raise self._fail(key, f"one of {', '.join(choices)}")
        assert isinstance(value, str)
        return value

    def opt_datetime(self, key: str, default: str | None) -> str | None:
        """An RFC 3339 date-time string, or ``null``."""
        value = self.opt_str(key, default)
        if value is not None:
            try:
                dt.datetime.fromisoformat(value)
            except ValueError:
                raise self._fail(
                    key, "an RFC 3339 date-time such as 2024-01-31T12:00:00.000Z"
                ) from None
        return value

    def opt_list(self, key: str) -> list[Any] | None:
        """A JSON array, or ``None`` if absent or ``null``."""
        value = self.raw(key)
        if value is MISSING or value is None:
            return None
        if not isinstance(value, list):
            raise self._fail(key, "an array or null")
        return value


async def read_json(request: Request) -> Any:
    """The request body as JSON; raise :class:`InvalidBodyError`."""
    body = await request.body()
    try:
        value = json_text.loads(body)
        # Lone surrogates (JSON "\ud800") are valid JSON but no valid text.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except RecursionError:
        raise InvalidBodyError("the body is nested too deeply") from None
    except UnicodeError:
        raise InvalidBodyError("the body must be UTF-8 JSON without lone surrogates") from None
    except ValueError as exc:
        raise InvalidBodyError(f"the body is not valid JSON: {exc}") from None
    return value

"""Checks of the client settings, run when a client is created.

Each transport refuses a bad setting in its own way and only on the first
request (``timeout="5"`` is a TypeError from one, a hang from another);
here every one is a ConfigurationError, at once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Final

import httpx

from ._constants import MAX_SECONDS
from ._errors import ConfigurationError
from ._retry import RetryPolicy

__all__ = [
    "attempt_seconds",
    "check_flag",
    "check_headers",
    "check_max_response_bytes",
    "check_retry",
    "check_secret",
    "check_text",
    "check_timeout",
    "check_username",
]

# RFC 9110 §5.6.2: a header name is a token.
_TOKEN: Final = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


def _seconds(name: str, value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigurationError(f"{name} must be a number of seconds or None, not {value!r}")
    if not (value > 0 and math.isfinite(value)):
        raise ConfigurationError(
            f"{name} must be a finite number of seconds above 0 (None: no limit), not {value!r}"
        )
    if value > MAX_SECONDS:
        raise ConfigurationError(
            f"{name} must be at most {MAX_SECONDS:,.0f} seconds (a day; None: no limit), "
            f"not {value!r}"
        )
    return float(value)


def check_timeout(timeout: object) -> httpx.Timeout:
    """The timeout as httpx takes it: seconds above 0, None (no limit) or an httpx.Timeout."""
    if isinstance(timeout, httpx.Timeout):
        for phase in ("connect", "read", "write", "pool"):
            _seconds(f"timeout.{phase}", getattr(timeout, phase))
        return timeout
    return httpx.Timeout(_seconds("timeout", timeout))


def attempt_seconds(timeout: httpx.Timeout) -> float | None:
    """How long one whole attempt may take: the largest phase limit, or none if one is unlimited."""
    phases = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    if any(phase is None for phase in phases):
        return None
    return max(phase for phase in phases if phase is not None)


def check_max_response_bytes(value: object) -> int:
    """A positive int."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"max_response_bytes must be an int of at least 1, not {value!r}")
    return value


def check_retry(retry: object) -> RetryPolicy:
    """A RetryPolicy (None: the default one)."""
    if retry is None:
        return RetryPolicy()
    if not isinstance(retry, RetryPolicy):
        raise ConfigurationError(f"retry must be a RetryPolicy or None, not {retry!r}")
    return retry


def check_flag(name: str, value: object) -> bool:
    """A bool (1 and "yes" are refused: they are too easy to get wrong)."""
    if not isinstance(value, bool):
        raise ConfigurationError(f"{name} must be True or False, not {value!r}")
    return value


def check_text(name: str, value: object) -> str | None:
    """A str or None; never echoed, as it may be a secret."""
    if value is not None and not isinstance(value, str):
        raise ConfigurationError(f"{name} must be a str or None, not a {type(value).__name__}")
    return value


def check_secret(name: str, value: object, *, ascii_only: bool = False) -> str | None:
    """A credential (str or None) without control characters; never echoed.

    A line break or NUL in a header value makes httpx or aiohttp refuse the
    request later, quoting the whole header (the secret) in the error; a
    token file that ends in two line breaks is enough. ``ascii_only``: the
    value goes into a header as it is (a bearer token), not base64-encoded.
    """
    checked = check_text(name, value)
    if checked is None:
        return None
    if any(unicodedata.category(c) == "Cc" for c in checked):
        raise ConfigurationError(
            f"{name} holds a control character (a line break, NUL, ...): "
            "check the file or variable it came from"
        )
    if ascii_only and not checked.isascii():
        raise ConfigurationError(f"{name} must be ASCII")
    return checked


def check_username(value: object) -> str | None:
    """A Basic auth user name: a credential (see check_secret) without a colon.

    Basic auth joins user name and password with a colon, and the server
    splits at the first one: a colon in the name would log in another user.
    """
    checked = check_secret("username", value)
    if checked is not None and ":" in checked:
        raise ConfigurationError("username cannot hold a colon (Basic auth splits at it)")
    return checked


def check_headers(headers: object) -> dict[str, str]:
    """Extra headers: str names that are tokens, str values without line breaks or NUL."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise ConfigurationError(f"headers must be a mapping, not a {type(headers).__name__}")
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            raise ConfigurationError(f"not a valid header name: {name!r}")
        # The value is not echoed: it may be a credential.
        if not isinstance(value, str) or any(c in value for c in "\r\n\x00"):
            raise ConfigurationError(f"the value of header {name} must be a str of one line")
        try:
            value.encode("ascii")
        except UnicodeEncodeError:
            raise ConfigurationError(f"the value of header {name} must be ASCII") from None
        checked[name] = value
    return checked

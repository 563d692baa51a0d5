"""The options one call may set for itself: ``timeout=`` and ``extra_headers=``.

Checked when the method is called, before anything is sent
(ConfigurationError), like the client settings they override.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Final

import attrs
import httpx

from ._errors import ConfigurationError
from ._settings import check_headers

__all__ = ["NO_OPTIONS", "CallOptions", "call_options", "check_call_timeout"]

# Credentials are client settings (token, username/password): a per-call
# header would be replaced by them without a word, or bypass them. Refused.
_REFUSED: Final = frozenset({"authorization", "proxy-authorization", "cookie"})


@attrs.frozen
class CallOptions:
    """``timeout``: seconds for each whole attempt of this call (None: the client's).

    ``headers``: sent on top of the client's headers and the request's own.
    """

    timeout: float | None = None
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def http_timeout(self) -> httpx.Timeout | None:
        """The timeout to hand httpx for each socket operation (None: the client's)."""
        return None if self.timeout is None else httpx.Timeout(self.timeout)


NO_OPTIONS: Final = CallOptions()


def check_call_timeout(timeout: object) -> float:
    """Seconds: a finite number above 0 (ConfigurationError otherwise)."""
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not (timeout > 0 and math.isfinite(timeout))
    ):
        raise ConfigurationError(
            f"timeout must be a finite number of seconds above 0, not {timeout!r}"
        )
    return float(timeout)


def call_options(
    timeout: float | None = None, extra_headers: Mapping[str, str] | None = None
) -> CallOptions:
    """The checked options of one call (NO_OPTIONS when neither is given)."""
    if timeout is None and extra_headers is None:
        return NO_OPTIONS
    seconds = None if timeout is None else check_call_timeout(timeout)
    headers = check_headers(extra_headers)
    for name in headers:
        if name.lower() in _REFUSED:
            raise ConfigurationError(
                f"extra_headers may not set {name}: credentials are client settings "
                "(token=, username=/password=)"
            )
    return CallOptions(seconds, tuple(headers.items()))

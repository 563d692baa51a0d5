"""Live mode: the suite against a real broker, configured from the environment.

==========================  ====================================================
Variable                    Meaning
==========================  ====================================================
HIVEMQ_REST_URL             The REST API's base URL (``http://broker:8888``, a
                            path prefix is fine). Unset: test the emulator.
HIVEMQ_REST_ALLOW_DELETE    ``1`` also runs the DELETE operations (disconnect,
                            invalidate); anything else keeps the run read-only.
HIVEMQ_REST_TOKEN           A bearer token, sent on every request.
HIVEMQ_REST_USERNAME        HTTP Basic credentials (with HIVEMQ_REST_PASSWORD),
HIVEMQ_REST_PASSWORD        used when no token is set.
==========================  ====================================================
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

URL_VAR: Final = "HIVEMQ_REST_URL"
ALLOW_DELETE_VAR: Final = "HIVEMQ_REST_ALLOW_DELETE"
TOKEN_VAR: Final = "HIVEMQ_REST_TOKEN"  # noqa: S105 -- a variable's name
USERNAME_VAR: Final = "HIVEMQ_REST_USERNAME"
PASSWORD_VAR: Final = "HIVEMQ_REST_PASSWORD"  # noqa: S105 -- a variable's name
LIVE_VARS: Final = (URL_VAR, ALLOW_DELETE_VAR, TOKEN_VAR, USERNAME_VAR, PASSWORD_VAR)


class LiveConfigError(ValueError):
    """The live-mode variables contradict each other or are malformed."""


@dataclass(frozen=True)
class LiveConfig:
    """Where the live broker is, how to authenticate, and whether DELETE may run."""

    base_url: str
    allow_delete: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)
    token: str | None = None
    username: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def auth_kind(self) -> str:
        """``"bearer"``, ``"basic"`` or ``"none"``."""
        if self.token is not None:
            return "bearer"
        if self.username is not None:
            return "basic"
        return "none"


def live_config(environ: Mapping[str, str] | None = None) -> LiveConfig | None:
    """The live configuration from ``environ`` (default ``os.environ``), or None.

    None means HIVEMQ_REST_URL is unset or empty: the suite tests the emulator.
    """
    env = os.environ if environ is None else environ
    url = env.get(URL_VAR, "").strip()
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise LiveConfigError(f"{URL_VAR} must be an http:// or https:// URL, not {url!r}")
    token = env.get(TOKEN_VAR) or None
    username = env.get(USERNAME_VAR) or None
    password = env.get(PASSWORD_VAR)
    headers: dict[str, str] = {}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    elif username is not None:
        if ":" in username:
            raise LiveConfigError(f"{USERNAME_VAR} cannot contain ':' (HTTP Basic)")
        pair = f"{username}:{password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    elif password:
        raise LiveConfigError(f"{PASSWORD_VAR} is set but {USERNAME_VAR} is not")
    return LiveConfig(
        base_url=url.rstrip("/"),
        allow_delete=env.get(ALLOW_DELETE_VAR, "") == "1",
        headers=headers,
        token=token,
        username=username if token is None else None,
        password=password if token is None and username is not None else None,
    )

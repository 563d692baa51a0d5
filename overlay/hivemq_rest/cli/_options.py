"""The connection options: where they come from, and the Target they make.

Precedence, highest first: an option after the subcommand, an option before
it (``hivemq-rest --url X clients list``), a HIVEMQ_REST_* variable, the
profile, the default. Credentials come as a whole from the first of these
that has any (a token, or a username and password): ``--username`` on the
command line is not mixed with a token from the profile.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs
import click
import httpx

from .._async_client import AsyncHiveMQClient
from .._base_client import ClientSettings
from .._client import HiveMQClient
from .._constants import DEFAULT_BASE_URL, MAX_SECONDS
from .._health import default_health_url
from .._retry import RetryPolicy
from ._config import ConfigError, check_timeout, load_profile, read_secret

F = TypeVar("F", bound=Callable[..., Any])

_ENV: Final = {
    "url": "HIVEMQ_REST_URL",
    "token": "HIVEMQ_REST_TOKEN",
    "username": "HIVEMQ_REST_USERNAME",
    "password": "HIVEMQ_REST_PASSWORD",
    "health_url": "HIVEMQ_REST_HEALTH_URL",
}
PROFILE_ENV: Final = "HIVEMQ_REST_PROFILE"
_TOKEN_KEYS: Final = ("token", "token_file")
_BASIC_KEYS: Final = ("username", "password", "password_file")
EXPORT_MAX_ATTEMPTS: Final = 10


class _Seconds(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """Seconds above 0, at most a day (``nan``, ``inf``, 0 and below are refused)."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(seconds) or seconds <= 0:
            self.fail(f"{value!r} is not a finite number of seconds above 0", param, ctx)
        if seconds > MAX_SECONDS:
            self.fail(f"{value!r} is more than a day ({MAX_SECONDS:,.0f} seconds)", param, ctx)
        return seconds


_FILE = click.Path(exists=True, dir_okay=False)
_OPTIONS: Final = (
    click.option(
        "--profile",
        help=f"Profile to use from the profile file (env {PROFILE_ENV}; default: [default]).",
    ),
    click.option(
        "--url",
        help=f"Base URL of the REST API, with any path prefix (env HIVEMQ_REST_URL; "
        f"default {DEFAULT_BASE_URL}).",
    ),
    click.option(
        "--health-url",
        help="Base URL of the Health API's own listener (env HIVEMQ_REST_HEALTH_URL; "
        "default: the --url host, port 8889, http).",
    ),
    click.option("--token", help="Bearer token (env HIVEMQ_REST_TOKEN); see --token-file."),
    click.option("--token-file", type=_FILE, help="Read the bearer token from this file."),
    click.option(
        "--username",
        help="Basic auth user (env HIVEMQ_REST_USERNAME); without a password, "
        "asks for it on a terminal.",
    ),
    click.option(
        "--password", help="Basic auth password (env HIVEMQ_REST_PASSWORD); see --password-file."
    ),
    click.option(
        "--password-file", type=_FILE, help="Read the Basic auth password from this file."
    ),
    click.option("--ca-file", type=_FILE, help="CA bundle to trust for https."),
    click.option(
        "--client-cert",
        type=_FILE,
        help="Client certificate (PEM) for mutual TLS; may hold the key.",
    ),
    click.option("--client-key", type=_FILE, help="The key of --client-cert (PEM, unencrypted)."),
    click.option(
        "--insecure", is_flag=True, default=False, help="Do not verify the server's certificate."
    ),
    click.option(
        "--timeout",
        type=_Seconds(),
        help="Seconds a request attempt may take in all (default 30).",
    ),
    click.option(
        "--max-attempts",
        type=click.IntRange(1, 100),
        help=f"Tries per request on 429, 502, 503, 504, dropped connections and timeouts "
        f"(default 4; export {EXPORT_MAX_ATTEMPTS}).",
    ),
    click.option(
        "--debug", is_flag=True, default=False, help="Log every request and show tracebacks."
    ),
)
NAMES: Final = (
    "profile",
    "url",
    "health_url",
    "token",
    "token_file",
    "username",
    "password",
    "password_file",
    "ca_file",
    "client_cert",
    "client_key",
    "insecure",
    "timeout",
    "max_attempts",
    "debug",
)


def add_options(function: F) -> F:
    """Decorate a group or command with the connection options."""
    for option in reversed(_OPTIONS):
        function = option(function)
    return function


@attrs.frozen(repr=False)
class Target:
    """Where and how to reach the REST API."""

    url: str
    health_url: str | None = None
    token: str | None = None
    username: str | None = None
    password: str | None = None
    ca_file: str | None = None
    client_cert: str | None = None
    client_key: str | None = None
    insecure: bool = False
    timeout: float | None = None
    rate: float | None = None
    max_attempts: int | None = None

    @property
    def shown_health_url(self) -> str:
        """The Health API's URL as given, or the default one the clients derive from ``url``."""
        if self.health_url is not None:
            return self.health_url
        try:
            return str(default_health_url(httpx.URL(self.url)))
        except httpx.InvalidURL:
            return "the Health API's default URL"

    def settings(self) -> ClientSettings:
        """Keyword arguments for the clients."""
        settings = ClientSettings(
            token=self.token,
            username=self.username,
            password=self.password,
            ca_file=self.ca_file,
            client_cert=self.client_cert
            if self.client_key is None or self.client_cert is None
            else (self.client_cert, self.client_key),
            verify=not self.insecure,
            health_url=self.health_url,
            requests_per_second=self.rate,
            retry=None
            if self.max_attempts is None
            else RetryPolicy(max_attempts=self.max_attempts),
        )
        if self.timeout is not None:
            settings["timeout"] = self.timeout
        return settings

    def client(self) -> HiveMQClient:
        """A client for this API: how every command opens one (use it with ``with``)."""
        return HiveMQClient(self.url, **self.settings())

    def async_client(self) -> AsyncHiveMQClient:
        """An async client for this API, for the commands that run many requests at once."""
        return AsyncHiveMQClient(self.url, **self.settings())


def _given(value: Any) -> bool:
    return value is not None and value is not False and value != ""


def _first(layers: list[Mapping[str, Any]], key: str) -> Any:
    return next((layer[key] for layer in layers if _given(layer.get(key))), None)


def _secret(layer: Mapping[str, Any], key: str, what: str) -> str | None:
    value, path = layer.get(key), layer.get(f"{key}_file")
    if _given(value) and _given(path):
        raise ConfigError(f"give the {what} or its file, not both")
    return read_secret(str(path), what) if _given(path) else value


def _credentials(layers: list[Mapping[str, Any]]) -> dict[str, Any]:
    for layer in layers:
        has_token = any(_given(layer.get(key)) for key in _TOKEN_KEYS)
        has_basic = any(_given(layer.get(key)) for key in _BASIC_KEYS)
        if has_token and has_basic:
            raise ConfigError("give either a token or a username and password, not both")
        if has_token:
            return {"token": _secret(layer, "token", "token")}
        if has_basic:
            password_layer = next(
                (x for x in layers if _given(x.get("password")) or _given(x.get("password_file"))),
                {},
            )
            return {
                "username": _first(layers, "username"),
                "password": _secret(password_layer, "password", "password"),
            }
    return {}


def resolve(
    command: Mapping[str, Any], global_: Mapping[str, Any], environ: Mapping[str, str]
) -> Target:
    """The Target from the command's options, the global ones, the environment and profile."""
    env = {key: environ.get(name) for key, name in _ENV.items()}
    profile_name = _first([command, global_, {"profile": environ.get(PROFILE_ENV)}], "profile")
    layers = [command, global_, env, load_profile(profile_name, environ)]
    credentials = _credentials(layers)
    if credentials.get("username") and credentials.get("password") is None and _stdin_is_terminal():
        credentials["password"] = _ask_password(credentials["username"])
    timeout = _first(layers, "timeout")
    if _first(layers, "client_key") and not _first(layers, "client_cert"):
        raise ConfigError("--client-key goes with --client-cert")
    return Target(
        url=_first(layers, "url") or DEFAULT_BASE_URL,
        health_url=_first(layers, "health_url"),
        ca_file=_first(layers, "ca_file"),
        client_cert=_first(layers, "client_cert"),
        client_key=_first(layers, "client_key"),
        insecure=bool(_first(layers, "insecure")),
        timeout=None if timeout is None else check_timeout(timeout, "timeout"),
        max_attempts=_first(layers, "max_attempts"),
        **credentials,
    )


def _ask_password(username: str) -> str:
    """The password, asked on the terminal; Ctrl-C is KeyboardInterrupt (exit 130).

    click turns Ctrl-C at a prompt into Abort, "Aborted!" with exit 1, unlike
    Ctrl-C anywhere else in the command.
    """
    try:
        password: str = click.prompt(
            f"Password for {username}",
            hide_input=True,
            default="",
            show_default=False,
            err=True,
        )
    except click.exceptions.Abort as abort:
        if isinstance(abort.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise
    return password


def _stdin_is_terminal() -> bool:
    try:
        return os.isatty(sys.stdin.fileno())
    except (AttributeError, ValueError, OSError):
        return False

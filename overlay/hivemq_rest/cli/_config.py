"""Connection settings from the profile file, and secrets read from files."""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import click

from .._constants import MAX_SECONDS
from ._inputs import MAX_SECRET_BYTES, read_bounded

# Keys a profile may set, with the types their values may have.
PROFILE_KEYS: Final[dict[str, tuple[type, ...]]] = {
    "url": (str,),
    "health_url": (str,),
    "token": (str,),
    "token_file": (str,),
    "username": (str,),
    "password": (str,),
    "password_file": (str,),
    "ca_file": (str,),
    "client_cert": (str,),
    "client_key": (str,),
    "insecure": (bool,),
    "timeout": (int, float),
    "max_attempts": (int,),
}
_SECRETS: Final = ("token", "password")
_PATHS: Final = ("token_file", "password_file", "ca_file", "client_cert", "client_key")
DEFAULT_PROFILE: Final = "default"


class ConfigError(click.ClickException):
    """A profile, secret file or setting that cannot be used; exits with the usage code."""

    exit_code = 2


def config_path(environ: Mapping[str, str]) -> Path:
    """``$XDG_CONFIG_HOME/hivemq-rest/config.toml``, ``~/.config`` when that is not set."""
    base = environ.get("XDG_CONFIG_HOME", "")
    # The XDG spec: a relative value is invalid and to be ignored.
    root = Path(base) if os.path.isabs(base) else Path.home() / ".config"
    return root / "hivemq-rest" / "config.toml"


def check_timeout(value: float, what: str) -> float:
    """``value`` if it is a usable number of seconds (above 0, at most a day), else ConfigError."""
    if not (0 < value <= MAX_SECONDS):
        raise ConfigError(
            f"{what} must be a finite number of seconds above 0 and at most {MAX_SECONDS:,.0f} "
            f"(a day), not {value!r}"
        )
    return float(value)


def load_profile(name: str | None, environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings of profile ``name`` (``default`` if None and there is one), validated.

    Paths in it are taken relative to the file's directory. A file that holds
    a token or password and that its group or others may read is refused.
    """
    path = config_path(environ)
    try:
        text, mode = read_bounded(str(path), MAX_SECRET_BYTES, "profile file")
    except FileNotFoundError:
        if name is not None:
            raise ConfigError(f"profile {name!r} asked for, but there is no {path}") from None
        return {}
    try:
        document = tomllib.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None
    _refuse_exposed_secrets(path, mode, document)
    chosen = DEFAULT_PROFILE if name is None else name
    profile = document.get(chosen)
    if profile is None:
        if name is None:
            return {}
        known = ", ".join(sorted(k for k, v in document.items() if isinstance(v, dict))) or "none"
        raise ConfigError(f"no profile {name!r} in {path} (profiles: {known})")
    return _validated(profile, f"profile {chosen!r} in {path}", path.parent)


def _refuse_exposed_secrets(path: Path, mode: int, document: dict[str, Any]) -> None:
    if not mode & (stat.S_IRWXG | stat.S_IRWXO):
        return
    for profile_name, profile in document.items():
        if isinstance(profile, dict) and any(key in profile for key in _SECRETS):
            raise ConfigError(
                f"{path} holds a secret (profile {profile_name!r}) but its group or others "
                f"may read it (mode {stat.S_IMODE(mode):04o}): run chmod 600 {path}"
            )


def _validated(profile: object, where: str, base: Path) -> dict[str, Any]:
    if not isinstance(profile, dict):
        raise ConfigError(f"{where} is not a table")
    settings: dict[str, Any] = {}
    items: dict[str, Any] = profile
    for key, value in items.items():
        types = PROFILE_KEYS.get(key)
        if types is None:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(PROFILE_KEYS)})")
        _check_type(value, types, f"{where}: {key}")
        if key in _PATHS:
            value = str(base / Path(value).expanduser())
        elif key == "timeout":
            value = check_timeout(value, f"{where}: timeout")
        elif key == "max_attempts" and not 1 <= value <= 100:
            raise ConfigError(f"{where}: max_attempts must be 1..100")
        settings[key] = value
    return settings


def _check_type(value: object, types: tuple[type, ...], what: str) -> None:
    if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
        raise ConfigError(f"{what} must be a {' or '.join(t.__name__ for t in types)}")


def read_secret(path: str, what: str) -> str:
    """The secret in a file: its text without one final line break (LF or CRLF).

    At most 64 KiB, from a regular file or a pipe. Only that one line break
    is dropped: a second one (or any control character) stays in the secret,
    and the client then refuses it without showing it. Empty is an error.
    """
    try:
        data, _ = read_bounded(path, MAX_SECRET_BYTES, f"{what} file")
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"cannot read the {what} file {path}: no such file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"cannot read the {what} file {path}: not UTF-8") from None
    secret = text.removesuffix("\n").removesuffix("\r")
    if not secret:
        raise ConfigError(f"the {what} file {path} is empty")
    return secret

"""Exit codes, and the one line an expected error prints."""

from __future__ import annotations

from enum import IntEnum

from .._errors import (
    APIConnectionError,
    AuthenticationError,
    ConfigurationError,
    HiveMQError,
    InvalidClientIdError,
    NotFoundError,
    PermissionDeniedError,
    UnsendableRequestError,
)


class ExitCode(IntEnum):
    """What ``hivemq-rest`` exits with; documented in the README."""

    OK = 0
    FAILURE = 1  # unexpected: a bug, shown in full with --debug
    USAGE = 2  # bad option or argument (click's own code), e.g. a page size out of range
    UNREACHABLE = 3  # no HTTP answer: refused, DNS, TLS, timeout
    NOT_FOUND = 4  # no such client, or no such resource (404)
    AUTH = 5  # 401 or 403
    INVALID_ID = 6  # not a valid MQTT client id; nothing was sent
    SERVER = 7  # the server refused or failed otherwise (400, 409, 410, 412, 429, 5xx, bad body)
    INCOMPLETE = 8  # an export finished, but some clients could not be fetched
    OUTPUT = 9  # the export file could not be written (no such directory, disk full, ...)
    INTERRUPTED = 130  # Ctrl-C


def exit_code_for(error: HiveMQError) -> ExitCode:
    """The exit code for an error of this package."""
    if isinstance(error, ConfigurationError):
        return ExitCode.USAGE
    if isinstance(error, InvalidClientIdError | UnsendableRequestError):
        return ExitCode.INVALID_ID  # an id no request can address; nothing was sent
    if isinstance(error, APIConnectionError):
        return ExitCode.UNREACHABLE
    if isinstance(error, NotFoundError):
        return ExitCode.NOT_FOUND
    if isinstance(error, AuthenticationError | PermissionDeniedError):
        return ExitCode.AUTH
    return ExitCode.SERVER

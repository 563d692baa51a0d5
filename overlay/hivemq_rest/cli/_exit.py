"""Exit codes, and the one line an expected error prints."""

from __future__ import annotations

from enum import IntEnum

from .._errors import (
    APIConnectionError,
    AuthenticationError,
    BackupFailedError,
    ConfigurationError,
    HiveMQError,
    InvalidClientIdError,
    NotFoundError,
    PermissionDeniedError,
    UnsendableRequestError,
    WaitTimeoutError,
)


class ExitCode(IntEnum):
    """What ``hivemq-rest`` exits with; documented in the README."""

    OK = 0
    FAILURE = 1  # unexpected: a bug, shown in full with --debug
    USAGE = 2  # bad option or argument (click's own code), e.g. a page size out of range
    UNREACHABLE = 3  # no HTTP answer (refused, DNS, TLS, timeout), or not the REST API
    NOT_FOUND = 4  # no such client or resource (404); with --from-file, some of them
    AUTH = 5  # 401 or 403
    INVALID_ID = (
        6  # an id no request can carry (not a valid MQTT client id, not UTF-8); nothing sent
    )
    SERVER = 7  # the server refused or failed otherwise (400, 409, 410, 412, 429, 5xx, bad body)
    INCOMPLETE = 8  # an export or bulk action finished, but some clients failed
    OUTPUT = 9  # the export file could not be written (no such directory, disk full, ...)
    JOB_FAILED = 10  # a backup, restore or diagnostic archive FAILED, or --wait-timeout passed
    HEALTH_DOWN = 11  # health: the answer is DOWN (503); with --strict, anything but UP
    NOT_READY = 12  # health wait: no 200 from the probe before --timeout
    HANGUP = 129  # SIGHUP (128 + 1) stopped an export: the terminal or SSH session went away
    INTERRUPTED = 130  # Ctrl-C (SIGINT, 128 + 2)
    TERMINATED = 143  # SIGTERM (128 + 15) stopped an export: systemd, Kubernetes, timeout


def exit_code_for(error: HiveMQError) -> ExitCode:
    """The exit code for an error of this package."""
    if isinstance(error, ConfigurationError):
        return ExitCode.USAGE
    if isinstance(error, InvalidClientIdError | UnsendableRequestError):
        return ExitCode.INVALID_ID  # an id no request can address; nothing was sent
    if isinstance(error, BackupFailedError | WaitTimeoutError):
        return ExitCode.JOB_FAILED  # the requests went through; the broker's job did not
    if isinstance(error, APIConnectionError):
        return ExitCode.UNREACHABLE
    if isinstance(error, NotFoundError):
        return ExitCode.NOT_FOUND
    if isinstance(error, AuthenticationError | PermissionDeniedError):
        return ExitCode.AUTH
    return ExitCode.SERVER

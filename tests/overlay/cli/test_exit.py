"""Exit codes follow the generic error classes."""

from __future__ import annotations

import httpx
import pytest
from hivemq_rest import (
    APIConnectionError,
    ClientNotFoundError,
    ConfigurationError,
    HiveMQError,
    InvalidClientIdError,
    UnsendableRequestError,
)
from hivemq_rest._errors import error_for_response
from hivemq_rest.cli._exit import ExitCode, exit_code_for

_REQUEST = httpx.Request("GET", "http://h/api/v1/mqtt/clients/a")


def _status(status: int) -> HiveMQError:
    return error_for_response(httpx.Response(status, request=_REQUEST))


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (_status(404), ExitCode.NOT_FOUND),
        (error_for_response(httpx.Response(404, request=_REQUEST), ClientNotFoundError), 4),
        (_status(401), ExitCode.AUTH),
        (_status(403), ExitCode.AUTH),
        (_status(409), ExitCode.SERVER),
        (_status(412), ExitCode.SERVER),
        (_status(500), ExitCode.SERVER),
        (APIConnectionError("x", outcome_unknown=True), ExitCode.UNREACHABLE),
        (ConfigurationError("timeout must be ..."), ExitCode.USAGE),
        (InvalidClientIdError("x"), ExitCode.INVALID_ID),
        (UnsendableRequestError("x"), ExitCode.INVALID_ID),
    ],
)
def test_exit_codes(error: HiveMQError, code: int) -> None:
    assert exit_code_for(error) == code

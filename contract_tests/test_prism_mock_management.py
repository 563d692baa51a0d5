"""Backups, trace recordings and diagnostic archives against ``prism mock --dynamic``.

Every operation of these families, with every status it documents (asked for
with ``Prefer: code=<status>``), through the sync client and the async one:
the client returns a result or raises a typed :class:`hivemq_rest.HiveMQError`
(the error class of the status for an error status), never a raw exception.
A seeded server gives one body per operation and status; the unseeded one is
asked :data:`UNSEEDED_ROUNDS` times for more. A download asks for the backup
first: Prism makes up its ``bytes``, which the file Prism makes up does not
match, so a ``DownloadError`` is a typed answer there too.
"""

from __future__ import annotations

import asyncio
import datetime
import io
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Final

import pytest
from hivemq_rest import (
    AsyncHiveMQClient,
    BadRequestError,
    HiveMQClient,
    HiveMQError,
    NotFoundError,
    RetryPolicy,
    ServiceUnavailableError,
)
from hivemq_rest_generated import operations as api

from ._prism import UNSEEDED, PrismServer

SEEDS: Final = ("1", "2")
UNSEEDED_ROUNDS: Final = 8
ID: Final = "20201006-1902318/..é"
NAME: Final = "trace-1"
START: Final = datetime.datetime(2026, 11, 29, 10, tzinfo=datetime.UTC)
ERROR_CLASSES: Final[dict[int, type[HiveMQError]]] = {
    400: BadRequestError,
    404: NotFoundError,
    503: ServiceUnavailableError,
}


def _create_recording(recordings: Any) -> Any:
    return recordings.create(
        NAME,
        START,
        START + datetime.timedelta(hours=1),
        client_id_filters=["sensor-.*"],
        topic_filters=["a/#"],
        events=["MQTT_MESSAGE_PUBLISH"],
    )


#: Each operation of the families, called through a client (sync or async alike).
CALLS: Final[dict[api.Operation, Callable[[Any], Any]]] = {
    api.GET_ALL_BACKUPS: lambda h: h.backups.list(),
    api.CREATE_BACKUP: lambda h: h.backups.create(),
    api.GET_BACKUP: lambda h: h.backups.get(ID),
    api.RESTORE_BACKUP: lambda h: h.backups.restore(ID),
    api.DOWNLOAD_BACKUP_FILE: lambda h: h.backups.download(ID, io.BytesIO()),
    api.CREATE_DIAGNOSTIC_ARCHIVE: lambda h: h.diagnostic_archives.create(),
    api.GET_ALL_TRACE_RECORDINGS: lambda h: h.trace_recordings.list(),
    api.CREATE_TRACE_RECORDING: lambda h: _create_recording(h.trace_recordings),
    api.STOP_TRACE_RECORDING: lambda h: h.trace_recordings.stop(NAME),
    api.DELETE_TRACE_RECORDING: lambda h: h.trace_recordings.delete(NAME),
    api.DOWNLOAD_TRACE_RECORDING_FILE: lambda h: h.trace_recordings.download(NAME, io.BytesIO()),
}

CASES: Final = [
    pytest.param(operation, answer.status, id=f"{operation.operation_id}-{answer.status}")
    for operation in CALLS
    for answer in operation.answers
]


@pytest.fixture(scope="module")
def mocks(prism_mocks: dict[str, PrismServer]) -> dict[str, PrismServer]:
    """The servers of SEEDS and the unseeded one, of the session's ``prism mock --dynamic``."""
    return {name: prism_mocks[name] for name in (*SEEDS, UNSEEDED)}


def _settings(status: int) -> dict[str, Any]:
    return {
        "retry": RetryPolicy.disabled(),
        "headers": {"Prefer": f"code={status}"},
        "timeout": 30.0,
    }


def _sync(server: PrismServer, operation: api.Operation, status: int) -> object:
    with HiveMQClient(server.base_url, **_settings(status)) as hivemq:
        try:
            result = CALLS[operation](hivemq)
            # A listing is read whole while the client is open.
            return list(result) if isinstance(result, Iterator) else result
        except Exception as error:  # judged by the caller, whatever it is
            return error


def _async(server: PrismServer, operation: api.Operation, status: int) -> object:
    async def main() -> object:
        async with AsyncHiveMQClient(server.base_url, **_settings(status)) as hivemq:
            try:
                call: Awaitable[object] | AsyncIterator[object] = CALLS[operation](hivemq)
                if isinstance(call, AsyncIterator):
                    return [item async for item in call]
                return await call
            except Exception as error:  # judged by the caller, whatever it is
                return error

    return asyncio.run(main())


def judge(status: int, outcome: object) -> str | None:
    """What is wrong with an outcome, or None."""
    if isinstance(outcome, Exception) and not isinstance(outcome, HiveMQError):
        return f"untyped error {type(outcome).__name__}: {outcome}"
    if status in ERROR_CLASSES and not isinstance(outcome, ERROR_CLASSES[status]):
        return f"expected {ERROR_CLASSES[status].__name__}, got {outcome!r}"
    return None


@pytest.mark.parametrize(("operation", "status"), CASES)
def test_client_handles_mock_responses(
    operation: api.Operation, status: int, mocks: dict[str, PrismServer]
) -> None:
    """Each made-up response gives a result or the typed error its status or body calls for."""
    problems = []
    for name, server in mocks.items():
        for _ in range(UNSEEDED_ROUNDS if name == UNSEEDED else 1):
            for client, outcome in (
                ("sync", _sync(server, operation, status)),
                ("async", _async(server, operation, status)),
            ):
                why = judge(status, outcome)
                if why is not None:
                    problems.append(f"{name} {client}: {why}")
    assert not problems, "\n".join(problems[:10])


def test_successes_are_results_on_some_server(mocks: dict[str, PrismServer]) -> None:
    """Each operation's success status gives a result from at least one seeded server.

    Only a download may fail on every one (the sizes Prism makes up disagree).
    """
    never = []
    for operation in CALLS:
        if operation in (api.DOWNLOAD_BACKUP_FILE,):
            continue
        status = operation.answers[0].status
        outcomes = [_sync(mocks[seed], operation, status) for seed in SEEDS]
        if all(isinstance(outcome, Exception) for outcome in outcomes):
            never.append(f"{operation.operation_id}: {outcomes[0]!r}")
    assert not never, "\n".join(never)

"""Issue 20's "Done when": a user's script calling all 43 operations, sync and async.

tests/typing/every_operation.py must pass ``mypy --strict`` as a user runs it,
and both of its tours must run green against ``hivemq-emulator serve``, one
after the other; recording transports show that together they send every
operationId of the REST and Health APIs.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest
from hivemq_rest._operation_map import OPERATIONS
from hivemq_rest_emulator.services.mqtt_clients.seed import seed_sessions
from hivemq_rest_emulator.services.mqtt_clients.store import SessionStore
from hivemq_rest_emulator.testing import ChildProcess, emulator_command

from tests.spec.test_operation_map import SPEC_OPERATIONS, _template
from tests.typing.checked import ErrorsByFile
from tests.typing.every_operation import atour, tour

SESSIONS, SEED = 6, 3
EXTENSION = "tour-extension"
SERVE_TIMEOUT = 30.0


def test_every_operation_script_passes_mypy_strict(mypy_errors: ErrorsByFile) -> None:
    assert mypy_errors["every_operation.py"] == []


class Emulator(NamedTuple):
    base_url: str
    health_url: str


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    """A fresh ``hivemq-emulator serve`` with seeded sessions and one extension's health."""
    argv = emulator_command(
        *("serve", "--port", "0", "--sessions", str(SESSIONS), "--seed", str(SEED)),
        *("--backup-seconds", "0", "--health-port", "0"),
    )
    with ChildProcess(argv, name="hivemq-emulator serve") as process:
        base = process.wait_for_line(re.compile(r"^listening on (http://\S+)"), SERVE_TIMEOUT)
        health = process.wait_for_line(
            re.compile(r"^health listening on (http://\S+)"), SERVE_TIMEOUT
        )
        # Without an extension the tours would have no id to ask getExtensionHealth about.
        admin = {"extensions": {EXTENSION: {"status": "UP"}}}
        httpx.put(f"{base[1]}/_emulator/health", json=admin).raise_for_status()
        yield Emulator(base[1], health[1])


def _seeded() -> tuple[list[str], dict[str, list[str]]]:
    """The seeded ids, in listing order, and each connected one's topic filters."""
    store = SessionStore()
    seed_sessions(store, SESSIONS, SEED)
    connected = {}
    for client_id in store.ids():
        session = store.get(client_id)
        if session is not None and session.connected:
            connected[client_id] = [s.topic_filter for s in session.subscriptions]
    return store.ids(), connected


def _expected(tag: str, clients: int, client_id: str, topics: list[str], trial: str) -> list[str]:
    """What a tour tagged ``tag`` sees on the emulator."""
    return [
        "ready UP",
        "node UP ['cluster', 'extensions', 'mqtt']",
        "mqtt UP",
        f"extension {EXTENSION} UP",
        "probes True True",
        f"clients {clients} True",
        f"client {client_id} True {topics} True",
        f"schema {tag}-reading JSON v2",
        f"schemas ['{tag}-proto v1', '{tag}-reading v1', '{tag}-reading v2']",
        f"script {tag}-double TRANSFORMATION v2",
        f"scripts ['{tag}-double v1', '{tag}-double v2']",
        f"data policy {tag}-readings {tag}/+/reading 1",
        f"data policies ['{tag}-readings']",
        "behavior policy Mqtt.events True",
        f"behavior policies ['{tag}-events']",
        f"client state ['{tag}-events Connected']",
        trial,
        "data hub left []",
        "disconnected False",
        "invalidated False",
        "backup COMPLETED RESTORE_COMPLETED True",
        "backup listed True",
        "backup read RESTORE_COMPLETED",
        f"recording {tag}-trace STOPPED True ['{tag}-trace STOPPED']",
        "recordings left []",
        "archive IN_PROGRESS None",
    ]


def _run_both(
    emulator: Emulator,
    workdir: Path,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> None:
    """Both tours, sync first, each checked against what it must see."""
    ids, connected = _seeded()
    # The sync tour takes the first connected client and removes its session;
    # the async tour then finds the next one.
    (first, first_topics), (second, second_topics) = list(connected.items())[:2]
    sync_seen = tour(*emulator, workdir, transport=transport)
    assert sync_seen == _expected("sync", len(ids), first, first_topics, "trial started")
    assert sorted(p.name for p in workdir.iterdir()) == ["sync-backup.bin", "sync-trace.zip"]
    # Emulator time moves on, so that the sync tour's diagnostic archive is
    # collected and the async tour can start its own.
    httpx.put(f"{emulator.base_url}/_emulator/clock", json={"advanceSeconds": 10})
    async_seen = asyncio.run(atour(*emulator, workdir, transport=async_transport or "aiohttp"))
    trial = "trial Trial mode already running"  # one trial a broker: the sync tour's
    assert async_seen == _expected("async", len(ids) - 1, second, second_topics, trial)
    files = ["async-backup.bin", "async-trace.zip", "sync-backup.bin", "sync-trace.zip"]
    assert sorted(p.name for p in workdir.iterdir()) == files


@pytest.mark.slow
def test_both_tours_run_against_the_emulator(emulator: Emulator, tmp_path: Path) -> None:
    """As a user runs them: the sync client's httpx, the async client's aiohttp."""
    _run_both(emulator, tmp_path)


class Recorder(httpx.HTTPTransport):
    """httpx's transport, noting each request's method and path."""

    def __init__(self, sent: list[str]) -> None:
        super().__init__()
        self.sent = sent

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(_line(request))
        return super().handle_request(request)


class AsyncRecorder(httpx.AsyncHTTPTransport):
    """The same for the async client (its httpx transport instead of aiohttp)."""

    def __init__(self, sent: list[str]) -> None:
        super().__init__()
        self.sent = sent

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(_line(request))
        return await super().handle_async_request(request)


def _line(request: httpx.Request) -> str:
    return f"{request.method} {request.url.raw_path.decode().split('?')[0]}"


def _operation(line: str) -> str:
    """The operationId a request line is; a literal path segment wins over a parameter."""
    by_parameters = sorted(SPEC_OPERATIONS.values(), key=lambda o: o.path.count("{"))
    found = [o.operation_id for o in by_parameters if _template(o).fullmatch(line)]
    assert found, f"no operation sends {line}"
    return found[0]


@pytest.mark.slow
def test_the_tours_send_every_operation(emulator: Emulator, tmp_path: Path) -> None:
    """Each tour alone sends all 43 operationIds, and nothing else."""
    sync_sent: list[str] = []
    async_sent: list[str] = []
    _run_both(emulator, tmp_path, Recorder(sync_sent), AsyncRecorder(async_sent))
    assert len(OPERATIONS) == 43
    assert {_operation(line) for line in sync_sent} == set(OPERATIONS)
    assert {_operation(line) for line in async_sent} == set(OPERATIONS)

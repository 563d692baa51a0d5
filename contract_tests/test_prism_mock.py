"""The client against every response ``prism mock --dynamic`` makes up for each operation.

Prism's ``--seed`` seeds the generator anew for each request, so one seeded
server gives one body per operation and status; many bodies come from many
seeds (:data:`SEEDS`, one server each) and from an unseeded server asked
:data:`UNSEEDED_ROUNDS` times. Each documented status is asked for with
``Prefer: code=<status>``.

For every call the client must either return a result or raise a typed
:class:`hivemq_rest.HiveMQError` (never KeyError, ValueError, TypeError,
JSONDecodeError, ...):

* a 200 or 204 whose body the spec allows must give a result;
* an error status must raise the error class of that status;
* a 200 whose body breaks the spec must raise UnexpectedResponseError. The
  spec's schema is checked with Schemathesis; its words add one rule that no
  schema states: ``_links.next`` "is a relative URL that holds the next
  cursor". Prism fills ``next`` with random words, which leave the client no
  cursor to follow: it must say so rather than stop early (a listing that ends
  silently would be missing sessions).

The async client (on its default aiohttp transport) gets the seeded servers'
bodies too: a seeded server answers every request of one operation and status
with the same body, so the async client must end exactly as the sync one did
on it, with an equal result or an error of the same class.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

import pytest
from hivemq_rest import (
    AsyncHiveMQClient,
    BadRequestError,
    ClientNotFoundError,
    CursorExpiredError,
    HiveMQClient,
    HiveMQError,
    RetryPolicy,
    ServiceUnavailableError,
    UnexpectedResponseError,
)
from hivemq_rest._constants import MIN_PAGE_SIZE
from schemathesis.core.failures import FailureGroup

from ._prism import UNSEEDED, Exchange, PrismServer, RecordingTransport
from ._schema import FULL_SCHEMA, Operation, mqtt_clients_only, operation_key, operations

#: One Prism server per seed; a seed gives one body per operation and status.
SEEDS: Final = ("1", "2", "3", "4", "5", "6")
#: Calls per operation and status against the unseeded server.
UNSEEDED_ROUNDS: Final = 25
CLIENT_ID: Final = "mock/client é"

ERROR_CLASSES: Final[dict[int, type[HiveMQError]]] = {
    400: BadRequestError,
    404: ClientNotFoundError,
    410: CursorExpiredError,
    503: ServiceUnavailableError,
}

#: How each operation is called through the client; the result is returned.
CALLS: Final[dict[str, Callable[[HiveMQClient], object]]] = {
    "getAllMqttClients": lambda hivemq: list(hivemq.clients.list(page_size=MIN_PAGE_SIZE)),
    "getMqttClientDetails": lambda hivemq: hivemq.clients.get(CLIENT_ID),
    "invalidateClientSession": lambda hivemq: hivemq.clients.invalidate_session(CLIENT_ID),
    "getMqttClientConnectionState": lambda hivemq: (
        hivemq.clients.connection_state(CLIENT_ID),
        hivemq.clients.is_connected(CLIENT_ID),
    ),
    "disconnectClient": lambda hivemq: hivemq.clients.disconnect(
        CLIENT_ID, prevent_will_message=True
    ),
    "getSubscriptionsForMqttClient": lambda hivemq: list(hivemq.clients.subscriptions(CLIENT_ID)),
}


async def _list_ids(hivemq: AsyncHiveMQClient) -> object:
    return [client_id async for client_id in hivemq.clients.list(page_size=MIN_PAGE_SIZE)]


async def _connection(hivemq: AsyncHiveMQClient) -> object:
    return (
        await hivemq.clients.connection_state(CLIENT_ID),
        await hivemq.clients.is_connected(CLIENT_ID),
    )


async def _subscriptions(hivemq: AsyncHiveMQClient) -> object:
    return [subscription async for subscription in hivemq.clients.subscriptions(CLIENT_ID)]


#: The same calls through the async client.
ASYNC_CALLS: Final[dict[str, Callable[[AsyncHiveMQClient], Awaitable[object]]]] = {
    "getAllMqttClients": _list_ids,
    "getMqttClientDetails": lambda hivemq: hivemq.clients.get(CLIENT_ID),
    "invalidateClientSession": lambda hivemq: hivemq.clients.invalidate_session(CLIENT_ID),
    "getMqttClientConnectionState": _connection,
    "disconnectClient": lambda hivemq: hivemq.clients.disconnect(
        CLIENT_ID, prevent_will_message=True
    ),
    "getSubscriptionsForMqttClient": _subscriptions,
}

#: Every MQTT Clients operation with every status it documents
#: (test_prism_mock_data_hub.py does the same for Data Hub).
CASES: Final = [
    pytest.param(operation, int(status), id=f"{operation_key(operation)}-{status}")
    for operation in operations(mqtt_clients_only(FULL_SCHEMA))
    for status in operation.definition.raw["responses"]
]


@pytest.fixture(scope="module")
def mocks(prism_mocks: dict[str, PrismServer]) -> dict[str, PrismServer]:
    """The servers of SEEDS and the unseeded one, of the session's ``prism mock --dynamic``."""
    return {name: prism_mocks[name] for name in (*SEEDS, UNSEEDED)}


def words_violation(exchange: Exchange) -> str | None:
    """The rule of the spec's words that a 200 body breaks, or None."""
    try:
        document: Any = json.loads(exchange.body)
    except ValueError:
        return None
    links = document.get("_links") if isinstance(document, dict) else None
    next_url = links.get("next") if isinstance(links, dict) else None
    if isinstance(next_url, str) and next_url:
        cursors = parse_qs(urlsplit(next_url).query).get("cursor", [])
        if not any(cursors):
            return f"_links.next holds no cursor: {next_url!r}"
    return None


def schema_violation(operation: Operation, exchange: Exchange) -> str | None:
    """How a response breaks the schema of ``operation`` (by Schemathesis), or None."""
    try:
        operation.validate_response(exchange.as_response())
    except FailureGroup as error:
        return str(error)
    return None


@dataclass
class Outcome:
    """One call of the client: the exchanges it made, and what it returned or raised."""

    server: str
    exchanges: list[Exchange]
    result: object = None
    error: BaseException | None = None

    def describe(self) -> str:
        """The outcome and the bodies behind it, for a failure message."""
        lines = [f"server {self.server}: error {self.error!r}" if self.error else "returned"]
        lines += [f"  {e}: {e.body[:400]!r}" for e in self.exchanges]
        return "\n".join(lines)


def call_many(
    server: PrismServer, name: str, operation: Operation, status: int, times: int
) -> list[Outcome]:
    """Call ``operation`` through one client ``times`` times, Prism being asked for ``status``."""
    recorder = RecordingTransport()
    call = CALLS[operation_key(operation)]
    outcomes = []
    with HiveMQClient(
        server.base_url,
        transport=recorder,
        retry=RetryPolicy.disabled(),
        headers={"Prefer": f"code={status}"},
        timeout=30.0,
    ) as hivemq:
        for _ in range(times):
            first = len(recorder.exchanges)
            outcome = Outcome(name, [])
            try:
                outcome.result = call(hivemq)
            except Exception as error:  # judged below, whatever it is
                outcome.error = error
            outcome.exchanges = recorder.exchanges[first:]
            outcomes.append(outcome)
    return outcomes


async def _call_async(server: PrismServer, operation: Operation, status: int) -> Outcome:
    outcome = Outcome(f"{server.process.name} (async client)", [])
    call = ASYNC_CALLS[operation_key(operation)]
    async with AsyncHiveMQClient(
        server.base_url,
        retry=RetryPolicy.disabled(),
        headers={"Prefer": f"code={status}"},
        timeout=30.0,
    ) as hivemq:
        try:
            outcome.result = await call(hivemq)
        except Exception as error:  # judged below, whatever it is
            outcome.error = error
    return outcome


def call_async(servers: list[PrismServer], operation: Operation, status: int) -> list[Outcome]:
    """Call ``operation`` through the async client once per server, side by side.

    The async client's exchanges are not recorded (it runs on aiohttp).
    """

    async def everywhere() -> list[Outcome]:
        calls = [_call_async(server, operation, status) for server in servers]
        return list(await asyncio.gather(*calls))

    return asyncio.run(everywhere())


def judge(operation: Operation, status: int, outcome: Outcome) -> str | None:
    """What is wrong with the client's outcome, or None."""
    if not outcome.exchanges:
        return "the client sent nothing"
    if any(exchange.status != status for exchange in outcome.exchanges):
        return f"Prism did not answer {status} (Prefer ignored?)"
    if outcome.error is not None and not isinstance(outcome.error, HiveMQError):
        return f"untyped error {type(outcome.error).__name__}: {outcome.error}"
    if status in ERROR_CLASSES:
        if not isinstance(outcome.error, ERROR_CLASSES[status]):
            return f"expected {ERROR_CLASSES[status].__name__}"
        return None
    broken = [
        why
        for exchange in outcome.exchanges
        for why in (schema_violation(operation, exchange), words_violation(exchange))
        if why is not None
    ]
    if broken:
        if not isinstance(outcome.error, UnexpectedResponseError):
            return f"the body breaks the spec ({broken[0]}), yet no UnexpectedResponseError"
        return None
    if outcome.error is not None:
        return "a body the spec allows was refused"
    return None


@pytest.mark.parametrize(("operation", "status"), CASES)
def test_client_handles_mock_responses(
    operation: Operation, status: int, mocks: dict[str, PrismServer]
) -> None:
    """Each generated response gives a result or the typed error its status or body calls for."""
    outcomes = []
    for name, server in mocks.items():
        times = UNSEEDED_ROUNDS if name == UNSEEDED else 1
        outcomes += call_many(server, name, operation, status, times)
    problems = []
    for outcome in outcomes:
        problem = judge(operation, status, outcome)
        if problem is not None:
            problems.append(f"{problem}\n{outcome.describe()}")
    assert not problems, f"{operation.label} with {status}:\n" + "\n".join(problems[:5])
    seeded_outcomes = outcomes[: len(SEEDS)]
    twins = call_async([mocks[seeded.server] for seeded in seeded_outcomes], operation, status)
    for seeded, twin in zip(seeded_outcomes, twins, strict=True):
        twin.exchanges = seeded.exchanges
        problem = judge(operation, status, twin)
        assert problem is None, f"{problem}\n{twin.describe()}"
        same_end = type(twin.error) is type(seeded.error)
        assert same_end, f"sync: {seeded.error!r}\n{twin.describe()}"
        assert twin.result == seeded.result, (
            f"sync returned {seeded.result!r}, async {twin.result!r}"
        )
    if status < 300:
        # Else every body would have been judged broken, and the rule that a
        # valid body gives a result would not have been tried at all.
        returned = [outcome for outcome in outcomes if outcome.error is None]
        assert len(returned) * 4 >= len(outcomes), f"{len(returned)} of {len(outcomes)} returned"
    for server in mocks.values():
        server.process.check_alive()

"""The Data Hub namespace against every response ``prism mock --dynamic`` makes up.

As test_prism_mock.py does for the MQTT client operations (see there for
how seeds and ``Prefer: code=`` work): for each Data Hub operation and each
status it documents, the client returns a typed result or raises a typed
:class:`hivemq_rest.HiveMQError`, never a raw exception. List items are read
in full (``to_dict``), since they parse on first read. The async client gets
the seeded servers' bodies too and must end as the sync one did.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Final

import pytest
import schemathesis
from hivemq_rest import (
    AsyncHiveMQClient,
    BadRequestError,
    BehaviorPolicy,
    ClientNotFoundError,
    CursorExpiredError,
    DataPolicy,
    HiveMQClient,
    HiveMQError,
    NotFoundError,
    PreconditionFailedError,
    RetryPolicy,
    ServiceUnavailableError,
)
from schemathesis.filters import HasAPIOperation
from schemathesis.specs.openapi.schemas import OpenApiSchema

from ._prism import UNSEEDED, PrismServer, RecordingTransport
from ._schema import SPEC_PATH, Operation, load_config, operation_key, operations
from .test_prism_mock import Outcome, judge

SEEDS: Final = ("1", "2", "3")
UNSEEDED_ROUNDS: Final = 10
# Prism makes up a next page for almost every page: read this many items of a
# list (ten pages of ten), enough to cross pages, instead of walking on for minutes.
MAX_ITEMS: Final = 100
CLIENT_ID: Final = "mock/client é"

DATA_POLICY: Final = DataPolicy.from_dict(
    {
        "id": "mock/policy",
        "matching": {"topicFilter": "factory/#"},
        "onFailure": {"pipeline": [{"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}]},
    }
)
BEHAVIOR_POLICY: Final = BehaviorPolicy.from_dict(
    {
        "id": "mock/policy",
        "matching": {"clientIdRegex": ".*"},
        "behavior": {"id": "Mqtt.events", "arguments": {}},
    }
)

ERROR_CLASSES: Final[dict[int, type[HiveMQError]]] = {
    400: BadRequestError,
    404: NotFoundError,
    410: CursorExpiredError,
    412: PreconditionFailedError,
    503: ServiceUnavailableError,
}


def _read(result: object) -> object:
    """A result with every list item parsed (``to_dict``), so that a bad item raises here."""
    if isinstance(result, list):
        return [item.to_dict() if hasattr(item, "to_dict") else item for item in result]
    return result.to_dict() if hasattr(result, "to_dict") else result


#: How each operation is called through ``hivemq.data_hub``, written once for both
#: clients (the async one's coroutines and async iterators are finished by the caller).
CALLS: Final[dict[str, Callable[[Any], Any]]] = {
    "getAllDataPolicies": lambda hub: hub.data_policies.list(page_size=10),
    "createDataPolicy": lambda hub: hub.data_policies.create(DATA_POLICY),
    "getDataPolicy": lambda hub: hub.data_policies.get("mock/policy", fields=["id"]),
    "updateDataPolicy": lambda hub: hub.data_policies.update(DATA_POLICY, if_match='"e"'),
    "deleteDataPolicy": lambda hub: hub.data_policies.delete("mock/policy"),
    "getAllBehaviorPolicies": lambda hub: hub.behavior_policies.list(client_ids=["a", "b"]),
    "createBehaviorPolicy": lambda hub: hub.behavior_policies.create(BEHAVIOR_POLICY),
    "getBehaviorPolicy": lambda hub: hub.behavior_policies.get("mock/policy"),
    "updateBehaviorPolicy": lambda hub: hub.behavior_policies.update(BEHAVIOR_POLICY),
    "deleteBehaviorPolicy": lambda hub: hub.behavior_policies.delete("mock/policy"),
    "getAllSchemas": lambda hub: hub.schemas.list(types=["JSON"]),
    "createSchema": lambda hub: hub.schemas.create_json("mock/schema", {"type": "object"}),
    "getSchema": lambda hub: hub.schemas.get("mock/schema"),
    "deleteSchema": lambda hub: hub.schemas.delete("mock/schema"),
    "getAllScripts": lambda hub: hub.scripts.list(script_ids=["a"]),
    "createScript": lambda hub: hub.scripts.create_js("mock/script", "function transform() {}"),
    "getScript": lambda hub: hub.scripts.get("mock/script"),
    "deleteScript": lambda hub: hub.scripts.delete("mock/script"),
    "getClientState": lambda hub: hub.client_state(CLIENT_ID),
    "startTrialMode": lambda hub: hub.start_trial(),
}


def _data_hub_only(context: HasAPIOperation) -> bool:
    return not any(tag.startswith("Data Hub") for tag in context.operation.tags or ())


def _data_hub_schema() -> OpenApiSchema:
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=load_config())
    filtered = schema.exclude(func=_data_hub_only)
    assert isinstance(filtered, OpenApiSchema)
    return filtered


DATA_HUB: Final = _data_hub_schema()
CASES: Final = [
    pytest.param(operation, int(status), id=f"{operation_key(operation)}-{status}")
    for operation in operations(DATA_HUB)
    for status in operation.definition.raw["responses"]
]


def test_every_data_hub_operation_is_called() -> None:
    """The table above names every Data Hub operation of the spec, and no other."""
    assert sorted(CALLS) == sorted(operation_key(operation) for operation in operations(DATA_HUB))


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


def call_many(server: PrismServer, name: str, key: str, status: int, times: int) -> list[Outcome]:
    """Call one operation ``times`` times through the sync client (exchanges recorded)."""
    recorder = RecordingTransport()
    outcomes = []
    with HiveMQClient(server.base_url, transport=recorder, **_settings(status)) as hivemq:
        for _ in range(times):
            first = len(recorder.exchanges)
            outcome = Outcome(name, [])
            try:
                result = CALLS[key](hivemq.data_hub)
                if isinstance(result, Iterator):
                    result = list(itertools.islice(result, MAX_ITEMS))
                outcome.result = _read(result)
            except Exception as error:  # judged below, whatever it is
                outcome.error = error
            outcome.exchanges = recorder.exchanges[first:]
            outcomes.append(outcome)
    return outcomes


async def _call_async(server: PrismServer, key: str, status: int) -> Outcome:
    outcome = Outcome(f"{server.process.name} (async client)", [])
    async with AsyncHiveMQClient(server.base_url, **_settings(status)) as hivemq:
        try:
            result = CALLS[key](hivemq.data_hub)
            if isinstance(result, AsyncIterator):
                items = []
                async for item in result:
                    items.append(item)
                    if len(items) == MAX_ITEMS:
                        break
                outcome.result = _read(items)
            else:
                outcome.result = _read(await result)
        except Exception as error:  # judged below, whatever it is
            outcome.error = error
    return outcome


def _expected(operation: Operation, status: int) -> type[HiveMQError] | None:
    if status == 404 and operation_key(operation) == "getClientState":
        return ClientNotFoundError
    return ERROR_CLASSES.get(status)


def _judge(operation: Operation, status: int, outcome: Outcome) -> str | None:
    """What is wrong with the outcome; an error status wants exactly its class here."""
    expected = _expected(operation, status)
    if expected is None:
        return judge(operation, status, outcome)  # a success: the shared rules
    if not outcome.exchanges:
        return "the client sent nothing"
    if any(exchange.status != status for exchange in outcome.exchanges):
        return f"Prism did not answer {status} (Prefer ignored?)"
    if type(outcome.error) is not expected:
        return f"expected exactly {expected.__name__}"
    return None


@pytest.mark.parametrize(("operation", "status"), CASES)
def test_data_hub_handles_mock_responses(
    operation: Operation, status: int, mocks: dict[str, PrismServer]
) -> None:
    """Each generated response gives a result or the typed error its status or body calls for."""
    key = operation_key(operation)
    outcomes = []
    for name, server in mocks.items():
        times = UNSEEDED_ROUNDS if name == UNSEEDED else 1
        outcomes += call_many(server, name, key, status, times)
    problems = []
    for outcome in outcomes:
        problem = _judge(operation, status, outcome)
        if problem is not None:
            problems.append(f"{problem}\n{outcome.describe()}")
    assert not problems, f"{operation.label} with {status}:\n" + "\n".join(problems[:5])

    async def everywhere() -> list[Outcome]:
        return list(
            await asyncio.gather(*(_call_async(mocks[seed], key, status) for seed in SEEDS))
        )

    for seeded, twin in zip(outcomes[: len(SEEDS)], asyncio.run(everywhere()), strict=True):
        twin.exchanges = seeded.exchanges
        assert _judge(operation, status, twin) is None, twin.describe()
        assert type(twin.error) is type(seeded.error), f"sync: {seeded.error!r}\n{twin.describe()}"
        assert twin.result == seeded.result
    if status < 300:
        # Not vacuous: a seeded server's made-up answer (the same every run) parses.
        # The unseeded answers vary, and many hold a `next` link that is no cursor.
        made_up = outcomes[: len(SEEDS)]
        assert any(outcome.error is None for outcome in made_up), [o.error for o in made_up]
    for server in mocks.values():
        server.process.check_alive()

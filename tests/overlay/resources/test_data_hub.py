"""hivemq.data_hub itself: a client's behavior states, the trial, hostile ids on real sockets."""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
import re
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import quote

import attrs
import hivemq_rest
import pytest
from hivemq_rest import (
    APIConnectionError,
    AsyncBehaviorPolicies,
    AsyncDataHub,
    AsyncDataPolicies,
    AsyncHiveMQClient,
    AsyncSchemas,
    AsyncScripts,
    BehaviorPolicies,
    BehaviorPolicy,
    DataHub,
    DataPolicies,
    DataPolicy,
    FsmStateInformationItem,
    HiveMQClient,
    InvalidClientIdError,
    RetryPolicy,
    Schemas,
    Scripts,
)
from hivemq_rest_generated import models
from hivemq_rest_generated import operations as api
from hypothesis import given, settings

from tests.examples import examples
from tests.faults.test_hostile_ids import hostile_ids
from tests.overlay.fake_api import FakeAPI
from tests.overlay.local_server import local_server

from .data_hub_stub import BEHAVIOR_POLICY, DATA_POLICY, KINDS, ok, run, sent

STATES = api.GET_CLIENT_STATE.path.removesuffix("/{clientId}")


def test_the_namespace_is_one_per_client() -> None:
    with HiveMQClient("http://h") as hivemq:
        assert isinstance(hivemq.data_hub, DataHub)
        assert hivemq.data_hub is hivemq.data_hub
        assert hivemq.data_hub.schemas is hivemq.data_hub.schemas
    client = AsyncHiveMQClient("http://h", transport="httpx")
    assert isinstance(client.data_hub, AsyncDataHub)
    asyncio.run(client.aclose())


@pytest.mark.parametrize("kind", KINDS)
def test_client_state_returns_the_states(kind: str) -> None:
    state = {
        "policyId": "no-duplicates",
        "behaviorId": "Publish.duplicate",
        "stateType": "INTERMEDIATE",
        "stateName": "Connected",
        "arguments": {"any": ["json"]},
        "variables": {"count": "3"},
        "firstSetAt": "2026-01-01T00:00:00Z",
        "later": 1,
    }
    fake = FakeAPI().script(ok({"items": [state]}), ok({}))
    (got,) = run(kind, fake, lambda hub: hub.client_state("sensor/1 é"))
    assert sent(fake)[:2] == ("GET", f"{STATES}/sensor%2F1%20%C3%A9")
    assert isinstance(got, FsmStateInformationItem)
    assert got.variables is not None
    assert (got.state_name, got.arguments, got.variables.to_dict()) == (
        "Connected",
        {"any": ["json"]},
        {"count": "3"},
    )
    assert got.to_dict() == state
    assert run(kind, fake, lambda hub: hub.client_state("c")) == []  # no items: no states


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("client_id", ["", "a\x00b", "\ud800", "x" * 65_536, 5, None])
def test_client_state_guards_the_client_id(kind: str, client_id: Any) -> None:
    fake = FakeAPI()
    with pytest.raises(InvalidClientIdError):
        run(kind, fake, lambda hub: hub.client_state(client_id))
    assert fake.requests == []


@pytest.mark.parametrize("kind", KINDS)
def test_start_trial_posts_nothing(kind: str) -> None:
    fake = FakeAPI().script(ok(None, 204))
    assert run(kind, fake, lambda hub: hub.start_trial()) is None
    method, path, headers, body = sent(fake)
    assert (method, path, body) == ("POST", api.START_TRIAL_MODE.path, None)
    assert "content-type" not in headers


# -- every path parameter, on a real socket ----------------------------------------

_DATA = DataPolicy.from_dict(DATA_POLICY)
_BEHAVIOR = BehaviorPolicy.from_dict(BEHAVIOR_POLICY)

#: (operation, how it is called with the id) for every operation with an id in its path.
BY_ID: Final[list[tuple[api.Operation, Callable[[Any, str], Any]]]] = [
    (api.GET_DATA_POLICY, lambda hub, i: hub.data_policies.get(i)),
    (api.UPDATE_DATA_POLICY, lambda hub, i: hub.data_policies.update(_with_id(_DATA, i))),
    (api.DELETE_DATA_POLICY, lambda hub, i: hub.data_policies.delete(i)),
    (api.GET_BEHAVIOR_POLICY, lambda hub, i: hub.behavior_policies.get(i)),
    (
        api.UPDATE_BEHAVIOR_POLICY,
        lambda hub, i: hub.behavior_policies.update(_with_id(_BEHAVIOR, i)),
    ),
    (api.DELETE_BEHAVIOR_POLICY, lambda hub, i: hub.behavior_policies.delete(i)),
    (api.GET_SCHEMA, lambda hub, i: hub.schemas.get(i)),
    (api.DELETE_SCHEMA, lambda hub, i: hub.schemas.delete(i)),
    (api.GET_SCRIPT, lambda hub, i: hub.scripts.get(i)),
    (api.DELETE_SCRIPT, lambda hub, i: hub.scripts.delete(i)),
    (api.GET_CLIENT_STATE, lambda hub, i: hub.client_state(i)),
]


def _by_id(call: Callable[[Any, str], Any], target_id: str, hub: Any) -> Any:
    return call(hub, target_id)


def _with_id(policy: Any, policy_id: str) -> Any:
    copy = type(policy).from_dict(policy.to_dict())
    copy.id = policy_id
    return copy


def _answer(method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    if method == "DELETE":
        return 204, {}, b""
    body = {"id": "x", "matching": {"topicFilter": "t", "clientIdRegex": ".*"}, "items": []}
    body["behavior"] = {"id": "Mqtt.events"}
    # Enough for every full model a get answers: schema and script too.
    body |= {"type": "JSON", "schemaDefinition": "e30=", "functionType": "TRANSFORMATION"}
    body["source"] = "Zm4="
    return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _expected_path(operation: api.Operation, target_id: str) -> str:
    segment = quote(target_id, safe="")
    if segment in (".", ".."):
        segment = segment.replace(".", "%2E")
    return operation.path.split("{")[0] + segment


def _every_call(base_url: str, kind: str, target_id: str) -> None:
    settings: dict[str, Any] = {"retry": RetryPolicy.disabled()}
    if kind == "sync":
        with HiveMQClient(base_url, **settings) as hivemq:
            for _, call in BY_ID:
                call(hivemq.data_hub, target_id)
        return

    async def main() -> None:
        async with AsyncHiveMQClient(base_url, **settings) as hivemq:  # on aiohttp
            for _, call in BY_ID:
                await call(hivemq.data_hub, target_id)

    asyncio.run(main())


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(25))
@given(target_id=hostile_ids)
def test_hostile_ids_reach_exactly_their_resource(kind: str, target_id: str) -> None:
    with local_server(_answer) as server:
        _every_call(server.base_url, kind, target_id)
        seen = [(method, target) for method, target, _ in server.seen]
    assert seen == [
        (operation.method, _expected_path(operation, target_id)) for operation, _ in BY_ID
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_dot_segments_stay_in_the_path(kind: str) -> None:
    with local_server(_answer) as server:
        for target_id in (".", "..", "a/..", "%2E%2E"):
            _every_call(server.base_url, kind, target_id)
        paths = {target for _, target, _ in server.seen}
    assert f"{api.GET_SCHEMA.path.split('{')[0]}%2E%2E" in paths
    assert not any(
        path.endswith(("/schemas", "/policies", "/scripts", "/states")) for path in paths
    )


def _call(kind: str, base_url: str, action: Any, **settings: Any) -> Any:
    """``action(hivemq.data_hub)`` through a new client of this kind (async: on aiohttp)."""
    if kind == "sync":
        with HiveMQClient(base_url, **settings) as hivemq:
            return action(hivemq.data_hub)

    async def main() -> Any:
        async with AsyncHiveMQClient(base_url, **settings) as hivemq:
            return await action(hivemq.data_hub)

    return asyncio.run(main())


def _drop(method: str, target: str, headers: dict[str, str]) -> None:
    return None  # read the request, then drop the connection without a word


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "create",
    [
        lambda hub: hub.schemas.create_json("s", {}),
        lambda hub: hub.scripts.create_js("f", "x"),
        lambda hub: hub.data_policies.create(_DATA),
        lambda hub: hub.behavior_policies.create(_BEHAVIOR),
        lambda hub: hub.start_trial(),
    ],
)
def test_a_post_whose_outcome_is_unknown_is_not_sent_again(kind: str, create: Any) -> None:
    retry = RetryPolicy(max_attempts=3, backoff_base=0)
    with local_server(_drop) as server:
        with pytest.raises(APIConnectionError) as caught:
            _call(kind, server.base_url, create, retry=retry)
        methods = [method for method, _, _ in server.seen]
    assert methods == ["POST"]
    assert caught.value.outcome_unknown is True


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("bad_id", "error"), [("", ValueError), ("\ud800", ValueError), (5, TypeError)]
)
def test_ids_no_path_can_hold_are_refused_before_sending(
    kind: str, bad_id: Any, error: type
) -> None:
    fake = FakeAPI()
    for operation, call in BY_ID:
        if operation is api.GET_CLIENT_STATE:
            error = ValueError  # InvalidClientIdError, which is one
        with pytest.raises(error):
            run(kind, fake, functools.partial(_by_id, call, bad_id))
    assert fake.requests == []


def _models_in(annotation: object) -> set[str]:
    return set(re.findall(r"\w+", str(annotation))) & set(models.__all__)


def test_every_model_a_data_hub_user_meets_is_exported() -> None:
    namespaces: list[type] = [DataHub, DataPolicies, BehaviorPolicies, Schemas, Scripts]
    namespaces += [
        AsyncDataHub,
        AsyncDataPolicies,
        AsyncBehaviorPolicies,
        AsyncSchemas,
        AsyncScripts,
    ]
    met: set[str] = set()
    for namespace in namespaces:
        for name, method in inspect.getmembers(namespace, inspect.isfunction):
            if not name.startswith("_"):
                signature = inspect.signature(method)
                met |= _models_in(signature.return_annotation)
                for parameter in signature.parameters.values():
                    met |= _models_in(parameter.annotation)
    todo = list(met)
    while todo:
        model = getattr(models, todo.pop())
        for field in attrs.fields(model) if attrs.has(model) else ():
            inner = _models_in(field.type) - met
            met |= inner
            todo += inner
    assert {"DataPolicy", "PartialSchema", "PolicyOperation", "ScriptFunctionType"} <= met
    for name in met:
        assert getattr(hivemq_rest, name) is getattr(models, name), name
        assert name in hivemq_rest.__all__

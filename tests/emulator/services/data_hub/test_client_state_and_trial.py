from __future__ import annotations

import pytest
from hivemq_rest_emulator.core import ApiError, Clock, Service
from hivemq_rest_emulator.services.data_hub import DataHubService
from hivemq_rest_generated import operations as ops

from .conftest import Hub, request
from .documents import behavior_policy


def test_client_state_of_a_connected_client(hub: Hub) -> None:
    hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("sensors", "sensor-.*"))
    hub.clock.advance(90)
    hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("all", ".*"))
    hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("pumps", "pump-.*"))
    hub.online.add("sensor-1")
    answer = hub.call(ops.GET_CLIENT_STATE, {"clientId": "sensor-1"})
    assert answer.status == 200
    assert answer.body == {
        "items": [
            {
                "policyId": policy_id,
                "behaviorId": "Publish.quota",
                "stateType": "INTERMEDIATE",
                "stateName": "Connected",
                "arguments": {"maxPublishes": 10},
                "variables": {},
                "firstSetAt": first_set_at,
            }
            for policy_id, first_set_at in [
                ("all", "2026-03-01T12:01:30.000Z"),
                ("sensors", "2026-03-01T12:00:00.000Z"),
            ]
        ]
    }


def test_the_regex_matches_the_whole_client_id(hub: Hub) -> None:
    hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("sensors", "sensor"))
    hub.online.update({"sensor", "sensor-2"})
    assert len(hub.call(ops.GET_CLIENT_STATE, {"clientId": "sensor"}).body["items"]) == 1
    assert hub.call(ops.GET_CLIENT_STATE, {"clientId": "sensor-2"}).body["items"] == []


def test_a_client_that_is_not_connected_is_404(hub: Hub) -> None:
    hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("sensors", "sensor-.*"))
    assert hub.call(ops.GET_CLIENT_STATE, {"clientId": "sensor-1"}).status == 404


def test_by_default_nobody_is_connected() -> None:
    service = DataHubService(Clock())
    handler = service.handlers()[ops.GET_CLIENT_STATE.operation_id]
    with pytest.raises(ApiError) as caught:
        handler(request(ops.GET_CLIENT_STATE, {"clientId": "anyone"}))
    assert caught.value.status == 404


def test_trial_204_then_running_then_expired_after_five_hours(hub: Hub) -> None:
    assert hub.call(ops.START_TRIAL_MODE).status == 204
    running = hub.call(ops.START_TRIAL_MODE)
    assert (running.status, running.title) == (400, "Trial mode already running")
    hub.clock.advance(5 * 3600 - 1)
    assert hub.call(ops.START_TRIAL_MODE).title == "Trial mode already running"
    hub.clock.advance(1)
    expired = hub.call(ops.START_TRIAL_MODE)
    assert (expired.status, expired.title) == (400, "Trial mode already expired")
    hub.service.reset()
    assert hub.call(ops.START_TRIAL_MODE).status == 204


def test_reset_forgets_everything(hub: Hub) -> None:
    hub.call(ops.CREATE_BEHAVIOR_POLICY, body=behavior_policy("b"))
    hub.service.reset()
    assert hub.call(ops.GET_ALL_BEHAVIOR_POLICIES).body == {"items": []}


def test_handlers_cover_every_data_hub_operation() -> None:
    data_hub = {
        operation.operation_id
        for operation in vars(ops).values()
        if isinstance(operation, ops.Operation) and "/data-hub/" in operation.path
    }
    assert len(data_hub) == 20
    service: Service = DataHubService(Clock())  # mypy checks the protocol
    assert set(service.handlers()) == data_hub

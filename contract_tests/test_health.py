"""The Health API's six operations through Schemathesis, on the emulator's health listener.

The Health API is a listener of its own, so these operations are not in
:data:`contract_tests._schema.SCHEMA` (the REST API's tags). Without a live
health URL they run against the emulator's listener in-process (``[asgi]``)
and over HTTP (``[http]``), once with nothing set (every path UP) and once
with statuses set through the emulator (DOWN answered 503, a status the spec
does not list, details). ``pytest contract_tests --health-url URL`` (or
HIVEMQ_REST_HEALTH_URL) runs them against a live broker's listener instead:
they only read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, Final

import pytest
import schemathesis
from hivemq_rest_emulator.core import Clock
from hivemq_rest_emulator.core.server import EmulatorServer
from hivemq_rest_emulator.services.health import HealthListener, HealthService
from hivemq_rest_emulator.services.health.state import HealthConfig
from hypothesis import HealthCheck, settings
from schemathesis.filters import HasAPIOperation
from schemathesis.specs.openapi.schemas import OpenApiSchema

from ._schema import SPEC_PATH, Case, load_config

HEALTH_TAG: Final = "Health"
HEALTH_URL_VAR: Final = "HIVEMQ_REST_HEALTH_URL"
#: What the emulator is set to in the second round: every kind of answer.
SET: Final = {
    "components": {"mqtt": {"status": "DOWN", "details": {"listeners": 0}}},
    "extensions": {
        "hivemq-kafka-extension": {"status": "DEGRADED"},
        "a/b": {"status": "OUT_OF_SERVICE"},
    },
    "readiness": {"status": "UNKNOWN"},
}


def _not_health(context: HasAPIOperation) -> bool:
    return HEALTH_TAG not in (context.operation.tags or ())


def _health_schema() -> OpenApiSchema:
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=load_config())
    filtered = schema.exclude(func=_not_health)
    assert isinstance(filtered, OpenApiSchema)
    return filtered


HEALTH_SCHEMA: Final = _health_schema()


def live_health_url() -> str | None:
    """The live listener's URL (HIVEMQ_REST_HEALTH_URL, which ``--health-url`` sets), if any."""
    return os.environ.get(HEALTH_URL_VAR, "").strip().rstrip("/") or None


LIVE_URL: Final = live_health_url()


@pytest.fixture(scope="module")
def health_service() -> HealthService:
    """The emulator's Health API family, shared by its listeners in this module."""
    return HealthService(Clock())


@pytest.fixture(scope="module")
def health_server(health_service: HealthService) -> Iterator[str]:
    """The emulator's health listener over HTTP on 127.0.0.1."""
    with EmulatorServer(HealthListener(health_service)) as server:
        yield server.base_url


@pytest.fixture(params=["asgi", "http"] if LIVE_URL is None else ["live"])
def health_target(request: pytest.FixtureRequest, health_service: HealthService) -> dict[str, Any]:
    """How to reach the listener under test: ``call`` keyword arguments."""
    if request.param == "live":
        return {"base_url": LIVE_URL}
    if request.param == "asgi":
        return {"app": HealthListener(health_service)}
    return {"base_url": request.getfixturevalue("health_server")}


# A live broker's health is read as found, never set.
@pytest.fixture(params=["nothing-set", "statuses-set"] if LIVE_URL is None else ["as-found"])
def health_state(request: pytest.FixtureRequest, health_service: HealthService) -> Iterator[str]:
    """The emulator's health: every path UP, or the statuses of :data:`SET`."""
    if request.param == "as-found":
        yield request.param
        return
    health_service.reset()
    if request.param == "statuses-set":
        health_service.configure(HealthConfig.from_json(SET))
    yield request.param
    health_service.reset()


@HEALTH_SCHEMA.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_health_operation(case: Case, health_target: dict[str, Any], health_state: str) -> None:
    """The listener answers every generated request as the spec says."""
    del health_state
    case.call_and_validate(**health_target)

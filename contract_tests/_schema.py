"""openapi.yaml loaded for Schemathesis, with the suite's configuration and extra check.

The schema is loaded once, at import: ``schema.parametrize()`` needs it when
pytest collects. It holds only the operations the emulator implements
(:data:`EMULATED_TAGS`). In live mode (HIVEMQ_REST_URL set) :data:`SCHEMA`
keeps the MQTT Clients operations only, and without HIVEMQ_REST_ALLOW_DELETE
``1`` only their GETs, so no write is ever generated, neither by the
per-operation tests nor by the stateful links. :data:`FULL_SCHEMA` keeps every emulated
operation for the tests of the client (Prism), which never reach the broker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeAlias
from urllib.parse import parse_qsl, urlsplit

import schemathesis
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS
from schemathesis import APIOperation, CheckContext, Response
from schemathesis import Case as _Case
from schemathesis.config import SchemathesisConfig
from schemathesis.core.result import Err
from schemathesis.filters import HasAPIOperation
from schemathesis.specs.openapi.schemas import OpenApiSchema

from ._live import live_config

#: Schemathesis' generic types, as this suite uses them.
Case: TypeAlias = _Case[Any]
Operation: TypeAlias = APIOperation[Any, Any, Any, Any]
Check: TypeAlias = Callable[[CheckContext, Response, Case], bool | None]

ROOT: Final = Path(__file__).resolve().parent.parent
SPEC_PATH: Final = ROOT / "openapi.yaml"
CONFIG_PATH: Final = Path(__file__).resolve().parent / "schemathesis.toml"

#: The tags whose operations the suite tests: those the emulator implements,
#: every tag of openapi.yaml since issue 14 (all 37 operations). This is the
#: one place that selects operations (Prism needs no filter: the client only
#: sends these operations' requests).
MQTT_CLIENTS_TAG: Final = "MQTT Clients"
EMULATED_TAGS: Final = frozenset(
    {
        MQTT_CLIENTS_TAG,
        "Data Hub - Behavior Policies",
        "Data Hub - State",
        "Data Hub - Data Policies",
        "Data Hub - Management",
        "Data Hub - Schemas",
        "Data Hub - Scripts",
        "Backup & Restore",
        "Diagnostic Archive",
        "Trace Recordings",
    }
)

LIST_OPERATION_ID: Final = GET_ALL_MQTT_CLIENTS.operation_id
_LIMITS: Final = GET_ALL_MQTT_CLIENTS.parameter("limit").integer_range()
MIN_LIMIT: Final = _LIMITS[0]
MAX_LIMIT: Final = _LIMITS[1]


def operation_id(case: Case) -> str:
    """The operationId of the case's operation (every operation in openapi.yaml has one)."""
    value = case.operation.definition.raw.get("operationId")
    return str(value) if value is not None else case.operation.label


def _is_plain_limit(value: str) -> bool:
    return value.isascii() and value.isdigit() and str(int(value)) == value


def listing_without_cursor_accepted(ctx: CheckContext, response: Response, case: Case) -> None:
    """A valid listing request without a cursor gets a page (200), never an error.

    Complements the positive-data check, which accepts 400 and 410 for
    getAllMqttClients because a made-up cursor is rightly refused. The rule is
    applied to the request as it was sent: no query parameter but at most one
    ``limit`` written as a plain integer within the spec's bounds.
    """
    del ctx
    if operation_id(case) != LIST_OPERATION_ID or case.method.upper() != "GET":
        return
    url = response.request.url or ""
    pairs = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    if any(name != "limit" for name, _ in pairs) or len(pairs) > 1:
        return
    if pairs and not (_is_plain_limit(pairs[0][1]) and MIN_LIMIT <= int(pairs[0][1]) <= MAX_LIMIT):
        return
    if response.status_code != 200:
        raise AssertionError(
            f"{case.operation.label}: the valid request GET {url} "
            f"was answered {response.status_code}, not 200: {response.content[:300]!r}"
        )


#: The suite's own checks, run after Schemathesis' built-in ones.
EXTRA_CHECKS: Final[list[Check]] = [listing_without_cursor_accepted]


def load_config() -> SchemathesisConfig:
    """contract_tests/schemathesis.toml (never a schemathesis.toml of the working directory)."""
    return SchemathesisConfig.from_path(CONFIG_PATH)


def _not_emulated(context: HasAPIOperation) -> bool:
    return not EMULATED_TAGS.intersection(context.operation.tags or ())


def load_schema() -> OpenApiSchema:
    """openapi.yaml with the suite's configuration: the operations of EMULATED_TAGS."""
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=load_config())
    # exclude(), not include(tag=...): with the [[operations]] entries of the
    # config, Schemathesis ORs an include with its own filter, which lets
    # every operation through.
    filtered = schema.exclude(func=_not_emulated)
    assert isinstance(filtered, OpenApiSchema)
    return filtered


def _not_mqtt_clients(context: HasAPIOperation) -> bool:
    return MQTT_CLIENTS_TAG not in (context.operation.tags or ())


def mqtt_clients_only(schema: OpenApiSchema) -> OpenApiSchema:
    """``schema`` with the MQTT Clients operations only (the broker target's scenarios)."""
    filtered = schema.exclude(func=_not_mqtt_clients)
    assert isinstance(filtered, OpenApiSchema)
    return filtered


def _writes(context: HasAPIOperation) -> bool:
    return context.operation.method.upper() != "GET"


def for_this_run(schema: OpenApiSchema) -> OpenApiSchema:
    """What a live broker is tested with; ``schema`` itself on the emulator.

    A live broker gets the MQTT Clients operations only: the other families'
    writes would change a real cluster (start backups and restores, the Data
    Hub trial, trace recordings, install policies), which the suite never
    does. Without HIVEMQ_REST_ALLOW_DELETE=1 it gets their GETs only.
    """
    live = live_config()
    if live is None:
        return schema
    schema = mqtt_clients_only(schema)
    if live.allow_delete:
        return schema
    # Not include(method="GET"): with the [[operations]] entries of the
    # config, Schemathesis ORs an include with its own filter, which lets
    # every operation through.
    filtered = schema.exclude(func=_writes)
    assert isinstance(filtered, OpenApiSchema)
    return filtered


def operations(schema: OpenApiSchema | None = None) -> list[Operation]:
    """The operations of ``schema`` (default: this run's SCHEMA), in spec order."""
    found = []
    for result in (SCHEMA if schema is None else schema).get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        found.append(result.ok())
    return found


def operation_key(operation: Operation) -> str:
    """The operationId, for test ids."""
    return str(operation.definition.raw["operationId"])


#: Every emulated operation: what the client and Prism are tested with.
FULL_SCHEMA: Final = load_schema()
#: What the target is tested with: in read-only live mode, the GET operations only.
SCHEMA: Final = for_this_run(FULL_SCHEMA)

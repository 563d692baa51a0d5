"""The operation map (hivemq_rest._operation_map) against everything that must follow it.

Each operationId of openapi.yaml has exactly one method on each client, one
``hivemq-rest`` command, one emulator handler and one row in
docs/reference/operations.md; every public method of a namespace is an
operation's own method or sends one (listed in ALSO_SENDS), and sends it.
"""

from __future__ import annotations

import datetime
import inspect
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import click
import httpx
import pytest
from google.protobuf import descriptor_pb2
from hivemq_rest import (
    AsyncHiveMQClient,
    BehaviorPolicy,
    DataPolicy,
    HiveMQClient,
    RetryPolicy,
    Schema,
    Script,
)
from hivemq_rest._operation_map import ALSO_SENDS, FAMILIES, OPERATIONS
from hivemq_rest.cli import main
from hivemq_rest_emulator.core.app import create_app
from hivemq_rest_generated import operations as api

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "reference" / "operations.md"

#: Public names on a client that are not namespaces and send nothing.
NOT_OPERATIONS: Final = {
    "aclose",
    "base_url",
    "close",
    "limiter",
    "max_response_bytes",
    "retry",
    "with_options",
    "with_raw_response",
}
SPEC_OPERATIONS: Final = {
    value.operation_id: value for value in vars(api).values() if isinstance(value, api.Operation)
}


def _namespaces(client: object, prefix: str = "") -> dict[str, object]:
    """Every namespace under the client, by its dotted path."""
    found: dict[str, object] = {}
    for name in dir(client):
        if name.startswith("_") or (not prefix and name in NOT_OPERATIONS):
            continue
        value = getattr(client, name)
        if not callable(value) and hasattr(value, "_client"):
            found[prefix + name] = value
            found.update(_namespaces(value, f"{prefix}{name}."))
    return found


def _public_methods(client: object) -> set[str]:
    methods = set()
    for path, namespace in _namespaces(client).items():
        for name in dir(namespace):
            if not name.startswith("_") and callable(getattr(namespace, name)):
                methods.add(f"{path}.{name}")
    top = {n for n in dir(client) if not n.startswith("_") and callable(getattr(client, n))}
    return methods | (top - NOT_OPERATIONS)


def _resolve(client: object, dotted: str) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def test_the_map_has_every_spec_operation_once() -> None:
    assert sorted(OPERATIONS) == sorted(SPEC_OPERATIONS)
    assert sum(len(family) for family in FAMILIES.values()) == len(OPERATIONS)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_each_operation_is_one_method_and_each_public_method_an_operation(kind: str) -> None:
    client = HiveMQClient() if kind == "sync" else AsyncHiveMQClient(transport="httpx")
    methods = [route.method for route in OPERATIONS.values()]
    assert len(set(methods)) == len(methods), "two operations share a method"
    for method in methods:
        assert callable(_resolve(client, method)), method
    assert ALSO_SENDS.keys().isdisjoint(methods)
    assert set(ALSO_SENDS.values()) <= OPERATIONS.keys()
    assert _public_methods(client) == set(methods) | set(ALSO_SENDS)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> set[str]:
    found = set()
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found |= _commands(command, (*prefix, name))
        else:
            found.add(" ".join((*prefix, name)))
    return found


def _command_path(command: str) -> str:
    """The command's words without an argument (written in capitals)."""
    return " ".join(word for word in command.split() if not word.isupper())


def test_each_operation_has_its_own_command() -> None:
    commands = [route.command for route in OPERATIONS.values()]
    assert len(set(commands)) == len(commands), "two operations share a command"
    assert {_command_path(command) for command in commands} - _commands(main) == set()


def test_each_operation_has_one_emulator_handler() -> None:
    services = create_app().services
    handled = [operation_id for service in services for operation_id in service.handlers()]
    assert sorted(handled) == sorted(OPERATIONS)


def reference_rows() -> list[str]:
    """The table rows docs/reference/operations.md must hold, in the map's order."""
    rows = []
    for family, operations in FAMILIES.items():
        for operation_id, route in operations.items():
            rows.append(
                f"| {family} | `{operation_id}` | `hivemq.{route.method}` "
                f"| `hivemq-rest {route.command}` |"
            )
    return rows


def test_each_operation_has_one_reference_row() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`" in line]
    expected = reference_rows()
    assert rows == expected, "docs/reference/operations.md: make its table\n" + "\n".join(expected)


# -- every mapped method sends its operation -------------------------------------------------

_WHEN = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
_ARGUMENTS: Final[dict[str, Any]] = {
    "client_id": "c",
    "client_ids": ["c"],
    "policy_id": "p",
    "schema_id": "s",
    "script_id": "f",
    "backup_id": "b",
    "name": "rec",
    "extension_id": "x",
    "start_at": _WHEN,
    "end_at": _WHEN + datetime.timedelta(hours=1),
    "message_type": "M",
    "source": "function transform(p, c) { return p; }",
}
_DESCRIPTORS: Final = descriptor_pb2.FileDescriptorSet(
    file=[
        descriptor_pb2.FileDescriptorProto(
            name="m.proto", message_type=[descriptor_pb2.DescriptorProto(name="M")]
        )
    ]
).SerializeToString()
_BODIES: Final[dict[str, Any]] = {
    "data_policies": DataPolicy.from_dict({"id": "p", "matching": {"topicFilter": "t"}}),
    "behavior_policies": BehaviorPolicy.from_dict(
        {"id": "p", "matching": {"clientIdRegex": ".*"}, "behavior": {"id": "Mqtt.events"}}
    ),
}


def _call(client: HiveMQClient, dotted: str) -> None:
    """Call the method with arguments it accepts; what it answers does not matter."""
    method = _resolve(client, dotted)
    namespace = dotted.split(".")[-2]
    name = dotted.split(".")[-1]
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    if dotted == "trace_recordings.create":
        keywords = {"client_id_filters": ["c"], "events": ["MQTT_MESSAGE_PUBLISH"]}
        positional = [_ARGUMENTS["name"], _ARGUMENTS["start_at"], _ARGUMENTS["end_at"]]
    elif name in ("create", "update") and namespace in _BODIES:
        positional = [_BODIES[namespace]]
    elif dotted == "data_hub.schemas.create":
        positional = [Schema.from_dict({"id": "s", "type": "JSON", "schemaDefinition": "e30="})]
    elif dotted == "data_hub.scripts.create":
        script = {"id": "f", "functionType": "TRANSFORMATION", "source": "ZnVuY3Rpb24="}
        positional = [Script.from_dict(script)]
    elif dotted == "data_hub.schemas.create_json":
        positional = ["s", {}]
    elif name == "download":
        positional = [_ARGUMENTS["backup_id" if namespace == "backups" else "name"], io.BytesIO()]
    elif dotted == "data_hub.schemas.create_protobuf":
        positional = ["s", _DESCRIPTORS, "M"]
    elif dotted == "clients.fetch":
        positional = [_ARGUMENTS["client_ids"]]
    elif dotted == "health.wait_ready":
        positional = [0.05]  # seconds: one poll at least, whatever it answers
    else:
        code = method.__code__ if hasattr(method, "__code__") else method.__func__.__code__
        for parameter in code.co_varnames[1 : code.co_argcount]:
            positional.append(_ARGUMENTS[parameter])
    try:
        result = method(*positional, **keywords)
        if isinstance(result, Iterable) and not isinstance(result, str | bytes | list):
            for _ in result:
                pass
    except Exception:
        pass


def _template(operation: api.Operation) -> re.Pattern[str]:
    path = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(operation.path))
    return re.compile(f"{operation.method} {path}")


@pytest.mark.parametrize(
    ("dotted", "operation_id"),
    [(route.method, operation_id) for operation_id, route in OPERATIONS.items()]
    + sorted(ALSO_SENDS.items()),
)
def test_each_method_sends_its_operation(dotted: str, operation_id: str) -> None:
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(f"{request.method} {request.url.raw_path.decode().split('?')[0]}")
        return httpx.Response(200, json={"backup": {"id": "b", "bytes": 0, "state": "COMPLETED"}})

    with HiveMQClient(
        transport=httpx.MockTransport(answer), retry=RetryPolicy.disabled()
    ) as hivemq:
        _call(hivemq, dotted)
    pattern = _template(SPEC_OPERATIONS[operation_id])
    assert any(pattern.fullmatch(line) for line in sent), (dotted, operation_id, sent)


@pytest.mark.parametrize(
    "dotted", sorted({route.method for route in OPERATIONS.values()} | set(ALSO_SENDS))
)
def test_each_method_takes_the_per_call_options(dotted: str) -> None:
    with HiveMQClient() as sync:
        clients: list[object] = [sync, AsyncHiveMQClient()]
        for client in clients:
            parameters = inspect.signature(_resolve(client, dotted)).parameters
            assert parameters["extra_headers"].kind is inspect.Parameter.KEYWORD_ONLY, dotted
            assert "timeout" in parameters, dotted  # a wait's own timeout bounds the whole wait

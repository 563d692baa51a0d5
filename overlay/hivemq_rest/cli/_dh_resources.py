"""The ``hivemq-rest data-hub`` resource commands: policies, schemas, scripts, state, trial.

The four families share their list, get and delete commands, made once by
:func:`_family` for each; create (and update, for policies) differ in what they read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal

import attrs
import click
from hivemq_rest_generated.models import BehaviorPolicy, DataPolicy, ScriptFunctionType

from .._lazy import PARSE_ERRORS
from .._sync_resources.data_hub import DataHub
from ._command import confirm, connection_options, stderr
from ._data_hub import data_hub
from ._exit import ExitCode
from ._help import DASHES, epilog
from ._inputs import MAX_DEFINITION_BYTES, read_bounded
from ._options import Target
from ._records import JSON_OPTION, YES_OPTION, print_record, print_records
from ._render import terminal_text

_ID_CODES: Final = (ExitCode.NOT_FOUND, ExitCode.INVALID_ID)
_FILE_NOTE: Final = "FILE - reads standard input."
# Read by _read_definition: a regular file or a pipe, within MAX_DEFINITION_BYTES.
_FILE_ARGUMENT: Final = click.Path(allow_dash=True, dir_okay=False)


def _nested(record: Mapping[str, Any], *path: str) -> Any:
    """``record[path[0]][path[1]]...``, or None where a part is missing or not an object."""
    value: Any = record
    for key in path:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


@attrs.frozen
class _Family:
    """What the list, get and delete commands of one kind of resource need."""

    command: str  # data-policies
    noun: str  # data policy
    example: str  # an id for the examples
    resources: Callable[[DataHub], Any]  # hub -> hub.data_policies
    row: Callable[[Mapping[str, Any]], dict[str, Any]]  # the table columns of an item
    note: str = ""  # what delete refuses, if anything


def _family(family: _Family, summary: str) -> click.Group:
    """The group of ``family`` with its list, get and delete commands."""
    group = click.Group(family.command, help=summary)
    data_hub.add_command(group)
    base = f"hivemq-rest data-hub {family.command}"

    @group.command("list", epilog=epilog(f"{base} list", f"{base} list --json"))
    @JSON_OPTION
    @connection_options
    def list_(target: Target, as_json: bool) -> None:
        with target.client() as hivemq:
            items = [item.to_dict() for item in family.resources(hivemq.data_hub).list()]
        if as_json:
            print_records(items, (), True, "")
            return
        rows = [family.row(item) for item in items]
        columns = tuple(rows[0]) if rows else ()
        print_records(rows, columns, False, f"no {family.command.replace('-', ' ')}")

    versioned = family.command in ("schemas", "scripts")
    list_.help = f"Every version of every {family.noun}." if versioned else f"Every {family.noun}."

    @group.command(
        "get", epilog=epilog(f"{base} get {family.example} --json", codes=_ID_CODES, note=DASHES)
    )
    @click.argument("resource_id", metavar="ID")
    @JSON_OPTION
    @connection_options
    def get(target: Target, resource_id: str, as_json: bool) -> None:
        with target.client() as hivemq:
            found = family.resources(hivemq.data_hub).get(resource_id)
        print_record(found.to_dict(), as_json)

    latest = " (the latest version)" if versioned else ""
    get.help = f"One {family.noun}{latest}, all its fields."

    @group.command(
        "delete",
        epilog=epilog(
            f"{base} delete {family.example} --yes",
            codes=_ID_CODES,
            note=" ".join(
                part
                for part in ("Asks first on a terminal, and needs --yes otherwise.", family.note)
                if part
            ),
        ),
    )
    @click.argument("resource_id", metavar="ID")
    @YES_OPTION
    @connection_options
    def delete(target: Target, resource_id: str, yes: bool) -> None:
        confirm(f"Delete {family.noun} {resource_id!r}", yes)
        with target.client() as hivemq:
            family.resources(hivemq.data_hub).delete(resource_id)
        stderr.print(terminal_text(f"deleted {family.noun} {resource_id}"))

    delete.help = f"Delete a {family.noun}" + (" (every version)." if versioned else ".")
    return group


def _read_definition(source: str) -> bytes:
    """The bytes of FILE (``-``: stdin), a regular file or a pipe within MAX_DEFINITION_BYTES."""
    try:
        return read_bounded(source, MAX_DEFINITION_BYTES, "FILE")[0]
    except FileNotFoundError:
        raise click.BadParameter(f"{source}: no such file", param_hint="FILE") from None


def _read_json(source: str) -> Any:
    """The JSON document of a file or stdin; a usage error (exit 2) if it is not JSON."""
    name = "stdin" if source == "-" else source
    data = _read_definition(source)
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as error:
        raise click.BadParameter(f"{name} is not JSON: {error}", param_hint="FILE") from None


def _policy(model: type[DataPolicy] | type[BehaviorPolicy], source: str, noun: str) -> Any:
    document = _read_json(source)
    if not isinstance(document, dict):
        raise click.BadParameter(f"a {noun} is a JSON object", param_hint="FILE")
    try:
        return model.from_dict(document)
    except PARSE_ERRORS as error:
        raise click.BadParameter(
            f"not a {noun} in the API's shape ({type(error).__name__}: {error})", param_hint="FILE"
        ) from None


def _policy_command(
    group: click.Group,
    family: _Family,
    model: type[DataPolicy] | type[BehaviorPolicy],
    verb: Literal["create", "update"],
    epilog_text: str,
    help_text: str,
) -> None:
    """The ``verb`` command of a policy family: it sends the policy of a JSON file."""

    @group.command(verb, epilog=epilog_text, help=help_text)
    @click.argument("source", metavar="FILE", type=_FILE_ARGUMENT)
    @JSON_OPTION
    @connection_options
    def send(target: Target, source: str, as_json: bool) -> None:
        policy = _policy(model, source, family.noun)
        with target.client() as hivemq:
            # The resources' create and update take the policy alike.
            stored = getattr(family.resources(hivemq.data_hub), verb)(policy)
        stderr.print(terminal_text(f"{verb}d {family.noun} {stored.id}"))
        print_record(stored.to_dict(), as_json)


def _policy_commands(
    family: _Family, model: type[DataPolicy] | type[BehaviorPolicy], summary: str
) -> None:
    """A policy family: list, get, delete, and create and update from a JSON file."""
    group = _family(family, summary)
    base = f"hivemq-rest data-hub {family.command}"
    _policy_command(
        group,
        family,
        model,
        "create",
        epilog(
            f"{base} create {family.example}.json",
            f"cat {family.example}.json | {base} create -",
            note=_FILE_NOTE + " The file holds the policy in the API's JSON shape.",
        ),
        f"Create a {family.noun} from a JSON file.",
    )
    _policy_command(
        group,
        family,
        model,
        "update",
        epilog(
            f"{base} update {family.example}.json",
            codes=(ExitCode.NOT_FOUND,),
            note=_FILE_NOTE + " The policy's id comes from the file.",
        ),
        f"Replace a {family.noun} with the one in a JSON file (same id).",
    )


def _when(record: Mapping[str, Any]) -> dict[str, Any]:
    return {"createdAt": record.get("createdAt"), "lastUpdatedAt": record.get("lastUpdatedAt")}


_policy_commands(
    _Family(
        "data-policies",
        "data policy",
        "readings",
        lambda hub: hub.data_policies,
        lambda item: {
            "id": item.get("id"),
            "topicFilter": _nested(item, "matching", "topicFilter"),
            **_when(item),
        },
    ),
    DataPolicy,
    "List, get, create, update and delete data policies.",
)
_policy_commands(
    _Family(
        "behavior-policies",
        "behavior policy",
        "one-connect",
        lambda hub: hub.behavior_policies,
        lambda item: {
            "id": item.get("id"),
            "clientIdRegex": _nested(item, "matching", "clientIdRegex"),
            "behavior": _nested(item, "behavior", "id"),
            **_when(item),
        },
    ),
    BehaviorPolicy,
    "List, get, create, update and delete behavior policies.",
)

_IN_USE: Final = "A policy that uses it makes the broker refuse (exit 7)."
_schemas = _family(
    _Family(
        "schemas",
        "schema",
        "reading",
        lambda hub: hub.schemas,
        lambda item: {key: item.get(key) for key in ("id", "version", "type", "createdAt")},
        _IN_USE,
    ),
    "List, get, create (a new version) and delete schemas.",
)
_scripts = _family(
    _Family(
        "scripts",
        "script",
        "fahrenheit",
        lambda hub: hub.scripts,
        lambda item: {
            key: item.get(key)
            for key in ("id", "version", "functionType", "description", "createdAt")
        },
        _IN_USE,
    ),
    "List, get, create (a new version) and delete scripts.",
)


@_schemas.command(
    "create",
    epilog=epilog(
        "hivemq-rest data-hub schemas create reading reading.schema.json",
        "hivemq-rest data-hub schemas create telemetry telemetry.desc --type PROTOBUF "
        "--message-type Telemetry",
        note=_FILE_NOTE + " A JSON schema is sent as written; a Protobuf one is the "
        "descriptor set protoc -o writes. Creating the latest version again exits 7.",
        codes=(ExitCode.INVALID_ID,),
    ),
)
@click.argument("schema_id", metavar="ID")
@click.argument("source", metavar="FILE", type=_FILE_ARGUMENT)
@click.option(
    "--type",
    "kind",
    type=click.Choice(["JSON", "PROTOBUF"]),
    default="JSON",
    show_default=True,
    help="JSON: FILE is a JSON Schema; PROTOBUF: FILE is a compiled descriptor set.",
)
@click.option("--message-type", help="PROTOBUF: the message type in the descriptor set.")
@click.option(
    "--allow-unknown-fields/--no-allow-unknown-fields",
    default=None,
    help="PROTOBUF: whether messages may carry undeclared fields (default: the broker's).",
)
@JSON_OPTION
@connection_options
def create_schema(
    target: Target,
    schema_id: str,
    source: str,
    kind: str,
    message_type: str | None,
    allow_unknown_fields: bool | None,
    as_json: bool,
) -> None:
    """Store a schema (a new version if the id exists) from a file."""
    if kind == "JSON" and (message_type is not None or allow_unknown_fields is not None):
        raise click.UsageError("--message-type and --allow-unknown-fields are for PROTOBUF")
    if kind == "PROTOBUF" and message_type is None:
        raise click.UsageError("a PROTOBUF schema needs --message-type")
    data = _read_definition(source)
    with target.client() as hivemq:
        schemas = hivemq.data_hub.schemas
        if message_type is not None:
            stored = schemas.create_protobuf(
                schema_id, data, message_type, allow_unknown_fields=allow_unknown_fields
            )
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise click.BadParameter(
                    "a JSON Schema file is UTF-8 text", param_hint="FILE"
                ) from None
            stored = schemas.create_json(schema_id, text)
    stderr.print(terminal_text(f"created schema {stored.id} version {stored.version}"))
    print_record(stored.to_dict(), as_json)


@_scripts.command(
    "create",
    epilog=epilog(
        "hivemq-rest data-hub scripts create fahrenheit fahrenheit.js "
        "--description 'Celsius to Fahrenheit'",
        note=_FILE_NOTE + " Creating the latest version again exits 7.",
        codes=(ExitCode.INVALID_ID,),
    ),
)
@click.argument("script_id", metavar="ID")
@click.argument("source", metavar="FILE", type=_FILE_ARGUMENT)
@click.option(
    "--function-type",
    type=click.Choice([kind.value for kind in ScriptFunctionType]),
    default=ScriptFunctionType.TRANSFORMATION.value,
    show_default=True,
    help="What the function is for.",
)
@click.option("--description", help="A description stored with the script.")
@JSON_OPTION
@connection_options
def create_script(
    target: Target,
    script_id: str,
    source: str,
    function_type: str,
    description: str | None,
    as_json: bool,
) -> None:
    """Store a script (a new version if the id exists) from a JavaScript file."""
    try:
        text = _read_definition(source).decode("utf-8")
    except UnicodeDecodeError:
        raise click.BadParameter("a script file is UTF-8 text", param_hint="FILE") from None
    with target.client() as hivemq:
        stored = hivemq.data_hub.scripts.create_js(
            script_id, text, function_type=function_type, description=description
        )
    stderr.print(terminal_text(f"created script {stored.id} version {stored.version}"))
    print_record(stored.to_dict(), as_json)


@data_hub.command(
    "state",
    epilog=epilog(
        "hivemq-rest data-hub state sensor-17",
        codes=_ID_CODES,
        note=DASHES,
    ),
)
@click.argument("client_id")
@JSON_OPTION
@connection_options
def state(target: Target, client_id: str, as_json: bool) -> None:
    """A connected client's state in each behavior policy that applies to it."""
    with target.client() as hivemq:
        items = [item.to_dict() for item in hivemq.data_hub.client_state(client_id)]
    columns = ("policyId", "behaviorId", "stateType", "stateName", "firstSetAt")
    print_records(items, columns, as_json, f"{client_id} is in no behavior policy")


@data_hub.group()
def trial() -> None:
    """Data Hub's five-hour trial."""


@trial.command("start", epilog=epilog("hivemq-rest data-hub trial start"))
@connection_options
def start_trial(target: Target) -> None:
    """Start the trial; the broker refuses (exit 7) if it runs or has run out."""
    with target.client() as hivemq:
        hivemq.data_hub.start_trial()
    stderr.print("Data Hub trial started")

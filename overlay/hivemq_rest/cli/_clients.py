"""The ``hivemq-rest clients`` group, and its commands that read.

list, count, show, state, subscriptions; disconnect and invalidate are in
``_clients_change``, export in ``_clients_export``.
"""

from __future__ import annotations

import json
import sys

import click

from .._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from ._command import connection_options, main, stderr, stdout
from ._exit import ExitCode
from ._help import DASHES, epilog
from ._live import LiveLine
from ._options import Target
from ._render import (
    details_json,
    details_table,
    escape_controls,
    has_controls,
    print_json,
    print_table,
    subscriptions_table,
    terminal_text,
    write_utf8,
)


@main.group()
def clients() -> None:
    """List, count, inspect, disconnect and export MQTT clients (sessions)."""


PAGE_SIZE_OPTION = click.option(
    "--page-size",
    type=click.IntRange(MIN_PAGE_SIZE, MAX_PAGE_SIZE),
    default=MAX_PAGE_SIZE,
    show_default=True,
    help="Ids asked for per listing request.",
)
_LIST_NOTE = (
    "Piped, an id is written as it is, unless it holds a control character "
    "(a line break, say): then it is escaped as on a terminal (\\x0a), so that "
    "it cannot pass for two ids. -0 and --json give every id exactly."
)


@clients.command(
    "list",
    epilog=epilog(
        "hivemq-rest clients list -0 | xargs -0 -n 100 echo",
        "hivemq-rest clients list --json > ids.jsonl",
        note=_LIST_NOTE,
    ),
)
@PAGE_SIZE_OPTION
@click.option("--json", "as_json", is_flag=True, help='One JSON object a line: {"id": ...}.')
@click.option(
    "-0", "--null", is_flag=True, help="End each id with NUL, not a line break (xargs -0)."
)
@connection_options
def list_clients(target: Target, page_size: int, as_json: bool, null: bool) -> None:
    """Stream every client id (online and offline); the count goes to stderr at the end."""
    if as_json and null:
        raise click.UsageError("give --json or -0, not both")
    count = escaped = 0
    on_terminal = sys.stdout.isatty()
    with target.client() as hivemq:
        for page in hivemq.clients.pages(page_size=page_size):
            if as_json:
                write_utf8("".join(f'{{"id":{_json_string(i)}}}\n' for i in page))
            elif null:
                write_utf8("".join(f"{i}\0" for i in page))
            elif on_terminal:
                sys.stdout.write("".join(f"{escape_controls(i)}\n" for i in page))
            else:
                lines = []
                for client_id in page:
                    if has_controls(client_id):
                        escaped += 1
                        client_id = escape_controls(client_id)
                    lines.append(f"{client_id}\n")
                sys.stdout.write("".join(lines))
            count += len(page)
    sys.stdout.flush()
    stderr.print(f"{count} clients")
    if escaped:
        stderr.print(
            f"{escaped} ids hold control characters and were written escaped; "
            "-0 or --json give them exactly",
            markup=False,
        )


def _json_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


@clients.command(
    "count",
    epilog=epilog("hivemq-rest clients count", "hivemq-rest --profile prod clients count"),
)
@PAGE_SIZE_OPTION
@connection_options
def count_clients(target: Target, page_size: int) -> None:
    """The number of sessions (online and offline), from a walk of the listing."""
    count = 0
    with (
        LiveLine(stderr) as live,
        target.client() as hivemq,
    ):
        for page in hivemq.clients.pages(page_size=page_size):
            count += len(page)
            live.show(f"counted {count:,} clients so far")
    sys.stdout.write(f"{count}\n")


_ID = click.argument("client_id")
_JSON = click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
_ID_CODES = (ExitCode.NOT_FOUND, ExitCode.INVALID_ID)


@clients.command(
    "show",
    epilog=epilog(
        "hivemq-rest clients show sensor-17",
        "hivemq-rest clients show --json -- -dev1",
        codes=_ID_CODES,
        note=DASHES,
    ),
)
@_ID
@_JSON
@click.option("--include-password", is_flag=True, help="Show the client's password (base64).")
@connection_options
def show(target: Target, client_id: str, as_json: bool, include_password: bool) -> None:
    """A client's session and connection details."""
    with target.client() as hivemq:
        details = hivemq.clients.get(client_id)
    if as_json:
        print_json(details_json(details, include_password))
    else:
        print_table(stdout, details_table(details, include_password))


@clients.command(
    "state",
    epilog=epilog("hivemq-rest clients state sensor-17", codes=_ID_CODES, note=DASHES),
)
@_ID
@_JSON
@connection_options
def state(target: Target, client_id: str, as_json: bool) -> None:
    """Whether a client is connected."""
    with target.client() as hivemq:
        connected = hivemq.clients.is_connected(client_id)
    if as_json:
        print_json({"id": client_id, "connected": connected})
    else:
        stdout.print(terminal_text(f"{client_id}: {'connected' if connected else 'not connected'}"))


@clients.command(
    "subscriptions",
    epilog=epilog("hivemq-rest clients subscriptions sensor-17", codes=_ID_CODES, note=DASHES),
)
@_ID
@_JSON
@connection_options
def subscriptions(target: Target, client_id: str, as_json: bool) -> None:
    """A client's subscriptions."""
    with target.client() as hivemq:
        items = list(hivemq.clients.subscriptions(client_id))
    if as_json:
        print_json([item.to_dict() for item in items])
    elif not items:
        stdout.print(terminal_text(f"{client_id} has no subscriptions"))
    else:
        print_table(stdout, subscriptions_table(items))

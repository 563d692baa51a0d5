"""``hivemq-rest clients disconnect`` and ``invalidate``: one client, or every id of a file."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from typing import Any

import attrs
import click
from rich.text import Text

from .._async_client import AsyncHiveMQClient
from .._client import HiveMQClient
from ._bulk import BulkStats, read_ids, run_bulk
from ._clients import clients
from ._command import confirm, connection_options, stderr
from ._exit import ExitCode
from ._help import DASHES, epilog
from ._inputs import MAX_ID_LIST_BYTES, read_bounded
from ._live import LiveLine
from ._options import Target
from ._render import (
    escape_controls,
    terminal_text,
)

_PREVENT_WILL = click.option(
    "--prevent-will-message", is_flag=True, help="Do not publish the client's will."
)
_YES = click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
_OPTIONAL_ID = click.argument("client_id", required=False)
_BULK_OPTIONS = (
    click.option(
        "--from-file",
        type=click.Path(allow_dash=True, dir_okay=False),
        help="Act on every id in this file (- for stdin): one a line, or NUL-separated with -0.",
    ),
    click.option("-0", "--null", is_flag=True, help="--from-file's ids are NUL-separated."),
    click.option("--dry-run", is_flag=True, help="Show what would be done; send nothing."),
    click.option(
        "--rate",
        type=click.FloatRange(min=0, min_open=True),
        help="With --from-file: requests a second, at most.",
    ),
    click.option(
        "--concurrency",
        type=click.IntRange(1, 256),
        help="With --from-file: requests in flight, at most (default 8).",
    ),
)
_BULK_CODES = (ExitCode.NOT_FOUND, ExitCode.INVALID_ID, ExitCode.INCOMPLETE)
_BULK_NOTE = (
    "With --from-file, a 404 counts as not found and any other failure of one id as failed; "
    "the exit code is 8 if some failed, else 4 if some were not found. " + DASHES
)


def _bulk_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_BULK_OPTIONS):
        command = option(command)
    return command


@attrs.frozen
class _Bulk:
    source: str | None  # a path, or - for standard input
    null: bool
    dry_run: bool
    rate: float | None
    concurrency: int | None


def _single_or_bulk(client_id: str | None, bulk: _Bulk) -> None:
    if (client_id is None) == (bulk.source is None):
        raise click.UsageError("give a client id or --from-file, one of the two")
    if bulk.source is None and (bulk.null or bulk.rate or bulk.concurrency):
        raise click.UsageError("-0, --rate and --concurrency go with --from-file")


@attrs.frozen
class _Change:
    """A change made to one client, or to every client of ``--from-file``."""

    verb: str  # disconnect
    past: str  # disconnected
    of: str  # the part of the client changed, said before its id: "" or "the session of "
    each: Callable[[AsyncHiveMQClient, str], Awaitable[None]]  # one id of a bulk run
    single: Callable[[HiveMQClient, str], None]  # the one id given
    only_connected: bool  # the one id given: first ask whether it is connected


def _apply(
    target: Target, change: _Change, client_id: str | None, yes: bool, bulk_options: dict[str, Any]
) -> None:
    """Make ``change`` to ``client_id``, or to every id of ``--from-file``, once confirmed."""
    bulk = _Bulk(source=bulk_options.pop("from_file"), **bulk_options)
    _single_or_bulk(client_id, bulk)
    if client_id is None:
        _act(target, change, bulk, yes)
        return
    if bulk.dry_run:
        stderr.print(terminal_text(f"dry run: would {change.verb} {change.of}{client_id}"))
        return
    confirm(f"{change.verb.capitalize()} {change.of}client {client_id!r}", yes)
    with target.client() as hivemq:
        if change.only_connected and not hivemq.clients.is_connected(client_id):
            stderr.print(terminal_text(f"{client_id} was not connected; nothing to do"))
            return
        change.single(hivemq, client_id)
    stderr.print(terminal_text(f"{change.past} {change.of}{client_id}"))


def _act(target: Target, change: _Change, bulk: _Bulk, yes: bool) -> None:
    """Make ``change`` to every id of ``--from-file``, with a confirmation and a summary."""
    assert bulk.source is not None
    name = "stdin" if bulk.source == "-" else bulk.source
    try:
        data, _ = read_bounded(bulk.source, MAX_ID_LIST_BYTES, "--from-file")
    except FileNotFoundError:
        raise click.BadParameter(f"{name}: no such file", param_hint="--from-file") from None
    ids = read_ids(data, name, bulk.null)
    if bulk.dry_run:
        sys.stdout.write("".join(f"{escape_controls(i)}\n" for i in ids))
        stderr.print(terminal_text(f"dry run: would {change.verb} {len(ids)} clients from {name}"))
        return
    confirm(f"{change.verb.capitalize()} {len(ids)} clients from {name}", yes)
    target = attrs.evolve(target, rate=bulk.rate)
    stats = BulkStats(total=len(ids))

    def line(stats: BulkStats) -> str:
        return (
            f"{change.past} {stats.done}, not found {len(stats.not_found)}, "
            f"failed {len(stats.failed)} of {stats.total}"
        )

    with LiveLine(stderr) as live:
        try:
            run_bulk(
                target.async_client,
                ids,
                change.each,
                bulk.concurrency or 8,
                stats,
                lambda stats: live.show(line(stats)),
            )
        finally:
            live.show("")
            stderr.print(Text(line(stats)))
            for client_id in stats.not_found[:10]:
                stderr.print(terminal_text(f"  not found {client_id!r}"))
            for client_id, error in stats.failed[:10]:
                stderr.print(terminal_text(f"  failed {client_id!r}: {error}"))
    if stats.failed:
        sys.exit(ExitCode.INCOMPLETE)
    if stats.not_found:
        sys.exit(ExitCode.NOT_FOUND)


@clients.command(
    "disconnect",
    epilog=epilog(
        "hivemq-rest clients disconnect sensor-17 --yes",
        "hivemq-rest clients list -0 | hivemq-rest clients disconnect --from-file - -0 --yes",
        codes=_BULK_CODES,
        note=_BULK_NOTE,
    ),
)
@_OPTIONAL_ID
@_PREVENT_WILL
@_YES
@_bulk_options
@connection_options
def disconnect(
    target: Target,
    client_id: str | None,
    prevent_will_message: bool,
    yes: bool,
    **bulk_options: Any,
) -> None:
    """Disconnect a client (or every client in a file); a persistent session stays."""
    change = _Change(
        "disconnect",
        "disconnected",
        "",
        each=lambda hivemq, one: hivemq.clients.disconnect(
            one, prevent_will_message=prevent_will_message
        ),
        single=lambda hivemq, one: hivemq.clients.disconnect(
            one, prevent_will_message=prevent_will_message
        ),
        only_connected=True,
    )
    _apply(target, change, client_id, yes, bulk_options)


@clients.command(
    "invalidate",
    epilog=epilog(
        "hivemq-rest clients invalidate sensor-17 --yes",
        "hivemq-rest clients invalidate --from-file stale.txt --dry-run",
        codes=_BULK_CODES,
        note=_BULK_NOTE,
    ),
)
@_OPTIONAL_ID
@_PREVENT_WILL
@_YES
@_bulk_options
@connection_options
def invalidate(
    target: Target,
    client_id: str | None,
    prevent_will_message: bool,
    yes: bool,
    **bulk_options: Any,
) -> None:
    """Remove a client's session (or those of every client in a file), disconnecting it."""
    change = _Change(
        "invalidate",
        "invalidated",
        "the session of ",
        each=lambda hivemq, one: hivemq.clients.invalidate_session(
            one, prevent_will_message=prevent_will_message
        ),
        single=lambda hivemq, one: hivemq.clients.invalidate_session(
            one, prevent_will_message=prevent_will_message
        ),
        only_connected=False,  # an offline client's session is worth removing too
    )
    _apply(target, change, client_id, yes, bulk_options)

"""The ``hivemq-rest clients`` commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, NoReturn

import attrs
import click
from rich.text import Text

from .._async_client import AsyncHiveMQClient
from .._client import HiveMQClient
from .._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from ._bulk import BulkStats, read_ids, run_bulk
from ._command import confirm, connection_options, fail, main, stderr, stdout
from ._exit import ExitCode
from ._export import ExportStats, export_clients
from ._help import DASHES, epilog
from ._inputs import MAX_ID_LIST_BYTES, read_bounded
from ._live import LiveLine
from ._options import EXPORT_MAX_ATTEMPTS, Target
from ._progress import ExportProgress
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
from ._report import write_report
from ._signals import Stopped


@main.group()
def clients() -> None:
    """List, count, inspect, disconnect and export MQTT clients (sessions)."""


_PAGE_SIZE = click.option(
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
@_PAGE_SIZE
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
    with HiveMQClient(target.url, **target.settings()) as hivemq:
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
@_PAGE_SIZE
@connection_options
def count_clients(target: Target, page_size: int) -> None:
    """The number of sessions (online and offline), from a walk of the listing."""
    count = 0
    with (
        LiveLine(stderr) as live,
        HiveMQClient(target.url, **target.settings()) as hivemq,
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
    with HiveMQClient(target.url, **target.settings()) as hivemq:
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
    with HiveMQClient(target.url, **target.settings()) as hivemq:
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
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        items = list(hivemq.clients.subscriptions(client_id))
    if as_json:
        print_json([item.to_dict() for item in items])
    elif not items:
        stdout.print(terminal_text(f"{client_id} has no subscriptions"))
    else:
        print_table(stdout, subscriptions_table(items))


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
    with HiveMQClient(target.url, **target.settings()) as hivemq:
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
                lambda: AsyncHiveMQClient(target.url, **target.settings()),
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


@clients.command(
    "export",
    epilog=epilog(
        "hivemq-rest clients export -o clients.csv",
        "hivemq-rest clients export --format jsonl -o - --rate 500 | gzip > clients.jsonl.gz",
        codes=(ExitCode.INCOMPLETE, ExitCode.OUTPUT),
    ),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="CSV (a flat row a client) or JSON Lines (the details as the API gives them).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    required=True,
    help="File to write (replaced whole at the end, mode 0600); - for standard output.",
)
@click.option(
    "--rate", type=click.FloatRange(min=0, min_open=True), help="Requests a second, at most."
)
@click.option(
    "--concurrency",
    type=click.IntRange(1, 1000),
    default=32,
    show_default=True,
    help="Detail requests in flight, at most.",
)
@_PAGE_SIZE
@click.option("--include-password", is_flag=True, help="Export the clients' passwords (base64).")
@click.option(
    "--raw-cells",
    is_flag=True,
    help="CSV cells exactly as sent: no ' before a cell starting with = + - @ TAB or CR.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the failed and vanished client ids to this file, one JSON object a line.",
)
@connection_options
def export(
    target: Target,
    fmt: str,
    output: str,
    rate: float | None,
    concurrency: int,
    page_size: int,
    include_password: bool,
    raw_cells: bool,
    report: Path | None,
) -> None:
    """Every client with its details, to a CSV or JSON Lines file."""
    target = attrs.evolve(
        target, rate=rate, max_attempts=target.max_attempts or EXPORT_MAX_ATTEMPTS
    )
    path = None if output == "-" else Path(output)
    if path is None and sys.stdout.isatty():
        raise click.UsageError("-o - writes raw device data: pipe it, do not show it on a terminal")
    if report is not None and path is not None and report.absolute() == path.absolute():
        raise click.UsageError("--report needs a file of its own, not the --output file")
    for file in (path, report):
        if file is not None and not file.parent.is_dir():
            fail(f"cannot write {file}: no such directory {file.parent}", ExitCode.OUTPUT)
        try:
            special = file is not None and file.exists() and not file.is_file()
        except OSError as error:  # a name too long for the file system, say
            fail(f"cannot write {file}: {error.strerror}", ExitCode.OUTPUT)
        if special:
            # A device or FIFO (/dev/null, /dev/stdout): renaming over it would replace it.
            fail(
                f"cannot write {file}: not a regular file (-o - is standard output)",
                ExitCode.OUTPUT,
            )
    stats = ExportStats()
    try:
        with ExportProgress(stderr) as progress:
            export_clients(
                lambda: AsyncHiveMQClient(target.url, **target.settings()),
                path,
                "csv" if fmt == "csv" else "jsonl",
                include_password=include_password,
                raw_cells=raw_cells,
                page_size=page_size,
                concurrency=concurrency,
                progress=progress,
                stats=stats,
            )
    except BaseException as error:
        if report is not None and not isinstance(error, BrokenPipeError):
            _write_report_if_possible(report, stats)
        _stopped(error, stats, path)
    if report is not None:
        try:
            write_report(report, stats)
        except OSError as error:
            fail(f"cannot write {report}: {error}", ExitCode.OUTPUT)
    _summary(stats, path, report)
    if stats.failed or _mostly_vanished(stats):
        sys.exit(ExitCode.INCOMPLETE)


def _write_report_if_possible(report: Path, stats: ExportStats) -> None:
    try:
        write_report(report, stats)
    except OSError as error:
        stderr.print(terminal_text(f"cannot write {report}: {error}"))


def _stopped(error: BaseException, stats: ExportStats, path: Path | None) -> NoReturn:
    """Say in one line what an export that stopped early left, and exit or raise again."""
    if isinstance(error, BrokenPipeError) and path is None:
        raise error  # the reader of standard output went away: end quietly
    if path is None:
        kept = f"{stats.written:,} rows written to standard output"
    elif stats.partial is None:
        kept = "nothing was exported"
    else:
        kept = f"{stats.written:,} rows kept in {stats.partial}"
    if isinstance(error, Stopped):
        stderr.print(terminal_text(f"export interrupted by {error.name}; {kept}"))
        sys.exit(ExitCode(128 + error.signum))  # 129, 130 or 143
    stderr.print(terminal_text(f"export stopped; {kept}"))
    if isinstance(error, OSError):  # the client maps network errors: this is the file
        fail(f"cannot write {path or 'standard output'}: {error}", ExitCode.OUTPUT)
    raise error


def _mostly_vanished(stats: ExportStats) -> bool:
    return 2 * len(stats.vanished) > stats.listed > 0


def _summary(stats: ExportStats, path: Path | None, report: Path | None) -> None:
    where = "standard output" if path is None else str(path)
    replaced = " (replaced the file that was there)" if stats.replaced else ""
    stderr.print(
        terminal_text(
            f"exported {stats.written}, vanished {len(stats.vanished)}, "
            f"failed {len(stats.failed)} -> {where}{replaced}"
        )
    )
    for client_id, error in stats.failed[:10]:
        stderr.print(terminal_text(f"  failed {client_id!r}: {error}"))
    if len(stats.failed) > 10:
        stderr.print(f"  ... and {len(stats.failed) - 10} more")
    missing = len(stats.vanished) + len(stats.failed)
    if missing and report is None:
        stderr.print(f"  {missing} ids are not in the export: --report FILE lists them")
    elif missing:
        stderr.print(terminal_text(f"  {missing} ids are not in the export: listed in {report}"))
    if _mostly_vanished(stats):
        stderr.print(
            f"warning: {len(stats.vanished):,} of {stats.listed:,} listed clients vanished "
            "(404) before their details were read; a proxy in front of the API that rejects "
            "%2F (an encoded /) in paths does this"
        )

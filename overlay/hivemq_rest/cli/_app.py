"""The ``hivemq-rest`` commands."""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, ParamSpec, TypeVar

import attrs
import click
from rich.console import Console

from .._async_client import AsyncHiveMQClient
from .._base_client import ClientSettings
from .._client import HiveMQClient
from .._constants import DEFAULT_BASE_URL, MAX_PAGE_SIZE, MIN_PAGE_SIZE
from .._errors import HiveMQError
from .._retry import RetryPolicy
from .._version import __version__
from ._exit import ExitCode, exit_code_for
from ._export import ExportStats, export_clients
from ._progress import ExportProgress
from ._render import (
    details_json,
    details_table,
    escape_controls,
    print_json,
    subscriptions_table,
    terminal_text,
)
from ._report import write_report
from ._signals import Stopped

P = ParamSpec("P")
R = TypeVar("R")

stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


@attrs.frozen(repr=False)
class Target:
    """Where and how to reach the REST API; from options or HIVEMQ_REST_* variables."""

    url: str
    token: str | None
    username: str | None
    password: str | None
    ca_file: str | None
    insecure: bool
    timeout: float
    rate: float | None = None
    max_attempts: int | None = None

    def settings(self) -> ClientSettings:
        """Keyword arguments for the clients."""
        return ClientSettings(
            token=self.token or None,
            username=self.username or None,
            password=self.password,
            ca_file=self.ca_file,
            verify=not self.insecure,
            timeout=self.timeout,
            requests_per_second=self.rate,
            retry=None
            if self.max_attempts is None
            else RetryPolicy(max_attempts=self.max_attempts),
        )


def _fail(message: str, code: ExitCode) -> NoReturn:
    stderr.print(terminal_text(f"error: {message}"))
    sys.exit(code)


def _connection_options(command: Callable[P, R]) -> Callable[..., Any]:
    """Add the options that say where the API is, and run the command with error handling."""

    @click.option(
        "--url",
        envvar="HIVEMQ_REST_URL",
        default=DEFAULT_BASE_URL,
        show_default=True,
        help="Base URL of the REST API (env HIVEMQ_REST_URL), with any path prefix.",
    )
    @click.option(
        "--token", envvar="HIVEMQ_REST_TOKEN", help="Bearer token (env HIVEMQ_REST_TOKEN)."
    )
    @click.option(
        "--username",
        envvar="HIVEMQ_REST_USERNAME",
        help="Basic auth user (env HIVEMQ_REST_USERNAME).",
    )
    @click.option(
        "--password",
        envvar="HIVEMQ_REST_PASSWORD",
        help="Basic auth password (env HIVEMQ_REST_PASSWORD).",
    )
    @click.option(
        "--ca-file",
        type=click.Path(exists=True, dir_okay=False),
        help="CA bundle to trust for https.",
    )
    @click.option("--insecure", is_flag=True, help="Do not verify the server's TLS certificate.")
    @click.option(
        "--timeout",
        type=click.FloatRange(min=0.1),
        default=30.0,
        show_default=True,
        help="Seconds.",
    )
    @click.option("--debug", is_flag=True, help="Log requests and show tracebacks.")
    @functools.wraps(command)
    def run(
        *args: Any,
        url: str,
        token: str | None,
        username: str | None,
        password: str | None,
        ca_file: str | None,
        insecure: bool,
        timeout: float,
        debug: bool,
        **kwargs: Any,
    ) -> Any:
        if debug:
            logging.basicConfig(level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
        if insecure:
            stderr.print("warning: TLS certificate verification is off (--insecure)")
        target = Target(url, token, username, password, ca_file, insecure, timeout)
        try:
            return command(target, *args, **kwargs)  # type: ignore[arg-type]
        except HiveMQError as error:
            if debug:
                traceback.print_exc()
            _fail(str(error), exit_code_for(error))
        except ValueError as error:  # settings the clients refused (URL, credentials)
            if debug:
                traceback.print_exc()
            _fail(str(error), ExitCode.USAGE)
        except (click.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise  # click reports these itself (usage errors exit with 2)
        except KeyboardInterrupt:
            _fail("interrupted", ExitCode.INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (e.g. piped into head): stop quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(ExitCode.OK)
        except Exception as error:
            if debug:
                raise
            _fail(
                f"unexpected {type(error).__name__}: {error} (--debug shows more)", ExitCode.FAILURE
            )

    return run


def _confirm(action: str, client_id: str, yes: bool) -> None:
    if yes:
        return
    if not sys.stdin.isatty():
        raise click.UsageError(f"{action} asks for confirmation: pass --yes when not on a terminal")
    click.confirm(f"{action} client {client_id!r}?", abort=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hivemq-rest")
def main() -> None:
    """Operate on the MQTT clients of a HiveMQ cluster through its REST API."""


@main.group()
def clients() -> None:
    """List, inspect, disconnect and export MQTT clients (sessions)."""


@clients.command("list")
@click.option(
    "--page-size",
    type=click.IntRange(MIN_PAGE_SIZE, MAX_PAGE_SIZE),
    default=MAX_PAGE_SIZE,
    show_default=True,
)
@click.option("--json", "as_json", is_flag=True, help='One JSON object a line: {"id": ...}.')
@_connection_options
def list_clients(target: Target, page_size: int, as_json: bool) -> None:
    """Stream every client id (online and offline); the count goes to stderr at the end."""
    count = 0
    out = sys.stdout
    # Piped, ids go out as they are; on a terminal their control characters are escaped.
    on_terminal = out.isatty()
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        for page in hivemq.iter_client_id_pages(page_size):
            if as_json:
                out.write("".join(f'{{"id":{_json_string(i)}}}\n' for i in page))
            elif on_terminal:
                out.write("".join(f"{escape_controls(i)}\n" for i in page))
            else:
                out.write("".join(f"{i}\n" for i in page))
            count += len(page)
    out.flush()
    stderr.print(f"{count} clients")


def _json_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


_ID = click.argument("client_id")
_JSON = click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")


@clients.command("show")
@_ID
@_JSON
@click.option("--include-password", is_flag=True, help="Show the client's password (base64).")
@_connection_options
def show(target: Target, client_id: str, as_json: bool, include_password: bool) -> None:
    """A client's session and connection details."""
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        details = hivemq.get_client(client_id)
    if as_json:
        print_json(stdout, details_json(details, include_password))
    else:
        stdout.print(details_table(details, include_password))


@clients.command("state")
@_ID
@_JSON
@_connection_options
def state(target: Target, client_id: str, as_json: bool) -> None:
    """Whether a client is connected."""
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        connected = hivemq.is_connected(client_id)
    if as_json:
        print_json(stdout, {"id": client_id, "connected": connected})
    else:
        stdout.print(terminal_text(f"{client_id}: {'connected' if connected else 'not connected'}"))


@clients.command("subscriptions")
@_ID
@_JSON
@_connection_options
def subscriptions(target: Target, client_id: str, as_json: bool) -> None:
    """A client's subscriptions."""
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        items = list(hivemq.iter_subscriptions(client_id))
    if as_json:
        print_json(stdout, [item.to_dict() for item in items])
    else:
        stdout.print(subscriptions_table(items))


_PREVENT_WILL = click.option(
    "--prevent-will-message", is_flag=True, help="Do not publish the client's will."
)
_YES = click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")


@clients.command("disconnect")
@_ID
@_PREVENT_WILL
@_YES
@_connection_options
def disconnect(target: Target, client_id: str, prevent_will_message: bool, yes: bool) -> None:
    """Disconnect a client; a persistent session stays."""
    _confirm("Disconnect", client_id, yes)
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        hivemq.disconnect(client_id, prevent_will_message=prevent_will_message)
    stderr.print(terminal_text(f"disconnected {client_id}"))


@clients.command("invalidate")
@_ID
@_PREVENT_WILL
@_YES
@_connection_options
def invalidate(target: Target, client_id: str, prevent_will_message: bool, yes: bool) -> None:
    """Remove a client's session (and disconnect it)."""
    _confirm("Invalidate the session of", client_id, yes)
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        hivemq.invalidate_session(client_id, prevent_will_message=prevent_will_message)
    stderr.print(terminal_text(f"invalidated the session of {client_id}"))


@clients.command("export")
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
    help="Details requests in flight at once.",
)
@click.option(
    "--page-size",
    type=click.IntRange(MIN_PAGE_SIZE, MAX_PAGE_SIZE),
    default=MAX_PAGE_SIZE,
    show_default=True,
    help="Client ids a listing request asks for.",
)
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
@click.option(
    "--max-attempts",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help="Tries per request (503, 429, 502, 504, dropped connections, timeouts).",
)
@_connection_options
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
    max_attempts: int,
) -> None:
    """Every client with its details, to a CSV or JSON Lines file."""
    target = attrs.evolve(target, rate=rate, max_attempts=max_attempts)
    path = None if output == "-" else Path(output)
    if path is None and sys.stdout.isatty():
        raise click.UsageError("-o - writes raw device data: pipe it, do not show it on a terminal")
    if report is not None and path is not None and report.absolute() == path.absolute():
        raise click.UsageError("--report needs a file of its own, not the --output file")
    for file in (path, report):
        if file is not None and not file.parent.is_dir():
            _fail(f"cannot write {file}: no such directory {file.parent}", ExitCode.OUTPUT)
        if file is not None and file.exists() and not file.is_file():
            # A device or FIFO (/dev/null, /dev/stdout): renaming over it would replace it.
            _fail(
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
            _fail(f"cannot write {report}: {error}", ExitCode.OUTPUT)
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
        _fail(f"cannot write {path or 'standard output'}: {error}", ExitCode.OUTPUT)
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

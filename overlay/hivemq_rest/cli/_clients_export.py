"""``hivemq-rest clients export``: every client's details to a file, with progress and a report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import attrs
import click

from ._clients import PAGE_SIZE_OPTION, clients
from ._command import connection_options, fail, stderr
from ._exit import ExitCode
from ._export import ExportStats, export_clients
from ._help import epilog
from ._options import EXPORT_MAX_ATTEMPTS, Target
from ._progress import ExportProgress
from ._render import (
    terminal_text,
)
from ._report import write_report
from ._signals import Stopped


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
@PAGE_SIZE_OPTION
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
                target.async_client,
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

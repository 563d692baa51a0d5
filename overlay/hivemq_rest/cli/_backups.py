"""The ``hivemq-rest backups`` commands."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import click
from hivemq_rest_generated.models import Backup

from .._client import HiveMQClient
from .._management import check_backup_outcome
from ._command import confirm, connection_options, fail, main, stderr
from ._exit import ExitCode
from ._help import epilog
from ._live import LiveLine
from ._options import Target
from ._records import JSON_OPTION, YES_OPTION, print_record, print_records
from ._render import terminal_text

_COLUMNS = ("id", "createdAt", "state", "bytes", "failReason")
_ID = click.argument("backup_id")
_ID_CODES = (ExitCode.NOT_FOUND,)
_WAIT_CODES = (ExitCode.NOT_FOUND, ExitCode.JOB_FAILED, ExitCode.OUTPUT)
_WAIT_TIMEOUT = click.option(
    "--wait-timeout",
    type=click.FloatRange(min=0, min_open=True),
    help="With --wait: seconds to wait for the end, at most (default 3600; then exit 10).",
)
_DEFAULT_WAIT: Final = 3600.0


def _wait_timeout(wait: bool, wait_timeout: float | None) -> float:
    if wait_timeout is not None and not wait:
        raise click.UsageError("--wait-timeout goes with --wait")
    return _DEFAULT_WAIT if wait_timeout is None else wait_timeout


@main.group()
def backups() -> None:
    """List, create, wait for, restore and download the broker's backups."""


@backups.command(
    "list", epilog=epilog("hivemq-rest backups list", "hivemq-rest backups list --json")
)
@JSON_OPTION
@connection_options
def list_backups(target: Target, as_json: bool) -> None:
    """Every backup the broker knows, oldest first as the broker lists them."""
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        items = hivemq.backups.list()
    print_records([item.to_dict() for item in items], _COLUMNS, as_json, "no backups")


@backups.command(
    "get", epilog=epilog("hivemq-rest backups get 20260101-120000 --json", codes=_ID_CODES)
)
@_ID
@JSON_OPTION
@connection_options
def get_backup(target: Target, backup_id: str, as_json: bool) -> None:
    """One backup and its state."""
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        backup = hivemq.backups.get(backup_id)
    print_record(backup.to_dict(), as_json)


def _download_to(hivemq: HiveMQClient, backup_id: str, file: Path) -> int:
    """Download into ``file`` (whole or not at all), with a progress line on a terminal."""
    with LiveLine(stderr) as live:

        def progress(done: int, total: int | None) -> None:
            of = f" of {total:,}" if total is not None else ""
            live.show(f"downloaded {done:,}{of} bytes")

        try:
            return hivemq.backups.download(backup_id, file, progress if live.active else None)
        except OSError as error:  # the file, not the network: the client maps those
            fail(f"cannot write {file}: {error}", ExitCode.OUTPUT)


def _waited(hivemq: HiveMQClient, backup: Backup, timeout: float) -> Backup:
    """The backup once it ended; a line says what is awaited, on a terminal."""
    with LiveLine(stderr) as live:
        live.show(terminal_text(f"waiting for backup {backup.id} ({backup.state})"))
        return hivemq.backups.wait(str(backup.id), timeout=timeout)


def _check_file(file: Path) -> None:
    if not file.parent.is_dir():
        fail(f"cannot write {file}: no such directory {file.parent}", ExitCode.OUTPUT)
    if file.exists() and not file.is_file():
        fail(f"cannot write {file}: not a regular file", ExitCode.OUTPUT)


_FILE_TYPE = click.Path(dir_okay=False, writable=True, path_type=Path)


@backups.command(
    "create",
    epilog=epilog(
        "hivemq-rest backups create",
        "hivemq-rest backups create --wait --download hivemq-backup.bin",
        codes=_WAIT_CODES,
        note="The file is written whole or not at all; its size is checked against the "
        "backup's. Progress shows on a terminal only.",
    ),
)
@click.option("--wait", is_flag=True, help="Wait until the backup is COMPLETED (or failed).")
@click.option(
    "--download",
    "file",
    type=_FILE_TYPE,
    help="With --wait: then download the backup's file to FILE (mode 0600).",
)
@_WAIT_TIMEOUT
@JSON_OPTION
@connection_options
def create_backup(
    target: Target, wait: bool, file: Path | None, wait_timeout: float | None, as_json: bool
) -> None:
    """Start a backup; with --wait, wait for it, and with --download, fetch its file."""
    timeout = _wait_timeout(wait, wait_timeout)
    if file is not None and not wait:
        raise click.UsageError("--download needs --wait: the file exists once the backup ends")
    if file is not None:
        _check_file(file)  # before the backup starts, not after minutes of it
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        backup = hivemq.backups.create()
        # The broker answers FAILED at once when another backup or restore runs.
        check_backup_outcome(str(backup.id), backup)
        stderr.print(terminal_text(f"started backup {backup.id}"))
        if wait:
            backup = _waited(hivemq, backup, timeout)
            stderr.print(terminal_text(f"backup {backup.id} is {backup.state}"))
        if file is not None:
            size = _download_to(hivemq, str(backup.id), file)
            stderr.print(terminal_text(f"downloaded {size:,} bytes to {file}"))
    print_record(backup.to_dict(), as_json)


@backups.command(
    "restore",
    epilog=epilog(
        "hivemq-rest backups restore 20260101-120000 --yes --wait",
        codes=(ExitCode.NOT_FOUND, ExitCode.JOB_FAILED),
        note="Restoring replaces the broker's state: it asks first on a terminal, "
        "and needs --yes otherwise.",
    ),
)
@_ID
@click.option("--wait", is_flag=True, help="Wait until the restore is RESTORE_COMPLETED.")
@_WAIT_TIMEOUT
@YES_OPTION
@JSON_OPTION
@connection_options
def restore_backup(
    target: Target,
    backup_id: str,
    wait: bool,
    wait_timeout: float | None,
    yes: bool,
    as_json: bool,
) -> None:
    """Restore the broker's state from a backup."""
    timeout = _wait_timeout(wait, wait_timeout)
    confirm(f"Restore the broker from backup {backup_id!r}", yes)
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        backup = hivemq.backups.restore(backup_id)
        stderr.print(terminal_text(f"restoring from backup {backup.id}"))
        if wait:
            backup = _waited(hivemq, backup, timeout)
            stderr.print(terminal_text(f"backup {backup.id} is {backup.state}"))
    print_record(backup.to_dict(), as_json)


@backups.command(
    "download",
    epilog=epilog(
        "hivemq-rest backups download 20260101-120000 hivemq-backup.bin",
        codes=(ExitCode.NOT_FOUND, ExitCode.OUTPUT),
        note="The file is written whole or not at all (mode 0600); its size is checked "
        "against the backup's.",
    ),
)
@_ID
@click.argument("file", type=_FILE_TYPE)
@connection_options
def download_backup(target: Target, backup_id: str, file: Path) -> None:
    """Download a completed backup's file."""
    _check_file(file)
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        size = _download_to(hivemq, backup_id, file)
    stderr.print(terminal_text(f"downloaded {size:,} bytes to {file}"))

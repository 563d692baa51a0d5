"""The ``hivemq-rest backups`` commands."""

from __future__ import annotations

from functools import partial
from typing import Final

import click
from hivemq_rest_generated.models import Backup

from .._client import HiveMQClient
from .._management import check_backup_outcome
from ._command import confirm, connection_options, main, stderr
from ._download import FILE_HELP, FILE_TYPE, download, download_target
from ._exit import ExitCode
from ._help import epilog
from ._live import LiveLine
from ._options import Target
from ._records import JSON_OPTION, YES_OPTION, print_record, print_records
from ._render import terminal_text

_COLUMNS = ("id", "createdAt", "state", "bytes", "failReason")
_ID = click.argument("backup_id")
_ID_CODES = (ExitCode.NOT_FOUND, ExitCode.INVALID_ID)
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
        items = list(hivemq.backups.list())
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


def _waited(hivemq: HiveMQClient, backup: Backup, timeout: float) -> Backup:
    """The backup once it ended; a line says what is awaited, on a terminal."""
    with LiveLine(stderr) as live:
        live.show(terminal_text(f"waiting for backup {backup.id} ({backup.state})"))
        return hivemq.backups.wait(backup.id, timeout=timeout)


@backups.command(
    "create",
    epilog=epilog(
        "hivemq-rest backups create",
        "hivemq-rest backups create --wait --download hivemq-backup.bin",
        codes=_WAIT_CODES,
        note="The file is written whole or not at all; its size is checked against the "
        "backup's. An existing FILE must be a regular file: a symbolic link, FIFO or device "
        "is refused before the backup starts. Progress shows on a terminal only.",
    ),
)
@click.option("--wait", is_flag=True, help="Wait until the backup is COMPLETED (or failed).")
@click.option(
    "--download",
    "file",
    type=FILE_TYPE,
    help="With --wait: then download the backup's file to FILE (mode 0600); "
    "for standard output, use backups download ID -.",
)
@_WAIT_TIMEOUT
@JSON_OPTION
@connection_options
def create_backup(
    target: Target, wait: bool, file: str | None, wait_timeout: float | None, as_json: bool
) -> None:
    """Start a backup; with --wait, wait for it, and with --download, fetch its file."""
    timeout = _wait_timeout(wait, wait_timeout)
    if file is not None and not wait:
        raise click.UsageError("--download needs --wait: the file exists once the backup ends")
    if file == "-":
        raise click.UsageError(
            "--download - would mix the file with the backup shown on standard output: "
            "use backups download ID -"
        )
    # Before the backup starts, not after minutes of it.
    path = download_target(file) if file is not None else None
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        backup = hivemq.backups.create()
        # The broker answers FAILED at once when another backup or restore runs.
        check_backup_outcome(backup.id, backup)
        stderr.print(terminal_text(f"started backup {backup.id}"))
        if wait:
            backup = _waited(hivemq, backup, timeout)
            stderr.print(terminal_text(f"backup {backup.id} is {backup.state}"))
        if file is not None:
            download(partial(hivemq.backups.download, backup.id), path, file)
    print_record(backup.to_dict(), as_json)


@backups.command(
    "restore",
    epilog=epilog(
        "hivemq-rest backups restore 20260101-120000 --yes --wait",
        codes=(*_ID_CODES, ExitCode.JOB_FAILED),
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
        "hivemq-rest backups download 20260101-120000 - | ssh vault 'cat > hivemq-backup.bin'",
        codes=(*_ID_CODES, ExitCode.OUTPUT),
        note="The file is written whole or not at all (mode 0600); its size is checked "
        "against the backup's. An existing FILE must be a regular file: a symbolic link, "
        f"FIFO or device is refused. {FILE_HELP}",
    ),
)
@_ID
@click.argument("file", type=FILE_TYPE)
@connection_options
def download_backup(target: Target, backup_id: str, file: str) -> None:
    """Download a completed backup's file to FILE (or - for standard output)."""
    path = download_target(file)
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        download(partial(hivemq.backups.download, backup_id), path, file)

"""The ``hivemq-rest trace-recordings`` commands."""

from __future__ import annotations

import datetime
import re
from functools import partial
from typing import Any, Final

import click
from hivemq_rest_generated.models import TraceRecordingEventsItem

from .._client import HiveMQClient
from ._command import confirm, connection_options, main, stderr
from ._download import FILE_HELP, FILE_TYPE, download, download_target
from ._exit import ExitCode
from ._help import epilog
from ._options import Target
from ._records import JSON_OPTION, YES_OPTION, print_record, print_records
from ._render import terminal_text

_COLUMNS = ("name", "state", "startAt", "endAt", "clients", "topics", "events")
_NAME = click.argument("name")
_NAME_CODES = (ExitCode.NOT_FOUND, ExitCode.INVALID_ID)
_DURATION: Final = re.compile(r"(\d+(?:\.\d+)?)([smhd]?)")
_UNITS: Final = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _moment(value: str | None, option: str) -> datetime.datetime | None:
    """An ISO 8601 time with its UTC offset (2026-01-31T12:00:00Z), or None if not given."""
    if value is None:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO 8601 time (2026-01-31T12:00:00Z)", param_hint=option
        ) from None
    if moment.tzinfo is None:
        raise click.BadParameter(f"{value!r} has no UTC offset: add Z or +01:00", param_hint=option)
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        raise click.BadParameter(
            f"{value!r} is outside the years 1 to 9999 in UTC", param_hint=option
        ) from None


def _end_after(
    start_at: datetime.datetime, length: datetime.timedelta, value: str
) -> datetime.datetime:
    """``start_at`` (in UTC) plus the ``--duration`` given as ``value``."""
    try:
        return start_at + length
    except OverflowError:
        raise click.BadParameter(
            f"{value!r} after {start_at.isoformat()} is past the year 9999 in UTC",
            param_hint="--duration",
        ) from None


def _duration(value: str) -> datetime.timedelta:
    """Seconds, or a number with s, m, h or d (90, 10m, 2h)."""
    match = _DURATION.fullmatch(value.strip())
    seconds = float(match[1]) * _UNITS[match[2]] if match else 0.0
    if not 0 < seconds <= 366 * 86400:
        raise click.BadParameter(
            f"{value!r} is not a duration such as 90, 10m, 2h or 1d", param_hint="--duration"
        )
    return datetime.timedelta(seconds=seconds)


@main.group("trace-recordings")
def trace_recordings() -> None:
    """Record chosen clients' MQTT packets on the broker, and fetch the recordings."""


@trace_recordings.command(
    "list",
    epilog=epilog("hivemq-rest trace-recordings list", "hivemq-rest trace-recordings list --json"),
)
@JSON_OPTION
@connection_options
def list_recordings(target: Target, as_json: bool) -> None:
    """Every trace recording, with its state and filters."""
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        items = list(hivemq.trace_recordings.list())
    records = [item.to_dict() for item in items]
    rows = records if as_json else [_row(record) for record in records]
    print_records(rows, _COLUMNS, as_json, "no trace recordings")


def _regexes(filters: object) -> list[str]:
    """The regexes of a list of filters."""
    if not isinstance(filters, list):
        return []
    return [str(item.get("regex")) for item in filters if isinstance(item, dict)]


def _row(record: dict[str, Any]) -> dict[str, Any]:
    """A recording as a table row: the regexes and events, one a line."""
    events = record.get("events")
    return {
        **{key: record.get(key) for key in ("name", "state", "startAt", "endAt")},
        "clients": _regexes(record.get("clientIdFilters")),
        "topics": _regexes(record.get("topicFilters")),
        "events": [str(event) for event in events] if isinstance(events, list) else [],
    }


@trace_recordings.command(
    "create",
    epilog=epilog(
        "hivemq-rest trace-recordings create sensors-1 --client 'sensor-.*' "
        "--event MQTT_MESSAGE_PUBLISH --duration 10m",
        "hivemq-rest trace-recordings create night --topic 'plant/.*' --event MQTT_MESSAGE_CONNECT "
        "--start 2026-01-31T22:00:00Z --end 2026-02-01T06:00:00Z",
        codes=(ExitCode.INVALID_ID,),
    ),
)
@_NAME
@click.option(
    "--client",
    "clients",
    multiple=True,
    metavar="REGEX",
    help="Record the clients whose id matches (repeatable).",
)
@click.option(
    "--topic",
    "topics",
    multiple=True,
    metavar="REGEX",
    help="Record the packets on matching topics (repeatable).",
)
@click.option(
    "--event",
    "events",
    multiple=True,
    required=True,
    type=click.Choice([item.value for item in TraceRecordingEventsItem]),
    help="A packet type to record (repeatable, at least one).",
)
@click.option("--start", help="ISO 8601 time with offset; default now.")
@click.option("--end", help="ISO 8601 time with offset (or --duration).")
@click.option("--duration", help="How long after --start: 90, 10m, 2h, 1d.")
@JSON_OPTION
@connection_options
def create_recording(
    target: Target,
    name: str,
    clients: tuple[str, ...],
    topics: tuple[str, ...],
    events: tuple[str, ...],
    start: str | None,
    end: str | None,
    duration: str | None,
    as_json: bool,
) -> None:
    """Schedule a recording of the packets of matching clients or topics."""
    if (end is None) == (duration is None):
        raise click.UsageError("give --end or --duration, one of the two")
    start_at = _moment(start, "--start") or datetime.datetime.now(datetime.UTC)
    end_at = (
        _end_after(start_at, _duration(duration), duration)
        if duration is not None
        else _moment(end, "--end")
    )
    assert end_at is not None
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        created = hivemq.trace_recordings.create(
            name,
            start_at,
            end_at,
            client_id_filters=list(clients) or None,
            topic_filters=list(topics) or None,
            events=list(events),
        )
    print_record(created.to_dict(), as_json)


@trace_recordings.command(
    "stop",
    epilog=epilog("hivemq-rest trace-recordings stop sensors-1", codes=_NAME_CODES),
)
@_NAME
@JSON_OPTION
@connection_options
def stop_recording(target: Target, name: str, as_json: bool) -> None:
    """Stop a recording now; its file stays for download."""
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        stopped = hivemq.trace_recordings.stop(name)
    print_record(stopped.to_dict(), as_json)


@trace_recordings.command(
    "delete",
    epilog=epilog(
        "hivemq-rest trace-recordings delete sensors-1 --yes",
        codes=_NAME_CODES,
        note="Asks first on a terminal, and needs --yes otherwise.",
    ),
)
@_NAME
@YES_OPTION
@connection_options
def delete_recording(target: Target, name: str, yes: bool) -> None:
    """Delete a recording and its file."""
    confirm(f"Delete trace recording {name!r} and its file", yes)
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        hivemq.trace_recordings.delete(name)
    stderr.print(terminal_text(f"deleted trace recording {name}"))


@trace_recordings.command(
    "download",
    epilog=epilog(
        "hivemq-rest trace-recordings download sensors-1 sensors-1.zip",
        "hivemq-rest trace-recordings download sensors-1 - | sha256sum",
        codes=(*_NAME_CODES, ExitCode.OUTPUT),
        note="The file is written whole or not at all (mode 0600). An existing FILE must be "
        f"a regular file: a symbolic link, FIFO or device is refused. {FILE_HELP}",
    ),
)
@_NAME
@click.argument("file", type=FILE_TYPE)
@connection_options
def download_recording(target: Target, name: str, file: str) -> None:
    """Download a recording's zip file to FILE (or - for standard output)."""
    path = download_target(file)
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        download(partial(hivemq.trace_recordings.download, name), path, file)

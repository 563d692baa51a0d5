"""The ``hivemq-rest health`` commands: the Health API's answers, and waiting for readiness."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

import click

from .._errors import WaitTimeoutError
from .._health import Health, HealthStatus
from .._sync_resources.health import HealthChecks
from ._command import connection_options, fail, main, stderr
from ._exit import ExitCode
from ._help import epilog
from ._live import LiveLine
from ._options import Target
from ._records import JSON_OPTION, print_records
from ._render import print_json, terminal_text

_COLUMNS: Final = ("component", "status", "details")
_CODES: Final = (ExitCode.HEALTH_DOWN,)
_NAMED_CODES: Final = (ExitCode.HEALTH_DOWN, ExitCode.NOT_FOUND, ExitCode.INVALID_ID)
_DEFAULT_WAIT: Final = 300.0
_STRICT = click.option(
    "--strict", is_flag=True, help="Exit 11 for anything but UP (DEGRADED, UNKNOWN, ...) too."
)
_NOTE: Final = (
    "The Health API has its own listener (--health-url; default: the --url host, port 8889, "
    "http) and no authentication: no credentials are sent to it. Exit 0 for an answer of "
    "200 (UP, DEGRADED, UNKNOWN), 11 for DOWN (503)."
)


def _rows(name: str, health: Health, depth: int = 0) -> Iterator[dict[str, Any]]:
    """The tree as table rows, each part indented under the one it belongs to."""
    yield {
        "component": "  " * depth + name,
        "status": str(health.status),
        "details": dict(health.details) or None,
    }
    for part_name, part in health.components.items():
        yield from _rows(part_name, part, depth + 1)


def _show(name: str, health: Health, as_json: bool, strict: bool) -> None:
    """Print the health, then exit 11 if it is DOWN (or, with ``strict``, not UP)."""
    if as_json:
        print_json(health.to_dict())
    else:
        print_records(list(_rows(name, health)), _COLUMNS, False, "")
    if not health.is_ok or (strict and health.status != HealthStatus.UP):
        fail(f"{name} is {health.status} (HTTP {health.http_status})", ExitCode.HEALTH_DOWN)


def _answer(
    target: Target, name: str, ask: Callable[[HealthChecks], Health], as_json: bool, strict: bool
) -> None:
    # ``health --json readiness`` means what ``health readiness --json`` does.
    group = click.get_current_context().find_object(_GroupFlags) or _GroupFlags()
    with target.client() as hivemq:
        health = ask(hivemq.health)
    _show(name, health, as_json or group.as_json, strict or group.strict)


class _GroupFlags:
    """``--json`` and ``--strict`` as given to ``health`` itself, before any subcommand."""

    def __init__(self, as_json: bool = False, strict: bool = False) -> None:
        self.as_json = as_json
        self.strict = strict


@main.group(invoke_without_command=True)
@JSON_OPTION
@_STRICT
@click.pass_context
def health(ctx: click.Context, as_json: bool, strict: bool) -> None:
    """The broker's Health API: the node, its components and extensions, the probes.

    Without a subcommand: ``health status``.
    """
    ctx.obj = _GroupFlags(as_json, strict)
    if ctx.invoked_subcommand is None:
        ctx.invoke(status)


@health.command(
    epilog=epilog(
        "hivemq-rest health status",
        "hivemq-rest --health-url http://broker:8889 health status --json",
        codes=_CODES,
        note=_NOTE,
    )
)
@JSON_OPTION
@_STRICT
@connection_options
def status(target: Target, as_json: bool = False, strict: bool = False) -> None:
    """The whole node's health, every component under it."""
    _answer(target, "node", HealthChecks.status, as_json, strict)


@health.command(epilog=epilog("hivemq-rest health liveness", codes=_CODES, note=_NOTE))
@JSON_OPTION
@_STRICT
@connection_options
def liveness(target: Target, as_json: bool, strict: bool) -> None:
    """The liveness probe: UP whenever the broker's process answers."""
    _answer(target, "liveness", HealthChecks.liveness, as_json, strict)


@health.command(epilog=epilog("hivemq-rest health readiness --strict", codes=_CODES, note=_NOTE))
@JSON_OPTION
@_STRICT
@connection_options
def readiness(target: Target, as_json: bool, strict: bool) -> None:
    """The readiness probe: 200 (UP or DEGRADED) once the broker can serve."""
    _answer(target, "readiness", HealthChecks.readiness, as_json, strict)


@health.command(epilog=epilog("hivemq-rest health component mqtt", codes=_NAMED_CODES, note=_NOTE))
@click.argument("name")
@JSON_OPTION
@_STRICT
@connection_options
def component(target: Target, name: str, as_json: bool, strict: bool) -> None:
    """One component's health, by its name."""
    _answer(target, name, lambda checks: checks.component(name), as_json, strict)


@health.command(
    epilog=epilog(
        "hivemq-rest health extensions",
        "hivemq-rest health extensions hivemq-kafka-extension --json",
        codes=_NAMED_CODES,
        note=_NOTE,
    )
)
@click.argument("extension_id", required=False)
@JSON_OPTION
@_STRICT
@connection_options
def extensions(target: Target, extension_id: str | None, as_json: bool, strict: bool) -> None:
    """The extensions' health, or with an id, one extension's."""
    if extension_id is None:
        _answer(target, "extensions", HealthChecks.extensions, as_json, strict)
    else:
        _answer(
            target, extension_id, lambda checks: checks.extension(extension_id), as_json, strict
        )


@health.command(
    epilog=epilog(
        "hivemq-rest health wait --readiness --timeout 120 && ./deploy-next-node.sh",
        "hivemq-rest health wait --liveness --timeout 30",
        codes=(ExitCode.NOT_READY,),
        note="Polls at most every 2 s, each poll bounded by the time left: it ends within "
        f"--timeout (default {_DEFAULT_WAIT:.0f} s) and one poll. A broker that does not "
        "answer yet (or a proxy's 502, 503 or 504) counts as not ready. A line shows the wait "
        "on a terminal; otherwise it is silent until it ends (exit 0), or says why it gave up "
        "(exit 12).",
    )
)
@click.option(
    "--readiness",
    "probe",
    flag_value="readiness",
    default=True,
    help="Wait for readiness (default).",
)
@click.option("--liveness", "probe", flag_value="liveness", help="Wait for liveness instead.")
@connection_options
def wait(target: Target, probe: str) -> None:
    """Wait until the readiness (or liveness) probe answers 200: for deploy scripts and CI."""
    ctx = click.get_current_context()
    group = ctx.find_object(_GroupFlags)
    if group is not None and (group.as_json or group.strict):
        raise click.UsageError("health wait takes neither --json nor --strict", ctx)
    seconds = _wait_seconds(ctx)
    with target.client() as hivemq, LiveLine(stderr) as live:
        live.show(
            terminal_text(f"waiting for {probe} at {hivemq.health_url} (up to {seconds:g} s)")
        )
        try:
            answer = hivemq.health.wait_ready(
                timeout=seconds, probe="liveness" if probe == "liveness" else "readiness"
            )
        except WaitTimeoutError as error:
            fail(str(error), ExitCode.NOT_READY)
    if stderr.is_terminal:
        stderr.print(terminal_text(f"{probe} is {answer.status}"))


def _wait_seconds(ctx: click.Context) -> float:
    """``--timeout`` as given on the command line (here: how long to wait in all)."""
    for params in (ctx.params, ctx.find_root().params):
        given = params.get("timeout")
        if given is not None:
            return float(given)
    return _DEFAULT_WAIT


def _retitle_timeout(command: click.Command) -> None:
    """On ``health wait``, ``--timeout`` is how long to wait in all (each poll gets the rest)."""
    [option] = [p for p in command.params if p.name == "timeout"]
    assert isinstance(option, click.Option)
    option.help = (
        f"Seconds to wait in all (default {_DEFAULT_WAIT:.0f}); each poll gets what is left."
    )


_retitle_timeout(wait)

"""What every ``hivemq-rest`` command shares: the root group, consoles, options, failures.

A family of commands is a module that adds a group to :data:`main`
(``@main.group("backups")``) and wraps each command in
:func:`connection_options`, which resolves where the API is and turns every
error into one line and an exit code.
"""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click
from rich.console import Console

from .._client import HiveMQClient
from .._constants import MIN_PAGE_SIZE
from .._errors import ClientNotFoundError, HiveMQError
from .._version import __version__
from ._diagnose import not_the_api, not_the_health_api
from ._exit import ExitCode, exit_code_for
from ._help import epilog
from ._logs import print_traceback, setup_logging
from ._options import NAMES, Target, add_options, resolve
from ._render import escape_controls, is_utf8, terminal_text


class _Console(Console):
    """rich's console, but a reader that goes away (``| head``) ends the command with 0."""

    def on_broken_pipe(self) -> None:
        """Hand the broken pipe to :func:`connection_options` (rich would exit with 1)."""
        raise BrokenPipeError


stdout = _Console(highlight=False, soft_wrap=True)
stderr = _Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print one escaped error line and exit with ``code``."""
    stderr.print(terminal_text(f"error: {message}"))
    sys.exit(code)


def _check_utf8(arguments: dict[str, Any]) -> None:
    """Refuse, by its bytes, an id or option value from argv that was not UTF-8.

    Python holds such bytes as surrogate escapes, which no request can carry.
    File names are let through: a file system takes any bytes.
    """
    for parameter in click.get_current_context().command.params:
        if isinstance(parameter.type, click.Path | click.File) or parameter.name is None:
            continue
        value = arguments.get(parameter.name)
        for item in value if isinstance(value, tuple | list) else (value,):
            if isinstance(item, str) and not is_utf8(item):
                name = (
                    parameter.opts[0]
                    if isinstance(parameter, click.Option)
                    else "the " + parameter.name.replace("_", " ")
                )
                raw = item.encode("utf-8", "surrogateescape")
                fail(f"{name} is not UTF-8: {raw!r}", ExitCode.INVALID_ID)


def _diagnosed(error: HiveMQError, target: Target) -> str | None:
    """Why the URL is not the REST API, if the error (or, for a 404, the listing) shows it."""
    hint = not_the_api(error, target.url) or not_the_health_api(error, target.shown_health_url)
    if hint is None and isinstance(error, ClientNotFoundError):
        try:  # a 404 of a client: is there a REST API at all?
            with HiveMQClient(target.url, **target.settings()) as hivemq:
                next(iter(hivemq.clients.pages(page_size=MIN_PAGE_SIZE)), None)
        except HiveMQError as probe_error:
            hint = not_the_api(probe_error, target.url)
    return hint


def connection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options that say where the API is, and run the command with error handling."""

    @add_options
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        given = {name: kwargs.pop(name) for name in NAMES}
        global_ = click.get_current_context().find_root().params
        debug = bool(given["debug"] or global_.get("debug"))
        setup_logging(debug, stderr)
        try:
            target = resolve(given, global_, os.environ)
        except KeyboardInterrupt:  # at the password prompt, or opening a token FIFO
            fail("interrupted", ExitCode.INTERRUPTED)
        if target.insecure:
            stderr.print("warning: TLS certificate verification is off (--insecure)")
        _check_utf8(kwargs)
        try:
            return command(target, *args, **kwargs)
        except HiveMQError as error:
            if debug:
                print_traceback(stderr)
            hint = _diagnosed(error, target)
            if hint is not None:
                fail(hint, ExitCode.UNREACHABLE)
            fail(str(error), exit_code_for(error))
        except ValueError as error:  # settings the clients refused (URL, credentials)
            if debug:
                print_traceback(stderr)
            fail(str(error), ExitCode.USAGE)
        except (click.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise  # click reports these itself (usage errors exit with 2)
        except KeyboardInterrupt:
            fail("interrupted", ExitCode.INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (e.g. piped into head): stop quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(ExitCode.OK)
        except Exception as error:
            if debug:
                print_traceback(stderr)
            fail(
                f"unexpected {type(error).__name__}: {error} (--debug shows more)", ExitCode.FAILURE
            )

    return run


def confirm(question: str, yes: bool) -> None:
    """Ask on a terminal unless ``yes``; refuse (usage error) when not on a terminal."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise click.UsageError(
            f"{question} asks for confirmation: pass --yes when not on a terminal"
        )
    click.confirm(escape_controls(f"{question}?"), abort=True, err=True)


class _Main(click.Group):
    """The command group; output never fails on a terminal encoding that lacks a character."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, io.TextIOWrapper):
                # "é" on a latin-1 terminal stays, "\u202e" becomes its escape.
                stream.reconfigure(errors="backslashreplace")
        return super().main(*args, **kwargs)


@click.group(
    cls=_Main,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=epilog(
        "hivemq-rest --url https://broker:8888 clients list",
        "hivemq-rest --profile prod clients count",
        codes=tuple(ExitCode),
        note="Each command's --help lists the exit codes it can end with.",
    ),
)
@click.version_option(__version__, prog_name="hivemq-rest")
@add_options
def main(**options: Any) -> None:
    """Operate a HiveMQ cluster through its REST API.

    MQTT clients, Data Hub, backups, trace recordings, diagnostic archives, and
    the Health API (its own listener, --health-url).

    The connection options may come before the subcommand or after it (which
    wins), from HIVEMQ_REST_* variables, or from a profile in
    $XDG_CONFIG_HOME/hivemq-rest/config.toml (~/.config/...), in that order.
    """

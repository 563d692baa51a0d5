"""Running ``hivemq-rest``: in this process (the default), as a process, or on a terminal.

:func:`run` and :func:`run_bytes` call the console script's function in this
process, with stdin, stdout and stderr on files (so piped: no terminal, and
``fileno()`` works as it does for the command's direct writes), the
environment of :func:`environment` in ``os.environ`` and ``sys.argv`` as the
process would have them; logging, streams and the environment are put back
afterwards. What only a process has (a signal, a pipe whose reader leaves, a
terminal, a closed stdout, settings read when Python or rich start, the
installed script itself) is run with :func:`run_process`,
:func:`run_process_bytes`, :func:`run_on_terminal` or
:func:`run_until_the_reader_leaves`; tests that use them are marked ``slow``.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from hivemq_rest import _entry

HIVEMQ_REST = shutil.which("hivemq-rest", path=str(Path(sys.executable).parent)) or "hivemq-rest"

# Read once, when Python or rich's consoles start (FORCE_COLOR decides whether
# a console is interactive then): a run in this process cannot honour them, so
# a test that sets them needs run_process.
_READ_AT_START = frozenset(
    {
        "COLUMNS",
        "LINES",
        "NO_COLOR",
        "FORCE_COLOR",
        "TERM",
        "COLORTERM",
        "TTY_INTERACTIVE",
        "TTY_COMPATIBLE",
        "PYTHONUTF8",
    }
)
_LOCALES = ("LC_ALL", "LC_CTYPE", "LANG")


def environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without HIVEMQ_REST_* and profiles, plus ``env``."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("HIVEMQ_REST_")}
    # No profile file of the person running the tests.
    environ["XDG_CONFIG_HOME"] = "/nonexistent-hivemq-rest-tests"
    environ.update(env or {})
    return environ


def run(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run hivemq-rest in this process, piped (no terminal); ``stdin`` is its input."""
    code, out, err = _in_process(args, env, None if stdin is None else stdin.encode("utf-8"))
    return subprocess.CompletedProcess([HIVEMQ_REST, *args], code, _text(out), _text(err))


def run_bytes(
    *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run hivemq-rest in this process, piped; arguments and output as bytes."""
    code, out, err = _in_process(args, env, None)
    return subprocess.CompletedProcess([HIVEMQ_REST, *args], code, out, err)


def run_process(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed hivemq-rest as a process, piped, with a bounded wait."""
    return subprocess.run(
        [HIVEMQ_REST, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        env=environment(env),
    )


def run_process_bytes(
    *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed hivemq-rest as a process, piped; arguments and output as bytes."""
    return subprocess.run(
        [HIVEMQ_REST, *args],
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=environment(env),
    )


def _text(output: bytes) -> str:
    """Bytes as ``subprocess.run(text=True)`` decodes them (UTF-8, universal newlines)."""
    return io.TextIOWrapper(io.BytesIO(output), encoding="utf-8").read()


def _stream_settings(env: dict[str, str], environ: dict[str, str]) -> tuple[str, str | None]:
    """The encoding and error handler Python would give stdin and stdout.

    ``env`` is what the test sets: a setting read at start, or a locale that
    is not UTF-8 (this process's), cannot be honoured here.
    """
    locale = next((env[name] for name in _LOCALES if env.get(name)), "C.UTF-8")
    if _READ_AT_START & set(env) or not locale.lower().replace("-", "").endswith("utf8"):
        raise ValueError(
            f"{sorted(env)} is read when a process starts: use run_process or run_process_bytes"
        )
    encoding, _, errors = environ.get("PYTHONIOENCODING", "utf-8").partition(":")
    return encoding or "utf-8", errors or None


@contextlib.contextmanager
def _environ(environ: dict[str, str]) -> Iterator[None]:
    """``os.environ`` is ``environ`` meanwhile (changed in place: modules keep a reference)."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _logging_kept() -> Iterator[None]:
    """Put back what the command's logging set-up changes (handlers, levels, propagation)."""
    loggers = [logging.getLogger(), logging.getLogger("hivemq_rest")]
    saved = [(lg, lg.handlers[:], lg.level, lg.propagate) for lg in loggers]
    try:
        yield
    finally:
        for logger, handlers, level, propagate in saved:
            logger.handlers[:] = handlers
            logger.setLevel(level)
            logger.propagate = propagate


def _stream(name: str, file: BinaryIO, **settings: Any) -> TextIO:
    """A standard stream on ``file``, named as Python names the real ones (``<stdin>``)."""
    assert isinstance(file, io.BufferedIOBase)
    file.raw.name = name  # type: ignore[attr-defined]  # FileIO's name is writable
    return io.TextIOWrapper(file, **settings)


def _in_process(
    args: tuple[str | bytes, ...], env: dict[str, str] | None, stdin: bytes | None
) -> tuple[int, bytes, bytes]:
    """Call the console script's function as a process would; its exit code and output."""
    environ = environment(env)
    encoding, errors = _stream_settings(env or {}, environ)
    # argv as the process gets it: bytes that are not UTF-8 become surrogate escapes.
    argv = [HIVEMQ_REST, *(os.fsdecode(arg) for arg in args)]
    with tempfile.TemporaryDirectory(prefix="hivemq-rest-run-") as folder:
        out_path, err_path = Path(folder, "stdout"), Path(folder, "stderr")
        if stdin is None:
            stdin_file = open(os.devnull, "rb")  # noqa: SIM115 -- closed with the wrapper
        else:
            Path(folder, "stdin").write_bytes(stdin)
            stdin_file = open(Path(folder, "stdin"), "rb")  # noqa: SIM115
        streams = (
            _stream("<stdin>", stdin_file, encoding=encoding, errors=errors),
            _stream("<stdout>", open(out_path, "wb"), encoding=encoding, errors=errors),  # noqa: SIM115
            _stream(
                "<stderr>",
                open(err_path, "wb"),  # noqa: SIM115
                encoding=encoding,
                errors="backslashreplace",
                line_buffering=True,
            ),
        )
        saved = (sys.stdin, sys.stdout, sys.stderr, sys.argv, sys.modules["__main__"])
        code: int
        try:
            with _environ(environ), _logging_kept():
                sys.stdin, sys.stdout, sys.stderr = streams
                sys.argv = argv
                # A console script's __main__ is in no package: click then names
                # the program after argv[0], not "python -m pytest".
                sys.modules["__main__"] = types.ModuleType("__main__")
                code = _call_entry_point()
                for stream in streams[1:]:
                    stream.flush()
        finally:
            sys.stdin, sys.stdout, sys.stderr, sys.argv, sys.modules["__main__"] = saved
            for stream in streams:
                with contextlib.suppress(OSError):
                    stream.close()
        return code, out_path.read_bytes(), err_path.read_bytes()


def _call_entry_point() -> int:
    """The exit code of ``hivemq-rest``'s function, as the interpreter would make it."""
    try:
        _entry.hivemq_rest()
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    except Exception:  # what an uncaught exception does to a process
        sys.stderr.write(traceback.format_exc())
        return 1
    return 0


def run_on_terminal(
    *args: str, env: dict[str, str] | None = None, answer: tuple[bytes, bytes] | None = None
) -> tuple[int, str]:
    """Run hivemq-rest with a pseudo-terminal as stdin, stdout and stderr.

    ``answer`` is (prompt, reply): the reply is typed once the prompt shows.
    Returns the exit code and everything the terminal showed.
    """
    controller, terminal = os.openpty()
    process = subprocess.Popen(
        [HIVEMQ_REST, *args],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=environment(env),
        start_new_session=True,  # no controlling terminal: getpass reads stdin
    )
    os.close(terminal)
    shown = b""
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the program ended and closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            if answer is not None and answer[0] in shown:
                os.write(controller, answer[1])
                answer = None
        code = process.wait(timeout=60)
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
            process.wait()
    return code, shown.decode("utf-8", "replace").replace("\r\n", "\n")


def run_until_the_reader_leaves(*args: str, first_bytes: int) -> tuple[int, bytes]:
    """Run hivemq-rest piped, read ``first_bytes`` of its output, then close the pipe.

    As ``| head -c N`` does: the command's later writes fail. Returns the exit
    code and everything it wrote to stderr.
    """
    with subprocess.Popen(
        [HIVEMQ_REST, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert len(process.stdout.read(first_bytes)) == first_bytes
        process.stdout.close()
        errors = process.stderr.read()
        return process.wait(timeout=120), errors

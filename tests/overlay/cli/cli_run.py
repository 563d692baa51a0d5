"""Running the installed ``hivemq-rest``: piped, or on a pseudo-terminal."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

HIVEMQ_REST = shutil.which("hivemq-rest", path=str(Path(sys.executable).parent)) or "hivemq-rest"


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
    """Run hivemq-rest piped (no terminal), with a bounded wait; ``stdin`` is its input."""
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


def run_bytes(
    *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run hivemq-rest piped; arguments and output as bytes."""
    return subprocess.run(
        [HIVEMQ_REST, *args],
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=environment(env),
    )


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

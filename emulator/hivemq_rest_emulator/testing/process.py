"""Child processes for tests: ``hivemq-emulator serve`` (or any command), ready line, stop.

:class:`EmulatorProcess` is the emulator's command in a child process on
127.0.0.1 and a free port; :class:`ChildProcess` runs any command (Prism, say).

Every wait is bounded. The child's output (stdout and stderr merged) is read by
a daemon thread for the child's whole life, so that a chatty child (Prism logs
every request) never blocks on a full pipe, and so that a failure message can
quote what the child said.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Final, Self

# Colour codes, in case a child colours its output even into a pipe.
_ANSI: Final = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_TAIL_LINES: Final = 40


class ProcessError(RuntimeError):
    """A child process did not start as expected, or died."""


class ChildProcess:
    """One child process whose output is collected line by line.

    Use it as a context manager: leaving the block stops the child (SIGTERM,
    then SIGKILL after ``stop_timeout`` seconds) in its own process group, so
    that a wrapper script's children go too.
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        name: str,
        cwd: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        stop_timeout: float = 10.0,
    ) -> None:
        self.argv = list(argv)
        self.name = name
        self.cwd = cwd
        self.env = dict(env) if env is not None else None
        self.stop_timeout = stop_timeout
        self.lines: list[str] = []
        self._new_lines: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None

    @property
    def pid(self) -> int:
        """The child's process id."""
        if self._process is None:
            raise ProcessError(f"{self.name} was not started")
        return self._process.pid

    def start(self) -> None:
        """Start the child (its output is read from now on)."""
        if self._process is not None:
            raise ProcessError(f"{self.name} was started already")
        try:
            # The argv is built by this package from fixed parts and paths.
            self._process = subprocess.Popen(  # noqa: S603
                self.argv,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                errors="replace",
                bufsize=1,
                start_new_session=True,
            )
        except OSError as error:
            raise ProcessError(f"cannot start {self.name} ({self.argv[0]}): {error}") from error
        self._reader = threading.Thread(target=self._read, name=f"{self.name}-output", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process is not None
        assert self._process.stdout is not None
        for raw in self._process.stdout:
            line = _ANSI.sub("", raw.rstrip("\n"))
            with self._lock:
                self.lines.append(line)
            self._new_lines.put(line)
        self._new_lines.put(None)

    def wait_for_line(self, pattern: re.Pattern[str], timeout: float) -> re.Match[str]:
        """The first output line matching ``pattern``, waiting at most ``timeout`` seconds.

        Raises ProcessError (quoting the child's output) when the time is up
        or the child ends first.
        """
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ProcessError(
                    f"{self.name} did not print a line matching {pattern.pattern!r} "
                    f"within {timeout:.0f}s\n{self.tail()}"
                )
            try:
                line = self._new_lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if line is None:
                code = self._process.wait() if self._process is not None else None
                raise ProcessError(
                    f"{self.name} ended (exit status {code}) before printing a line matching "
                    f"{pattern.pattern!r}\n{self.tail()}"
                )
            match = pattern.search(line)
            if match is not None:
                return match

    def tail(self) -> str:
        """The last lines of the child's output, for error messages."""
        with self._lock:
            lines = self.lines[-_TAIL_LINES:]
        shown = "\n".join(f"    {line}" for line in lines) or "    (no output)"
        return f"last output of {self.name}:\n{shown}"

    def output(self) -> list[str]:
        """Every output line so far."""
        with self._lock:
            return list(self.lines)

    def check_alive(self) -> None:
        """Raise ProcessError if the child has ended."""
        if self._process is None or self._process.poll() is not None:
            code = None if self._process is None else self._process.returncode
            raise ProcessError(f"{self.name} is not running (exit status {code})\n{self.tail()}")

    def stop(self) -> None:
        """Stop the child and its process group; waits at most twice ``stop_timeout``."""
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            self._signal(process, signal.SIGTERM)
            try:
                process.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                self._signal(process, signal.SIGKILL)
                process.wait(self.stop_timeout)
        if self._reader is not None:
            self._reader.join(self.stop_timeout)
        if process.stdout is not None:
            process.stdout.close()

    @staticmethod
    def _signal(process: subprocess.Popen[str], signum: signal.Signals) -> None:
        # The child leads its own process group (start_new_session), so this
        # reaches only the child and what it started, nothing of ours.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signum)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


LISTENING: Final = re.compile(r"^listening on (?P<url>http://\S+)$")
"""The line ``hivemq-emulator serve`` prints once it accepts connections."""
MQTT_LISTENING: Final = re.compile(r"^mqtt listening on mqtt://(?P<address>\S+)$")
"""The second line, with ``--mqtt-port``, once the broker accepts connections too."""
HEALTH_LISTENING: Final = re.compile(r"^health listening on (?P<url>http://\S+)$")
"""The line, with ``--health-port``, once the Health API's listener accepts connections too."""


def emulator_command(*args: str) -> list[str]:
    """``hivemq-emulator ARGS``: the installed script beside this Python, else ``-m``."""
    script = Path(sys.executable).with_name("hivemq-emulator")
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-m", "hivemq_rest_emulator", *args]


class EmulatorProcess:
    """``hivemq-emulator serve --host 127.0.0.1 --port 0 ARGS`` in a child process.

    Use it as a context manager (or :meth:`start`/:meth:`stop`); ``base_url``
    is known once :meth:`start` returns, and ``mqtt_address`` (``host:port``)
    when ``ARGS`` hold ``--mqtt-port``, ``health_url`` when they hold
    ``--health-port``. ``output()`` is everything it printed
    (stdout and stderr).
    """

    def __init__(self, *args: str, start_timeout: float = 60.0, stop_timeout: float = 10.0) -> None:
        argv = emulator_command("serve", "--host", "127.0.0.1", "--port", "0", *args)
        self.process = ChildProcess(argv, name="hivemq-emulator serve", stop_timeout=stop_timeout)
        self.start_timeout = start_timeout
        self.base_url = ""
        self.mqtt_address = ""
        self.health_url = ""

    @property
    def pid(self) -> int:
        """The server's process id."""
        return self.process.pid

    def start(self) -> str:
        """Start the server; its base URL once it accepts connections (ProcessError if not)."""
        self.process.start()
        try:
            self.base_url = self.process.wait_for_line(LISTENING, self.start_timeout)["url"]
            if "--mqtt-port" in self.process.argv:
                found = self.process.wait_for_line(MQTT_LISTENING, self.start_timeout)
                self.mqtt_address = found["address"]
            if "--health-port" in self.process.argv:
                found = self.process.wait_for_line(HEALTH_LISTENING, self.start_timeout)
                self.health_url = found["url"]
        except BaseException:
            self.process.stop()
            raise
        return self.base_url

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL)."""
        self.process.stop()

    def output(self) -> list[str]:
        """Every line the server printed so far."""
        return self.process.output()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

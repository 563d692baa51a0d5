"""Subprocesses for the fault suite: an emulator server with an access log, and the CLI."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

BIN = Path(sys.executable).parent
HIVEMQ_REST = shutil.which("hivemq-rest", path=str(BIN)) or "hivemq-rest"
HIVEMQ_EMULATOR = shutil.which("hivemq-emulator", path=str(BIN)) or "hivemq-emulator"

# uvicorn's access log: INFO:     127.0.0.1:5555 - "GET /path?query HTTP/1.1" 200 OK
_READY = re.compile(r"^listening on (?P<url>http://\S+)$", re.MULTILINE)
_ACCESS = re.compile(r'"(?P<method>[A-Z]+) (?P<target>\S+) HTTP/1\.1" (?P<status>\d{3})')


@dataclass(frozen=True)
class Access:
    """One request the server answered (dropped connections are not logged)."""

    method: str
    target: str
    status: int

    @property
    def path(self) -> str:
        """The target without its query."""
        return self.target.partition("?")[0]

    @property
    def query(self) -> str:
        """The target's query."""
        return self.target.partition("?")[2]


@dataclass
class EmulatorProcess:
    """A running ``hivemq-emulator serve`` and the file its access log goes to."""

    process: subprocess.Popen[str]
    base_url: str
    log: Path

    def put_faults(self, **faults: Any) -> None:
        """``PUT /_emulator/faults`` (camelCase keys, as the admin API takes them)."""
        response = httpx.put(f"{self.base_url}/_emulator/faults", json=faults, timeout=10)
        response.raise_for_status()

    def accesses(self) -> list[Access]:
        """Every request answered so far, oldest first."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [
            Access(match["method"], match["target"], int(match["status"]))
            for match in _ACCESS.finditer(text)
        ]


@contextmanager
def emulator_process(sessions: int, seed: int, log: Path) -> Iterator[EmulatorProcess]:
    """Serve ``sessions`` seeded sessions on 127.0.0.1, every request logged to ``log``.

    uvicorn writes its access log to stdout, so stdout goes to the file (a pipe
    nobody reads would fill up and stall the server); the ready line is read
    from there too.
    """
    command = [HIVEMQ_EMULATOR, "serve", "--host", "127.0.0.1", "--port", "0"]
    command += ["--sessions", str(sessions), "--seed", str(seed)]
    command += ["--log-level", "info", "--access-log"]
    errors = log.with_suffix(".stderr")
    with log.open("w", encoding="utf-8") as out, errors.open("w", encoding="utf-8") as err:
        process = subprocess.Popen(
            command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, text=True
        )
    try:
        deadline = time.monotonic() + 60
        ready = None
        while ready is None and process.poll() is None and time.monotonic() < deadline:
            ready = _READY.search(log.read_text(encoding="utf-8", errors="replace"))
            time.sleep(0.05)
        if ready is None:
            raise RuntimeError(f"the emulator did not start: {errors.read_text()[-2000:]}")
        yield EmulatorProcess(process, ready["url"], log)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def cli_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a ``hivemq-rest`` run: no HIVEMQ_REST_* from outside, no colours."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HIVEMQ_REST_")}
    environment.update({"NO_COLOR": "1", "COLUMNS": "200"})
    environment.update(extra or {})
    return environment


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``hivemq-rest`` to its end, with a bounded wait and no standard input."""
    return subprocess.run(
        [HIVEMQ_REST, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env=cli_environment(env),
    )

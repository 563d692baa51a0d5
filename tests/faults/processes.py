"""Subprocesses for the fault suite: an emulator server with its access log, and the CLI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from hivemq_rest_emulator.testing import EmulatorProcess as ServerProcess

BIN = Path(sys.executable).parent
HIVEMQ_REST = shutil.which("hivemq-rest", path=str(BIN)) or "hivemq-rest"

# uvicorn's access log: INFO:     127.0.0.1:5555 - "GET /path?query HTTP/1.1" 200 OK
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
    """A running ``hivemq-emulator serve`` that logs every request it answers."""

    process: ServerProcess

    @property
    def base_url(self) -> str:
        """The server's base URL."""
        return self.process.base_url

    def put_faults(self, **faults: Any) -> None:
        """``PUT /_emulator/faults`` (camelCase keys, as the admin API takes them)."""
        response = httpx.put(f"{self.base_url}/_emulator/faults", json=faults, timeout=10)
        response.raise_for_status()

    def log(self) -> str:
        """Everything the server printed so far."""
        return "\n".join(self.process.output())

    def accesses(self) -> list[Access]:
        """Every request answered so far, oldest first."""
        return [
            Access(match["method"], match["target"], int(match["status"]))
            for match in _ACCESS.finditer(self.log())
        ]


@contextmanager
def emulator_process(sessions: int, seed: int) -> Iterator[EmulatorProcess]:
    """Serve ``sessions`` seeded sessions on 127.0.0.1, with uvicorn's access log on."""
    options = ["--sessions", str(sessions), "--seed", str(seed), "--log-level", "info"]
    with ServerProcess(*options, "--access-log") as process:
        yield EmulatorProcess(process)


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

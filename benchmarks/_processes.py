"""Child processes: the emulator server, and commands measured with ``wait4``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import httpx
from hivemq_rest_emulator.testing import ChildProcess
from hivemq_rest_emulator.testing import EmulatorProcess as ServerProcess

BIN = Path(sys.executable).parent


def executable(name: str) -> str:
    """The path of a console script of this environment (beside the interpreter)."""
    beside = BIN / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed (pip install -e '.[dev]')")
    return found


def _clock_ticks() -> int:
    return os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a running process so far (Linux), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    # After the command name: state is field 3, utime 14 and stime 15 (1-based).
    return (int(fields[11]) + int(fields[12])) / _clock_ticks()


class EmulatorProcess(ServerProcess):
    """``hivemq-emulator serve`` with ``sessions`` seeded sessions, in its own process."""

    def __init__(self, sessions: int, seed: int = 1, start_timeout: float = 120.0) -> None:
        super().__init__(
            "--sessions", str(sessions), "--seed", str(seed), start_timeout=start_timeout
        )
        self.sessions = sessions
        self.seed = seed

    def cpu_seconds(self) -> float | None:
        """The server's CPU time so far (for context: how busy the server was)."""
        return process_cpu_seconds(self.pid)

    def admin(self, method: str, path: str, body: Any) -> None:
        """Call the emulator's admin API (``/_emulator/...``)."""
        response = httpx.request(method, self.base_url + path, json=body, timeout=30)
        response.raise_for_status()


class ModuleServer:
    """``python -m benchmarks.<module> ARGS``: a small server of the benchmarks' own.

    It prints ``listening on URL`` once it accepts connections; ``base_url``
    is known inside the ``with`` block.
    """

    def __init__(self, module: str, *args: str, start_timeout: float = 60.0) -> None:
        self.process = ChildProcess(
            [sys.executable, "-m", f"benchmarks.{module}", *args],
            name=module,
            cwd=Path(__file__).resolve().parent.parent,
        )
        self.start_timeout = start_timeout
        self.base_url = ""

    def __enter__(self) -> Self:
        self.process.start()
        try:
            found = self.process.wait_for_line(_LISTENING, self.start_timeout)
        except BaseException:
            self.process.stop()
            raise
        self.base_url = found[1]
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.process.stop()


_LISTENING = re.compile(r"listening on (\S+)")


class FileServerProcess(ModuleServer):
    """``benchmarks._file_server``: one backup of ``size`` bytes, streamed."""

    def __init__(self, size: int) -> None:
        super().__init__("_file_server", "--size", str(size))


@dataclass
class Measured:
    """A finished child process: exit status, wall time and its own resource usage."""

    returncode: int
    wall: float
    cpu: float
    maxrss_kib: int
    stdout: str
    stderr: str


def measure(command: list[str], timeout: float, cwd: Path | None = None) -> Measured:
    """Run a command to its end (killed after ``timeout`` s); its rusage comes from wait4."""
    with tempfile.TemporaryFile("w+b") as out, tempfile.TemporaryFile("w+b") as err:
        started = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 -- our own commands, fixed arguments
            command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd
        )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        return Measured(
            returncode=process.returncode,
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            maxrss_kib=peak,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


@dataclass
class WorkerRun:
    """One run of a workload in ``benchmarks._workers``."""

    workload: str
    cpu: float  # the workload's CPU seconds (user + sys), after imports
    wall: float  # the workload's wall seconds
    maxrss_kib: int  # the worker's peak RSS
    ok: int
    other: int
    process_cpu: float  # the whole worker process, start-up and imports included


def run_worker(
    workload: str,
    url: str,
    size: int,
    *,
    ids: Path | None = None,
    profile: Path | None = None,
    timeout: float = 900.0,
) -> WorkerRun:
    """Run one workload in a fresh process; raise if it failed."""
    command = [sys.executable, "-m", "benchmarks._workers", workload, "--url", url]
    command += ["--size", str(size)]
    if ids is not None:
        command += ["--ids", str(ids)]
    if profile is not None:
        command += ["--profile", str(profile)]
    done = measure(command, timeout, cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        raise RuntimeError(f"{workload} failed ({done.returncode}): {done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return WorkerRun(
        workload=workload,
        cpu=float(result["cpu"]),
        wall=float(result["wall"]),
        maxrss_kib=int(result["maxrss_kib"]),
        ok=int(result["ok"]),
        other=int(result["other"]),
        process_cpu=done.cpu,
    )

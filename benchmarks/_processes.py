"""Child processes: the emulator server, and commands measured with ``wait4``."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import httpx

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


class EmulatorProcess:
    """``hivemq-emulator serve`` on 127.0.0.1 and a free port, in its own process."""

    def __init__(self, sessions: int, seed: int = 1, start_timeout: float = 120.0) -> None:
        self.sessions = sessions
        self.seed = seed
        self.start_timeout = start_timeout
        self.base_url = ""
        self._process: subprocess.Popen[str] | None = None
        self._log = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 -- closed in stop()

    def command(self) -> list[str]:
        """The server's command line; it prints ``listening on URL`` first."""
        return [
            executable("hivemq-emulator"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--sessions",
            str(self.sessions),
            "--seed",
            str(self.seed),
        ]

    def __enter__(self) -> Self:
        command = self.command()
        process = subprocess.Popen(  # noqa: S603 -- our own console script, fixed arguments
            command,
            stdout=subprocess.PIPE,
            stderr=self._log,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,  # benchmarks._file_server is importable
        )
        self._process = process
        first_line: list[str] = []
        assert process.stdout is not None
        stdout = process.stdout
        reader = threading.Thread(target=lambda: first_line.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(self.start_timeout)
        line = first_line[0].strip() if first_line else ""
        if not line.startswith("listening on "):
            self.stop()
            self._log.seek(0)
            raise RuntimeError(f"the emulator did not start: {line!r} {self._log.read()[-2000:]}")
        self.base_url = line.removeprefix("listening on ")
        return self

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self._process is not None
        return self._process.pid

    def cpu_seconds(self) -> float | None:
        """The server's CPU time so far (for context: how busy the server was)."""
        return process_cpu_seconds(self.pid)

    def admin(self, method: str, path: str, body: Any) -> None:
        """Call the emulator's admin API (``/_emulator/...``)."""
        response = httpx.request(method, self.base_url + path, json=body, timeout=30)
        response.raise_for_status()

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
        self._log.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


class FileServerProcess(EmulatorProcess):
    """``benchmarks._file_server``: one backup of ``size`` bytes, streamed."""

    def __init__(self, size: int) -> None:
        super().__init__(sessions=0)
        self.size = size

    def command(self) -> list[str]:
        """The file server's command line."""
        return [sys.executable, "-m", "benchmarks._file_server", "--size", str(self.size)]


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

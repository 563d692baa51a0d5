"""The ``hivemq-emulator serve`` command, as a subprocess."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from collections.abc import Iterator

import httpx
import pytest
from hivemq_rest_emulator import SessionStore, seed_sessions
from hivemq_rest_emulator.cli import main
from hivemq_rest_emulator.testing import EmulatorProcess

from tests.emulator.helpers import LIST, client_path, walk


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        pytest.fail(f"no line from the server within {timeout} s")


@pytest.fixture
def server() -> Iterator[tuple[subprocess.Popen[str], str]]:
    command = [
        sys.executable,
        "-m",
        "hivemq_rest_emulator",
        "serve",
        "--port",
        "0",
        "--sessions",
        "120",
        "--seed",
        "3",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    )
    try:
        line = _first_line(process, timeout=30)
        yield process, line
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.mark.slow
def test_serve_prints_the_url_and_answers(server: tuple[subprocess.Popen[str], str]) -> None:
    process, line = server
    assert line.startswith("listening on http://127.0.0.1:"), line
    base_url = line.split(" ", 2)[2].strip()
    port = int(base_url.rsplit(":", 1)[1])
    assert 0 < port < 65536

    expected = SessionStore()
    seed_sessions(expected, 120, seed=3)
    with httpx.Client(base_url=base_url, timeout=10) as client:
        assert walk(client, 50) == expected.ids()
        awkward = next(i for i in expected.ids() if "/" in i or "%" in i or " " in i)
        assert client.get(client_path(awkward)).json()["client"]["id"] == awkward
        assert client.post("/_emulator/sessions", json={"id": "late"}).status_code == 201
        assert len(walk(client)) == 121

    process.terminate()
    process.wait(timeout=10)
    assert process.returncode is not None
    with pytest.raises(httpx.TransportError), httpx.Client(timeout=2) as client:
        client.get(base_url + LIST)


def test_bad_arguments_exit_with_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert "--port" in capsys.readouterr().err
    assert main(["serve", "--sessions", "-1"]) == 2
    with pytest.raises(SystemExit):
        main(["serve", "--port", "x"])
    with pytest.raises(SystemExit):
        main([])


def test_a_taken_port_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    assert "cannot serve" in capsys.readouterr().err


@pytest.mark.slow
def test_serve_allows_more_hosts_and_limits_bodies() -> None:
    with EmulatorProcess("--allow-host", "emu.test", "--max-body-bytes", "10") as server:
        port = httpx.URL(server.base_url).port
        with httpx.Client(base_url=server.base_url, timeout=10) as http:
            assert http.get(LIST, headers={"Host": f"emu.test:{port}"}).status_code == 200
            assert http.get(LIST, headers={"Host": f"other.test:{port}"}).status_code == 403
            assert http.post("/_emulator/sessions", content=b"[" + b" " * 8 + b"]").is_success
            assert http.post("/_emulator/sessions", content=b"x" * 11).status_code == 413


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--backup-seconds", "1e12"),
        ("--backup-seconds", "inf"),
        ("--backup-bytes", str(10**20)),
        ("--backup-bytes", str(2**63)),
    ],
)
def test_durations_and_sizes_it_cannot_serve_are_usage_errors(option: str, value: str) -> None:
    # A subprocess: were the value taken, the server would start and serve on.
    command = [sys.executable, "-m", "hivemq_rest_emulator", "serve", "--port", "0"]
    done = subprocess.run(
        [*command, option, value], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert option in done.stderr


def test_bad_limits_exit_with_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--max-body-bytes", "-1"]) == 2
    assert "--max-body-bytes" in capsys.readouterr().err

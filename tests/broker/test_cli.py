"""``hivemq-emulator serve --mqtt-port``: a real broker and the REST API in one process."""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest
from hivemq_rest import HiveMQClient, RetryPolicy
from hivemq_rest_emulator.cli import main

from tests.broker.mqtt_client import MqttClient
from tests.broker.waiting import eventually

START_TIMEOUT = 30.0


def _lines(process: subprocess.Popen[str], count: int) -> list[str]:
    """The first ``count`` lines of the process's stdout (bounded wait)."""
    assert process.stdout is not None
    stdout = process.stdout
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for _ in range(count):
            lines.put(stdout.readline())

    threading.Thread(target=read, daemon=True).start()
    try:
        return [lines.get(timeout=START_TIMEOUT) for _ in range(count)]
    except queue.Empty:
        pytest.fail(f"fewer than {count} lines from the server within {START_TIMEOUT} s")


@pytest.fixture
def served() -> Iterator[tuple[str, int]]:
    """``serve --port 0 --mqtt-port 0`` in a child process: (REST base URL, MQTT port)."""
    command = [
        sys.executable,
        "-m",
        "hivemq_rest_emulator",
        "serve",
        "--port",
        "0",
        "--mqtt-port",
        "0",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    )
    try:
        http_line, mqtt_line = _lines(process, 2)
        assert http_line.startswith("listening on http://127.0.0.1:"), http_line
        assert mqtt_line.startswith("mqtt listening on mqtt://127.0.0.1:"), mqtt_line
        yield http_line.split()[-1], int(mqtt_line.strip().rsplit(":", 1)[1])
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_serve_with_a_broker_shows_real_clients(served: tuple[str, int]) -> None:
    base_url, mqtt_port = served
    client = MqttClient("127.0.0.1", mqtt_port, "from the shell/é", clean_session=False)
    client.connect()
    try:
        with HiveMQClient(base_url, retry=RetryPolicy.disabled(), timeout=10) as hivemq:
            assert list(hivemq.clients.list()) == ["from the shell/é"]
            hivemq.clients.disconnect("from the shell/é")
            assert client.wait_closed()
            eventually(lambda: hivemq.clients.get("from the shell/é").connected is False)
    finally:
        client.close()


def test_bad_broker_arguments_exit_with_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--mqtt-port", "70000"]) == 2
    assert "--mqtt-port" in capsys.readouterr().err
    assert main(["serve", "--mqtt-port", "0", "--sessions", "5"]) == 2
    assert "--sessions" in capsys.readouterr().err
    assert main(["serve", "--mqtt-port", "0", "--mqtt-session-expiry", "-1"]) == 2
    assert "--mqtt-session-expiry" in capsys.readouterr().err
    assert main(["serve", "--mqtt-session-expiry", "60"]) == 2
    assert "needs --mqtt-port" in capsys.readouterr().err


def test_a_taken_mqtt_port_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", "0", "--mqtt-port", str(port)]) == 1
    assert "cannot serve MQTT" in capsys.readouterr().err

"""Starting the emulator: exit statuses, and one clear line for a missing extra."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("hivemq-emulator")
# A None entry in sys.modules makes "import <name>" fail as if it were not installed.
_HIDE = "import sys, runpy; sys.modules[{name!r}] = None\n"


def _run(argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    "command", [[str(SCRIPT)], [sys.executable, "-m", "hivemq_rest_emulator"]], ids=["script", "-m"]
)
def test_a_port_in_use_exits_1(command: list[str], taken_port: int) -> None:
    result = _run([*command, "serve", "--port", str(taken_port)])
    assert result.returncode == 1
    assert "cannot serve on" in result.stderr


@pytest.mark.slow
def test_bad_arguments_exit_2_from_the_script() -> None:
    assert _run([str(SCRIPT), "serve", "--port", "70000"]).returncode == 2


@pytest.mark.slow
def test_without_the_emulator_extra_both_ways_print_one_line() -> None:
    by_module = _run(
        [
            sys.executable,
            "-c",
            _HIDE.format(name="starlette")
            + "runpy.run_module('hivemq_rest_emulator', run_name='__main__')",
        ]
    )
    by_script = _run(
        [
            sys.executable,
            "-c",
            _HIDE.format(name="starlette")
            + "from hivemq_rest_emulator._entry import hivemq_emulator\nhivemq_emulator()",
        ]
    )
    expected = [
        "hivemq-emulator needs the 'emulator' extra (missing: starlette): "
        'pip install "hivemq-rest-client[emulator]"'
    ]
    assert (by_module.returncode, by_module.stderr.splitlines()) == (1, expected)
    assert (by_script.returncode, by_script.stderr.splitlines()) == (1, expected)


@pytest.mark.slow
def test_without_the_extra_the_packages_names_say_what_is_missing() -> None:
    result = _run(
        [
            sys.executable,
            "-c",
            _HIDE.format(name="starlette") + "import hivemq_rest_emulator\n"
            "from hivemq_rest_emulator import create_app",
        ]
    )
    assert result.returncode == 1
    assert "needs the 'emulator' extra (missing: starlette)" in result.stderr


@pytest.mark.slow
def test_mqtt_port_without_the_broker_extra_is_one_line() -> None:
    result = _run(
        [
            sys.executable,
            "-c",
            _HIDE.format(name="amqtt") + "from hivemq_rest_emulator._entry import hivemq_emulator\n"
            "sys.argv = ['hivemq-emulator', 'serve', '--port', '0', '--mqtt-port', '0']\n"
            "hivemq_emulator()",
        ]
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "hivemq-emulator --mqtt-port needs the 'broker' extra (missing: amqtt): "
        'pip install "hivemq-rest-client[broker]"'
    ]

"""--help of every command, booleans, empty lists, table padding, offline disconnects."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from hivemq_rest.cli import main
from hivemq_rest_emulator import EmulatorHandle

from tests.overlay.cli.cli_run import (
    run,
    run_on_terminal,
    run_process,
    run_until_the_reader_leaves,
)

COMMANDS = ["list", "count", "show", "state", "subscriptions", "disconnect", "invalidate", "export"]


def _commands() -> list[click.Command]:
    clients = main.commands["clients"]
    assert isinstance(clients, click.Group)
    return [main, clients, *clients.commands.values()]


def test_every_option_has_a_help_line() -> None:
    assert sorted(main.commands["clients"].commands) == sorted(COMMANDS)  # type: ignore[attr-defined]
    for command in _commands():
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, (command.name, param.name)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_examples_and_exit_codes(command: str) -> None:
    result = run("clients", command, "--help")
    assert result.returncode == 0
    assert f"  hivemq-rest clients {command}" in result.stdout  # an example
    assert "Exit codes:" in result.stdout
    assert "    3  no answer, timeout, or the URL is not the REST API" in result.stdout
    for option in ("--url", "--profile", "--token-file", "--timeout", "--max-attempts"):
        assert option in result.stdout
    if command in ("show", "state", "subscriptions", "disconnect", "invalidate"):
        assert "Put -- before an id that starts with -" in result.stdout


@pytest.fixture
def emulator(hivemq_emulator: EmulatorHandle) -> EmulatorHandle:
    hivemq_emulator.add_session(
        "subscriber",
        connected=True,
        will={"topic": "w"},
        subscriptions=[
            {
                "topicFilter": "t/#",
                "qos": "AT_LEAST_ONCE",
                "retainAsPublished": True,
                "noLocal": False,
            }
        ],
    )
    hivemq_emulator.add_session("quiet", connected=False, session_expiry_interval=100)
    return hivemq_emulator


def _rows(text: str) -> dict[str, str]:
    rows = {}
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        rows[name] = value.strip()
    return rows


@pytest.mark.parametrize("terminal", [False, pytest.param(True, marks=pytest.mark.slow)])
def test_tables_have_no_trailing_spaces_and_one_way_of_booleans(
    emulator: EmulatorHandle, terminal: bool
) -> None:
    # FORCE_COLOR is read when the process starts: a terminal needs a process.
    env, runner = ({"FORCE_COLOR": "1"}, run_process) if terminal else ({}, run)
    url = ["--url", emulator.base_url]
    shown = runner("clients", "show", "subscriber", *url, env=env)
    subscriptions = runner("clients", "subscriptions", "subscriber", *url, env=env)
    for result in (shown, subscriptions):
        assert result.returncode == 0
        for line in result.stdout.splitlines():
            plain = click.unstyle(line)
            assert plain == plain.rstrip(), repr(line)
    if not terminal:
        assert _rows(shown.stdout)["connected"] == "true"
        assert _rows(shown.stdout)["willPresent"] == "true"
        row = next(line for line in subscriptions.stdout.splitlines() if "t/#" in line)
        assert "true" in row.split()
        assert "false" in row.split()
        assert "True" not in subscriptions.stdout
        assert "False" not in subscriptions.stdout


@pytest.mark.slow
def test_a_piped_table_folds_no_value_and_a_terminal_one_fits(emulator: EmulatorHandle) -> None:
    url = ["--url", emulator.base_url]
    filters = [f"--client=sensor-{number:02}-[a-z]+" for number in range(6)]
    events = ["--event=MQTT_MESSAGE_CONNECT", "--event=MQTT_MESSAGE_PUBLISH"]
    created = run("trace-recordings", "create", "wide", *filters, *events, "--duration=1h", *url)
    assert created.returncode == 0, created.stderr
    piped = run("trace-recordings", "list", *url)
    assert piped.returncode == 0
    listed = run("trace-recordings", "list", "--json", *url).stdout
    (recording,) = json.loads(listed)
    lines = piped.stdout.splitlines()
    for value in (recording["startAt"], recording["endAt"], "MQTT_MESSAGE_PUBLISH"):
        assert any(value in line for line in lines), value
    code, shown = run_on_terminal("trace-recordings", "list", *url, env={"COLUMNS": "80"})
    assert code == 0
    table = [line for line in click.unstyle(shown).splitlines() if line.strip()]
    assert max(len(line) for line in table) <= 80


def test_an_empty_subscription_list_says_so(emulator: EmulatorHandle) -> None:
    result = run("clients", "subscriptions", "quiet", "--url", emulator.base_url)
    assert result.returncode == 0
    assert result.stdout == "quiet has no subscriptions\n"
    as_json = run("clients", "subscriptions", "quiet", "--json", "--url", emulator.base_url)
    assert as_json.stdout == "[]\n"


def test_disconnect_of_a_client_that_is_not_connected(emulator: EmulatorHandle) -> None:
    result = run("clients", "disconnect", "quiet", "--yes", "--url", emulator.base_url)
    assert result.returncode == 0
    assert result.stderr == "quiet was not connected; nothing to do\n"
    assert emulator.events() == []


@pytest.mark.slow
def test_a_reader_that_goes_away_ends_the_command_with_0(
    emulator: EmulatorHandle, tmp_path: Path
) -> None:
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for number in range(4_000):  # a plan far longer than a pipe's buffer
        (schemas / f"s{number}.schema.json").write_text('{"type": "object"}')
    code, errors = run_until_the_reader_leaves(
        "data-hub", "apply", str(tmp_path), "--dry-run", "--url", emulator.base_url, first_bytes=1
    )
    assert code == 0, errors
    assert errors == b""

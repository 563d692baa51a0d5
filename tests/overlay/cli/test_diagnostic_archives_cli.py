"""``hivemq-rest diagnostic-archives create``, run as the installed command."""

from __future__ import annotations

import json

from hivemq_rest_emulator import EmulatorHandle

from .cli_run import run


def test_create_as_json_and_as_a_table(hivemq_emulator: EmulatorHandle) -> None:
    url = hivemq_emulator.base_url
    result = run("diagnostic-archives", "create", "--json", "--url", url)
    assert result.returncode == 0, result.stderr
    archive = json.loads(result.stdout)
    assert archive["state"] == "IN_PROGRESS"
    assert archive["id"]
    table = run("diagnostic-archives", "create", "--url", url)
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith("id ")
    assert "state" in table.stdout


def test_an_unreachable_broker_exits_3() -> None:
    result = run("diagnostic-archives", "create", "--url", "http://127.0.0.1:9", "--timeout", "5")
    assert result.returncode == 3
    assert len(result.stderr.splitlines()) == 1


def test_help_shows_an_example_and_exit_codes() -> None:
    result = run("diagnostic-archives", "create", "--help")
    assert "hivemq-rest diagnostic-archives create --json" in result.stdout
    assert "Exit codes:" in result.stdout

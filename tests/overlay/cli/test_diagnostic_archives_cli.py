"""``hivemq-rest diagnostic-archives create``, run as the installed command."""

from __future__ import annotations

import json
import re

import pytest
from hivemq_rest_emulator import EmulatorHandle

from .cli_run import run
from .frozen_emulator import frozen_emulator


def test_create_as_json_and_as_a_table(hivemq_emulator: EmulatorHandle) -> None:
    url = hivemq_emulator.base_url
    result = run("diagnostic-archives", "create", "--json", "--url", url)
    assert result.returncode == 0, result.stderr
    archive = json.loads(result.stdout)
    assert archive["state"] == "IN_PROGRESS"
    assert archive["id"]
    hivemq_emulator.advance_clock(60)  # an archive takes 2 s of emulator time
    table = run("diagnostic-archives", "create", "--url", url)
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith("id ")
    assert "state" in table.stdout


@pytest.mark.parametrize("extra", [(), ("--json",)])
def test_an_archive_the_broker_answers_failed_exits_10(extra: tuple[str, ...]) -> None:
    with frozen_emulator() as url:
        first = run("diagnostic-archives", "create", "--url", url)
        assert first.returncode == 0, first.stderr  # never ends: the next one fails
        result = run("diagnostic-archives", "create", *extra, "--url", url)
    assert result.returncode == 10, result.stderr
    assert result.stdout == ""
    assert re.fullmatch(
        r"error: diagnostic archive '\d{8}-\d{7}' ended FAILED: "
        r"Another diagnostic archive is being collected\.\n",
        result.stderr,
    ), result.stderr


def test_an_unreachable_broker_exits_3() -> None:
    result = run("diagnostic-archives", "create", "--url", "http://127.0.0.1:9", "--timeout", "5")
    assert result.returncode == 3
    assert len(result.stderr.splitlines()) == 1


def test_help_shows_an_example_and_exit_codes() -> None:
    result = run("diagnostic-archives", "create", "--help")
    assert "hivemq-rest diagnostic-archives create --json" in result.stdout
    assert "Exit codes:" in result.stdout
    assert "10  the backup, restore or archive failed" in result.stdout

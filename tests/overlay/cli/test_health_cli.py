"""``hivemq-rest health``, run as the installed command against the emulator's health listener."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hivemq_rest_emulator import EmulatorHandle

from tests.overlay.health_listener import ready_on_poll
from tests.overlay.local_server import local_server

from .cli_run import run, run_on_terminal

STATUSES = ["UP", "DEGRADED", "DOWN", "WOBBLY"]
PART = {"status": "", "details": {"listeners": 2}}


def _cells(table: str) -> list[list[str]]:
    """The body rows of a table, each cell stripped."""
    rows = [line for line in table.splitlines() if line.startswith("│")]
    return [[cell.strip() for cell in row.strip("│").split("│")] for row in rows]


def _health(emulator: EmulatorHandle, *args: str) -> tuple[int, str, str]:
    result = run("--url", emulator.base_url, "--health-url", emulator.health_url, "health", *args)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("status", STATUSES)
def test_every_command_shows_what_was_set(hivemq_emulator: EmulatorHandle, status: str) -> None:
    part = {**PART, "status": status}
    hivemq_emulator.set_health({"mqtt": part}, {"kafka/ext": part}, liveness=part, readiness=part)
    expected = 11 if status == "DOWN" else 0
    for args in (
        ("component", "mqtt"),
        ("extensions",),
        ("extensions", "kafka/ext"),
        ("liveness",),
        ("readiness",),
    ):
        code, out, err = _health(hivemq_emulator, *args, "--json")
        assert code == expected, (args, err)
        assert json.loads(out)["status"] == status
    code, out, err = _health(hivemq_emulator, "status")
    assert code == expected
    assert _cells(out)[2] == ["mqtt", status, '{"listeners":2}']
    assert (err == f"error: node is {status} (HTTP 503)\n") is (status == "DOWN")
    code, out, _ = _health(hivemq_emulator, "status", "--json")
    assert json.loads(out)["components"]["mqtt"] == part
    assert json.loads(out)["components"]["extensions"]["components"] == {"kafka/ext": part}


def test_health_alone_is_the_node_table(hivemq_emulator: EmulatorHandle) -> None:
    code, out, err = _health(hivemq_emulator)
    assert (code, err) == (0, "")
    assert _cells(out) == [
        ["node", "UP", ""],
        ["cluster", "UP", ""],
        ["mqtt", "UP", ""],
        ["extensions", "UP", ""],
    ]


@pytest.mark.parametrize(("status", "code"), [("UP", 0), ("DEGRADED", 11), ("UNKNOWN", 11)])
def test_strict_wants_up(hivemq_emulator: EmulatorHandle, status: str, code: int) -> None:
    hivemq_emulator.set_health(readiness={"status": status})
    assert _health(hivemq_emulator, "readiness")[0] == 0
    assert _health(hivemq_emulator, "readiness", "--strict")[0] == code


def test_an_unknown_component_exits_4(hivemq_emulator: EmulatorHandle) -> None:
    code, _, err = _health(hivemq_emulator, "component", "no\x1b[31msuch")
    assert code == 4
    assert "\x1b" not in err


def test_health_url_from_the_environment_and_a_profile(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    hivemq_emulator.set_health(readiness={"status": "DEGRADED"})
    url = hivemq_emulator.base_url
    by_env = run(
        "--url",
        url,
        "health",
        "readiness",
        env={"HIVEMQ_REST_HEALTH_URL": hivemq_emulator.health_url},
    )
    directory = tmp_path / "hivemq-rest"
    directory.mkdir()
    (directory / "config.toml").write_text(
        f'[default]\nhealth_url = "{hivemq_emulator.health_url}"\n'
    )
    by_profile = run("--url", url, "health", "readiness", env={"XDG_CONFIG_HOME": str(tmp_path)})
    for result in (by_env, by_profile):
        assert result.returncode == 0, result.stderr
        assert "DEGRADED" in result.stdout


def test_wait_exits_0_on_the_poll_that_answers_200() -> None:
    with ready_on_poll(3) as (service, url):
        result = run("--health-url", url, "health", "wait", "--readiness", "--timeout", "5")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")  # silent off a terminal
    assert service.polls == 3  # DOWN twice, then 200: no poll after that


def test_wait_that_runs_out_exits_12() -> None:
    with ready_on_poll(None) as (service, url):
        result = run("--health-url", url, "health", "wait", "--timeout", "1")
    assert result.returncode == 12
    assert result.stderr == "error: readiness is not ready after 1.0 s: DOWN (HTTP 503)\n"
    # Polls start 0.25 s apart and double up to 2 s: a handful in one second.
    assert 2 <= service.polls <= 5


def test_wait_for_liveness_ignores_readiness(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.set_health(readiness_delay_seconds=600)
    code, out, err = _health(hivemq_emulator, "wait", "--liveness", "--timeout", "5")
    assert (code, out, err) == (0, "", "")
    assert _health(hivemq_emulator, "wait", "--timeout", "0.3")[0] == 12


def test_wait_without_a_listener_exits_12() -> None:
    result = run("--health-url", "http://127.0.0.1:1", "health", "wait", "--timeout", "0.5")
    assert result.returncode == 12
    assert "readiness is not ready after 0.5 s: no answer" in result.stderr


def test_wait_shows_progress_on_a_terminal() -> None:
    with ready_on_poll(3) as (_, url):
        code, shown = run_on_terminal("--health-url", url, "health", "wait", "--timeout", "5")
    assert code == 0
    assert "waiting for readiness at" in shown
    assert "readiness is UP" in shown


def test_root_help_lists_the_health_codes() -> None:
    result = run("--help")
    assert "11  health: DOWN (503)" in result.stdout
    assert "12  health wait: the probe did not answer 200" in result.stdout


def _html(method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html"}, b"<html>a dashboard</html>"


def test_a_health_url_that_is_not_the_health_api_is_said_so() -> None:
    with local_server(_html) as server:
        result = run("--health-url", server.base_url, "health", "readiness")
    assert result.returncode == 3  # as for a URL that is not the REST API
    assert "REST API" not in result.stderr  # the REST URL is not in question
    assert "Malformed response body" in result.stderr
    assert result.stderr.endswith(f"is {server.base_url} the Health API's URL?\n")


@pytest.mark.parametrize("before", [True, False])
def test_json_and_strict_on_health_itself(hivemq_emulator: EmulatorHandle, before: bool) -> None:
    hivemq_emulator.set_health(readiness={"status": "DEGRADED"})
    code, out, err = _health(hivemq_emulator, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["components"]["mqtt"] == {"status": "UP"}
    # Given before the subcommand, they hold for it as if given after it.
    args = ("--json", "--strict", "readiness") if before else ("readiness", "--json", "--strict")
    code, out, _ = _health(hivemq_emulator, *args)
    assert (code, json.loads(out)) == (11, {"status": "DEGRADED"})


@pytest.mark.parametrize("flag", ["--json", "--strict"])
def test_wait_refuses_what_it_cannot_honour(hivemq_emulator: EmulatorHandle, flag: str) -> None:
    code, _, err = _health(hivemq_emulator, flag, "wait", "--timeout", "5")
    assert code == 2
    assert "neither --json nor --strict" in err

"""``hivemq-rest data-hub`` resource commands, run as the installed command against the emulator."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import click
import pytest
from hivemq_rest.cli._data_hub import data_hub
from hivemq_rest_emulator import EmulatorHandle

from tests.emulator.services.data_hub.documents import behavior_policy, data_policy, descriptor_set

from .cli_run import run, run_bytes, run_on_terminal

HOSTILE = "evil\x1b]0;x\x07\u202eid"
ESCAPED = "evil\\x1b]0;x\\x07\\u202eid"
READING = {"type": "object", "properties": {"celsius": {"type": "number"}}}
SOURCE = "function transform(publish, context) { return publish; }\n"


def _ok(*args: str, url: str, stdin: str | None = None) -> Any:
    result = run("data-hub", *args, "--url", url, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if "--json" in args else result


def _write(path: Path, document: object) -> str:
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


@pytest.fixture
def url(hivemq_emulator: EmulatorHandle) -> str:
    return hivemq_emulator.base_url


def test_schemas_json_and_protobuf(url: str, tmp_path: Path) -> None:
    text = json.dumps(READING, indent=1)
    (tmp_path / "reading.schema.json").write_text(text, encoding="utf-8")
    stored = _ok(
        "schemas", "create", "reading", str(tmp_path / "reading.schema.json"), "--json", url=url
    )
    assert stored["version"] == 1
    assert base64.b64decode(stored["schemaDefinition"]).decode() == text  # sent as written

    (tmp_path / "t.desc").write_bytes(descriptor_set())
    proto = _ok(
        "schemas", "create", "telemetry", str(tmp_path / "t.desc"), "--type", "PROTOBUF",
        "--message-type", "demo.Reading", "--allow-unknown-fields", "--json", url=url,
    )  # fmt: skip
    assert proto["arguments"] == {"messageType": "demo.Reading", "allowUnknownFields": "true"}
    assert base64.b64decode(proto["schemaDefinition"]) == descriptor_set()

    got = _ok("schemas", "get", "reading", "--json", url=url)
    assert got["id"] == "reading"
    listed = _ok("schemas", "list", "--json", url=url)
    assert sorted(item["id"] for item in listed) == ["reading", "telemetry"]
    table = _ok("schemas", "list", url=url).stdout
    assert "telemetry" in table
    assert "PROTOBUF" in table

    again = run("data-hub", "schemas", "create", "reading", "-", "--url", url, stdin=text)
    assert again.returncode == 7  # the latest version already
    assert "already present" in again.stderr
    assert len(again.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--type", "PROTOBUF"), "needs --message-type"),
        (("--message-type", "M"), "are for PROTOBUF"),
        (("--type", "XML"), "XML"),
    ],
)
def test_schema_options_are_checked_first(url: str, args: tuple[str, ...], message: str) -> None:
    result = run("data-hub", "schemas", "create", "s", "-", *args, "--url", url, stdin="{}")
    assert result.returncode == 2
    assert message in result.stderr
    assert _ok("schemas", "list", "--json", url=url) == []


def test_a_schema_that_is_not_json_is_a_usage_error(url: str) -> None:
    result = run("data-hub", "schemas", "create", "s", "-", "--url", url, stdin="{nope")
    assert result.returncode == 2
    assert "not JSON" in result.stderr


def test_scripts(url: str, tmp_path: Path) -> None:
    (tmp_path / "f.js").write_text(SOURCE, encoding="utf-8")
    stored = _ok(
        "scripts", "create", "fahrenheit", str(tmp_path / "f.js"),
        "--description", "C to F", "--json", url=url,
    )  # fmt: skip
    assert stored["functionType"] == "TRANSFORMATION"
    assert stored["description"] == "C to F"
    assert base64.b64decode(stored["source"]).decode() == SOURCE
    second = _ok("scripts", "create", "fahrenheit", "-", "--json", url=url, stdin=SOURCE + "//2\n")
    assert second["version"] == 2
    assert [item["version"] for item in _ok("scripts", "list", "--json", url=url)] == [1, 2]
    assert _ok("scripts", "get", "fahrenheit", "--json", url=url)["version"] == 2
    assert "fahrenheit" in _ok("scripts", "list", url=url).stdout

    refused = run("data-hub", "scripts", "delete", "fahrenheit", "--url", url)
    assert refused.returncode == 2
    assert "pass --yes" in refused.stderr
    _ok("scripts", "delete", "fahrenheit", "--yes", url=url)
    assert _ok("scripts", "list", "--json", url=url) == []


def test_data_policies_from_files_and_stdin(url: str, tmp_path: Path) -> None:
    _ok("schemas", "create", "reading", "-", url=url, stdin=json.dumps(READING))
    policy = data_policy("readings", "factory/+/reading", schema_id="reading")
    created = _ok("data-policies", "create", _write(tmp_path / "p.json", policy), "--json", url=url)
    assert created["id"] == "readings"
    assert created["matching"] == {"topicFilter": "factory/+/reading"}

    moved = {**policy, "matching": {"topicFilter": "plant/+/reading"}}
    refused = run("data-hub", "data-policies", "update", "-", "--url", url, stdin=json.dumps(moved))
    assert refused.returncode == 7  # the broker keeps a data policy's topic filter (400)
    assert "Topic filter does not match" in refused.stderr

    warn = {"id": "log", "functionId": "System.log", "arguments": {"level": "WARN", "message": "x"}}
    policy["onFailure"] = {"pipeline": [warn]}
    sent = run(
        "data-hub", "data-policies", "update", "-", "--json", "--url", url, stdin=json.dumps(policy)
    )
    assert (sent.returncode, sent.stderr) == (0, "updated data policy readings\n")
    assert json.loads(sent.stdout)["onFailure"] == policy["onFailure"]
    got = _ok("data-policies", "get", "readings", "--json", url=url)
    assert got["onFailure"] == policy["onFailure"]
    table = _ok("data-policies", "list", url=url).stdout
    assert "factory/+/reading" in table
    assert [p["id"] for p in _ok("data-policies", "list", "--json", url=url)] == ["readings"]

    in_use = run("data-hub", "schemas", "delete", "reading", "--yes", "--url", url)
    assert in_use.returncode == 7  # a policy uses it: the broker refuses (400)

    _ok("data-policies", "delete", "readings", "--yes", url=url)
    assert _ok("data-policies", "list", "--json", url=url) == []


def test_behavior_policies_and_client_state(hivemq_emulator: EmulatorHandle, url: str) -> None:
    policy = behavior_policy("quota", "sensor-.*")
    created = _ok("behavior-policies", "create", "-", url=url, stdin=json.dumps(policy))
    assert created.stderr == "created behavior policy quota\n"
    policy["behavior"]["arguments"]["maxPublishes"] = 20
    updated = _ok("behavior-policies", "update", "-", "--json", url=url, stdin=json.dumps(policy))
    assert updated["behavior"]["arguments"] == {"maxPublishes": 20}
    table = _ok("behavior-policies", "list", url=url).stdout
    assert "Publish.quota" in table

    hivemq_emulator.add_session("sensor-1", connected=True)
    states = _ok("state", "sensor-1", "--json", url=url)
    assert [state["policyId"] for state in states] == ["quota"]
    assert "quota" in _ok("state", "sensor-1", url=url).stdout

    hivemq_emulator.add_session("other", connected=True)
    assert _ok("state", "other", url=url).stdout == "other is in no behavior policy\n"

    gone = run("data-hub", "state", "nobody", "--url", url)
    assert gone.returncode == 4

    _ok("behavior-policies", "delete", "quota", "-y", url=url)
    assert _ok("behavior-policies", "list", "--json", url=url) == []


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("{nope", "stdin is not JSON"),
        ("[1, 2]", "is a JSON object"),
        ('{"id": "p"}', "not a data policy in the API's shape"),
    ],
)
def test_a_bad_policy_file_is_a_usage_error(url: str, stdin: str, message: str) -> None:
    result = run("data-hub", "data-policies", "create", "-", "--url", url, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_policy_the_broker_refuses_exits_7(url: str) -> None:
    body = json.dumps(data_policy("twice"))
    _ok("data-policies", "create", "-", url=url, stdin=body)
    result = run("data-hub", "data-policies", "create", "-", "--url", url, stdin=body)
    assert result.returncode == 7
    assert "400" in result.stderr


@pytest.mark.parametrize("family", ["data-policies", "behavior-policies", "schemas", "scripts"])
@pytest.mark.parametrize("command", ["get", "delete"])
def test_unknown_ids_exit_4_escaped(url: str, family: str, command: str) -> None:
    extra = ("--yes",) if command == "delete" else ()
    result = run("data-hub", family, command, HOSTILE, *extra, "--url", url)
    assert result.returncode == 4, result.stderr
    assert ESCAPED in result.stderr
    assert "\x1b" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_hostile_ids_are_escaped_in_tables(url: str) -> None:
    _ok("scripts", "create", HOSTILE, "-", url=url, stdin=SOURCE)
    table = _ok("scripts", "list", url=url).stdout
    assert ESCAPED in table
    assert "\x1b" not in table
    assert "\u202e" not in table
    assert _ok("scripts", "list", "--json", url=url)[0]["id"] == HOSTILE  # exact in JSON
    shown = _ok("scripts", "get", HOSTILE, url=url).stdout
    assert ESCAPED in shown
    assert "\x1b" not in shown


@pytest.mark.slow
def test_delete_asks_on_a_terminal(url: str) -> None:
    _ok("scripts", "create", "keep", "-", url=url, stdin=SOURCE)
    code, shown = run_on_terminal(
        "data-hub", "scripts", "delete", "keep", "--url", url, answer=(b"[y/N]", b"n\n")
    )
    assert code == 1
    assert "Delete script 'keep'?" in shown
    assert len(_ok("scripts", "list", "--json", url=url)) == 1


def test_trial_starts_once(url: str) -> None:
    started = run("data-hub", "trial", "start", "--url", url)
    assert started.returncode == 0
    assert started.stderr == "Data Hub trial started\n"
    again = run("data-hub", "trial", "start", "--url", url)
    assert again.returncode == 7


def test_every_command_has_help_with_an_example_and_exit_codes() -> None:
    commands = [
        (family, command)
        for family in ("data-policies", "behavior-policies")
        for command in ("list", "get", "create", "update", "delete")
    ] + [
        (family, command)
        for family in ("schemas", "scripts")
        for command in ("list", "get", "create", "delete")
    ]
    for family, command in commands:
        result = run("data-hub", family, command, "--help")
        assert result.returncode == 0
        assert f"Examples:\n    hivemq-rest data-hub {family} {command}" in result.stdout
        assert "Exit codes:" in result.stdout
    for args in (("state",), ("trial", "start")):
        assert "Exit codes:" in run("data-hub", *args, "--help").stdout


def _commands(group: click.Group) -> list[click.Command]:
    found: list[click.Command] = []
    for command in group.commands.values():
        found += _commands(command) if isinstance(command, click.Group) else [command]
    return found


def test_every_option_and_command_has_a_help_line() -> None:
    commands = [
        command
        for name in ("data-policies", "behavior-policies", "schemas", "scripts", "trial")
        for command in _commands(data_hub.commands[name])  # type: ignore[arg-type]
    ] + [data_hub.commands["state"]]
    assert len(commands) == 20
    for command in commands:
        assert command.help, command.name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, (command.name, param.name)


def test_state_of_an_invalid_client_id_exits_6(url: str) -> None:
    not_utf8 = run_bytes("data-hub", "state", b"bad\xff", "--url", url)
    assert not_utf8.returncode == 6
    assert b"not UTF-8" in not_utf8.stderr
    too_long = run("data-hub", "state", "x" * 65_536, "--url", url)
    assert too_long.returncode == 6
    assert len(too_long.stderr.splitlines()) == 1

"""Server- and device-controlled text on the terminal, odd encodings, ids that are not UTF-8."""

from __future__ import annotations

import json

import pytest
from hivemq_rest_emulator import EmulatorHandle

from tests.overlay.cli.cli_run import run, run_bytes, run_on_terminal
from tests.overlay.local_server import local_server


def test_debug_escapes_what_servers_say() -> None:
    def hostile(
        method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        body = {"errors": [{"title": "Bad\x1b[2J", "detail": "x\x1b]0;OWNED\x07\x9b\u202e"}]}
        return 400, {"Content-Type": "application/json"}, json.dumps(body).encode()

    with local_server(hostile) as server:
        result = run("clients", "state", "a", "--debug", "--url", server.base_url)
    assert result.returncode == 7
    assert "Traceback" in result.stderr  # --debug shows it ...
    assert "httpx" in result.stderr  # ... and the log
    assert not {"\x1b", "\x07", "\x9b", "\u202e"} & set(result.stderr)
    assert "\\x1b]0;OWNED\\x07\\x9b\\u202e" in result.stderr


def test_bidi_and_zero_width_characters_are_shown_escaped(hivemq_emulator: EmulatorHandle) -> None:
    for client_id in ("abc\u202edef", "a\u200bb", "x\u2066y\ufeff"):
        hivemq_emulator.add_session(client_id, connected=True)
        result = run("clients", "state", client_id, "--url", hivemq_emulator.base_url)
        assert result.returncode == 0
        shown = client_id.encode("ascii", "backslashreplace").decode()
        assert result.stdout == f"{shown}: connected\n"
        exact = run("clients", "state", "--json", client_id, "--url", hivemq_emulator.base_url)
        assert json.loads(exact.stdout)["id"] == client_id


def test_a_latin_1_terminal_gets_escapes(hivemq_emulator: EmulatorHandle) -> None:
    client_id = "日本-é"
    hivemq_emulator.add_session(
        client_id, connected=True, subscriptions=[{"topicFilter": "温度/#", "qos": "AT_MOST_ONCE"}]
    )
    latin = {"PYTHONIOENCODING": "latin-1"}
    url = ["--url", hivemq_emulator.base_url]
    for command in (["state"], ["show"], ["subscriptions"], ["disconnect", "--yes"]):
        result = run_bytes("clients", *command, client_id, *url, env=latin)
        assert result.returncode == 0, (command, result.stderr)
        assert b"Error" not in result.stderr
        shown = "温度/#" if command == ["subscriptions"] else client_id
        assert shown.encode("latin-1", "backslashreplace") in result.stdout + result.stderr
    listed = run_bytes("clients", "list", *url, env=latin)
    assert listed.stdout == b"\\u65e5\\u672c-\xe9\n"
    as_json = run_bytes("clients", "list", "--json", *url, env=latin)
    assert json.loads(as_json.stdout) == {"id": client_id}  # JSON is UTF-8 always


def test_an_id_that_is_not_utf_8(hivemq_emulator: EmulatorHandle) -> None:
    for command in (["show"], ["state"], ["subscriptions"], ["disconnect", "--yes"]):
        result = run_bytes(
            "clients",
            *command,
            b"dev\xff",
            "--url",
            hivemq_emulator.base_url,
            env={"LC_ALL": "C.UTF-8"},
        )
        assert result.returncode == 6, command
        assert b"the client id is not UTF-8: b'dev\\xff'" in result.stderr


@pytest.mark.parametrize(
    ("command", "named"),
    [
        ((b"data-hub", b"schemas", b"get", b"x\xffy"), b"the resource id"),
        ((b"data-hub", b"schemas", b"create", b"x\xffy", b"/dev/null"), b"the schema id"),
        (
            (
                b"trace-recordings",
                b"create",
                b"abc",
                b"--event=MQTT_MESSAGE_PUBLISH",
                b"--topic",
                b"x\xffy",
            ),
            b"--topic",
        ),
        ((b"backups", b"get", b"x\xffy"), b"the backup id"),
        ((b"trace-recordings", b"stop", b"x\xffy"), b"the name"),
        (
            (
                b"trace-recordings",
                b"create",
                b"abc",
                b"--event=MQTT_MESSAGE_PUBLISH",
                b"--client",
                b"x\xffy",
            ),
            b"--client",
        ),
    ],
)
def test_every_command_refuses_an_argument_that_is_not_utf_8_alike(
    hivemq_emulator: EmulatorHandle, command: tuple[bytes, ...], named: bytes
) -> None:
    result = run_bytes(*command, "--url", hivemq_emulator.base_url, env={"LC_ALL": "C.UTF-8"})
    assert result.returncode == 6, result.stderr
    assert result.stderr == b"error: " + named + b" is not UTF-8: b'x\\xffy'\n"


@pytest.mark.slow
def test_the_confirmation_shows_the_id_escaped(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.add_session("abc\u202edef", connected=True)
    code, shown = run_on_terminal(
        "clients",
        "invalidate",
        "abc\u202edef",
        "--url",
        hivemq_emulator.base_url,
        answer=(b"[y/N]", b"n\n"),
    )
    assert code == 1
    assert "Invalidate the session of client 'abc\\u202edef'?" in shown
    assert "\u202e" not in shown
    assert hivemq_emulator.events() == []

"""The command line's secrets, numbers and files: bounded, refused cleanly, never echoed."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest
from hivemq_rest.cli._inputs import MAX_DEFINITION_BYTES, MAX_SECRET_BYTES
from hivemq_rest_emulator import EmulatorHandle

from tests.overlay.cli.cli_run import HIVEMQ_REST, environment, run
from tests.overlay.local_server import local_server

SECRET = "s3cr3t-T0KEN"


def _profile(tmp_path: Path) -> Path:
    directory = tmp_path / "config" / "hivemq-rest"
    directory.mkdir(parents=True)
    return directory / "config.toml"


# --- item 6: secret and definition files within bounds ------------------------------------


@pytest.mark.parametrize("option", ["--token-file", "--password-file"])
def test_a_secret_file_that_is_a_device_is_refused_by_name(option: str) -> None:
    extra = ["--username", "ops"] if option == "--password-file" else []
    with local_server() as server:
        result = run("clients", "state", "a", option, "/dev/null", *extra, "--url", server.base_url)
    assert result.returncode == 2, result.stderr
    assert "/dev/null is a device or terminal, not a regular file or a pipe" in result.stderr
    assert server.seen == []


def test_a_secret_file_over_64_kib_is_refused(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("a" * (MAX_SECRET_BYTES + 1))
    with local_server() as server:
        result = run(
            "clients", "state", "a", "--token-file", str(token_file), "--url", server.base_url
        )
    assert result.returncode == 2, result.stderr
    assert "larger than 65,536 bytes" in result.stderr
    assert server.seen == []


def test_a_profile_file_that_is_a_device_is_refused(tmp_path: Path) -> None:
    _profile(tmp_path).symlink_to("/dev/null")
    with local_server() as server:
        result = run(
            "clients",
            "state",
            "a",
            "--url",
            server.base_url,
            env={"XDG_CONFIG_HOME": str(tmp_path / "config")},
        )
    assert result.returncode == 2, result.stderr
    assert "is a device or terminal, not a regular file or a pipe" in result.stderr
    assert server.seen == []


def test_a_profile_file_over_64_kib_is_refused(tmp_path: Path) -> None:
    profile = _profile(tmp_path)
    profile.write_text("# " + "x" * MAX_SECRET_BYTES + "\n")
    profile.chmod(0o600)
    result = run("clients", "state", "a", env={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert result.returncode == 2, result.stderr
    assert "larger than" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("data-hub", "data-policies", "create"),
        ("data-hub", "schemas", "create", "s1"),
        ("data-hub", "scripts", "create", "f1"),
    ],
)
def test_a_definition_file_that_is_a_device_is_refused(command: tuple[str, ...]) -> None:
    with local_server() as server:
        result = run(*command, "/dev/null", "--url", server.base_url)
    assert result.returncode == 2, result.stderr
    assert "a device or terminal, not a regular file or a pipe" in result.stderr
    assert server.seen == []


def test_a_definition_file_over_the_request_bound_is_refused(tmp_path: Path) -> None:
    policy = tmp_path / "policy.json"
    padding = "x" * MAX_DEFINITION_BYTES
    policy.write_text(json.dumps({"id": "p", "matching": {"topicFilter": "t"}, "x": padding}))
    with local_server() as server:
        result = run("data-hub", "data-policies", "create", str(policy), "--url", server.base_url)
    assert result.returncode == 2, result.stderr
    assert "larger than 10,485,760 bytes" in result.stderr
    assert server.seen == []


def test_an_id_list_that_is_a_device_is_refused() -> None:
    with local_server() as server:
        result = run(
            "clients", "disconnect", "--from-file", "/dev/null", "--yes",
            "--url", server.base_url,
        )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "a device or terminal, not a regular file or a pipe" in result.stderr
    assert server.seen == []


def test_a_definition_from_a_pipe_is_read() -> None:
    script = "function transform(publish, context) { return publish; }"
    with local_server() as server:
        run("data-hub", "scripts", "create", "f1", "-", "--url", server.base_url, stdin=script)
    assert [(method, target) for method, target, _ in server.seen] == [
        ("POST", "/api/v1/data-hub/scripts")
    ]


# --- item 7: Ctrl-C while the options are resolved ----------------------------------------


def test_ctrl_c_while_a_token_fifo_has_no_writer_yet_exits_130(tmp_path: Path) -> None:
    fifo = tmp_path / "token"
    os.mkfifo(fifo)
    with subprocess.Popen(
        [HIVEMQ_REST, "clients", "state", "a", "--token-file", str(fifo)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
    ) as process:
        # Opening the write end waits until the command has opened the read
        # end: from then on it is inside reading the token, waiting for bytes.
        writer = os.open(fifo, os.O_WRONLY)
        try:
            process.send_signal(signal.SIGINT)
            _, errors = process.communicate(timeout=60)
        finally:
            os.close(writer)
    assert process.returncode == 130, errors
    assert b"interrupted" in errors
    assert b"Aborted!" not in errors


def test_ctrl_c_at_the_password_prompt_exits_130() -> None:
    controller, terminal = os.openpty()
    process = subprocess.Popen(
        [HIVEMQ_REST, "clients", "state", "a", "--username", "ops"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=environment(),
        start_new_session=True,
    )
    os.close(terminal)
    shown = b""
    deadline = time.monotonic() + 60  # a bound on the loop, not an assertion
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the program ended
                break
            if not chunk:
                break
            if b"Password for ops" not in shown and b"Password for ops" in shown + chunk:
                process.send_signal(signal.SIGINT)
            shown += chunk
        code = process.wait(timeout=60)
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert code == 130, shown
    assert b"Aborted!" not in shown


# --- item 9: a long download target name --------------------------------------------------


@pytest.mark.parametrize("name", ["b" * 255, "é" * 127])
def test_a_backup_downloads_to_a_name_of_255_bytes(
    hivemq_emulator: EmulatorHandle, tmp_path: Path, name: str
) -> None:
    url = hivemq_emulator.base_url
    created = run("backups", "create", "--json", "--url", url)
    assert created.returncode == 0, created.stderr
    hivemq_emulator.advance_clock(60)
    backup_id = json.loads(created.stdout)["id"]
    result = run("backups", "download", backup_id, str(tmp_path / name), "--url", url)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_an_export_goes_to_a_name_of_255_bytes(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    output = tmp_path / ("e" * 251 + ".csv")
    result = run("clients", "export", "-o", str(output), "--url", hivemq_emulator.base_url)
    assert result.returncode == 0, result.stderr
    assert output.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


# --- item 10: a token file ending in two line breaks --------------------------------------


@pytest.mark.parametrize("ending", ["\n\n", "\r\n\r\n", "\x00\n", "\n\r"])
def test_a_token_file_with_a_second_line_break_is_refused_unshown(
    tmp_path: Path, ending: str
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(SECRET + ending, newline="")
    with local_server() as server:
        result = run(
            "clients", "state", "a", "--token-file", str(token_file), "--url", server.base_url
        )
    assert result.returncode == 2, result.stderr
    assert SECRET not in result.stderr + result.stdout
    assert "control character" in result.stderr
    assert server.seen == []


def test_one_final_line_break_of_a_token_file_is_dropped(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(SECRET + "\r\n", newline="")
    with local_server() as server:
        result = run(
            "clients", "state", "a", "--token-file", str(token_file), "--url", server.base_url
        )
    assert result.returncode == 0, result.stderr
    assert [headers["authorization"] for _, _, headers in server.seen] == [f"Bearer {SECRET}"]


def test_a_token_variable_with_a_line_break_is_refused_unshown() -> None:
    result = run("clients", "state", "a", env={"HIVEMQ_REST_TOKEN": f"{SECRET}\nX-Evil: 1"})
    assert result.returncode == 2
    assert SECRET not in result.stderr


# --- item 11: absurd numbers are usage errors ---------------------------------------------


@pytest.mark.parametrize("value", ["1e10", "86401", "1e308"])
def test_a_timeout_past_a_day_is_a_usage_error(value: str) -> None:
    result = run("clients", "state", "a", "--timeout", value)
    assert result.returncode == 2, result.stderr
    assert "more than a day" in result.stderr
    assert "Overflow" not in result.stderr


def test_a_profile_timeout_past_a_day_is_a_usage_error(tmp_path: Path) -> None:
    profile = _profile(tmp_path)
    profile.write_text("[default]\ntimeout = 1e10\n")
    result = run("clients", "state", "a", env={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert result.returncode == 2, result.stderr
    assert "a day" in result.stderr


def test_a_rate_below_one_a_day_is_a_usage_error(tmp_path: Path) -> None:
    with local_server() as server:
        result = run(
            "clients", "export", "-o", str(tmp_path / "x.csv"), "--rate", "1e-11",
            "--url", server.base_url,
        )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "one a day" in result.stderr
    assert "Overflow" not in result.stderr


# --- item 12: --wait-timeout bounds polls that hang ---------------------------------------


def test_wait_timeout_bounds_a_poll_that_hangs() -> None:
    """The poll is answered COMPLETED, but only after the wait's time is up: exit 10."""
    started = {"backup": {"id": "b1", "createdAt": "2026-01-01T00:00:00Z", "state": "IN_PROGRESS"}}
    done = {"backup": {**started["backup"], "state": "COMPLETED"}}

    def behaviour(
        method: str, target: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        if method == "POST":
            return 200, {"Content-Type": "application/json"}, json.dumps(started).encode()
        time.sleep(3)  # the server's delay, far past --wait-timeout
        return 200, {"Content-Type": "application/json"}, json.dumps(done).encode()

    with local_server(behaviour) as server:
        result = run(
            "backups", "create", "--wait", "--wait-timeout", "0.5", "--url", server.base_url
        )
    assert result.returncode == 10, result.stderr
    assert "b1" in result.stderr


# --- item 14: a server's NaN never reaches --json -----------------------------------------


@pytest.mark.parametrize("number", ["NaN", "Infinity", "1e999"])
def test_a_servers_nan_never_reaches_json_output(number: str) -> None:
    body = f'{{"id": "p", "matching": {{"topicFilter": "t"}}, "x": {number}}}'.encode()

    def behaviour(
        method: str, target: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "application/json"}, body

    with local_server(behaviour) as server:
        result = run("data-hub", "data-policies", "get", "p", "--json", "--url", server.base_url)
    assert result.returncode == 7, result.stderr
    assert result.stdout == ""
    assert "data policy 'p'" in result.stderr
    assert "not a finite number" in result.stderr

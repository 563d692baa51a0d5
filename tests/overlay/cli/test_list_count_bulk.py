"""clients list -0, clients count, and disconnect/invalidate --from-file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hivemq_rest_emulator import EmulatorHandle

from tests.overlay.cli.cli_run import (
    HIVEMQ_REST,
    environment,
    run,
    run_bytes,
    run_on_terminal,
    run_process,
)
from tests.overlay.local_server import Behaviour, local_server

HOSTILE = ["two\nlines", "cr\rid", "-dash", "nul\u202eevil", "zero\u200bwidth", "sp ace"]


@pytest.fixture
def emulator(hivemq_emulator: EmulatorHandle) -> EmulatorHandle:
    for client_id in HOSTILE:
        hivemq_emulator.add_session(client_id, connected=True, session_expiry_interval=100)
    return hivemq_emulator


def test_list_null_gives_every_id_exactly(emulator: EmulatorHandle) -> None:
    emulator.seed(300, seed=4)
    result = run_bytes("clients", "list", "-0", "--page-size", "50", "--url", emulator.base_url)
    assert result.returncode == 0
    written = result.stdout.split(b"\0")
    assert written.pop() == b""
    assert sorted(written) == sorted(i.encode() for i in emulator.store.ids())
    long = run_bytes("clients", "list", "--null", "--url", emulator.base_url)
    assert sorted(long.stdout.split(b"\0")[:-1]) == sorted(written)
    both = run("clients", "list", "-0", "--json", "--url", emulator.base_url)
    assert both.returncode == 2


def test_piped_ids_with_line_breaks_stay_one_line(emulator: EmulatorHandle) -> None:
    result = run_bytes("clients", "list", "--url", emulator.base_url)
    lines = result.stdout.split(b"\n")[:-1]
    escaped = [b"two\\x0alines", b"cr\\x0did", b"-dash", b"sp ace"]
    assert sorted(lines) == sorted([*escaped, *(i.encode() for i in HOSTILE[3:5])])
    assert b"2 ids hold control characters" in result.stderr


@pytest.mark.slow
def test_list_on_a_terminal_escapes_invisible_characters(emulator: EmulatorHandle) -> None:
    code, shown = run_on_terminal("clients", "list", "--url", emulator.base_url)
    assert code == 0, shown
    assert "nul\\u202eevil" in shown.splitlines()
    assert "zero\\u200bwidth" in shown.splitlines()
    assert "\u202e" not in shown
    assert "\u200b" not in shown


@pytest.mark.slow
def test_the_getting_started_guide_pipelines(emulator: EmulatorHandle) -> None:
    guide = Path(__file__).parents[3] / "docs" / "guides" / "getting-started.md"
    (block,) = [b for b in guide.read_text(encoding="utf-8").split("```sh\n")[1:] if "xargs" in b]
    block = block.split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.startswith("hivemq-rest")]
    assert len(commands) >= 2
    env = environment({"HIVEMQ_REST_URL": emulator.base_url})
    env["PATH"] = f"{Path(HIVEMQ_REST).parent}:{env['PATH']}"
    for command in commands:
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, (command, result.stderr)
        if "xargs" in command:
            assert "-dash: connected" in result.stdout
            assert "two\\x0alines: connected" in result.stdout


@pytest.mark.slow
def test_count(emulator: EmulatorHandle) -> None:
    emulator.seed(400, seed=5)
    expected = len(emulator.store.ids())
    piped = run("clients", "count", "--page-size", "50", "--url", emulator.base_url)
    assert piped.returncode == 0
    assert piped.stdout == f"{expected}\n"
    assert piped.stderr == ""
    on_terminal = run_process(
        "clients",
        "count",
        "--page-size",
        "50",
        "--url",
        emulator.base_url,
        env={"FORCE_COLOR": "1"},
    )
    assert on_terminal.stdout == f"{expected}\n"
    assert "counted" in on_terminal.stderr


def _ids_file(tmp_path: Path, ids: list[str], null: bool = False) -> Path:
    path = tmp_path / "ids"
    path.write_bytes(b"".join(i.encode() + (b"\0" if null else b"\n") for i in ids))
    return path


def test_bulk_disconnect_from_a_file(emulator: EmulatorHandle, tmp_path: Path) -> None:
    emulator.add_session("offline", connected=False, session_expiry_interval=100)
    ids = _ids_file(tmp_path, ["sp ace", "-dash", "nobody", "offline", "sp ace"])
    url = ["--url", emulator.base_url]
    refused = run("clients", "disconnect", "--from-file", str(ids), *url)
    assert refused.returncode == 2
    assert "--yes" in refused.stderr
    dry = run("clients", "disconnect", "--from-file", str(ids), "--dry-run", *url)
    assert dry.returncode == 0
    assert dry.stdout.splitlines() == ["sp ace", "-dash", "nobody", "offline"]
    assert "would disconnect 4 clients" in dry.stderr
    assert emulator.events() == []
    done = run(
        "clients", "disconnect", "--from-file", str(ids), "--yes", "--concurrency", "2", *url
    )
    assert done.returncode == 4, done.stderr
    assert "disconnected 3, not found 1, failed 0 of 4" in done.stderr
    assert "not found 'nobody'" in done.stderr
    assert sorted(e["clientId"] for e in emulator.events()) == ["-dash", "sp ace"]


def test_bulk_invalidate_nul_separated_from_stdin(emulator: EmulatorHandle) -> None:
    stdin = "two\nlines\0cr\rid\0"
    result = run(
        "clients",
        "invalidate",
        "--from-file",
        "-",
        "-0",
        "--yes",
        "--rate",
        "1000",
        "--url",
        emulator.base_url,
        stdin=stdin,
    )
    assert result.returncode == 0, result.stderr
    assert "invalidated 2, not found 0, failed 0 of 2" in result.stderr
    assert {"two\nlines", "cr\rid"}.isdisjoint(emulator.store.ids())
    assert "sp ace" in emulator.store.ids()


def test_bulk_refuses_a_file_with_a_bad_id(emulator: EmulatorHandle, tmp_path: Path) -> None:
    path = tmp_path / "ids"
    path.write_bytes(b"sp ace\nbad\xff\n")
    result = run(
        "clients", "invalidate", "--from-file", str(path), "--yes", "--url", emulator.base_url
    )
    assert result.returncode == 6
    assert "line 2: the client id is not UTF-8: b'bad\\xff'" in result.stderr
    assert emulator.events() == []
    assert "sp ace" in emulator.store.ids()


def test_bulk_usage_errors(tmp_path: Path) -> None:
    ids = _ids_file(tmp_path, ["a"])
    url = ["--url", "http://127.0.0.1:9"]
    for args, message in (
        (["a", "--from-file", str(ids)], "give a client id or --from-file"),
        ([], "give a client id or --from-file"),
        (["a", "-0"], "go with --from-file"),
        (["a", "--concurrency", "3"], "go with --from-file"),
    ):
        result = run("clients", "disconnect", *args, "--yes", *url)
        assert result.returncode == 2, args
        assert message in result.stderr


@pytest.mark.slow
def test_bulk_asks_on_a_terminal(emulator: EmulatorHandle, tmp_path: Path) -> None:
    ids = _ids_file(tmp_path, ["sp ace", "nul\u202eevil"])
    command = ["clients", "disconnect", "--from-file", str(ids), "--url", emulator.base_url]
    code, shown = run_on_terminal(*command, answer=(b"[y/N]", b"n\n"))
    assert code == 1
    assert "Disconnect 2 clients from" in shown
    assert emulator.events() == []
    code, shown = run_on_terminal(*command, answer=(b"[y/N]", b"y\n"))
    assert code == 0, shown
    assert "disconnected 2, not found 0, failed 0 of 2" in shown
    assert len(emulator.events()) == 2


def _failing(statuses: dict[str, int]) -> Behaviour:
    def api(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        json_type = {"Content-Type": "application/json"}
        if path.startswith("/api/v1/mqtt/clients?"):
            return 200, json_type, b'{"items": []}'
        status = statuses.get(path.partition("?")[0].split("/")[5], 204)
        if status == 204:
            return 204, {}, b""
        return status, json_type, json.dumps({"errors": [{"title": f"t{status}"}]}).encode()

    return api


def test_bulk_counts_failures_and_stops_on_auth(tmp_path: Path) -> None:
    ids = _ids_file(tmp_path, ["a", "b", "c"])
    args = ["clients", "invalidate", "--from-file", str(ids), "--yes", "--max-attempts", "1"]
    with local_server(_failing({"b": 400})) as server:
        some_failed = run(*args, "--url", server.base_url)
    assert some_failed.returncode == 8
    assert "invalidated 2, not found 0, failed 1 of 3" in some_failed.stderr
    assert "failed 'b': 400 t400" in some_failed.stderr
    with local_server(_failing({"a": 401, "b": 401, "c": 401})) as server:
        refused = run(*args, "--concurrency", "1", "--url", server.base_url)
    assert refused.returncode == 5
    assert "invalidated 0, not found 0, failed 0 of 3" in refused.stderr
    assert len(server.seen) == 2  # the listing's first page, then one refusal


def test_bulk_against_a_wrong_url_sends_no_action(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    hivemq_emulator.add_session("a", connected=True)
    ids = _ids_file(tmp_path, ["a"])
    result = run(
        "clients",
        "disconnect",
        "--from-file",
        str(ids),
        "--yes",
        "--url",
        hivemq_emulator.base_url + "/api/v1",
    )
    assert result.returncode == 3
    assert "the REST API's base URL?" in result.stderr
    assert hivemq_emulator.events() == []

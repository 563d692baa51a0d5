"""``hivemq-rest`` against the emulator server, run in this process (a terminal as a process)."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest
from hivemq_rest_emulator import EmulatorHandle

from tests.overlay.local_server import Behaviour, local_server

from .cli_run import run as run_command
from .cli_run import run_process

AWKWARD = ["a/b", "50% off", "#hash", "é?x=1", "..", "sp ace"]


def run(
    *args: str, url: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run hivemq-rest (no terminal, no stdin), against ``url`` if given."""
    return run_command(*args, *(() if url is None else ("--url", url)), env=env)


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.fixture
def emulator(hivemq_emulator: EmulatorHandle) -> EmulatorHandle:
    for client_id in AWKWARD:
        hivemq_emulator.add_session(
            client_id,
            connected=True,
            session_expiry_interval=100,
            connection={"username": "ops", "password": "c2VjcmV0"},
            subscriptions=[{"topicFilter": "t/#", "qos": "AT_LEAST_ONCE"}],
        )
    hivemq_emulator.seed(1_200, seed=11)
    return hivemq_emulator


def test_list_streams_every_id_once(emulator: EmulatorHandle) -> None:
    result = run("clients", "list", "--page-size", "100", url=emulator.base_url)
    assert result.returncode == 0
    expected = emulator.store.ids()
    # Piped, an id goes out as it is, one a line, unless it holds a control
    # character (a line break, say): then it is escaped, so that it stays one line.
    with_controls = [i for i in expected if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in i)]
    assert with_controls  # the seeded ids hold some
    lines = result.stdout.split("\n")
    assert lines.pop() == ""
    assert len(lines) == len(expected)
    assert set(lines) >= set(expected) - set(with_controls)
    assert "tab\\x09and\\back-24" in lines
    assert result.stderr.splitlines() == [
        f"{len(expected)} clients",
        f"{len(with_controls)} ids hold control characters and were written escaped; "
        "-0 or --json give them exactly",
    ]


def test_list_json_lines(emulator: EmulatorHandle) -> None:
    result = run("clients", "list", "--json", url=emulator.base_url)
    assert result.returncode == 0
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert sorted(ids) == sorted(emulator.store.ids())


@pytest.mark.parametrize("size", ["49", "2501", "ten"])
def test_bad_page_size_is_a_usage_error(size: str) -> None:
    result = run("clients", "list", "--page-size", size, url="http://127.0.0.1:9")
    assert result.returncode == 2
    assert "page-size" in result.stderr


@pytest.mark.parametrize("client_id", AWKWARD)
def test_show_state_subscriptions(emulator: EmulatorHandle, client_id: str) -> None:
    shown = run("clients", "show", client_id, "--json", url=emulator.base_url)
    assert shown.returncode == 0, shown.stderr
    body = json.loads(shown.stdout)
    assert body["id"] == client_id
    assert "password" not in body["connection"]
    table = run("clients", "show", client_id, url=emulator.base_url)
    assert client_id in table.stdout
    assert "(hidden)" in table.stdout
    assert "c2VjcmV0" not in table.stdout
    with_password = run(
        "clients", "show", client_id, "--json", "--include-password", url=emulator.base_url
    )
    assert json.loads(with_password.stdout)["connection"]["password"] == "c2VjcmV0"
    state = run("clients", "state", client_id, "--json", url=emulator.base_url)
    assert json.loads(state.stdout) == {"id": client_id, "connected": True}
    subscriptions = run("clients", "subscriptions", client_id, "--json", url=emulator.base_url)
    assert [s["topicFilter"] for s in json.loads(subscriptions.stdout)] == ["t/#"]


def test_control_characters_reach_people_escaped(hivemq_emulator: EmulatorHandle) -> None:
    # Ids and topic filters come from devices: an ESC sequence in them must not
    # drive the operator's terminal (clear it, retitle it, ...).
    hostile = "dev\x1b[2J\x1b]0;OWNED\x07\x9b"
    hivemq_emulator.add_session(
        hostile,
        connected=True,
        subscriptions=[{"topicFilter": "t/\x1b[31m", "qos": "AT_MOST_ONCE"}],
    )
    url = hivemq_emulator.base_url
    for command in (
        ["show", hostile],
        ["state", hostile],
        ["subscriptions", hostile],
        ["disconnect", "--yes", hostile],
        ["show", "gone\x1b[2J"],  # an error line
    ):
        result = run("clients", *command, url=url)
        shown = result.stdout + result.stderr
        assert not {"\x1b", "\x07", "\x9b"} & set(shown), (command, shown)
        assert "\\x1b" in shown
    # Scripts still get the id exactly.
    body = json.loads(run("clients", "show", "--json", hostile, url=url).stdout)
    assert body["id"] == hostile
    assert hostile in run("clients", "list", "-0", url=url).stdout.split("\0")


def test_disconnect_asks_unless_yes(emulator: EmulatorHandle) -> None:
    refused = run("clients", "disconnect", "a/b", url=emulator.base_url)
    assert refused.returncode == 2
    assert "--yes" in refused.stderr
    assert emulator.events() == []
    dry = run("clients", "disconnect", "a/b", "--dry-run", url=emulator.base_url)
    assert (dry.returncode, dry.stderr) == (0, "dry run: would disconnect a/b\n")
    assert emulator.events() == []
    done = run("clients", "disconnect", "a/b", "--yes", url=emulator.base_url)
    assert (done.returncode, done.stderr) == (0, "disconnected a/b\n")
    state = run("clients", "state", "a/b", url=emulator.base_url)
    assert state.stdout.strip() == "a/b: not connected"
    assert [(e["type"], e["clientId"]) for e in emulator.events()] == [("disconnect", "a/b")]


def test_invalidate_with_prevent_will(emulator: EmulatorHandle) -> None:
    emulator.add_session("willing", connected=True, will={"topic": "w"})
    dry = run("clients", "invalidate", "willing", "--dry-run", url=emulator.base_url)
    assert (dry.returncode, dry.stderr) == (0, "dry run: would invalidate the session of willing\n")
    assert emulator.events() == []
    result = run(
        "clients", "invalidate", "willing", "--yes", "--prevent-will-message", url=emulator.base_url
    )
    assert (result.returncode, result.stderr) == (0, "invalidated the session of willing\n")
    assert [e["type"] for e in emulator.events()] == ["invalidate"]
    gone = run("clients", "show", "willing", url=emulator.base_url)
    assert gone.returncode == 4
    _no_traceback(gone)


def test_exit_codes_of_expected_errors(emulator: EmulatorHandle) -> None:
    with local_server() as closed:
        closed_url = closed.base_url
    unreachable = run("clients", "state", "x", url=closed_url)
    assert unreachable.returncode == 3
    _no_traceback(unreachable)
    invalid = run("clients", "show", "", url=emulator.base_url)
    assert invalid.returncode == 6
    _no_traceback(invalid)
    missing = run("clients", "show", "nobody", url=emulator.base_url)
    assert missing.returncode == 4
    assert "Resource with id 'nobody' not found" in missing.stderr


def test_auth_failure_and_secrets(tmp_path: Path) -> None:
    def refuse(
        method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        body = b'{"errors": [{"title": "Unauthorized", "detail": "bad credentials"}]}'
        return 401, {"Content-Type": "application/json"}, body

    with local_server(refuse) as server:
        by_option = run(
            "clients",
            "show",
            "a",
            "--username",
            "ops",
            "--password",
            "hunter2",
            url=server.base_url,
        )
        by_env = run(
            "clients",
            "export",
            "-o",
            str(tmp_path / "out.csv"),
            "--debug",
            url=server.base_url,
            env={"HIVEMQ_REST_TOKEN": "tok-SECRET-1"},
        )
        seen = [h.get("authorization") for _, _, h in server.seen]
    assert by_option.returncode == 5
    assert by_env.returncode == 5
    assert seen[0] == "Basic b3BzOmh1bnRlcjI="
    assert "Bearer tok-SECRET-1" in seen
    output = by_option.stdout + by_option.stderr + by_env.stdout + by_env.stderr
    assert "hunter2" not in output
    assert "tok-SECRET-1" not in output
    assert "nothing was exported" in by_env.stderr
    assert list(tmp_path.iterdir()) == []  # no partial file of a header alone


def test_insecure_warns() -> None:
    with local_server() as server:
        result = run("clients", "state", "a", "--insecure", url=server.base_url)
    assert result.returncode == 0
    assert "verification is off" in result.stderr


# -- export ---------------------------------------------------------------------


def test_export_csv(emulator: EmulatorHandle, tmp_path: Path) -> None:
    output = tmp_path / "clients.csv"
    result = run(
        "clients", "export", "--format", "csv", "--output", str(output), url=emulator.base_url
    )
    assert result.returncode == 0, result.stderr
    with output.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0])
    assert header[:6] == [
        "clientId",
        "connected",
        "sessionExpiryInterval",
        "connectedAt",
        "messageQueueSize",
        "willPresent",
    ]
    assert len(header) >= 32
    assert "password" not in header
    assert sorted(r["clientId"] for r in rows) == sorted(emulator.store.ids())
    by_id = {r["clientId"]: r for r in rows}
    assert by_id["a/b"]["connected"] == "true"
    assert by_id["a/b"]["username"] == "ops"
    assert "c2VjcmV0" not in output.read_text()
    assert f"exported {len(rows)}, vanished 0, failed 0" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients.csv"]


def test_export_jsonl_with_passwords(emulator: EmulatorHandle, tmp_path: Path) -> None:
    output = tmp_path / "clients.jsonl"
    result = run(
        "clients",
        "export",
        "--format",
        "jsonl",
        "-o",
        str(output),
        "--include-password",
        "--concurrency",
        "4",
        "--rate",
        "5000",
        url=emulator.base_url,
    )
    assert result.returncode == 0, result.stderr
    bodies = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted(b["id"] for b in bodies) == sorted(emulator.store.ids())
    assert {b["connection"]["password"] for b in bodies if b["id"] in AWKWARD} == {"c2VjcmV0"}


def test_export_counts_failed_clients(tmp_path: Path) -> None:
    def api(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        json_type = {"Content-Type": "application/json"}
        if path.startswith("/api/v1/mqtt/clients?"):
            return (
                200,
                json_type,
                b'{"items": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}]}',
            )
        client_id = path.rsplit("/", 1)[1]
        if client_id == "b":
            return 500, {}, b"boom"
        if client_id == "c":
            return 404, json_type, b'{"errors": [{"title": "Resource not found"}]}'
        return 200, json_type, json.dumps({"client": {"id": client_id}}).encode()

    output = tmp_path / "out.csv"
    with local_server(api) as server:
        result = run("clients", "export", "-o", str(output), url=server.base_url)
    assert result.returncode == 8
    assert "exported 2, vanished 1, failed 1" in result.stderr
    assert "failed 'b': 500" in result.stderr
    assert sorted(r[0] for r in csv.reader(output.open())) == ["a", "clientId", "d"]


def _fatal_after(rows: int) -> Behaviour:
    """A server that lists five clients, then refuses (401) every detail after ``rows``."""
    answered: list[str] = []

    def api(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        json_type = {"Content-Type": "application/json"}
        if path.startswith("/api/v1/mqtt/clients?"):
            items = [{"id": client_id} for client_id in "abcde"]
            return 200, json_type, json.dumps({"items": items}).encode()
        if len(answered) >= rows:
            return 401, json_type, b'{"errors": [{"title": "Unauthorized"}]}'
        answered.append(path)
        return 200, json_type, json.dumps({"client": {"id": path[-1]}}).encode()

    return api


def test_fatal_export_keeps_a_partial_file(tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    earlier = tmp_path / "out.csv.partial"
    earlier.write_text("an earlier run's rows\n")
    with local_server(_fatal_after(2)) as server:
        command = ["clients", "export", "-o", str(output), "--concurrency", "1"]
        result = run(*command, url=server.base_url)
    assert result.returncode == 5
    assert "Traceback" not in result.stderr
    assert not output.exists()
    assert earlier.read_text() == "an earlier run's rows\n"  # never overwritten
    kept = tmp_path / "out.csv.partial.1"
    assert f"2 rows kept in {kept}" in result.stderr
    assert [row[0] for row in csv.reader(kept.open())] == ["clientId", "a", "b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv.partial", "out.csv.partial.1"]


def test_export_that_stops_before_any_row_leaves_no_file(
    emulator: EmulatorHandle, tmp_path: Path
) -> None:
    emulator.set_faults(drop_connection_ratio=1.0)
    # Two attempts, not ten: the retries' backoff is not what this is about.
    output = str(tmp_path / "out.csv")
    result = run("clients", "export", "-o", output, "--max-attempts", "2", url=emulator.base_url)
    assert result.returncode == 3
    assert "nothing was exported" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_into_a_missing_directory(tmp_path: Path) -> None:
    output = tmp_path / "missing" / "out.csv"
    result = run("clients", "export", "-o", str(output), url="http://127.0.0.1:9")
    assert result.returncode == 9
    assert "no such directory" in result.stderr
    _no_traceback(result)


def test_export_file_that_cannot_be_written(tmp_path: Path) -> None:
    # A name the file system does not take (ENAMETOOLONG): an OSError of the
    # file, whoever runs the test (root too), before anything is asked for.
    output = tmp_path / ("x" * 252 + ".csv")  # 256 bytes, NAME_MAX is 255
    result = run("clients", "export", "-o", str(output), url="http://127.0.0.1:9")
    assert result.returncode == 9
    assert f"cannot write {output}" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_export_progress_only_on_a_terminal(emulator: EmulatorHandle, tmp_path: Path) -> None:
    piped = run("clients", "export", "-o", str(tmp_path / "a.csv"), url=emulator.base_url)
    # FORCE_COLOR makes rich treat stderr as a terminal, as a person's shell
    # would be; it is read when the process starts.
    on_terminal = run_process(
        "clients",
        "export",
        "-o",
        str(tmp_path / "b.csv"),
        "--url",
        emulator.base_url,
        env={"FORCE_COLOR": "1"},
    )
    assert piped.returncode == on_terminal.returncode == 0
    assert "listed" not in piped.stderr
    total = len(emulator.store.ids())
    assert f"listed {total:>9,}" in on_terminal.stderr
    assert f"fetched {total:>9,}" in on_terminal.stderr
    assert "/s" in on_terminal.stderr
    assert "ETA" in on_terminal.stderr

"""``hivemq-rest backups``, run as the installed command against the emulator."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hivemq_rest_emulator import EmulatorHandle, EmulatorServer, SessionStore, create_app
from hivemq_rest_emulator.core import Clock
from hivemq_rest_emulator.services import DEFAULT_BACKUP_BYTES, default_services
from hivemq_rest_emulator.testing import EmulatorProcess

from .cli_run import run, run_bytes, run_on_terminal, run_until_the_reader_leaves
from .frozen_emulator import frozen_emulator

BACKUP_BYTES = 1024 * 1024  # the emulator's default size of a backup's file
HOSTILE = "x\x1b]0;owned\x07\u202eid"


@contextmanager
def _backups_take(seconds: float, size: int = DEFAULT_BACKUP_BYTES) -> Iterator[str]:
    """The base URL of an emulator, in this process, whose backups take ``seconds`` (real time)."""
    clock, store = Clock(), SessionStore()
    services = default_services(clock, store, backup_seconds=seconds, backup_bytes=size)
    with EmulatorServer(create_app(store, clock=clock, services=services)) as server:
        yield server.base_url


def _json(*args: str, url: str) -> dict[str, object]:
    result = run(*args, "--json", "--url", url)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def test_create_get_list_and_download(hivemq_emulator: EmulatorHandle, tmp_path: Path) -> None:
    url = hivemq_emulator.base_url
    started = _json("backups", "create", url=url)
    assert started["state"] == "IN_PROGRESS"
    backup_id = str(started["id"])
    hivemq_emulator.advance_clock(60)  # backups take 2 s of emulator time
    assert _json("backups", "get", backup_id, url=url)["state"] == "COMPLETED"

    listed = run("backups", "list", "--json", "--url", url)
    assert [item["id"] for item in json.loads(listed.stdout)] == [backup_id]
    table = run("backups", "list", "--url", url)
    assert table.returncode == 0
    assert backup_id in table.stdout
    assert "COMPLETED" in table.stdout

    file = tmp_path / "backup.bin"
    result = run("backups", "download", backup_id, str(file), "--url", url)
    assert result.returncode == 0, result.stderr
    assert file.stat().st_size == BACKUP_BYTES
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert result.stderr == f"downloaded {BACKUP_BYTES:,} bytes to {file}\n"


def test_create_wait_download_end_to_end(tmp_path: Path) -> None:
    file = tmp_path / "hivemq-backup.bin"
    with _backups_take(0, 54321) as url:
        result = run("backups", "create", "--wait", "--download", str(file), "--json", "--url", url)
    assert result.returncode == 0, result.stderr
    backup = json.loads(result.stdout)
    assert backup["state"] == "COMPLETED"
    assert backup["bytes"] == 54321
    assert file.stat().st_size == 54321
    lines = result.stderr.splitlines()
    assert lines[0] == f"started backup {backup['id']}"
    assert lines[-1] == f"downloaded 54,321 bytes to {file}"
    assert "\x1b" not in result.stderr  # no progress line when not on a terminal


@pytest.mark.slow
def test_progress_shows_on_a_terminal(tmp_path: Path) -> None:
    file = tmp_path / "b.bin"
    with EmulatorProcess("--backup-seconds", "0") as server:
        code, shown = run_on_terminal(
            "backups", "create", "--wait", "--download", str(file), "--url", server.base_url
        )
    assert code == 0, shown
    assert f"downloaded {BACKUP_BYTES:,} of {BACKUP_BYTES:,} bytes" in shown
    assert file.stat().st_size == BACKUP_BYTES


@pytest.mark.parametrize("extra", [("--wait",), (), ("--json",)])
def test_a_backup_the_broker_answers_failed_exits_10(extra: tuple[str, ...]) -> None:
    with frozen_emulator() as url:
        running = _json("backups", "create", url=url)["id"]  # never ends: the next one fails
        result = run("backups", "create", *extra, "--url", url)
        listed = json.loads(run("backups", "list", "--json", "--url", url).stdout)
    assert result.returncode == 10, result.stderr
    assert result.stdout == ""
    [failed] = [item for item in listed if item["id"] != running]
    assert failed["state"] == "FAILED"
    assert result.stderr == (  # nothing says "started"
        f"error: backup {failed['id']!r} ended FAILED: "
        "Another backup or restore is already in progress.\n"
    )


def test_a_wait_that_runs_out_exits_10() -> None:
    with _backups_take(86400) as url:
        result = run("backups", "create", "--wait", "--wait-timeout", "0.01", "--url", url)
    assert result.returncode == 10, result.stderr
    # The wait is an upper bound: within 0.01 s the first poll may not be answered.
    assert "still IN_PROGRESS" in result.stderr or "no poll was answered" in result.stderr


def test_download_needs_wait_and_a_writable_place(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    url = hivemq_emulator.base_url
    result = run("backups", "create", "--download", str(tmp_path / "b"), "--url", url)
    assert result.returncode == 2
    assert "--download needs --wait" in result.stderr
    result = run("backups", "create", "--wait-timeout", "5", "--url", url)
    assert result.returncode == 2
    assert "--wait-timeout goes with --wait" in result.stderr
    missing = tmp_path / "no" / "b.bin"
    result = run("backups", "create", "--wait", "--download", str(missing), "--url", url)
    assert result.returncode == 9
    assert f"no such directory {missing.parent}" in result.stderr
    # Checked before the backup starts: nothing was created.
    assert json.loads(run("backups", "list", "--json", "--url", url).stdout) == []


def _completed(emulator: EmulatorHandle) -> str:
    backup_id = str(_json("backups", "create", url=emulator.base_url)["id"])
    emulator.advance_clock(60)
    return backup_id


def test_a_symbolic_link_is_refused_not_replaced(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    url = hivemq_emulator.base_url
    real = tmp_path / "real"
    real.write_bytes(b"keep")
    link = tmp_path / "link"
    link.symlink_to(real)
    message = (
        f"error: cannot write {link}: it is a symbolic link, not a regular file "
        "(give the real path, or - for standard output)\n"
    )
    created = run("backups", "create", "--wait", "--download", str(link), "--url", url)
    assert (created.returncode, created.stderr) == (9, message)
    # Checked before the backup starts: nothing was created.
    assert json.loads(run("backups", "list", "--json", "--url", url).stdout) == []
    result = run("backups", "download", _completed(hivemq_emulator), str(link), "--url", url)
    assert (result.returncode, result.stderr) == (9, message)
    assert link.is_symlink()
    assert real.read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_a_path_that_cannot_be_looked_at_exits_9_before_sending(tmp_path: Path) -> None:
    long_name = tmp_path / ("x" * 300)
    # Nothing listens on port 9: a request would exit 3.
    result = run("backups", "download", "b1", str(long_name), "--url", "http://127.0.0.1:9")
    assert result.returncode == 9, result.stderr
    assert result.stderr.endswith(": File name too long\n")


def test_download_to_standard_output(hivemq_emulator: EmulatorHandle) -> None:
    url = hivemq_emulator.base_url
    result = run_bytes("backups", "download", _completed(hivemq_emulator), "-", "--url", url)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) == BACKUP_BYTES
    assert result.stderr.decode() == f"downloaded {BACKUP_BYTES:,} bytes to standard output\n"
    refused = run("backups", "create", "--wait", "--download", "-", "--url", url)
    assert refused.returncode == 2
    assert "use backups download ID -" in refused.stderr


@pytest.mark.slow
def test_a_reader_that_goes_away_ends_the_download_quietly(
    hivemq_emulator: EmulatorHandle,
) -> None:
    url = hivemq_emulator.base_url
    backup_id = _completed(hivemq_emulator)
    # 1 MiB does not fit in the pipe: the writes after the first bytes fail.
    code, errors = run_until_the_reader_leaves(
        "backups", "download", backup_id, "-", "--url", url, first_bytes=10
    )
    assert (code, errors) == (0, b"")


def test_restore_needs_yes_off_a_terminal(hivemq_emulator: EmulatorHandle) -> None:
    url = hivemq_emulator.base_url
    backup_id = str(_json("backups", "create", url=url)["id"])
    hivemq_emulator.advance_clock(60)
    refused = run("backups", "restore", backup_id, "--url", url)
    assert refused.returncode == 2
    assert "pass --yes" in refused.stderr
    assert _json("backups", "get", backup_id, url=url)["state"] == "COMPLETED"  # nothing sent

    restored = _json("backups", "restore", backup_id, "--yes", url=url)
    assert restored["state"] == "RESTORE_IN_PROGRESS"
    hivemq_emulator.advance_clock(60)
    assert _json("backups", "get", backup_id, url=url)["state"] == "RESTORE_COMPLETED"


@pytest.mark.slow
def test_restore_asks_on_a_terminal(hivemq_emulator: EmulatorHandle) -> None:
    url = hivemq_emulator.base_url
    backup_id = str(_json("backups", "create", url=url)["id"])
    hivemq_emulator.advance_clock(60)
    code, shown = run_on_terminal(
        "backups", "restore", backup_id, "--url", url, answer=(b"[y/N]", b"n\n")
    )
    assert code == 1  # click's Abort
    assert "Restore the broker from backup" in shown
    assert _json("backups", "get", backup_id, url=url)["state"] == "COMPLETED"


@pytest.mark.parametrize(
    "args",
    [
        ("backups", "get"),
        ("backups", "download"),
        ("backups", "restore", "--yes"),
    ],
)
def test_an_unknown_backup_exits_4_with_the_id_escaped(
    hivemq_emulator: EmulatorHandle, tmp_path: Path, args: tuple[str, ...]
) -> None:
    extra = (str(tmp_path / "f"),) if args[1] == "download" else ()
    result = run(*args[:2], HOSTILE, *extra, *args[2:], "--url", hivemq_emulator.base_url)
    assert result.returncode == 4, result.stderr
    assert "\x1b" not in result.stderr
    assert "\u202e" not in result.stderr
    assert "x\\x1b]0;owned\\x07\\u202eid" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not os.listdir(tmp_path)  # no file, not even a partial one


def test_a_restore_the_broker_refuses_exits_7(hivemq_emulator: EmulatorHandle) -> None:
    url = hivemq_emulator.base_url
    backup_id = str(_json("backups", "create", url=url)["id"])  # not completed yet
    result = run("backups", "restore", backup_id, "--yes", "--url", url)
    assert result.returncode == 7, result.stderr
    assert "400" in result.stderr


def test_every_command_documents_examples_and_exit_codes() -> None:
    for command in ("list", "get", "create", "restore", "download"):
        result = run("backups", command, "--help")
        assert result.returncode == 0
        assert "Examples:\n    hivemq-rest backups " + command in result.stdout
        assert "Exit codes:" in result.stdout
    assert "10  the backup, restore or archive failed" in run("backups", "create", "--help").stdout

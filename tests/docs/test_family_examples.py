"""The Data Hub, backups and trace-recordings examples of the guides do what they say.

test_examples.py runs every example; here three of them run again against a
fresh emulator started as their page says, and what they print is compared
with what the emulator holds, over plain HTTP.
"""

from __future__ import annotations

import re
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hivemq_rest_emulator.testing import ChildProcess, emulator_command

from tests.docs._pages import BASE_URL, DOCS, Block, blocks, serve_argv

DATA_HUB = DOCS / "guides" / "data-hub-as-code.md"
BACKUPS = DOCS / "guides" / "backups-and-trace-recordings.md"
EXAMPLE_TIMEOUT = 120
SERVE_TIMEOUT = 30.0


def _python(page: Path, number: int) -> Block:
    return [b for b in blocks(page) if b.language == "python"][number]


@pytest.fixture
def emulator(request: pytest.FixtureRequest) -> Iterator[str]:
    """The emulator of the page given as the fixture's parameter, on a free port."""
    argv = serve_argv(request.param)
    argv[argv.index("--port") + 1] = "0"
    with ChildProcess(emulator_command(*argv[1:]), name=" ".join(argv)) as process:
        found = process.wait_for_line(re.compile(r"listening on (http://\S+)"), SERVE_TIMEOUT)
        yield found[1]


def _run(block: Block, base_url: str, cwd: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", block.code.replace(BASE_URL, base_url)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=EXAMPLE_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.removesuffix("\n").split("\n")


def _get(api: httpx.Client, path: str) -> Any:
    response = api.get(path)
    response.raise_for_status()
    return response.json()


@pytest.mark.slow
@pytest.mark.parametrize("emulator", [DATA_HUB], indirect=True)
def test_data_hub_example(emulator: str, tmp_path: Path) -> None:
    printed = _run(_python(DATA_HUB, 0), emulator, tmp_path)
    with httpx.Client(base_url=emulator) as api:
        (reading,) = _get(api, "/api/v1/data-hub/schemas?schemaIds=reading")["items"]
        policy = _get(api, "/api/v1/data-hub/data-validation/policies/readings")
    assert printed == [
        "Schema already present",
        f"readings {policy['matching']['topicFilter']}",
        "readings",  # the partial listing: fields=["id"]
        "True",
    ]
    assert (reading["type"], reading["version"]) == ("JSON", 1)  # stored once, not twice


@pytest.mark.slow
@pytest.mark.parametrize("emulator", [BACKUPS], indirect=True)
def test_backups_example(emulator: str, tmp_path: Path) -> None:
    printed = _run(_python(BACKUPS, 0), emulator, tmp_path)
    with httpx.Client(base_url=emulator) as api:
        (backup,) = _get(api, "/api/v1/management/backups")["items"]
        file = api.get(f"/api/v1/management/files/backups/{backup['id']}")
    assert printed == [f"{backup['id']} COMPLETED {backup['bytes']}"]
    downloaded = tmp_path / "hivemq-backup.bin"
    assert downloaded.read_bytes() == file.content
    assert len(file.content) == backup["bytes"] > 0
    assert stat.S_IMODE(downloaded.stat().st_mode) == 0o600


@pytest.mark.slow
@pytest.mark.parametrize("emulator", [BACKUPS], indirect=True)
def test_trace_recordings_example(emulator: str, tmp_path: Path) -> None:
    printed = _run(_python(BACKUPS, 1), emulator, tmp_path)
    with httpx.Client(base_url=emulator) as api:
        left = _get(api, "/api/v1/management/trace-recordings")["items"]
    assert printed == ["sensors-1 STOPPED"]
    assert left == []  # the example deletes what it made
    with zipfile.ZipFile(tmp_path / "sensors-1.zip") as bundle:
        assert bundle.testzip() is None
        assert bundle.namelist() == ["sensors-1.log"]

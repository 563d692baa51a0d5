"""The README is true: its examples run as written, its pin fits the version.

Each example runs in a fresh process against a fresh emulator started with the
README's own command; only the port is replaced (a free one). What the example
prints is compared with what the emulator says over plain HTTP. The guides'
examples are run by tests/docs.
"""

from __future__ import annotations

import csv
import re
import shlex
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hivemq_rest_emulator.testing import ChildProcess, emulator_command
from packaging.specifiers import SpecifierSet

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """Each ``## `` section of the README by its title (without the title line)."""
    parts = re.split(r"^## (.+)\n", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


SECTIONS = _sections(README)
PYTHON = re.compile(r"```python\n(.*?)```", re.DOTALL)
EXAMPLES = PYTHON.findall(SECTIONS["Using the library"])
# "### Family" subsections of "The other families", each with its one example.
FAMILIES = {
    name: PYTHON.findall(text)
    for name, text in re.findall(
        r"^### ([^\n]+)\n(.*?)(?=^### |\Z)",
        SECTIONS["The other families"],
        re.MULTILINE | re.DOTALL,
    )
}
(CLI_EXAMPLE,) = re.findall(r"```sh\n(.*?)```", SECTIONS["The command line"], re.DOTALL)
# The command the README starts the emulator with for every example.
(SERVE,) = re.findall(r"```\n(hivemq-emulator serve [^\n]*)\n```", SECTIONS["Using the library"])
BASE_URL = "http://localhost:8888"
EXAMPLE_TIMEOUT = 120
SERVE_TIMEOUT = 30.0


def test_readme_has_sync_and_async_examples() -> None:
    assert len(EXAMPLES) == 2
    assert "HiveMQClient(" in EXAMPLES[0]
    assert "AsyncHiveMQClient(" in EXAMPLES[1]
    assert all(example.count(BASE_URL) == 1 for example in [*EXAMPLES, CLI_EXAMPLE])
    # Every Python block of the README is one of those run below.
    assert len(PYTHON.findall(README)) == len(EXAMPLES) + len(FAMILIES)


def test_readme_has_one_example_for_each_other_family() -> None:
    assert list(FAMILIES) == ["Data Hub", "Backups", "Trace recordings", "Diagnostic archives"]
    assert all(len(examples) == 1 for examples in FAMILIES.values())
    assert all(examples[0].count(BASE_URL) == 1 for examples in FAMILIES.values())


def test_readme_names_the_docs_and_links_pages_that_exist() -> None:
    assert "./scripts/docs.sh --serve" in README
    links = re.findall(r"\]\((docs/[^)#]+)", README)
    assert links
    assert all((ROOT / link).is_file() for link in links)


@pytest.fixture
def emulator() -> Iterator[str]:
    """The README's ``hivemq-emulator serve`` on a free port; yields the examples' base URL."""
    argv = shlex.split(SERVE)
    port = argv.index("--port") + 1
    assert argv[port] == BASE_URL.rsplit(":", 1)[1]
    argv[port] = "0"
    with ChildProcess(emulator_command(*argv[1:]), name=SERVE) as process:
        listening = re.compile(r"listening on http://127\.0\.0\.1:(\d+)")
        found = process.wait_for_line(listening, SERVE_TIMEOUT)
        yield BASE_URL.replace("8888", found[1])


def _run(example: str, base_url: str, cwd: Path | None = None) -> list[str]:
    """The lines an example prints, run as a script of its own."""
    result = subprocess.run(
        [sys.executable, "-c", example.replace(BASE_URL, base_url)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=EXAMPLE_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # Not splitlines(): an id may hold characters it would split at.
    return result.stdout.removesuffix("\n").split("\n")


def _get(api: httpx.Client, path: str) -> Any:
    response = api.get(path)
    response.raise_for_status()
    return response.json()


def _client_path(client_id: str) -> str:
    return f"/api/v1/mqtt/clients/{quote(client_id, safe='')}"


def _all_ids(api: httpx.Client) -> list[str]:
    page = _get(api, "/api/v1/mqtt/clients?limit=2500")
    assert "next" not in (page.get("_links") or {})  # the README's sessions fit one page
    return [item["id"] for item in page["items"]]


@pytest.mark.slow
def test_sync_example_runs_as_written(emulator: str) -> None:
    with httpx.Client(base_url=emulator) as api:
        client_id = _all_ids(api)[0]
        client = _get(api, _client_path(client_id))["client"]
        state = _get(api, f"{_client_path(client_id)}/connection")["connection"]
        subscriptions = _get(api, f"{_client_path(client_id)}/subscriptions")["items"]
        printed = _run(EXAMPLES[0], emulator)
        gone = api.get(_client_path(client_id))
    # The README's seed makes its first client one with subscriptions that
    # outlive a disconnect, so that every line of the example has work to do.
    assert subscriptions
    assert client["connected"]
    expiry = client.get("sessionExpiryInterval")
    assert printed[:2] == [
        f"{client_id} {client['connected']} {'no expiry' if expiry is None else f'{expiry} s'}",
        str(state["connected"]),
    ]
    assert printed[2:-1] == [f"{s['topicFilter']} {s['qos']}" for s in subscriptions]
    assert printed[-1].startswith("404 Resource not found")
    assert gone.status_code == 404


@pytest.mark.slow
def test_async_example_runs_as_written(emulator: str) -> None:
    with httpx.Client(base_url=emulator) as api:
        ids = _all_ids(api)
        connected = {i: _get(api, _client_path(i))["client"]["connected"] for i in ids}
    printed = _run(EXAMPLES[1], emulator)
    assert len(ids) > 100
    assert sorted(printed[:-1]) == sorted(f"{i} {connected[i]}" for i in ids)
    assert printed[-1] == "vanished: []"


@pytest.mark.slow
def test_data_hub_example_runs_as_written(emulator: str) -> None:
    (example,) = FAMILIES["Data Hub"]
    printed = _run(example, emulator)
    with httpx.Client(base_url=emulator) as api:
        policy = _get(api, "/api/v1/data-hub/data-validation/policies/junk")
        schema = _get(api, "/api/v1/data-hub/schemas/reading")
    assert printed == [f"{policy['id']} {policy['matching']['topicFilter']}"]
    assert schema["type"] == "JSON"


@pytest.mark.slow
def test_backups_example_runs_as_written(emulator: str, tmp_path: Path) -> None:
    (example,) = FAMILIES["Backups"]
    printed = _run(example, emulator, cwd=tmp_path)
    with httpx.Client(base_url=emulator) as api:
        (backup,) = _get(api, "/api/v1/management/backups")["items"]
    assert printed == [f"{backup['state']} {backup['bytes']}"]
    assert backup["state"] == "COMPLETED"
    assert (tmp_path / "hivemq-backup.bin").stat().st_size == backup["bytes"]


@pytest.mark.slow
def test_trace_recordings_example_runs_as_written(emulator: str, tmp_path: Path) -> None:
    (example,) = FAMILIES["Trace recordings"]
    printed = _run(example, emulator, cwd=tmp_path)
    with httpx.Client(base_url=emulator) as api:
        (recording,) = _get(api, "/api/v1/management/trace-recordings")["items"]
    size = (tmp_path / "sensors.zip").stat().st_size
    assert printed == [f"{recording['state']} {size}"]
    assert (recording["name"], recording["state"]) == ("sensors", "STOPPED")
    assert zipfile.is_zipfile(tmp_path / "sensors.zip")


@pytest.mark.slow
def test_diagnostic_archives_example_runs_as_written(emulator: str) -> None:
    (example,) = FAMILIES["Diagnostic archives"]
    assert _run(example, emulator) == ["IN_PROGRESS"]


@pytest.mark.slow
def test_command_line_example_runs_as_written(emulator: str, tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LC_ALL": "C.UTF-8",
    }
    result = subprocess.run(
        ["bash", "-c", "set -eu -o pipefail\n" + CLI_EXAMPLE.replace(BASE_URL, emulator)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=EXAMPLE_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with httpx.Client(base_url=emulator) as api:
        ids = _all_ids(api)
        (backup,) = _get(api, "/api/v1/management/backups")["items"]
        policies = _get(api, "/api/v1/data-hub/data-validation/policies")["items"]
    assert result.stdout.split("\n", 1)[0] == str(len(ids))  # clients count
    with (tmp_path / "clients.csv").open(newline="", encoding="utf-8") as exported:
        assert sorted(row["clientId"] for row in csv.DictReader(exported)) == sorted(ids)
    assert policies == []  # --dry-run sends nothing
    assert (tmp_path / "hivemq-backup.bin").stat().st_size == backup["bytes"] > 0


def test_pin_in_readme_matches_the_version() -> None:
    (pin,) = re.findall(r'pip install "hivemq-rest-client\[cli\](==[^"]+)"', README)
    hook = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["metadata"][
        "hooks"
    ]["custom"]
    version = f"{hook['spec-version']}.{hook['client-revision']}"
    assert SpecifierSet(pin).contains(version)
    assert pin == f"=={hook['spec-version']}.*"

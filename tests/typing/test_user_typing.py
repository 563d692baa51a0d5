"""A user's mypy --strict sees the models' types through hivemq_rest alone."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hivemq_rest import ClientDetails, ConnectionDetails
from hivemq_rest_emulator import EmulatorHandle
from hivemq_rest_emulator.core.app import create_app
from hivemq_rest_emulator.core.clock import Clock
from hivemq_rest_emulator.core.server import EmulatorServer
from hivemq_rest_emulator.services import default_services

from tests.typing.user_script import back_up, describe, describe_first, store_policy

USER_SCRIPT = Path(__file__).with_name("user_script.py")

# Each misuse must be rejected, with this error code, on its line (after the preamble).
_PREAMBLE = "from hivemq_rest import ClientDetails\nclient = ClientDetails(id='c')\n"
MISUSES = {
    "connected_may_be_absent": ("flag: bool = client.connected", "assignment"),
    "expiry_may_be_absent": ("minutes = client.session_expiry_interval // 60", "operator"),
    "details_need_an_id": ("ClientDetails()", "call-arg"),
    "no_such_model": ("from hivemq_rest import ClientDetail", "attr-defined"),
    "no_unset_to_import": ("from hivemq_rest import Unset", "attr-defined"),
    "partial_policy_is_not_whole": (
        "from hivemq_rest import DataPolicy, HiveMQClient; "
        'p: DataPolicy = HiveMQClient("http://127.0.0.1").data_hub.data_policies.get('
        '"p", fields=["id"])',
        "assignment",
    ),
    "partial_matching_may_be_absent": (
        "from hivemq_rest import HiveMQClient; "
        't: str = HiveMQClient("http://127.0.0.1").data_hub.data_policies.get('
        '"p", fields=["id"]).matching.topic_filter',
        "union-attr",
    ),
}


def _mypy(folder: Path, files: list[Path]) -> dict[str, list[tuple[int, str]]]:
    """mypy --strict as a user runs it (none of this project's settings): errors by file."""
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--config-file", "", "--no-incremental"),
            *("--show-error-codes", "--no-error-summary", *map(str, files)),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    errors: dict[str, list[tuple[int, str]]] = {path.name: [] for path in files}
    for line in result.stdout.splitlines():
        if ": note: " in line:
            continue
        found = re.match(r"(?:.*/)?([^/:]+\.py):(\d+): error: .*\[([a-z-]+)\]$", line)
        assert found, f"unexpected mypy output: {line}\n{result.stderr}"
        errors[found[1]].append((int(found[2]), found[3]))
    assert result.returncode == (1 if any(errors.values()) else 0), result.stderr
    return errors


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[int, str]]]:
    folder = tmp_path_factory.mktemp("typing")
    files = [folder / USER_SCRIPT.name]
    files[0].write_text(USER_SCRIPT.read_text())
    for name, (line, _) in MISUSES.items():
        files.append(folder / f"{name}.py")
        files[-1].write_text(_PREAMBLE + line + "\n")
    return _mypy(folder, files)


@pytest.mark.slow
def test_user_script_passes_mypy_strict(mypy_errors: dict[str, list[tuple[int, str]]]) -> None:
    assert mypy_errors[USER_SCRIPT.name] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", MISUSES)
def test_misuse_is_rejected(mypy_errors: dict[str, list[tuple[int, str]]], name: str) -> None:
    code = MISUSES[name][1]
    # One error per type in the union that does not fit: at least one.
    assert set(mypy_errors[f"{name}.py"]) == {(_PREAMBLE.count("\n") + 1, code)}


@pytest.mark.slow
def test_user_script_runs() -> None:
    assert describe(ClientDetails(id="z")) == "z: state unknown, expiry unknown, user -"
    client = ClientDetails(
        id="a/b",
        connected=True,
        session_expiry_interval=3600,
        connection=ConnectionDetails(username="ops"),
    )
    assert describe(client) == "a/b: online, kept 60 min, user ops"
    assert describe(ClientDetails(id="c", connected=False, session_expiry_interval=None)) == (
        "c: offline, expiry unknown, user -"
    )


def test_user_script_runs_against_the_emulator(hivemq_emulator: EmulatorHandle) -> None:
    assert describe_first(hivemq_emulator.base_url) is None
    hivemq_emulator.add_session("x", connected=False, sessionExpiryInterval=120)
    assert describe_first(hivemq_emulator.base_url) == "x: offline, kept 2 min, user -"


def test_user_script_stores_a_policy_in_the_emulator(hivemq_emulator: EmulatorHandle) -> None:
    assert store_policy(hivemq_emulator.base_url, "plant/#") == ["readings"]


def test_user_script_makes_a_backup_in_the_emulator() -> None:
    # As the README's emulator (--backup-seconds 0): a backup completes at once.
    clock = Clock()
    app = create_app(clock=clock, services=default_services(clock, backup_seconds=0))
    with EmulatorServer(app) as server:
        assert back_up(server.base_url)

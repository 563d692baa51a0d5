"""A user's mypy --strict sees the models' types through hivemq_rest alone."""

from __future__ import annotations

import pytest
from hivemq_rest import ClientDetails, ConnectionDetails
from hivemq_rest_emulator import EmulatorHandle
from hivemq_rest_emulator.core.app import create_app
from hivemq_rest_emulator.core.clock import Clock
from hivemq_rest_emulator.core.server import EmulatorServer
from hivemq_rest_emulator.services import default_services

from tests.typing.checked import MISUSE_PREAMBLE, MISUSES, ErrorsByFile
from tests.typing.user_script import back_up, describe, describe_first, store_policy


def test_user_script_passes_mypy_strict(mypy_errors: ErrorsByFile) -> None:
    assert mypy_errors["user_script.py"] == []


@pytest.mark.parametrize("name", MISUSES)
def test_misuse_is_rejected(mypy_errors: ErrorsByFile, name: str) -> None:
    code = MISUSES[name][1]
    # One error per type in the union that does not fit: at least one.
    assert set(mypy_errors[f"{name}.py"]) == {(MISUSE_PREAMBLE.count("\n") + 1, code)}


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

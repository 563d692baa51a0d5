"""A user's mypy --strict sees the surface's types (namespaces, raw responses, options)."""

from __future__ import annotations

from hivemq_rest_emulator import EmulatorHandle

from tests.typing.checked import ErrorsByFile
from tests.typing.surface_script import tour


def test_surface_script_passes_mypy_strict(mypy_errors: ErrorsByFile) -> None:
    assert mypy_errors["surface_script.py"] == []


def test_surface_script_runs_against_the_emulator(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.add_session("a", connected=True)
    sync_seen, async_seen = tour(hivemq_emulator.base_url)
    assert sync_seen == ["200 True", "a", "b", "gone 404"]
    assert async_seen == ["200", "a", "0"]

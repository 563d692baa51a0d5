"""A user's mypy --strict sees the surface's types (namespaces, raw responses, options)."""

from __future__ import annotations

from pathlib import Path

from hivemq_rest_emulator import EmulatorHandle

from tests.typing.surface_script import tour
from tests.typing.test_user_typing import _mypy

SCRIPT = Path(__file__).with_name("surface_script.py")


def test_surface_script_passes_mypy_strict(tmp_path: Path) -> None:
    copy = tmp_path / SCRIPT.name
    copy.write_text(SCRIPT.read_text())
    assert _mypy(tmp_path, [copy]) == {SCRIPT.name: []}


def test_a_wrong_type_is_seen(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "from hivemq_rest import HiveMQClient\n"
        'ids: list[str] = HiveMQClient("http://127.0.0.1").backups.list()\n'
    )
    assert _mypy(tmp_path, [wrong]) == {"wrong.py": [(2, "assignment")]}


def test_surface_script_runs_against_the_emulator(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.add_session("a", connected=True)
    sync_seen, async_seen = tour(hivemq_emulator.base_url)
    assert sync_seen == ["200 True", "a", "b", "gone 404"]
    assert async_seen == ["200", "a", "0"]

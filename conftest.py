"""Root conftest: plugins must be named here (pytest refuses them in deeper conftests)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["hivemq_rest_emulator.testing.pytest_plugin"]

_ROOT = Path(__file__).resolve().parent
# Folders whose every test is slow (scripts/test.sh --fast leaves them out);
# slow tests elsewhere carry @pytest.mark.slow themselves.
_SLOW_FOLDERS = (
    _ROOT / "contract_tests",  # schemathesis's phases, Prism (a Node process), the broker
    _ROOT / "tests" / "broker",  # a real MQTT broker
)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave the slow folders unread when only tests not marked slow are asked for."""
    if config.option.markexpr == "not slow" and _in_slow_folder(collection_path):
        return True
    return None


def _in_slow_folder(path: Path) -> bool:
    return any(path.is_relative_to(folder) for folder in _SLOW_FOLDERS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests of the slow folders ``slow``."""
    for item in items:
        if _in_slow_folder(item.path):
            item.add_marker(pytest.mark.slow)

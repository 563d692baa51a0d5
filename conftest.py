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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests of the slow folders ``slow``."""
    for item in items:
        if any(item.path.is_relative_to(folder) for folder in _SLOW_FOLDERS):
            item.add_marker(pytest.mark.slow)

"""_entry: the hivemq-rest console script says which extra is missing instead of a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    ("function", "hidden", "extra"),
    [("hivemq_rest", "click", "cli")],
)
def test_missing_extra_is_one_clear_line(function: str, hidden: str, extra: str) -> None:
    # A None entry in sys.modules makes "import <hidden>" fail as if not installed.
    code = (
        f"import sys; sys.modules[{hidden!r}] = None\n"
        f"from hivemq_rest._entry import {function}\n{function}()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{function.replace('_', '-')} needs the '{extra}' extra (missing: {hidden}): "
        f'pip install "hivemq-rest-client[{extra}]"'
    ]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["hivemq-rest"])
def test_installed_scripts_run(command: str) -> None:
    script = shutil.which(command, path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert command in result.stdout

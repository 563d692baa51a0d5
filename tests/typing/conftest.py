"""One ``mypy --strict`` run serves every typing test (see checked.py)."""

from __future__ import annotations

import json
import os

import pytest
from filelock import FileLock

from tests.typing.checked import ErrorsByFile, mypy_strict, sources


@pytest.fixture(scope="session")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> ErrorsByFile:
    """mypy's errors for every file of ``sources()``, by file name: once a run.

    Under pytest-xdist the first worker to ask runs mypy and leaves the answer
    in the run's temporary folder (shared by the workers) for the others.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:  # one process: nothing to share
        return mypy_strict(tmp_path_factory.mktemp("typing"), sources())
    run_folder = tmp_path_factory.getbasetemp().parent
    answer = run_folder / "mypy-errors.json"
    with FileLock(f"{answer}.lock"):
        if answer.is_file():
            found = json.loads(answer.read_text("utf-8"))
            return {name: [(line, code) for line, code in errors] for name, errors in found.items()}
        errors = mypy_strict(tmp_path_factory.mktemp("typing"), sources())
        answer.write_text(json.dumps(errors), "utf-8")
        return errors

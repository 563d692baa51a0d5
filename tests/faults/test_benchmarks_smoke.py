"""The benchmarks still run: ``python -m benchmarks --smoke`` at tiny sizes.

Timings and ratios are not checked (they mean nothing at this size on a
shared machine); only that every benchmark ran, checked its answers and
reported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_benchmarks_smoke(tmp_path: Path) -> None:
    report = tmp_path / "BENCHMARKS.md"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--output", str(report)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    text = report.read_text(encoding="utf-8")
    for heading in (
        "## Machine",
        "## Targets",
        "## 1. Listing",
        "## 2. Bulk details",
        "## 3. Export",
        "## 4. Data Hub listing",
        "## 7. Export under faults",
        "## Where the client's CPU goes",
    ):
        assert heading in text
    assert "Smoke run" in text
    assert "n/a" not in text.partition("## Targets")[2].partition("## 1.")[0]


@pytest.mark.slow
def test_benchmarks_run_as_a_script(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "--smoke" in result.stdout

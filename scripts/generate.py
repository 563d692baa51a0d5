"""Regenerate generated/hivemq_rest_generated from openapi.yaml, and the sync client's code.

Usage: python scripts/generate.py
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from _codegen import TARGET, generate_into
from _unasync import write_all


def main() -> None:
    """Generate into a temporary folder, then swap it in for the old package."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate_into(Path(tmp))
        shutil.rmtree(TARGET, ignore_errors=True)
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, TARGET)
    print(f"generated {TARGET}")
    for produced in write_all():
        print(f"generated {produced}")


if __name__ == "__main__":
    main()

"""Move the package version on: a new client revision, or a new spec version.

Usage: python scripts/bump_version.py
If openapi.yaml's info.version changed, the revision restarts at 0 for it;
otherwise the client revision goes up by one. Prints the new version.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hatch_build import spec_version  # noqa: E402


def bump(root: Path) -> str:
    """Rewrite pyproject.toml's spec-version/client-revision and return the new version."""
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    hook = tomllib.loads(text)["tool"]["hatch"]["metadata"]["hooks"]["custom"]
    spec = spec_version(root)
    revision = 0 if spec != hook["spec-version"] else int(hook["client-revision"]) + 1
    text = re.sub(r'(?m)^spec-version = ".*"$', f'spec-version = "{spec}"', text, count=1)
    text = re.sub(r"(?m)^client-revision = \d+$", f"client-revision = {revision}", text, count=1)
    pyproject.write_text(text, encoding="utf-8")
    return f"{spec}.{revision}"


if __name__ == "__main__":
    print(bump(ROOT))

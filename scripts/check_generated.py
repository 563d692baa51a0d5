"""Fail, printing the diff, when generated/ or the sync code is not what scripts/generate.py makes.

Usage: python scripts/check_generated.py   (exit 0: up to date, 1: stale)
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path

from _codegen import ROOT, TARGET, generate_into, tree
from _unasync import PRODUCED, SOURCE, SYNC_RESOURCES, pairs, produce


def stale_diff(target: Path = TARGET) -> str:
    """The unified diff from the package at target to a fresh generation ("" if equal)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = tree(generate_into(Path(tmp)))
    current = tree(target) if target.is_dir() else {}
    lines: list[str] = []
    for name in sorted(current.keys() | fresh.keys()):
        old, new = current.get(name), fresh.get(name)
        if old == new:
            continue
        old_text = (old or b"").decode("utf-8", "replace").splitlines(keepends=True)
        new_text = (new or b"").decode("utf-8", "replace").splitlines(keepends=True)
        from_name = f"a/generated/{TARGET.name}/{name}" if old is not None else "/dev/null"
        to_name = f"b/generated/{TARGET.name}/{name}" if new is not None else "/dev/null"
        lines.extend(difflib.unified_diff(old_text, new_text, from_name, to_name))
    return "".join(lines)


def stale_sync_diff(produced: Path = PRODUCED, source: Path = SOURCE) -> str:
    """The unified diff from one sync module to what its async source makes ("" if equal)."""
    current = produced.read_text(encoding="utf-8") if produced.is_file() else ""
    wanted = produce(source, produced) if source.is_file() else ""
    name = produced.relative_to(ROOT).as_posix() if produced.is_relative_to(ROOT) else produced.name
    return "".join(
        difflib.unified_diff(
            current.splitlines(keepends=True),
            wanted.splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
    )


def stale_sync_diffs() -> str:
    """The diffs of every sync module, and of any left without its async source."""
    known = pairs()
    strays = set(SYNC_RESOURCES.glob("*.py")) - {produced for _, produced in known}
    orphaned = [(produced.with_suffix(".gone"), produced) for produced in sorted(strays)]
    return "".join(stale_sync_diff(produced, source) for source, produced in known + orphaned)


def main() -> int:
    """Print the diff and return 1 when generated/ or the sync client's code is stale."""
    diff = stale_diff() + stale_sync_diffs()
    if diff:
        sys.stdout.write(diff)
        print("\nstale: run `python scripts/generate.py` and commit the result.")
        return 1
    print("generated/ matches openapi.yaml, the sync code matches its async source")
    return 0


if __name__ == "__main__":
    sys.exit(main())

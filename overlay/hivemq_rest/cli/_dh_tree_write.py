"""``data-hub export``'s side of a Data Hub directory: the tree written, checked first.

The layout and the file names are ``_dh_tree``'s; every file is written by the
one atomic writer (``.._atomic``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._atomic import write_whole
from ._dh_bodies import FAMILIES, Resources
from ._dh_tree import LINK, MAX_STEM_BYTES, TreeError, file_stem, shown
from ._render import is_utf8


def pretty_json(body: Mapping[str, Any]) -> str:
    """Stable, sorted, pretty JSON with a final line break."""
    return json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def write_tree(root: Path, resources: Resources, *, force: bool) -> int:
    """Write ``resources`` as ``<family>/<id>.json`` files; the number of files written.

    A non-empty ``root`` is refused (TreeError) unless ``force``: then the files
    of the four family directories are replaced, anything else is left alone.
    Names (length, case-insensitive clashes) and paths (a file where a directory
    goes, a directory where a file goes, a family directory that is a symbolic
    link, no write permission) are checked before any file is written.
    """
    problems = []
    names: dict[tuple[str, str], str] = {}
    for family in FAMILIES:
        seen: dict[str, str] = {}
        for resource_id in sorted(resources[family]):
            named = f"{family}/{resource_id!r}"
            if not is_utf8(resource_id):
                problems.append(f"{named}: the id is not UTF-8 text (a lone surrogate)")
                continue
            name = file_stem(resource_id) + ".json"
            if len(name.encode()) > MAX_STEM_BYTES:
                problems.append(f"{named}: the id is too long for a file name")
            elif name.casefold() in seen:
                problems.append(
                    f"{named}: same file name as {seen[name.casefold()]!r} "
                    "on a case-insensitive file system"
                )
            else:
                seen[name.casefold()] = resource_id
                names[family, resource_id] = name
    if root.is_dir() and any(root.iterdir()) and not force:
        problems.append(f"{shown(root)}: not empty (--force replaces its Data Hub files)")
    else:
        problems += _unwritable(root, names)
    if problems:
        raise TreeError(problems)
    root.mkdir(parents=True, exist_ok=True)
    written: set[Path] = set()
    for family in FAMILIES:
        (root / family).mkdir(exist_ok=True)
        for resource_id, body in sorted(resources[family].items()):
            path = root / family / names[family, resource_id]
            write_whole(path, pretty_json(body).encode("utf-8"))
            written.add(path)
    # Stale files go last: a failure before leaves the old ones beside the new, none lost.
    for family in FAMILIES:
        for entry in (root / family).iterdir():
            stale = entry not in written and not entry.name.startswith(".")
            if stale and (entry.is_symlink() or entry.is_file()):
                entry.unlink()
    return len(names)


def _unwritable(root: Path, names: Mapping[tuple[str, str], str]) -> list[str]:
    """Why writing the files ``names`` under ``root`` would fail: each path that is in the way."""
    if not _exists(root):
        # Made with its missing parents, in the nearest directory that exists.
        return _unwritable_directory(next(p for p in root.parents if _exists(p)))
    problems = _unwritable_directory(root)
    if problems:
        return problems
    for family in FAMILIES:
        directory = root / family
        if not _exists(directory):
            continue  # made in root, checked above
        if directory.is_symlink():
            # Followed, it would write (and delete stale files) wherever it points.
            problems.append(f"{shown(directory)}: {LINK} (export never writes through one)")
            continue
        found = _unwritable_directory(directory)
        problems += found
        if not found:
            files = (directory / name for (of, _), name in sorted(names.items()) if of == family)
            problems += [
                f"{shown(path)}: a directory, not a file" for path in files if _is_real(path)
            ]
    return problems


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()  # a dangling link is in the way too


def _is_real(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()  # a link is replaced, never followed


def _unwritable_directory(path: Path) -> list[str]:
    if not path.is_dir():
        return [f"{shown(path)}: not a directory"]
    if not os.access(path, os.W_OK | os.X_OK):
        return [f"{shown(path)}: no permission to write in it"]
    return []

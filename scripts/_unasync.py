"""Make the sync client's code from the async one.

_async_api.py becomes _sync_api.py, and every module of _async_resources/
the module of the same name in _sync_resources/.

A rewrite of Python tokens, not of text: ``async`` and ``await`` go, and
names become their blocking counterparts wherever they occur as a name or as
a string holding just that name (``__all__``): those in RENAMES, any
``AsyncXyz`` (``Xyz``) and any ``_async_xyz`` module (``_sync_xyz``). Comments and other
strings stay as written; so do names inside f-string fields before Python
3.12, which tokenizes them apart (keep such names out of f-strings: ruff
reports the undefined name they would leave). The result is formatted with
the repository's ruff settings, so that it is byte-for-byte reproducible.
"""

from __future__ import annotations

import ast
import io
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "overlay" / "hivemq_rest"
SOURCE = PACKAGE / "_async_api.py"
PRODUCED = PACKAGE / "_sync_api.py"
ASYNC_RESOURCES = PACKAGE / "_async_resources"
SYNC_RESOURCES = PACKAGE / "_sync_resources"

RENAMES = {
    "AsyncAPI": "SyncAPI",
    "AsyncIterator": "Iterator",
    "AsyncClient": "Client",
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
    "anext": "next",
    "AsyncGenerator": "Generator",
    "aclose": "close",
    "asyncio": "time",
    "aflatten": "flatten",
    "araw": "raw",
    "aiter_raw": "iter_raw",
    "aread": "read",
}
_DROPPED = ("async", "await")


def pairs() -> list[tuple[Path, Path]]:
    """Every (async source, sync module made from it)."""
    found = [(SOURCE, PRODUCED)]
    for source in sorted(ASYNC_RESOURCES.glob("*.py")):
        found.append((source, SYNC_RESOURCES / source.name))
    return found


def _renamed(name: str) -> str | None:
    """The blocking counterpart of a name, or None if it has none."""
    if name in RENAMES:
        return RENAMES[name]
    if name.startswith("Async") and name[5:6].isupper():
        return name[5:]
    if name.startswith("_async_"):
        return "_sync_" + name[7:]
    return None


def _docstring(literal: str, source_name: str) -> str:
    """The produced module's docstring: the source's first line, and where it comes from."""
    first = str(_string(literal) or "").strip().splitlines()[0]
    for word in first.split():
        renamed = _renamed(word.strip(".,:;()`"))
        if renamed is not None:
            first = first.replace(word.strip(".,:;()`"), renamed)
    return (
        f'"""{first}\n\n'
        f"Made by scripts/generate.py from {source_name} (see scripts/_unasync.py);\n"
        f'do not edit: change {source_name} and regenerate.\n"""'
    )


def unasync(source: str, source_name: str = "_async_api.py") -> str:
    """The blocking version of source (unformatted)."""
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(position: tuple[int, int]) -> int:
        return starts[position[0] - 1] + position[1]

    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    edits: list[tuple[int, int, str]] = []
    for index, token in enumerate(tokens):
        if token.type == tokenize.NAME and token.string in _DROPPED:
            # Up to the next token: the space after the keyword goes too.
            edits.append((offset(token.start), offset(tokens[index + 1].start), ""))
        elif token.type == tokenize.NAME and _renamed(token.string) is not None:
            edits.append((offset(token.start), offset(token.end), str(_renamed(token.string))))
        elif token.type == tokenize.STRING and not edits and index <= 1:
            docstring = _docstring(token.string, source_name)
            edits.append((offset(token.start), offset(token.end), docstring))
        elif token.type == tokenize.STRING and isinstance(_string(token.string), str):
            renamed = _renamed(str(_string(token.string)))
            if renamed is not None:
                edits.append((offset(token.start), offset(token.end), f'"{renamed}"'))
    for start, end, text in reversed(edits):
        source = source[:start] + text + source[end:]
    return source


def _string(literal: str) -> object:
    """The value of a string literal; None for an f-string, which is never just a name."""
    try:
        return ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        return None


def _ruff(arguments: list[str], source: str, produced: Path) -> str:
    ruff = Path(sys.executable).parent / "ruff"  # the pinned one, beside this Python
    result = subprocess.run(
        [str(ruff), *arguments, "--stdin-filename", str(produced.relative_to(ROOT)), "-"],
        input=source,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"ruff {' '.join(arguments)} failed on the unasync output")
    return result.stdout


def produce(source: Path = SOURCE, produced: Path = PRODUCED) -> str:
    """What the sync module ``produced`` must hold for its async ``source``."""
    name = source.relative_to(PACKAGE).as_posix() if source.is_relative_to(PACKAGE) else source.name
    text = unasync(source.read_text(encoding="utf-8"), name)
    if not produced.is_relative_to(ROOT):  # a test's copy: format it as if in place
        produced = PACKAGE / produced.name
    text = _ruff(["check", "--fix-only", "--select", "I", "--no-cache", "--quiet"], text, produced)
    return _ruff(["format", "--no-cache", "--quiet"], text, produced)


def write_all() -> list[Path]:
    """Write every sync module, remove those whose source is gone; the paths written."""
    written = []
    for source, produced in pairs():
        produced.parent.mkdir(exist_ok=True)
        produced.write_text(produce(source, produced), encoding="utf-8")
        written.append(produced)
    for stray in set(SYNC_RESOURCES.glob("*.py")) - set(written):
        stray.unlink()
    return written

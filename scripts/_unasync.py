"""Make the sync client's code from the async one: _async_api.py -> _sync_api.py.

A rewrite of Python tokens, not of text: ``async`` and ``await`` go, and the
names in RENAMES become their blocking counterparts wherever they occur as a
name or as a string holding just that name (``__all__``). Comments and other
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
SOURCE = ROOT / "overlay" / "hivemq_rest" / "_async_api.py"
PRODUCED = ROOT / "overlay" / "hivemq_rest" / "_sync_api.py"

RENAMES = {
    "AsyncAPI": "SyncAPI",
    "AsyncIterator": "Iterator",
    "AsyncClient": "Client",
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "aclose": "close",
    "asyncio": "time",
    "aflatten": "flatten",
}
_DROPPED = ("async", "await")
_DOCSTRING = (
    '"""The operations and the listing walk of HiveMQClient.\n\n'
    "Made by scripts/generate.py from _async_api.py (see scripts/_unasync.py);\n"
    'do not edit: change _async_api.py and regenerate.\n"""'
)


def unasync(source: str) -> str:
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
        elif token.type == tokenize.NAME and token.string in RENAMES:
            edits.append((offset(token.start), offset(token.end), RENAMES[token.string]))
        elif token.type == tokenize.STRING and not edits and index <= 1:
            edits.append((offset(token.start), offset(token.end), _DOCSTRING))
        elif token.type == tokenize.STRING and _string(token.string) in RENAMES:
            renamed = RENAMES[str(_string(token.string))]
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


def _ruff(arguments: list[str], source: str) -> str:
    ruff = Path(sys.executable).parent / "ruff"  # the pinned one, beside this Python
    result = subprocess.run(
        [str(ruff), *arguments, "--stdin-filename", str(PRODUCED.relative_to(ROOT)), "-"],
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


def produce(source: Path = SOURCE) -> str:
    """What _sync_api.py must hold for the given _async_api.py."""
    text = unasync(source.read_text(encoding="utf-8"))
    text = _ruff(["check", "--fix-only", "--select", "I", "--no-cache", "--quiet"], text)
    return _ruff(["format", "--no-cache", "--quiet"], text)

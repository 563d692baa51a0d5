"""The documentation's pages and the code blocks in them, as the docs tests read them."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

DOCS = ROOT / "docs"
# The URL every example that needs a server uses; the tests swap in a free port.
BASE_URL = "http://localhost:8888"
# The Health API's URL in the examples of a page whose emulator has --health-port.
HEALTH_URL = "http://localhost:8889"
# A fenced block, with the `<!-- run: MODE -->` marker that may stand on the line before it.
_BLOCK = re.compile(r"(?:<!-- run: (\w+) -->\n)?```(\w*)\n(.*?)```", re.DOTALL)
_SERVE = re.compile(r"^(hivemq-emulator serve [^\n]*)$", re.MULTILINE)
MODES = {"python": {"", "standalone", "pytest"}, "sh": {"sh"}}


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    page: Path
    number: int  # among the page's blocks of the same language, from 0
    language: str
    mode: str  # "" (against the page's emulator), "standalone", "pytest" or "sh"
    code: str

    @property
    def name(self) -> str:
        """``guides/x.md:python-1``, for test ids and messages."""
        return f"{self.page.relative_to(DOCS)}:{self.language}-{self.number}"

    @property
    def needs_server(self) -> bool:
        """Whether it runs against the ``hivemq-emulator serve`` its page gives."""
        return self.mode in {"", "sh"}


def pages() -> list[Path]:
    """Every Markdown page of the site."""
    return sorted(DOCS.rglob("*.md"))


def blocks(page: Path) -> list[Block]:
    """The page's fenced blocks, in order."""
    counts: dict[str, int] = {}
    found = []
    for mode, language, code in _BLOCK.findall(page.read_text(encoding="utf-8")):
        number = counts.get(language, 0)
        counts[language] = number + 1
        found.append(Block(page, number, language, mode, code))
    return found


def runnable() -> list[Block]:
    """Every Python block, and every shell block marked to run."""
    return [
        block
        for page in pages()
        for block in blocks(page)
        if block.language == "python" or block.mode == "sh"
    ]


def serve_argv(page: Path) -> list[str]:
    """The page's ``hivemq-emulator serve ...`` (the first it gives), as argv."""
    commands = _SERVE.findall(page.read_text(encoding="utf-8"))
    assert commands, f"{page.relative_to(DOCS)} runs examples but says no hivemq-emulator serve"
    return shlex.split(commands[0])

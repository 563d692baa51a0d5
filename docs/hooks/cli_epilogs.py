"""MkDocs hook: each command's examples and exit codes, read from the click commands.

mkdocs-click renders usage, help and options but not a command's epilog, where
our commands keep their examples and exit codes; this adds them to the CLI
reference page in place of its ``<!-- cli-epilogs -->`` marker.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

MARKER = "<!-- cli-epilogs -->"


def _commands(command: click.Command, path: str) -> Iterator[tuple[str, click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _commands(command.commands[name], f"{path} {name}")


def _section(path: str, command: click.Command) -> str:
    # "\b" only tells click not to rewrap a paragraph.
    text = "\n".join(line for line in (command.epilog or "").splitlines() if line != "\b")
    return f"### `{path}`\n\n```text\n{text.strip()}\n```\n"


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace the marker with one section per command that has an epilog."""
    if MARKER not in markdown:
        return markdown
    from hivemq_rest.cli._command import main

    sections = [_section(p, c) for p, c in _commands(main, "hivemq-rest") if c.epilog]
    return markdown.replace(MARKER, "\n".join(sections))

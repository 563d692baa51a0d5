"""How results look: rich tables for people, JSON for scripts."""

from __future__ import annotations

import json
import re
import sys
from typing import Any, Final

from hivemq_rest_generated.models import ClientDetails, ClientSubscription
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ._columns import columns, row_maker, without_password

# C0 and C1 control characters and DEL, as escapes: ids, topic filters and
# server messages come from devices and servers, and a terminal would obey an
# ESC sequence in them (clear the screen, set the title, ...).
_CONTROLS: Final = (*range(0x20), *range(0x7F, 0xA0))
# Bidi overrides and isolates and zero-width characters: harmless to the
# terminal, but they make an id read as another one ("abc" shown for "cba").
_INVISIBLES: Final = (*range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060)
_INVISIBLES_MORE: Final = (*range(0x2066, 0x206A), 0xFEFF)
_ESCAPES: Final = {
    **{code: f"\\x{code:02x}" for code in _CONTROLS},
    **{code: f"\\u{code:04x}" for code in (*_INVISIBLES, *_INVISIBLES_MORE)},
}
_HAS_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f]")
# The widest a piped table gets; a client id alone may be 65,535 characters.
_PIPED_MAX_WIDTH: Final = 1 << 20
# Trailing padding of a rendered table line, before any closing style codes.
_TRAILING_SPACES: Final = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def escape_controls(text: str) -> str:
    r"""``text`` with control, bidi and zero-width characters as escapes (``\x1b``, ``\u202e``)."""
    return text.translate(_ESCAPES)


def escape_lines(text: str) -> str:
    """Like escape_controls, but the line breaks between lines stay (tracebacks, logs)."""
    return "\n".join(escape_controls(line) for line in text.split("\n"))


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a C0 or C1 control character or DEL (a line break included)."""
    return _HAS_CONTROL.search(text) is not None


def is_utf8(text: str) -> bool:
    """Whether ``text`` encodes as UTF-8 (surrogate escapes of undecodable bytes do not)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def terminal_text(text: str) -> Text:
    """Text to print for people: no markup (an id like "[bold]x" is data), no controls."""
    return Text(escape_controls(text))


def bool_text(value: object) -> str:
    """A boolean as every command shows it: ``true`` or ``false``."""
    return "true" if value else "false"


def write_utf8(text: str, errors: str = "surrogateescape") -> None:
    """Write to stdout as UTF-8 whatever the terminal's encoding (JSON, NUL-separated ids)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", errors))
    sys.stdout.buffer.flush()


def print_json(value: Any) -> None:
    r"""One JSON document on stdout, as is (no colours, no wrapping), in valid UTF-8.

    A lone surrogate (from a ``\udcff`` escape in a server's JSON) is written
    as that JSON escape again: the document means the same and stays UTF-8.
    """
    write_utf8(json.dumps(value, ensure_ascii=False, indent=2) + "\n", "backslashreplace")


def print_table(console: Console, table: Table) -> None:
    """A table without the padding rich leaves at the end of its lines.

    On a terminal it fits the terminal's width. Piped, it is as wide as its
    values: no timestamp or id is folded in the middle, where grep would miss it.
    """
    width = console.width
    if not console.is_terminal:
        unbounded = console.options.update(max_width=_PIPED_MAX_WIDTH)
        width = max(width, Measurement.get(console, unbounded, table).maximum)
    with console.capture() as captured:
        saved, console.width = console.width, width
        try:
            console.print(table)
        finally:
            console.width = saved
    console.file.write(_TRAILING_SPACES.sub(r"\1", captured.get()))


def details_json(details: ClientDetails, include_password: bool) -> dict[str, Any]:
    """The details body, password taken out unless asked for."""
    body = details.to_dict()
    return body if include_password else without_password(body)


def details_table(details: ClientDetails, include_password: bool) -> Table:
    """A two-column table of a client's details."""
    body = details.to_dict()
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    names = columns(include_password=True)
    cells = row_maker(include_password=True)(body)
    for name, cell in zip(names, cells, strict=True):
        if name == "password" and not include_password:
            cell = "(hidden)" if cell else ""
        if cell:
            table.add_row(name, terminal_text(cell))
    return table


def _subscription_cell(value: object) -> Text:
    if value is None:
        return Text("")
    return terminal_text(bool_text(value) if isinstance(value, bool) else str(value))


def subscriptions_table(items: list[ClientSubscription]) -> Table:
    """A table of subscriptions, one row each."""
    table = Table("topic filter", "qos", "retain handling", "retain as published", "no local", "id")
    for item in items:
        body = item.to_dict()
        table.add_row(
            *(
                _subscription_cell(body.get(key))
                for key in (
                    "topicFilter",
                    "qos",
                    "retainHandling",
                    "retainAsPublished",
                    "noLocal",
                    "subscriptionIdentifier",
                )
            )
        )
    return table

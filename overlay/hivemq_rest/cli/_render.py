"""How results look: rich tables for people, JSON for scripts."""

from __future__ import annotations

import json
from typing import Any, Final

from hivemq_rest_generated.models import ClientDetails, ClientSubscription
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ._columns import columns, row_maker, without_password

# C0 and C1 control characters and DEL, as escapes: ids, topic filters and
# server messages come from devices and servers, and a terminal would obey an
# ESC sequence in them (clear the screen, set the title, ...).
_CONTROL_ESCAPES: Final = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))}


def escape_controls(text: str) -> str:
    r"""``text`` with its control characters written as escapes (ESC as ``\x1b``)."""
    return text.translate(_CONTROL_ESCAPES)


def terminal_text(text: str) -> Text:
    """Text to print for people: no markup (an id like "[bold]x" is data), no controls."""
    return Text(escape_controls(text))


def print_json(console: Console, value: Any) -> None:
    """One JSON document on stdout, as is (no colours, no wrapping)."""
    console.file.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


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


def subscriptions_table(items: list[ClientSubscription]) -> Table:
    """A table of subscriptions, one row each."""
    table = Table("topic filter", "qos", "retain handling", "retain as published", "no local", "id")
    for item in items:
        body = item.to_dict()
        table.add_row(
            *(
                terminal_text("" if body.get(key) is None else str(body.get(key)))
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

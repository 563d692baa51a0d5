"""Resources shown as the API gives them: a table of rows, one record, or the JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from ._command import stdout
from ._render import bool_text, escape_controls, print_json, print_table, terminal_text

JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
YES_OPTION = click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")


def _cell(value: object) -> Text:
    """A value as a cell, every control character escaped; a list of strings one a line."""
    if value is None:
        return Text("")
    if isinstance(value, bool):
        return Text(bool_text(value))
    if isinstance(value, str | int | float):
        return terminal_text(str(value))
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        # Each escaped on its own, so a line break inside one cannot pass for two.
        return Text("\n".join(escape_controls(item) for item in value))
    # Nested parts (filters, pipelines): compact JSON, escaped like any other cell.
    return terminal_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def print_records(
    records: Sequence[Mapping[str, Any]], columns: Sequence[str], as_json: bool, empty: str
) -> None:
    """A JSON list, or a table of ``columns`` (API names), or ``empty`` when there is none."""
    if as_json:
        print_json(list(records))
        return
    if not records:
        stdout.print(terminal_text(empty))
        return
    table = Table()
    for index, name in enumerate(columns):
        # Fold, never cut: an id shown as "sensor-…" could be any of many. The
        # first column (the id) stays whole on its line while the others can give way.
        table.add_column(name, overflow="fold", no_wrap=index == 0)
    for record in records:
        table.add_row(*(_cell(record.get(name)) for name in columns))
    print_table(stdout, table)


def print_record(record: Mapping[str, Any], as_json: bool) -> None:
    """One resource: its JSON, or a two-column table of its fields."""
    if as_json:
        print_json(dict(record))
        return
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for name, value in record.items():
        table.add_row(terminal_text(name), _cell(value))
    print_table(stdout, table)

"""``export --report FILE``: the ids missing from an export, one JSON object a line."""

from __future__ import annotations

import json
from pathlib import Path

from .._atomic import write_whole
from ._export import ExportStats


def report_lines(stats: ExportStats) -> str:
    """``{"clientId": ..., "outcome": "failed"|"vanished", "error": ...}`` lines.

    ``error`` is the failure's message, or null for a client that was gone
    (404) when its details were asked for.
    """
    records = [
        {"clientId": client_id, "outcome": "vanished", "error": None}
        for client_id in stats.vanished
    ]
    records += [
        {"clientId": client_id, "outcome": "failed", "error": str(error)}
        for client_id, error in stats.failed
    ]
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def write_report(path: Path, stats: ExportStats) -> None:
    """Write the report to ``path`` whole: a private file, renamed into place."""
    write_whole(path, report_lines(stats).encode("utf-8", "backslashreplace"))

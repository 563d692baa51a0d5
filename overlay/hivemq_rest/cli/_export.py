"""``clients export``: every client's details to CSV or JSON Lines, safely written."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, Literal, TextIO

import attrs

from .._async_client import AsyncHiveMQClient
from .._errors import HiveMQError
from ._columns import columns, row_maker, without_password

Format = Literal["csv", "jsonl"]


@attrs.define
class ExportStats:
    """Counts of one export, for the progress display and the summary."""

    listed: int = 0
    exported: int = 0
    vanished: int = 0
    failed: list[tuple[str, HiveMQError]] = attrs.field(factory=list)
    listing_done: bool = False
    started: float = attrs.field(factory=time.monotonic)
    partial: Path | None = None  # where the rows of an export that stopped early are

    def rate(self) -> float:
        """Details fetched a second, so far."""
        elapsed = time.monotonic() - self.started
        return self.exported / elapsed if elapsed > 0 else 0.0


Progress = Callable[[ExportStats], None]


def partial_path(output: Path, number: int = 0) -> Path:
    """Where an interrupted or failed export's rows are kept: ``FILE.partial[.N]``."""
    return output.with_name(f"{output.name}.partial" + (f".{number}" if number else ""))


def _keep_partial(temporary: Path, output: Path) -> Path:
    """Give the rows written so far a partial file's name, never over an earlier one."""
    for number in range(1000):
        candidate = partial_path(output, number)
        try:
            os.link(temporary, candidate)  # fails if the name is taken: no race
        except FileExistsError:
            continue
        except OSError:
            return temporary  # a file system without hard links: the rows stay where they are
        temporary.unlink()
        return candidate
    return temporary


def _row_writer(
    out: TextIO, fmt: Format, include_password: bool
) -> Callable[[dict[str, Any]], None]:
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns(include_password))
        make_row = row_maker(include_password)
        return lambda body: writer.writerow(make_row(body))

    def write_json(body: dict[str, Any]) -> None:
        if not include_password:
            body = without_password(body)
        out.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n")

    return write_json


async def _export(
    make_client: Callable[[], AsyncHiveMQClient],
    write: Callable[[dict[str, Any]], None],
    stats: ExportStats,
    page_size: int,
    concurrency: int,
    progress: Progress,
) -> None:
    async with make_client() as client:

        async def listed_ids() -> AsyncIterator[str]:
            async for page in client.iter_client_id_pages(page_size):
                stats.listed += len(page)
                for client_id in page:
                    yield client_id
            stats.listing_done = True

        next_report = 0.0
        # The stream's block cancels what is in flight if writing fails.
        async with client.fetch_clients(listed_ids(), concurrency, on_failure="collect") as stream:
            try:
                async for details in stream:
                    write(details.to_dict())
                    stats.exported += 1
                    now = time.monotonic()
                    if now >= next_report:
                        stats.vanished = len(stream.vanished)
                        progress(stats)
                        next_report = now + 0.1
            finally:
                stats.vanished = len(stream.vanished)
                stats.failed = list(stream.failed)
                progress(stats)


def export_clients(
    make_client: Callable[[], AsyncHiveMQClient],
    output: Path,
    fmt: Format,
    *,
    include_password: bool = False,
    page_size: int = 2500,
    concurrency: int = 32,
    progress: Progress = lambda stats: None,
    stats: ExportStats | None = None,
) -> ExportStats:
    """Export every client to ``output``, all or nothing; the counts go to ``stats``.

    Rows go to a temporary file beside ``output``, renamed to it at the end.
    If the export stops early (Ctrl-C or a fatal error) after some rows,
    they are kept as ``<output>.partial`` (``.partial.1`` and on when that
    is taken), named in ``stats.partial``, and the error is raised again.
    Clients that vanish (404) or fail one by one are counted, not fatal.
    """
    stats = ExportStats() if stats is None else stats
    temporary = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as out:
            write = _row_writer(out, fmt, include_password)
            asyncio.run(_export(make_client, write, stats, page_size, concurrency, progress))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, output)
    except BaseException:
        if stats.exported == 0:
            temporary.unlink(missing_ok=True)  # a header alone is no partial export
        elif temporary.exists():
            stats.partial = _keep_partial(temporary, output)
        raise
    return stats

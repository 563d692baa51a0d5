"""``clients export``: every client's details to CSV or JSON Lines, safely written."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import json
import os
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from .._async_client import AsyncHiveMQClient
from .._constants import MAX_PAGE_SIZE
from .._errors import HiveMQError
from ._columns import columns, row_maker, without_password
from ._files import RowFile, create_temporary, move_to_free_name
from ._signals import StopSignals, signals_held

Format = Literal["csv", "jsonl"]

# A spreadsheet takes a cell starting with one of these for a formula; TAB
# and CR too, as some drop them and read what follows (OWASP's CSV injection list).
_FORMULA_STARTS: Final = frozenset("=+-@\t\r")
_PARTIAL_NAMES: Final = 1000


@attrs.define
class ExportStats:
    """Counts of one export, for the progress display, the summary and the report."""

    listed: int = 0
    exported: int = 0  # rows handed to the file
    written: int = 0  # rows on the file (after flushing): what "rows kept" means
    vanished: list[str] = attrs.field(factory=list)
    failed: list[tuple[str, HiveMQError]] = attrs.field(factory=list)
    listing_done: bool = False
    started: float = attrs.field(factory=time.monotonic)
    listing_seconds: float | None = None  # how long the listing took, once it is done
    partial: Path | None = None  # where the rows of an export that stopped early are
    replaced: bool = False  # the output replaced an existing file

    def rate(self, now: float) -> float:
        """Clients done (fetched, vanished or failed) a second, so far."""
        elapsed = now - self.started
        return self.done() / elapsed if elapsed > 0 else 0.0

    def listing_rate(self, now: float) -> float:
        """Ids listed a second, so far."""
        elapsed = (self.listing_seconds or now - self.started) if self.listed else 0.0
        return self.listed / elapsed if elapsed > 0 else 0.0

    def done(self) -> int:
        """Clients fetched, vanished or failed."""
        return self.exported + len(self.vanished) + len(self.failed)


Progress = Callable[[ExportStats], None]


def partial_path(output: Path, number: int = 0) -> Path:
    """Where an interrupted or failed export's rows are kept: ``FILE.partial[.N]``."""
    return output.with_name(f"{output.name}.partial" + (f".{number}" if number else ""))


def defused(cells: list[str]) -> list[str]:
    """Cells a spreadsheet shows as text: ``'`` before any that would start a formula."""
    return [f"'{cell}" if cell[:1] in _FORMULA_STARTS else cell for cell in cells]


def _row_writer(
    out: RowFile, fmt: Format, include_password: bool, raw_cells: bool
) -> Callable[[dict[str, Any]], None]:
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns(include_password))
        make_row = row_maker(include_password)

        def write_csv(body: dict[str, Any]) -> None:
            cells = make_row(body)
            writer.writerow(cells if raw_cells else defused(cells))
            out.end_row()

        return write_csv

    def write_json(body: dict[str, Any]) -> None:
        if not include_password:
            body = without_password(body)
        out.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n")
        out.end_row()

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
            async for page in client.clients.pages(page_size=page_size):
                stats.listed += len(page)
                for client_id in page:
                    yield client_id
            stats.listing_done = True
            stats.listing_seconds = time.monotonic() - stats.started

        next_report = 0.0
        # The stream's block cancels what is in flight if writing fails.
        async with client.clients.fetch(
            listed_ids(), concurrency=concurrency, on_failure="collect"
        ) as stream:
            # The stream's own lists: the progress line shows them as they grow.
            stats.vanished, stats.failed = stream.vanished, stream.failed
            try:
                async for details in stream:
                    write(details.to_dict())
                    stats.exported += 1
                    now = time.monotonic()
                    if now >= next_report:
                        progress(stats)
                        next_report = now + 0.1
            finally:
                progress(stats)


@contextlib.contextmanager
def _rows_kept(out: RowFile, stats: ExportStats) -> Iterator[None]:
    """Whatever ends the export, flush what was fetched and count what the file holds."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):  # a full disk keeps what fit, counted
            out.flush()
        raise
    else:
        out.flush()
    finally:
        stats.written = out.rows


def _keep_rows(temporary: Path, output: Path, stats: ExportStats) -> None:
    """After a stop: the rows as ``FILE.partial[.N]`` (never over an earlier one), else nothing."""
    if not os.path.lexists(temporary):
        return  # renamed: the export is complete
    if not stats.written:
        temporary.unlink(missing_ok=True)  # a header alone is no partial export
        return
    stats.partial = temporary  # where the rows stay if no partial name can be had
    names = (partial_path(output, number) for number in range(_PARTIAL_NAMES))
    with contextlib.suppress(OSError):
        stats.partial = move_to_free_name(temporary, names) or temporary


def export_clients(
    make_client: Callable[[], AsyncHiveMQClient],
    output: Path | None,
    fmt: Format,
    *,
    include_password: bool = False,
    raw_cells: bool = False,
    page_size: int = MAX_PAGE_SIZE,
    concurrency: int = 32,
    progress: Progress = lambda stats: None,
    stats: ExportStats | None = None,
) -> ExportStats:
    """Export every client to ``output`` (None: standard output), all or nothing.

    Rows go to a private temporary file beside ``output``, renamed to it at
    the end. If the export stops early (a signal: :class:`~._signals.Stopped`,
    or a fatal error) after some rows, they are kept as
    ``<output>.partial`` (``.partial.1`` and on when that is taken), named
    in ``stats.partial``, and the error is raised again. Clients that vanish
    (404) or fail one by one are counted in ``stats``, not fatal.
    """
    stats = ExportStats() if stats is None else stats

    def run(out: RowFile, guard: StopSignals) -> None:
        write = _row_writer(out, fmt, include_password, raw_cells)
        with _rows_kept(out, stats):
            export = _export(make_client, write, stats, page_size, concurrency, progress)
            asyncio.run(guard.run(export))

    with StopSignals() as guard:
        if output is None:
            sys.stdout.flush()
            run(RowFile(sys.stdout.fileno()), guard)
            return stats
        fd, temporary = create_temporary(output)
        try:
            with open(fd, "wb") as file:
                run(RowFile(file.fileno()), guard)
                os.fsync(file.fileno())
            # With the signals held: once renamed, the export is complete, not stopped.
            with signals_held():
                stats.replaced = os.path.lexists(output)
                os.replace(temporary, output)
                guard.restore()
        except BaseException:
            _keep_rows(temporary, output, stats)
            raise
    return stats

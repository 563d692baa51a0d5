"""Bulk disconnect and invalidate: ids from a file, many requests in flight, a summary."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable

import attrs

from .._async_client import AsyncHiveMQClient
from .._constants import MIN_PAGE_SIZE
from .._errors import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    ClientNotFoundError,
    HiveMQError,
    InvalidClientIdError,
    PermissionDeniedError,
)
from .._ids import validate_client_id

Action = Callable[[AsyncHiveMQClient, str], Awaitable[None]]


@attrs.define
class BulkStats:
    """What a bulk run did so far."""

    total: int
    done: int = 0
    not_found: list[str] = attrs.field(factory=list)
    failed: list[tuple[str, HiveMQError]] = attrs.field(factory=list)


def read_ids(data: bytes, name: str, null: bool) -> list[str]:
    """The ids in ``data``: one a line (a final CR dropped), or NUL-separated with ``null``.

    Empty entries are skipped and repeated ids taken once. Any entry that is
    not UTF-8 or not a valid client id is an InvalidClientIdError naming it:
    then nothing is sent.
    """
    entries = (
        data.split(b"\0") if null else [line.removesuffix(b"\r") for line in data.split(b"\n")]
    )
    ids: dict[str, None] = {}
    for number, entry in enumerate(entries, 1):
        if not entry:
            continue
        where = f"{name}, {'entry' if null else 'line'} {number}"
        try:
            client_id = entry.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidClientIdError(f"{where}: the client id is not UTF-8: {entry!r}") from None
        try:
            ids[validate_client_id(client_id)] = None
        except InvalidClientIdError as error:
            raise InvalidClientIdError(f"{where}: {error}") from None
    return list(ids)


async def _first_page(client: AsyncHiveMQClient) -> None:
    # A wrong URL or credentials fail here, before anything is changed, and
    # not as one "not found" per id.
    pages = client.clients.pages(page_size=MIN_PAGE_SIZE)
    try:
        await anext(pages, None)
    finally:
        if isinstance(pages, AsyncGenerator):
            await pages.aclose()


def run_bulk(
    make_client: Callable[[], AsyncHiveMQClient],
    ids: list[str],
    action: Action,
    concurrency: int,
    stats: BulkStats,
    progress: Callable[[BulkStats], None],
) -> None:
    """Apply ``action`` to every id, at most ``concurrency`` at a time; counts go to ``stats``.

    A 404 is "not found" and any other failure of one id "failed"; 401, 403
    or a server that stopped answering end the run with their error.
    """
    queue = iter(ids)
    failures_in_a_row = 0

    async def worker(client: AsyncHiveMQClient) -> None:
        nonlocal failures_in_a_row
        for client_id in queue:  # shared: each id is taken by one worker
            try:
                await action(client, client_id)
            except ClientNotFoundError:
                stats.not_found.append(client_id)
            except (AuthenticationError, PermissionDeniedError):
                raise
            except APIConnectionError as error:
                # After its retries, one lost request is one failed id; a run
                # of them with no success means the server is gone.
                failures_in_a_row += 1
                if failures_in_a_row > 2 * concurrency:
                    raise
                stats.failed.append((client_id, error))
            except APIStatusError as error:
                stats.failed.append((client_id, error))
            else:
                failures_in_a_row = 0
                stats.done += 1
            progress(stats)

    async def main() -> None:
        async with make_client() as client:
            await _first_page(client)
            tasks = [asyncio.create_task(worker(client)) for _ in range(min(concurrency, len(ids)))]
            try:
                await asyncio.gather(*tasks)
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(main())

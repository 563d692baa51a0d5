"""The measured client processes: one workload per process, one JSON line of results.

``python -m benchmarks._workers WORKLOAD --url URL [...]`` imports what the
workload needs, reads its input, and only then starts the clock: the CPU time
reported (user + sys of this process, ``time.process_time``) is the workload's,
without interpreter start-up and imports. ``maxrss_kib`` is the process's
resident-set high-water mark (``getrusage``), imports included.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import resource
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

# Only the generated operations: the plain baselines do not load hivemq_rest.
from hivemq_rest_generated.operations import (
    GET_ALL_DATA_POLICIES,
    GET_ALL_MQTT_CLIENTS,
    download_backup_file,
)

LIST_PATH = GET_ALL_MQTT_CLIENTS.path
MAX_PAGE_SIZE = GET_ALL_MQTT_CLIENTS.parameter("limit").integer_range()[1]
POLICIES_PATH = GET_ALL_DATA_POLICIES.path


@dataclass
class Counts:
    """What a workload got: answers it accepted and answers it did not."""

    ok: int = 0
    other: int = 0


def _detail_path(client_id: str) -> str:
    # What a careful hand-written client sends: the id as one encoded segment.
    return f"{LIST_PATH}/{quote(client_id, safe='')}"


# -- listing -----------------------------------------------------------------------


def list_with_client(url: str, page_size: int, _: list[str]) -> Counts:
    """Every id through ``HiveMQClient.iter_client_ids``."""
    from hivemq_rest import HiveMQClient

    counts = Counts()
    with HiveMQClient(url) as hivemq:
        for _id in hivemq.clients.list(page_size=page_size):
            counts.ok += 1
    return counts


def list_with_client_raise(url: str, page_size: int, _: list[str]) -> Counts:
    """The same with ``on_cursor_expired="raise"``: no bookkeeping for restarts."""
    from hivemq_rest import HiveMQClient

    counts = Counts()
    with HiveMQClient(url) as hivemq:
        for _id in hivemq.clients.list(page_size=page_size, on_cursor_expired="raise"):
            counts.ok += 1
    return counts


def _plain_ids(url: str, page_size: int) -> Iterator[str]:
    import httpx

    with httpx.Client(base_url=url) as http:
        next_url: str | None = f"{LIST_PATH}?limit={page_size}"
        while next_url:
            page = http.get(next_url).json()
            for item in page["items"]:
                yield item["id"]
            next_url = (page.get("_links") or {}).get("next")


def list_with_httpx(url: str, page_size: int, _: list[str]) -> Counts:
    """Every id through a plain httpx loop: GET, ``.json()``, follow ``_links.next``."""
    counts = Counts()
    for _id in _plain_ids(url, page_size):
        counts.ok += 1
    return counts


# -- Data Hub listing -----------------------------------------------------------------


def policies_with_client(url: str, page_size: int, _: list[str]) -> Counts:
    """Every data policy through ``HiveMQClient.data_hub.data_policies.list``."""
    from hivemq_rest import HiveMQClient

    counts = Counts()
    with HiveMQClient(url) as hivemq:
        for _policy in hivemq.data_hub.data_policies.list(page_size=page_size):
            counts.ok += 1
    return counts


def policies_with_client_read(url: str, page_size: int, _: list[str]) -> Counts:
    """The same, reading every policy's matching topic filter: each item parses in full."""
    from hivemq_rest import HiveMQClient

    counts = Counts()
    with HiveMQClient(url) as hivemq:
        for policy in hivemq.data_hub.data_policies.list(page_size=page_size):
            if policy.matching:
                counts.ok += 1
    return counts


def policies_with_httpx(url: str, page_size: int, _: list[str]) -> Counts:
    """Every data policy through a plain httpx loop: GET, ``.json()``, follow ``_links.next``."""
    import httpx

    counts = Counts()
    with httpx.Client(base_url=url) as http:
        next_url: str | None = f"{POLICIES_PATH}?limit={page_size}"
        while next_url:
            page = http.get(next_url).json()
            for _policy in page["items"]:
                counts.ok += 1
            next_url = (page.get("_links") or {}).get("next")
    return counts


# -- details -----------------------------------------------------------------------


def details_with_client(url: str, concurrency: int, ids: list[str], transport: str) -> Counts:
    """Every id's details through ``AsyncHiveMQClient.clients.fetch``."""
    from hivemq_rest import AsyncHiveMQClient

    async def main() -> Counts:
        counts = Counts()
        async with AsyncHiveMQClient(url, transport=transport) as hivemq:  # type: ignore[arg-type]
            stream = hivemq.clients.fetch(ids, concurrency=concurrency)
            async for _details in stream:
                counts.ok += 1
            counts.other = len(stream.vanished) + len(stream.failed)
        return counts

    return asyncio.run(main())


async def _gather(
    ids: list[str], concurrency: int, fetch_one: Callable[[str], Awaitable[bool]]
) -> Counts:
    semaphore = asyncio.Semaphore(concurrency)
    counts = Counts()

    async def one(client_id: str) -> None:
        async with semaphore:
            if await fetch_one(client_id):
                counts.ok += 1
            else:
                counts.other += 1

    await asyncio.gather(*(one(client_id) for client_id in ids))
    return counts


def details_with_aiohttp(url: str, concurrency: int, ids: list[str]) -> Counts:
    """Plain aiohttp: a session, a semaphore and gather; GET and parse the JSON."""
    import aiohttp
    import yarl

    async def main() -> Counts:
        async with aiohttp.ClientSession() as session:

            async def fetch_one(client_id: str) -> bool:
                # encoded=True: send the path as quoted here, not re-quoted by yarl.
                target = yarl.URL(url + _detail_path(client_id), encoded=True)
                async with session.get(target) as response:
                    json.loads(await response.read())
                    return response.status == 200

            return await _gather(ids, concurrency, fetch_one)

    return asyncio.run(main())


def details_with_httpx(url: str, concurrency: int, ids: list[str], transport: str) -> Counts:
    """Plain httpx.AsyncClient (its own transport or httpx-aiohttp's): semaphore and gather."""
    import httpx

    async def main() -> Counts:
        chosen: httpx.AsyncBaseTransport | None = None
        if transport == "aiohttp":
            from httpx_aiohttp import AiohttpTransport

            chosen = AiohttpTransport()
        async with httpx.AsyncClient(base_url=url, transport=chosen) as http:

            async def fetch_one(client_id: str) -> bool:
                response = await http.get(_detail_path(client_id))
                response.json()
                return response.status_code == 200

            return await _gather(ids, concurrency, fetch_one)

    return asyncio.run(main())


# -- export (profiled only; the timed export runs the installed hivemq-rest) ----------


def export_with_cli(url: str, concurrency: int, _: list[str]) -> Counts:
    """``hivemq-rest clients export --format csv`` in this process (for cProfile)."""
    import csv
    import tempfile

    from hivemq_rest.cli import main as cli

    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / "clients.csv"
        command = ["clients", "export", "--format", "csv", "--output", str(output)]
        cli([*command, "--concurrency", str(concurrency), "--url", url], standalone_mode=False)
        with output.open(encoding="utf-8", newline="") as rows:
            return Counts(ok=sum(1 for _ in csv.reader(rows)) - 1)


# -- download ------------------------------------------------------------------------

BACKUP_ID = "bench"
FILE_PATH = download_backup_file(BACKUP_ID).target


def _target() -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / f"hivemq-bench-download-{os.getpid()}.bin"


def download_with_client(url: str, size: int, _: list[str]) -> Counts:
    """The backup's file through ``HiveMQClient.backups.download`` to a path (fsynced)."""
    from hivemq_rest import HiveMQClient

    target = _target()
    try:
        with HiveMQClient(url) as hivemq:
            written = hivemq.backups.download(BACKUP_ID, target)
    finally:
        target.unlink(missing_ok=True)
    return Counts(ok=written)


def download_with_client_to_file(url: str, size: int, _: list[str]) -> Counts:
    """The backup's file through ``HiveMQClient.backups.download`` to an open file."""
    from hivemq_rest import HiveMQClient

    target = _target()
    try:
        with HiveMQClient(url) as hivemq, target.open("wb") as file:
            written = hivemq.backups.download(BACKUP_ID, file)
    finally:
        target.unlink(missing_ok=True)
    return Counts(ok=written)


def download_with_httpx(url: str, size: int, _: list[str], *, fsync: bool = False) -> Counts:
    """A plain ``httpx.stream`` loop writing the file's bytes to a file (then fsync, if asked)."""
    import httpx

    target = _target()
    written = 0
    try:
        with httpx.Client(base_url=url) as http, http.stream("GET", FILE_PATH) as response:
            response.raise_for_status()
            with target.open("wb") as file:
                for chunk in response.iter_bytes():
                    file.write(chunk)
                    written += len(chunk)
                if fsync:
                    file.flush()
                    os.fsync(file.fileno())
    finally:
        target.unlink(missing_ok=True)
    return Counts(ok=written)


Workload = Callable[[str, int, list[str]], Counts]

WORKLOADS: dict[str, Workload] = {
    "list-client": list_with_client,
    "list-client-raise": list_with_client_raise,
    "list-httpx": list_with_httpx,
    "details-client": lambda u, c, i: details_with_client(u, c, i, "aiohttp"),
    "details-client-httpx": lambda u, c, i: details_with_client(u, c, i, "httpx"),
    "details-aiohttp": details_with_aiohttp,
    "details-httpx-aiohttp": lambda u, c, i: details_with_httpx(u, c, i, "aiohttp"),
    "details-httpx": lambda u, c, i: details_with_httpx(u, c, i, "httpx"),
    "export-cli": export_with_cli,
    "policies-client": policies_with_client,
    "policies-client-read": policies_with_client_read,
    "policies-httpx": policies_with_httpx,
    "download-client": download_with_client,
    "download-client-file": download_with_client_to_file,
    "download-httpx": download_with_httpx,
    "download-httpx-fsync": lambda u, c, i: download_with_httpx(u, c, i, fsync=True),
}


def _preload(workload: str) -> None:
    """Import what the workload uses before the clock starts."""
    import httpx  # noqa: F401

    if workload.startswith("details"):
        import aiohttp  # noqa: F401
        import httpx_aiohttp  # noqa: F401
        import yarl  # noqa: F401
    if workload.startswith("details-client"):
        import hivemq_rest._aiohttp
    if workload == "export-cli":
        import hivemq_rest._aiohttp
        import hivemq_rest.cli
    if workload.startswith(("list-client", "policies-client", "download-client")):
        import hivemq_rest  # noqa: F401


def maxrss_kib() -> int:
    """The resident-set high-water mark of the worker, in KiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


def main(argv: list[str] | None = None) -> int:
    """Run one workload; print its results as one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks._workers")
    parser.add_argument("workload", choices=sorted(WORKLOADS))
    parser.add_argument("--url", required=True)
    parser.add_argument("--size", type=int, default=MAX_PAGE_SIZE, help="page size or concurrency")
    parser.add_argument("--ids", type=Path, help="a JSON list of client ids (details)")
    parser.add_argument("--profile", type=Path, help="run under cProfile, stats to this file")
    args = parser.parse_args(argv)
    _preload(args.workload)
    ids: list[str] = json.loads(args.ids.read_text("utf-8")) if args.ids else []
    run = WORKLOADS[args.workload]
    # CPU time, not wall time: waiting for the server costs the client nothing.
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler is not None:
        profiler.enable()
    counts = run(args.url, args.size, ids)
    if profiler is not None:
        profiler.disable()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if profiler is not None:
        profiler.dump_stats(args.profile)
    result = {"workload": args.workload, "cpu": cpu, "wall": wall, "maxrss_kib": maxrss_kib()}
    print(json.dumps({**result, **asdict(counts)}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

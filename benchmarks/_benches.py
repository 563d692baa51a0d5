"""The three benchmarks: listing, bulk details and export. Each returns what it measured."""

from __future__ import annotations

import csv
import json
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from hivemq_rest._constants import MAX_PAGE_SIZE
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS

from ._policy_server import PolicyServerProcess
from ._processes import (
    EmulatorProcess,
    FileServerProcess,
    WorkerRun,
    executable,
    measure,
    run_worker,
)
from ._profiles import ProfileSummary, summarize

Log = Callable[[str], None]


@dataclass(frozen=True)
class Sizes:
    """How big each benchmark is and how often it repeats."""

    listing_big: int = 1_000_000
    listing_small: int = 10_000
    page_size: int = MAX_PAGE_SIZE
    details: int = 20_000
    concurrency: int = 32
    export: int = 100_000
    listing_rounds: int = 5
    details_rounds: int = 5
    export_rounds: int = 3
    policies: int = 5_000
    policies_page_size: int = 500
    policies_rounds: int = 7
    apply_resources: int = 1_000
    apply_rounds: int = 7
    # cProfile costs about 1 us a function call here (a CPU-time clock is a system call
    # in this VM), so the profiled runs of details and export are smaller.
    details_profiled: int = 5_000
    export_profiled: int = 10_000
    download_bytes: int = 1024**3
    download_small: int = 1024**2
    download_rounds: int = 5
    faults: int = 50_000
    seed: int = 1
    timeout: float = 900.0


FULL = Sizes()
SMOKE = Sizes(
    listing_big=3_000,
    listing_small=300,
    details=200,
    export=300,
    listing_rounds=1,
    details_rounds=1,
    export_rounds=1,
    policies=500,
    policies_rounds=1,
    apply_resources=100,
    apply_rounds=1,
    details_profiled=100,
    export_profiled=300,
    download_bytes=16 * 1024**2,
    download_rounds=1,
    faults=300,
    timeout=120.0,
)


def median(values: list[float]) -> float:
    """The median (NaN for no values, which the report shows as such)."""
    return statistics.median(values) if values else float("nan")


@dataclass
class Variant:
    """The runs of one contender."""

    name: str
    description: str
    runs: list[WorkerRun] = field(default_factory=list)

    def cpu(self) -> float:
        """Median workload CPU seconds."""
        return median([run.cpu for run in self.runs])

    def wall(self) -> float:
        """Median workload wall seconds."""
        return median([run.wall for run in self.runs])

    def maxrss_mib(self) -> float:
        """Median peak RSS in MiB."""
        return median([run.maxrss_kib / 1024 for run in self.runs])


def _rounds(
    variants: list[Variant], rounds: int, run: Callable[[Variant], WorkerRun], log: Log
) -> None:
    """Run every variant once a round, in an order that rotates from round to round."""
    for number in range(rounds):
        shift = number % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            result = run(variant)
            variant.runs.append(result)
            log(
                f"  round {number + 1}/{rounds} {variant.name}: cpu {result.cpu:.3f}s "
                f"wall {result.wall:.2f}s rss {result.maxrss_kib / 1024:.1f}MiB ok {result.ok}"
            )


def _paired_ratios(numerator: Variant, denominator: Variant) -> list[float]:
    """The CPU of ``numerator`` over that of ``denominator``, round by round."""
    return [
        top.cpu / bottom.cpu
        for top, bottom in zip(numerator.runs, denominator.runs, strict=True)
        if bottom.cpu > 0
    ]


def _expect(run: WorkerRun, ok: int) -> WorkerRun:
    if run.ok != ok or run.other:
        raise RuntimeError(f"{run.workload}: expected {ok} answers, got {run.ok} (+{run.other})")
    return run


# -- 1. listing ----------------------------------------------------------------------


@dataclass
class ListingResult:
    """Listing every id: CPU against a plain httpx loop, and peak memory at two sizes."""

    sizes: Sizes
    client: Variant
    plain: Variant
    client_raise: Variant
    client_small: Variant
    plain_small: Variant
    ratios: list[float]
    raise_ratios: list[float]
    profiles: dict[str, ProfileSummary]

    def ratio(self) -> float:
        """Median of the round-by-round CPU ratios client / plain loop."""
        return median(self.ratios)

    def memory_growth_mib(self) -> float:
        """Peak RSS listing the big server minus listing the small one (the client)."""
        return self.client.maxrss_mib() - self.client_small.maxrss_mib()


def bench_listing(
    server: EmulatorProcess, sizes: Sizes, scratch: Path, profile: bool, log: Log
) -> ListingResult:
    """Benchmark 1: ``iter_client_ids`` against a hand-written httpx loop."""
    page = sizes.page_size
    client = Variant("list-client", "HiveMQClient.clients.list(page_size=page_size)")
    plain = Variant("list-httpx", "plain httpx.Client loop: GET, .json(), follow _links.next")
    client_raise = Variant(
        "list-client-raise", 'iter_client_ids(on_cursor_expired="raise"): no restart bookkeeping'
    )
    big = sizes.listing_big

    def on_big(variant: Variant) -> WorkerRun:
        run = run_worker(variant.name, server.base_url, page, timeout=sizes.timeout)
        return _expect(run, big)

    log(f"listing: warm-up on {big:,} sessions")
    on_big(client)
    on_big(plain)
    _rounds([client, plain, client_raise], sizes.listing_rounds, on_big, log)

    client_small = Variant("list-client", f"the client, {sizes.listing_small:,} sessions")
    plain_small = Variant("list-httpx", f"the plain loop, {sizes.listing_small:,} sessions")
    with EmulatorProcess(sizes.listing_small, sizes.seed) as small:
        log(f"listing: memory on {sizes.listing_small:,} sessions")

        def on_small(variant: Variant) -> WorkerRun:
            run = run_worker(variant.name, small.base_url, page, timeout=sizes.timeout)
            return _expect(run, sizes.listing_small)

        _rounds([client_small, plain_small], min(3, sizes.listing_rounds), on_small, log)

    profiles: dict[str, ProfileSummary] = {}
    if profile:
        log("listing: cProfile runs")
        for name in ("list-client", "list-httpx"):
            path = scratch / f"{name}.prof"
            run_worker(name, server.base_url, page, profile=path, timeout=sizes.timeout)
            profiles[name] = summarize(path)
    return ListingResult(
        sizes=sizes,
        client=client,
        plain=plain,
        client_raise=client_raise,
        client_small=client_small,
        plain_small=plain_small,
        ratios=_paired_ratios(client, plain),
        raise_ratios=_paired_ratios(client_raise, plain),
        profiles=profiles,
    )


# -- 2. bulk details ------------------------------------------------------------------


@dataclass
class DetailsResult:
    """Many clients' details at bounded concurrency: details per client CPU-second."""

    sizes: Sizes
    variants: dict[str, Variant]
    profiles: dict[str, ProfileSummary]

    def rate(self, name: str) -> float:
        """Median details per CPU-second of a variant."""
        variant = self.variants[name]
        return median([run.ok / run.cpu for run in variant.runs if run.cpu > 0])

    def ratios(self, name: str, baseline: str) -> list[float]:
        """Round-by-round (details per CPU-second of ``name``) / (that of ``baseline``)."""
        return [1 / ratio for ratio in _paired_ratios(self.variants[name], self.variants[baseline])]

    def ratio(self, name: str, baseline: str) -> float:
        """Median of ``ratios``."""
        return median(self.ratios(name, baseline))


DETAIL_VARIANTS = (
    ("details-client", "AsyncHiveMQClient.clients.fetch (default transport: aiohttp)"),
    ("details-httpx-aiohttp", "plain httpx.AsyncClient on httpx_aiohttp.AiohttpTransport"),
    ("details-httpx", "plain httpx.AsyncClient, its own transport (httpcore)"),
    ("details-aiohttp", "plain aiohttp.ClientSession (the ceiling)"),
    ("details-client-httpx", 'AsyncHiveMQClient(transport="httpx") (context)'),
)


def first_ids(base_url: str, count: int, page_size: int) -> list[str]:
    """The first ``count`` ids the server lists."""
    ids: list[str] = []
    with httpx.Client(base_url=base_url, timeout=60) as http:
        next_url: str | None = f"{GET_ALL_MQTT_CLIENTS.path}?limit={page_size}"
        while next_url and len(ids) < count:
            page = http.get(next_url).json()
            ids.extend(item["id"] for item in page["items"])
            next_url = (page.get("_links") or {}).get("next")
    if len(ids) < count:
        raise RuntimeError(f"the server has only {len(ids)} sessions, {count} are needed")
    return ids[:count]


def bench_details(
    server: EmulatorProcess, sizes: Sizes, scratch: Path, profile: bool, log: Log
) -> DetailsResult:
    """Benchmark 2: ``clients.fetch`` against plain aiohttp and plain httpx."""
    ids_file = scratch / "ids.json"
    ids_file.write_text(json.dumps(first_ids(server.base_url, sizes.details, sizes.page_size)))
    variants = {name: Variant(name, text) for name, text in DETAIL_VARIANTS}

    def run(variant: Variant) -> WorkerRun:
        result = run_worker(
            variant.name,
            server.base_url,
            sizes.concurrency,
            ids=ids_file,
            timeout=sizes.timeout,
        )
        return _expect(result, sizes.details)

    log(f"details: {sizes.details:,} ids at concurrency {sizes.concurrency}")
    _rounds(list(variants.values()), sizes.details_rounds, run, log)
    profiles: dict[str, ProfileSummary] = {}
    if profile:
        log(f"details: cProfile runs ({sizes.details_profiled:,} ids)")
        profiled_ids = scratch / "profiled-ids.json"
        profiled_ids.write_text(
            json.dumps(json.loads(ids_file.read_text())[: sizes.details_profiled])
        )
        for name in ("details-client", "details-httpx-aiohttp"):
            path = scratch / f"{name}.prof"
            run_worker(
                name,
                server.base_url,
                sizes.concurrency,
                ids=profiled_ids,
                profile=path,
                timeout=sizes.timeout,
            )
            profiles[name] = summarize(path)
    return DetailsResult(sizes=sizes, variants=variants, profiles=profiles)


# -- 3. export -------------------------------------------------------------------------


@dataclass
class ExportRun:
    """One ``hivemq-rest clients export`` run."""

    wall: float
    cpu: float
    maxrss_kib: int
    rows: int
    server_cpu: float | None


@dataclass
class ExportResult:
    """The export of every session with details to CSV."""

    sizes: Sizes
    runs: list[ExportRun]
    profile: ProfileSummary | None

    def wall(self) -> float:
        """Median wall seconds."""
        return median([run.wall for run in self.runs])

    def worst_wall(self) -> float:
        """The slowest run's wall seconds."""
        return max(run.wall for run in self.runs)


def _csv_rows(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as rows:
        reader = csv.reader(rows)
        header = next(reader)
        column = header.index("clientId")
        return [row[column] for row in reader]


def bench_export(sizes: Sizes, scratch: Path, profile: bool, log: Log) -> ExportResult:
    """Benchmark 3: the CLI's CSV export of every session, with details."""
    runs: list[ExportRun] = []
    profile_summary: ProfileSummary | None = None
    with EmulatorProcess(sizes.export, sizes.seed) as server:
        for number in range(sizes.export_rounds):
            output = scratch / f"export-{number}.csv"
            command = [executable("hivemq-rest"), "clients", "export", "--format", "csv"]
            command += ["--output", str(output), "--concurrency", str(sizes.concurrency)]
            command += ["--url", server.base_url]
            server_cpu = server.cpu_seconds()
            done = measure(command, sizes.timeout)
            server_after = server.cpu_seconds()
            if done.returncode != 0:
                raise RuntimeError(f"export failed ({done.returncode}): {done.stderr[-3000:]}")
            ids = _csv_rows(output)
            if len(ids) != sizes.export or len(set(ids)) != sizes.export:
                raise RuntimeError(f"export wrote {len(ids)} rows ({len(set(ids))} distinct)")
            output.unlink()
            used = None
            if server_cpu is not None and server_after is not None:
                used = server_after - server_cpu
            runs.append(ExportRun(done.wall, done.cpu, done.maxrss_kib, len(ids), used))
            log(
                f"  export {number + 1}/{sizes.export_rounds}: {done.wall:.1f}s wall, "
                f"cpu {done.cpu:.1f}s, rss {done.maxrss_kib / 1024:.0f}MiB"
            )
    if profile:
        log(f"export: cProfile run ({sizes.export_profiled:,} sessions)")
        with EmulatorProcess(sizes.export_profiled, sizes.seed) as small:
            path = scratch / "export-cli.prof"
            run_worker(
                "export-cli",
                small.base_url,
                sizes.concurrency,
                profile=path,
                timeout=sizes.timeout,
            )
            profile_summary = summarize(path)
    return ExportResult(sizes=sizes, runs=runs, profile=profile_summary)


# -- 4. Data Hub listing ------------------------------------------------------------


@dataclass
class PoliciesResult:
    """Listing data policies: client CPU against a plain httpx loop."""

    sizes: Sizes
    client: Variant
    client_read: Variant
    plain: Variant
    ratios: list[float]
    read_ratios: list[float]

    def ratio(self) -> float:
        """Median of the round-by-round CPU ratios client / plain loop."""
        return median(self.ratios)


def bench_policies(sizes: Sizes, log: Log) -> PoliciesResult:
    """Benchmark 4: ``data_hub.data_policies.list`` against a hand-written httpx loop."""
    client = Variant("policies-client", "HiveMQClient.data_hub.data_policies.list(page_size)")
    client_read = Variant(
        "policies-client-read", "the same, reading each policy's matching (parsed in full)"
    )
    plain = Variant("policies-httpx", "plain httpx.Client loop: GET, .json(), follow _links.next")
    with PolicyServerProcess(sizes.policies) as server:

        def run(variant: Variant) -> WorkerRun:
            done = run_worker(
                variant.name, server.base_url, sizes.policies_page_size, timeout=sizes.timeout
            )
            return _expect(done, sizes.policies)

        log(f"data policies: warm-up on {sizes.policies:,} policies")
        run(client)
        run(plain)
        _rounds([client, plain, client_read], sizes.policies_rounds, run, log)
    return PoliciesResult(
        sizes=sizes,
        client=client,
        client_read=client_read,
        plain=plain,
        ratios=_paired_ratios(client, plain),
        read_ratios=_paired_ratios(client_read, plain),
    )


def python_version() -> str:
    """The version of the Python running the benchmarks."""
    return sys.version.split()[0]


# -- 4. download ----------------------------------------------------------------------


@dataclass
class DownloadResult:
    """A backup's file streamed to disk: throughput against plain httpx, and peak memory.

    Two like-for-like pairs: the client to a path (temporary file, fsync,
    rename) against the plain loop that also fsyncs, and the client to an open
    file against the plain loop, neither of which fsyncs.
    """

    sizes: Sizes
    to_path: Variant
    plain_fsync: Variant
    to_file: Variant
    plain: Variant
    client_small: Variant

    def pairs(self) -> list[tuple[str, Variant, Variant]]:
        """(where to, client, plain loop doing the same work), the pairs with a target."""
        return [
            ("to a path", self.to_path, self.plain_fsync),
            ("to an open file", self.to_file, self.plain),
        ]

    @staticmethod
    def throughputs(client: Variant, plain: Variant) -> list[float]:
        """Round by round, the client's bytes per wall second over the plain loop's."""
        return [
            base.wall / run.wall
            for run, base in zip(client.runs, plain.runs, strict=True)
            if run.wall > 0
        ]

    def throughput(self, client: Variant, plain: Variant) -> float:
        """Median of ``throughputs``."""
        return median(self.throughputs(client, plain))

    def mib_per_second(self, variant: Variant) -> float:
        """Median MiB per wall second of a variant at the big size."""
        return median([run.ok / 1024**2 / run.wall for run in variant.runs if run.wall > 0])

    def memory_growth_mib(self) -> float:
        """Peak RSS downloading the big file minus downloading the small one (the client)."""
        return self.to_path.maxrss_mib() - self.client_small.maxrss_mib()


def bench_download(sizes: Sizes, log: Log) -> DownloadResult:
    """Benchmark 4: ``backups.download`` against plain ``httpx.stream`` loops."""
    result = DownloadResult(
        sizes=sizes,
        to_path=Variant("download-client", "HiveMQClient.backups.download(id, path)"),
        plain_fsync=Variant(
            "download-httpx-fsync", "plain httpx.Client.stream loop to a file, then fsync"
        ),
        to_file=Variant("download-client-file", "HiveMQClient.backups.download(id, open file)"),
        plain=Variant("download-httpx", "plain httpx.Client.stream loop to a file"),
        client_small=Variant(
            "download-client", f"the client to a path, {sizes.download_small:,} bytes"
        ),
    )
    big = [result.to_path, result.plain_fsync, result.to_file, result.plain]
    with FileServerProcess(sizes.download_bytes) as server:

        def on_big(variant: Variant) -> WorkerRun:
            run = run_worker(variant.name, server.base_url, 0, timeout=sizes.timeout)
            return _expect(run, sizes.download_bytes)

        log(f"download: warm-up, {sizes.download_bytes:,} bytes")
        for variant in big:
            on_big(variant)
        _rounds(big, sizes.download_rounds, on_big, log)
    with FileServerProcess(sizes.download_small) as small:

        def on_small(variant: Variant) -> WorkerRun:
            run = run_worker(variant.name, small.base_url, 0, timeout=sizes.timeout)
            return _expect(run, sizes.download_small)

        _rounds([result.client_small], sizes.download_rounds, on_small, log)
    return result

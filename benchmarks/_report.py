"""BENCHMARKS.md: the machine, each benchmark's numbers and ratios, the targets, the profiles."""

from __future__ import annotations

import math
import os
import platform
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from ._apply_bench import ApplyResult, apply_section, apply_target, diff_targets
from ._benches import (
    DetailsResult,
    DownloadResult,
    ExportResult,
    ListingResult,
    PoliciesResult,
    Sizes,
    Variant,
    median,
)
from ._faults_bench import FaultsResult, faults_section
from ._profiles import ProfileSummary

# Hand-written notes between these markers survive a re-run of the benchmarks.
NOTES_START = "<!-- notes:start -->"
NOTES_END = "<!-- notes:end -->"

MB = 1_000_000 / 1024 / 1024  # one megabyte (10^6 bytes) in MiB

LISTING_CPU_TARGET = 1.15
LISTING_MEMORY_TARGET_MB = 20.0
DETAILS_VS_HTTPX_AIOHTTP_TARGET = 0.9
DETAILS_VS_HTTPX_TARGET = 5.0
EXPORT_WALL_TARGET = 60.0
POLICIES_CPU_TARGET = 1.15
DOWNLOAD_THROUGHPUT_TARGET = 0.9
DOWNLOAD_MEMORY_TARGET_MIB = 32.0

PACKAGES = ("hivemq-rest-client", "httpx", "httpcore", "aiohttp", "httpx-aiohttp", "uvicorn")


@dataclass
class Machine:
    """Where the numbers were taken."""

    date: str
    nproc: int
    cpu_model: str
    python: str
    platform: str
    memory: str
    load_before: str
    load_after: str = ""
    versions: dict[str, str] = field(default_factory=dict)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages."""
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def machine(date: str, python: str) -> Machine:
    """A description of the machine running the benchmarks."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return Machine(
        date=date,
        nproc=os.cpu_count() or 0,
        cpu_model=_cpu_model(),
        python=python,
        platform=platform.platform(),
        memory=_memory(),
        load_before=load_average(),
        versions=versions,
    )


def _n(value: float, digits: int = 2) -> str:
    return "n/a" if math.isnan(value) else f"{value:,.{digits}f}"


def _verdict(met: bool) -> str:
    return "**met**" if met else "**MISSED**"


def _ratios(values: list[float]) -> str:
    return ", ".join(f"{value:.3f}" for value in values) or "n/a"


@dataclass
class Results:
    """Everything one run measured (a benchmark not run is None)."""

    sizes: Sizes
    smoke: bool
    machine: Machine
    listing: ListingResult | None = None
    details: DetailsResult | None = None
    export: ExportResult | None = None
    policies: PoliciesResult | None = None
    download: DownloadResult | None = None
    apply: ApplyResult | None = None
    faults: FaultsResult | None = None


def targets(results: Results) -> list[tuple[str, str, str, bool]]:
    """(benchmark, target, measured, met) for each target that was measured."""
    rows = []
    if results.listing is not None:
        listing = results.listing
        ratio = listing.ratio()
        rows.append(
            (
                "1. listing, client CPU",
                f"<= {LISTING_CPU_TARGET}x the plain httpx loop",
                f"{ratio:.3f}x (median of {len(listing.ratios)} rounds)",
                ratio <= LISTING_CPU_TARGET,
            )
        )
        growth = listing.memory_growth_mib()
        rows.append(
            (
                "1. listing, peak memory",
                f"{listing.sizes.listing_big:,} ids <= {LISTING_MEMORY_TARGET_MB:.0f} MB above "
                f"{listing.sizes.listing_small:,}",
                f"+{growth:.1f} MiB ({growth / MB:.1f} MB)",
                growth <= LISTING_MEMORY_TARGET_MB * MB,
            )
        )
    if results.details is not None:
        details = results.details
        vs_aio = details.ratio("details-client", "details-httpx-aiohttp")
        vs_httpx = details.ratio("details-client", "details-httpx")
        rows.append(
            (
                "2. details per client CPU-second",
                f">= {DETAILS_VS_HTTPX_AIOHTTP_TARGET}x plain httpx on AiohttpTransport",
                f"{vs_aio:.3f}x",
                vs_aio >= DETAILS_VS_HTTPX_AIOHTTP_TARGET,
            )
        )
        rows.append(
            (
                "2. details per client CPU-second",
                f">= {DETAILS_VS_HTTPX_TARGET:.0f}x plain httpx (own transport)",
                f"{vs_httpx:.2f}x",
                vs_httpx >= DETAILS_VS_HTTPX_TARGET,
            )
        )
    if results.export is not None:
        export = results.export
        over = sum(1 for run in export.runs if run.wall >= EXPORT_WALL_TARGET)
        rows.append(
            (
                "3. export wall time",
                f"< {EXPORT_WALL_TARGET:.0f} s for {export.sizes.export:,} sessions (median)",
                f"{export.wall():.1f} s median, {export.worst_wall():.1f} s worst "
                f"({over} of {len(export.runs)} runs at or over {EXPORT_WALL_TARGET:.0f} s)",
                export.wall() < EXPORT_WALL_TARGET,
            )
        )
    if results.policies is not None:
        ratio = results.policies.ratio()
        rows.append(
            (
                "4. Data Hub listing, client CPU",
                f"<= {POLICIES_CPU_TARGET}x the plain httpx loop",
                f"{ratio:.3f}x (median of {len(results.policies.ratios)} rounds)",
                ratio <= POLICIES_CPU_TARGET,
            )
        )
    if results.download is not None:
        download = results.download
        for where, client, plain in download.pairs():
            ratio = download.throughput(client, plain)
            rows.append(
                (
                    f"5. download throughput, {where}",
                    f">= {DOWNLOAD_THROUGHPUT_TARGET}x the {plain.description}",
                    f"{ratio:.3f}x (median of {len(download.throughputs(client, plain))} rounds)",
                    ratio >= DOWNLOAD_THROUGHPUT_TARGET,
                )
            )
        growth = download.memory_growth_mib()
        rows.append(
            (
                "5. download, peak memory",
                f"{download.sizes.download_bytes / 1024**3:g} GiB <= "
                f"{DOWNLOAD_MEMORY_TARGET_MIB:.0f} MiB above "
                f"{download.sizes.download_small / 1024**2:g} MiB",
                f"+{growth:.1f} MiB",
                growth <= DOWNLOAD_MEMORY_TARGET_MIB,
            )
        )
    if results.apply is not None:
        rows.append(apply_target(results.apply))
        rows += diff_targets(results.apply)
    return rows


def _policies(policies: PoliciesResult) -> list[str]:
    sizes = policies.sizes
    return [
        "## 4. Data Hub listing",
        "",
        f"{sizes.policies:,} data policies (a validator, a pipeline on success and one on "
        f"failure each), page size {sizes.policies_page_size}, served as prepared bytes by "
        "a static server process (`benchmarks/_policy_server.py`). List items parse into "
        "their models when first read: the third contender reads every policy.",
        "",
        *_variant_rows(
            [policies.client, policies.plain, policies.client_read], sizes.policies, "policies"
        ),
        "",
        f"- CPU ratio client / plain loop, round by round: {_ratios(policies.ratios)}; "
        f"**median {_n(policies.ratio(), 3)}x**.",
        f"- Reading every policy / plain loop: {_ratios(policies.read_ratios)}; "
        f"median {_n(median(policies.read_ratios), 3)}x.",
        "",
    ]


def _variant_rows(variants: list[Variant], count: int, unit: str) -> list[str]:
    lines = [
        f"| contender | CPU s (median) | CPU s (min..max) | {unit} per CPU-s | wall s "
        "| peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for variant in variants:
        cpus = [run.cpu for run in variant.runs]
        rate = count / variant.cpu() if variant.cpu() > 0 else float("nan")
        lines.append(
            f"| {variant.description} | {_n(variant.cpu(), 3)} | "
            f"{_n(min(cpus), 3)}..{_n(max(cpus), 3)} | {_n(rate, 0)} | "
            f"{_n(variant.wall())} | {_n(variant.maxrss_mib(), 1)} |"
        )
    return lines


def _listing(listing: ListingResult) -> list[str]:
    sizes = listing.sizes
    lines = [
        "## 1. Listing",
        "",
        f"{sizes.listing_big:,} sessions in the emulator, page size {sizes.page_size:,}: "
        f"{math.ceil(sizes.listing_big / sizes.page_size):,} pages. Each contender runs in a "
        "fresh process, one after the other, the order rotating from round to round; the ratio "
        "is taken round by round and its median reported. CPU is the client process's own "
        "user + system time for the walk (after imports).",
        "",
        *_variant_rows(
            [listing.client, listing.plain, listing.client_raise], sizes.listing_big, "ids"
        ),
        "",
        f"- CPU ratio client / plain loop, round by round: {_ratios(listing.ratios)}; "
        f"**median {_n(listing.ratio(), 3)}x**.",
        f'- With `on_cursor_expired="raise"` (no restart bookkeeping): '
        f"{_ratios(listing.raise_ratios)}; median {_n(median(listing.raise_ratios), 3)}x.",
        "",
        "Peak memory (RSS high-water mark of the client process, imports included):",
        "",
        "| listing | client MiB | plain loop MiB |",
        "|---|---:|---:|",
        f"| {sizes.listing_small:,} ids | {_n(listing.client_small.maxrss_mib(), 1)} | "
        f"{_n(listing.plain_small.maxrss_mib(), 1)} |",
        f"| {sizes.listing_big:,} ids | {_n(listing.client.maxrss_mib(), 1)} | "
        f"{_n(listing.plain.maxrss_mib(), 1)} |",
        f"| growth | **+{_n(listing.memory_growth_mib(), 1)}** | "
        f"+{_n(listing.plain.maxrss_mib() - listing.plain_small.maxrss_mib(), 1)} |",
        "",
    ]
    return lines


def _details(details: DetailsResult) -> list[str]:
    sizes = details.sizes
    variants = list(details.variants.values())
    lines = [
        "## 2. Bulk details",
        "",
        f"The first {sizes.details:,} ids of the listing (about 5 % of them awkward: `/`, `%`, "
        f"`?`, `#`, spaces, emoji, long ids), fetched at concurrency {sizes.concurrency}: "
        "`GET /api/v1/mqtt/clients/{quote(id, safe='')}` and a JSON parse, each baseline with a "
        "semaphore and `asyncio.gather`. Every contender got all the details (checked). "
        "Same rotation and medians as above.",
        "",
        *_variant_rows(variants, sizes.details, "details"),
        "",
        "Details per client CPU-second of the client, relative to each contender "
        "(round by round, then the median):",
        "",
        "| the client relative to | rounds | median |",
        "|---|---|---:|",
    ]
    for name, description in (
        ("details-httpx-aiohttp", "plain httpx on AiohttpTransport"),
        ("details-httpx", "plain httpx, own transport"),
        ("details-aiohttp", "plain aiohttp (ceiling)"),
        ("details-client-httpx", 'the client with transport="httpx"'),
    ):
        ratios = details.ratios("details-client", name)
        lines.append(f"| {description} | {_ratios(ratios)} | **{_n(median(ratios), 3)}x** |")
    lines.append("")
    return lines


def _export(export: ExportResult) -> list[str]:
    sizes = export.sizes
    lines = [
        "## 3. Export",
        "",
        f"`hivemq-rest clients export --format csv --output F --concurrency {sizes.concurrency}` "
        f"of {sizes.export:,} sessions with details, against `hivemq-emulator serve` on the same "
        "machine (so the two processes share the 2 cores). Every id was checked to be in the "
        "file exactly once.",
        "",
        "| run | wall s | CLI CPU s | CLI peak RSS MiB | rows | details/s | server CPU s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for number, run in enumerate(export.runs, 1):
        server = "n/a" if run.server_cpu is None else f"{run.server_cpu:.1f}"
        lines.append(
            f"| {number} | {run.wall:.1f} | {run.cpu:.1f} | {run.maxrss_kib / 1024:.1f} | "
            f"{run.rows:,} | {run.rows / run.wall:,.0f} | {server} |"
        )
    lines += ["", f"Median wall time **{_n(export.wall(), 1)} s**.", ""]
    return lines


def _download(download: DownloadResult) -> list[str]:
    sizes = download.sizes
    lines = [
        "## 5. Download",
        "",
        f"A backup file of {sizes.download_bytes:,} bytes streamed to disk in a fresh process "
        "each run, from `benchmarks._file_server` (a small streaming HTTP server on the same "
        "machine). To a path, the client writes a temporary file, fsyncs and renames it, so "
        "it is compared with a plain loop that fsyncs too; to an open file, neither fsyncs. "
        "Throughput is bytes per wall second; memory is the client's peak RSS against the "
        f"same download of {sizes.download_small:,} bytes.",
        "",
        "| contender | wall s (median) | MiB/s (median) | CPU s (median) | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    big = [variant for _, client, plain in download.pairs() for variant in (client, plain)]
    for variant in [*big, download.client_small]:
        lines.append(
            f"| {variant.description} | {_n(variant.wall(), 2)} | "
            f"{_n(download.mib_per_second(variant), 0)} | {_n(variant.cpu(), 2)} | "
            f"{_n(variant.maxrss_mib(), 1)} |"
        )
    lines.append("")
    for _, client, plain in download.pairs():
        ratios = _ratios(download.throughputs(client, plain))
        lines.append(f"Throughput {client.description} / {plain.description}: {ratios}.")
        lines.append("")
    unlike = download.throughput(download.to_path, download.plain)
    lines += [
        f"Unlike for unlike, the client to a path (fsynced) runs at {unlike:.3f}x the plain "
        "loop that leaves its bytes in the page cache: that gap is the disk's, as the plain "
        "loop's own fsync shows.",
        "",
    ]
    return lines


def _profile(title: str, profiles: dict[str, ProfileSummary], names: dict[str, str]) -> list[str]:
    present = [name for name in names if name in profiles]
    if not present:
        return []
    lines = [
        f"### {title}",
        "",
        "Own CPU time (cProfile `tottime`, with a CPU-time clock) by area; a built-in function "
        "(str methods, `any`, ...) counts for the area that called it. cProfile's overhead "
        "inflates Python-level calls, so read shares, not absolute seconds.",
        "",
        "| area | " + " | ".join(names[name] for name in present) + " |",
        "|---|" + "---:|" * len(present),
    ]
    areas: list[str] = []
    for name in present:
        for area in profiles[name].areas:
            if area not in areas:
                areas.append(area)
    for area in areas:
        cells = []
        for name in present:
            summary = profiles[name]
            own = summary.areas.get(area, 0.0)
            share = own / summary.total * 100 if summary.total else 0.0
            cells.append(f"{own:.3f} s ({share:.0f} %)")
        lines.append(f"| {area} | " + " | ".join(cells) + " |")
    totals = " | ".join(f"{profiles[name].total:.3f} s" for name in present)
    lines += [f"| **total** | {totals} |", ""]
    first = present[0]
    lines += [
        f"Most expensive functions of {names[first]} (own time):",
        "",
        "| function | calls | own s | cumulative s |",
        "|---|---:|---:|---:|",
    ]
    for cost in profiles[first].top:
        lines.append(
            f"| `{cost.label}` | {cost.calls:,} | {cost.own:.3f} | {cost.cumulative:.3f} |"
        )
    lines.append("")
    return lines


def render(results: Results, notes: str) -> str:
    """The whole of BENCHMARKS.md."""
    info = results.machine
    lines = [
        "# Benchmarks",
        "",
        "Written by `python -m benchmarks` (or `python benchmarks/run.py`); re-run it to "
        "refresh every number. Each benchmark compares the project with a hand-written "
        "baseline in one run, on one machine, against one `hivemq-emulator serve` process. "
        "Client cost is the client process's own CPU time (user + system), so the server's "
        "speed does not distort it; absolute times are context only.",
        "",
    ]
    if results.smoke:
        lines += ["**Smoke run (tiny sizes): these numbers mean nothing.**", ""]
    lines += [
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        f"| date | {info.date} |",
        f"| cores (nproc) | {info.nproc} |",
        f"| CPU | {info.cpu_model} |",
        f"| memory | {info.memory} |",
        f"| Python | {info.python} |",
        f"| platform | {info.platform} |",
        f"| load average before / after | {info.load_before} -> {info.load_after} |",
    ]
    for name, version in info.versions.items():
        lines.append(f"| {name} | {version} |")
    lines += [
        "",
        "## Targets",
        "",
        "| benchmark | target | measured | |",
        "|---|---|---|---|",
    ]
    for name, target, measured, met in targets(results):
        lines.append(f"| {name} | {target} | {measured} | {_verdict(met)} |")
    lines.append("")
    if results.listing is not None:
        lines += _listing(results.listing)
    if results.details is not None:
        lines += _details(results.details)
    if results.export is not None:
        lines += _export(results.export)
    if results.policies is not None:
        lines += _policies(results.policies)
    if results.download is not None:
        lines += _download(results.download)
    if results.apply is not None:
        lines += apply_section(results.apply)
    if results.faults is not None:
        lines += faults_section(results.faults)
    profile_parts: list[str] = []
    if results.listing is not None:
        profile_parts += _profile(
            f"Listing ({results.sizes.listing_big:,} ids)",
            results.listing.profiles,
            {"list-client": "client", "list-httpx": "plain loop"},
        )
    if results.details is not None:
        profile_parts += _profile(
            f"Bulk details ({results.sizes.details_profiled:,} ids)",
            results.details.profiles,
            {"details-client": "client", "details-httpx-aiohttp": "plain httpx on aiohttp"},
        )
    if results.export is not None and results.export.profile is not None:
        profile_parts += _profile(
            f"Export (the CLI, {results.sizes.export_profiled:,} sessions)",
            {"export": results.export.profile},
            {"export": "CLI"},
        )
    if profile_parts:
        lines += ["## Where the client's CPU goes", "", *profile_parts]
    lines += ["## Notes", "", NOTES_START, notes.strip("\n"), NOTES_END, ""]
    return "\n".join(lines)


def kept_notes(path: Path) -> str:
    """The hand-written notes of an existing BENCHMARKS.md (empty if none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    start, end = text.find(NOTES_START), text.find(NOTES_END)
    if start == -1 or end < start:
        return ""
    return text[start + len(NOTES_START) : end]

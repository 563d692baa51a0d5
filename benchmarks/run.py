"""Run the benchmarks and write BENCHMARKS.md.

    python -m benchmarks                 # everything, full size (about 15 minutes on 2 cores)
    python -m benchmarks --only listing  # or details, export, policies, download, apply, faults
    python -m benchmarks --smoke         # tiny sizes, to check that they work (CI)

Results go to BENCHMARKS.md at the repository root (``--output`` elsewhere; a
smoke run writes only where ``--output`` says). Hand-written notes between the
``notes`` markers of an existing file are kept.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._apply_bench import bench_apply
from benchmarks._benches import (
    FULL,
    SMOKE,
    bench_details,
    bench_download,
    bench_export,
    bench_listing,
    bench_policies,
    python_version,
)
from benchmarks._faults_bench import bench_faults
from benchmarks._processes import EmulatorProcess
from benchmarks._report import Results, kept_notes, load_average, machine, render, targets

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ("listing", "details", "export", "policies", "download", "apply", "faults")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks; write the report; 0 unless a benchmark could not run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one round (for CI)")
    parser.add_argument("--only", action="append", choices=BENCHMARKS, help="run only these")
    parser.add_argument("--output", type=Path, help="the report (default: BENCHMARKS.md)")
    parser.add_argument("--rounds", type=int, help="rounds of every benchmark (override)")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile runs")
    args = parser.parse_args(argv)
    sizes = SMOKE if args.smoke else FULL
    if args.rounds is not None:
        if args.rounds < 1:
            parser.error("--rounds must be at least 1")
        sizes = dataclasses.replace(
            sizes,
            listing_rounds=args.rounds,
            details_rounds=args.rounds,
            export_rounds=args.rounds,
            policies_rounds=args.rounds,
            download_rounds=args.rounds,
            apply_rounds=args.rounds,
        )
    chosen = set(args.only or BENCHMARKS)
    output: Path | None = args.output
    if output is None and not args.smoke:
        output = ROOT / "BENCHMARKS.md"
    profile = not args.no_profile
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    results = Results(sizes=sizes, smoke=args.smoke, machine=machine(now, python_version()))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hivemq-bench-") as directory:
        scratch = Path(directory)
        if chosen & {"listing", "details"}:
            big = max(sizes.listing_big if "listing" in chosen else 0, sizes.details)
            _log(f"starting the emulator with {big:,} sessions")
            with EmulatorProcess(big, sizes.seed) as server:
                if "listing" in chosen:
                    results.listing = bench_listing(server, sizes, scratch, profile, _log)
                if "details" in chosen:
                    results.details = bench_details(server, sizes, scratch, profile, _log)
        if "export" in chosen:
            _log(f"export of {sizes.export:,} sessions")
            results.export = bench_export(sizes, scratch, profile, _log)
        if "policies" in chosen:
            _log(f"Data Hub listing of {sizes.policies:,} data policies")
            results.policies = bench_policies(sizes, _log)
        if "download" in chosen:
            _log(f"download of a {sizes.download_bytes:,}-byte backup")
            results.download = bench_download(sizes, _log)
        if "apply" in chosen:
            _log(f"Data Hub apply of an unchanged tree of {sizes.apply_resources:,} resources")
            results.apply = bench_apply(sizes.apply_resources, sizes.apply_rounds, scratch, _log)
        if "faults" in chosen:
            _log(f"export of {sizes.faults:,} sessions under faults")
            results.faults = bench_faults(sizes.faults, sizes.seed, scratch, _log)
    results.machine.load_after = load_average()
    _log(f"done in {time.perf_counter() - started:.0f} s")
    for name, target, measured, met in targets(results):
        _log(f"{'met   ' if met else 'MISSED'} {name}: {measured} (target {target})")
    if output is not None:
        notes = kept_notes(output)
        output.write_text(render(results, notes), encoding="utf-8")
        _log(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

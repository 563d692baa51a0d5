"""Benchmark 5: ``hivemq-rest data-hub apply`` of an unchanged tree against its listings.

The emulator holds ``apply_resources`` Data Hub resources (a quarter each:
JSON schemas, scripts, data policies using one of each, behavior policies),
``data-hub export`` writes them to a tree, and each round times, in this
process, the four listings alone (what apply must read) and the whole apply
command (read the tree, list, plan: "no changes"). One apply run as its own
process with --debug counts the requests it sends.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ._processes import EmulatorProcess, executable

_REQUEST = re.compile(r"HTTP Request: (GET|POST|PUT|DELETE|PATCH) ")
APPLY_TARGET = 2.0  # apply wall <= this x the listings' wall


@dataclass
class ApplyResult:
    """Apply of an unchanged tree: wall seconds per round, and the requests one run sent."""

    resources: int
    list_walls: list[float] = field(default_factory=list)
    apply_walls: list[float] = field(default_factory=list)
    process_wall: float = 0.0
    requests: dict[str, int] = field(default_factory=dict)

    def ratio(self) -> float:
        """Median apply wall over median listing wall."""
        return _median(self.apply_walls) / _median(self.list_walls)

    def writes(self) -> int:
        """Write requests the apply sent (must be 0)."""
        return sum(n for method, n in self.requests.items() if method != "GET")


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _seed(url: str, count: int) -> None:
    from hivemq_rest import HiveMQClient
    from hivemq_rest_generated.models import BehaviorPolicy, DataPolicy

    quarter = count // 4
    with HiveMQClient(url) as hivemq:
        hub = hivemq.data_hub
        for n in range(quarter):
            hub.schemas.create_json(f"schema-{n:04d}", {"type": "object", "title": f"n{n}"})
            hub.scripts.create_js(
                f"script-{n:04d}", f"function transform(p) {{ return p; }} // {n}"
            )
            hub.data_policies.create(
                DataPolicy.from_dict(
                    {
                        "id": f"data-{n:04d}",
                        "matching": {"topicFilter": f"site/{n}/#"},
                        "validation": {
                            "validators": [
                                {
                                    "type": "schema",
                                    "arguments": {
                                        "strategy": "ALL_OF",
                                        "schemas": [
                                            {"schemaId": f"schema-{n:04d}", "version": "latest"}
                                        ],
                                    },
                                }
                            ]
                        },
                        "onSuccess": {
                            "pipeline": [
                                {
                                    "id": "t",
                                    "functionId": f"fn:script-{n:04d}:latest",
                                    "arguments": {},
                                }
                            ]
                        },
                    }
                )
            )
            hub.behavior_policies.create(
                BehaviorPolicy.from_dict(
                    {
                        "id": f"behavior-{n:04d}",
                        "matching": {"clientIdRegex": f"device-{n}-.*"},
                        "behavior": {"id": "Publish.duplicate"},
                    }
                )
            )


def _time_listings(url: str) -> float:
    from hivemq_rest import HiveMQClient
    from hivemq_rest.cli._apply import read_broker

    started = time.perf_counter()
    with HiveMQClient(url) as hivemq:
        read_broker(hivemq)
    return time.perf_counter() - started


def _time_apply(url: str, tree: Path) -> float:
    from hivemq_rest.cli import main

    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        main.main(["--url", url, "data-hub", "apply", str(tree)], standalone_mode=False)
    wall = time.perf_counter() - started
    if "no changes" not in out.getvalue():
        raise RuntimeError(f"apply of the exported tree planned changes: {out.getvalue()[-2000:]}")
    return wall


def bench_apply(count: int, rounds: int, scratch: Path, log: Callable[[str], None]) -> ApplyResult:
    """Seed, export, then time listings and apply, round by round."""
    result = ApplyResult(resources=count)
    with EmulatorProcess(0) as server:
        url = server.base_url
        log(f"apply: seeding {count:,} Data Hub resources")
        _seed(url, count)
        tree = scratch / "data-hub-tree"
        hivemq_rest = executable("hivemq-rest")
        subprocess.run(  # noqa: S603 -- our own command, fixed arguments
            [hivemq_rest, "--url", url, "data-hub", "export", str(tree)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        started = time.perf_counter()
        done = subprocess.run(  # noqa: S603 -- our own command, fixed arguments
            [hivemq_rest, "--url", url, "--debug", "data-hub", "apply", str(tree)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        result.process_wall = time.perf_counter() - started
        if done.returncode != 0 or "no changes" not in done.stdout:
            raise RuntimeError(f"apply failed ({done.returncode}): {done.stderr[-3000:]}")
        for method in _REQUEST.findall(done.stderr):
            result.requests[method] = result.requests.get(method, 0) + 1
        _time_listings(url)  # warm-up: imports, the first connection
        _time_apply(url, tree)
        for number in range(rounds):
            result.list_walls.append(_time_listings(url))
            result.apply_walls.append(_time_apply(url, tree))
            log(
                f"  apply {number + 1}/{rounds}: listings {result.list_walls[-1] * 1000:.0f} ms, "
                f"apply {result.apply_walls[-1] * 1000:.0f} ms"
            )
    return result


def apply_target(result: ApplyResult) -> tuple[str, str, str, bool]:
    """The row of the targets table."""
    ratio = result.ratio()
    return (
        "6. Data Hub apply, unchanged tree",
        f"only list requests; wall <= {APPLY_TARGET:.0f}x the listings' "
        f"({result.resources:,} resources)",
        f"{ratio:.2f}x (median of {len(result.apply_walls)} rounds); "
        f"requests {dict(sorted(result.requests.items()))}",
        result.writes() == 0 and ratio <= APPLY_TARGET,
    )


def apply_section(result: ApplyResult) -> list[str]:
    """The report's section."""
    quarter = result.resources // 4
    return [
        "## 6. Data Hub apply of an unchanged tree",
        "",
        f"{result.resources:,} resources on the emulator ({quarter:,} each: JSON schemas, "
        "scripts, data policies using one of each, behavior policies), exported with "
        "`hivemq-rest data-hub export`, then applied unchanged. Each round, in one process: "
        "the four listings alone (`read_broker`), then the whole `data-hub apply` command "
        "(read and check the tree, list, plan). Wall time, page size 500.",
        "",
        f"- Requests of one apply (its own process, counted from --debug): "
        f"{dict(sorted(result.requests.items()))}; its process wall, start-up included: "
        f"{result.process_wall:.2f} s.",
        f"- Listings: {', '.join(f'{w * 1000:.0f}' for w in result.list_walls)} ms; "
        f"apply: {', '.join(f'{w * 1000:.0f}' for w in result.apply_walls)} ms.",
        f"- **Apply / listings: {result.ratio():.2f}x** (medians).",
        "",
    ]

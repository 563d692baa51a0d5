"""Benchmark 5: ``hivemq-rest data-hub apply`` and ``diff`` against the four listings.

The emulator holds ``apply_resources`` Data Hub resources (a quarter each:
JSON schemas, scripts, data policies using one of each, behavior policies),
``data-hub export`` writes them to a tree, and each round times, in this
process, the four listings alone (what apply must read), the whole apply
command and the whole ``data-hub diff`` command (read the tree, list, plan:
"no changes"). One apply run as its own process with --debug counts the
requests it sends.

Then every resource is changed (a new schema and script version, an update of
each policy) and applied, round by round, to and fro between the two trees;
each round also times the plan alone for that change, with and without its
field differences: what the diffs add to an apply of that many changes.
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
DIFF_TARGET = 2.0  # data-hub diff wall <= this x the listings' wall
DIFFS_TARGET = 0.20  # the plan's field diffs add <= this share to an apply of changes


@dataclass
class ApplyResult:
    """Apply of an unchanged tree: wall seconds per round, and the requests one run sent."""

    resources: int
    list_walls: list[float] = field(default_factory=list)
    apply_walls: list[float] = field(default_factory=list)
    process_wall: float = 0.0
    requests: dict[str, int] = field(default_factory=dict)
    diff_walls: list[float] = field(default_factory=list)
    changed_walls: list[float] = field(default_factory=list)  # apply of every resource changed
    diffs_costs: list[float] = field(default_factory=list)  # plan with diffs - plan without
    changed_requests: dict[str, int] = field(default_factory=dict)

    def ratio(self) -> float:
        """Median apply wall over median listing wall."""
        return _median(self.apply_walls) / _median(self.list_walls)

    def diff_ratio(self) -> float:
        """Median ``data-hub diff`` wall over median listing wall."""
        return _median(self.diff_walls) / _median(self.list_walls)

    def diffs_share(self) -> float:
        """What the field diffs add to an apply of changes: their median cost over the rest."""
        cost = _median(self.diffs_costs)
        return cost / (_median(self.changed_walls) - cost)

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


def _time_diff(url: str, tree: Path) -> float:
    from hivemq_rest.cli import main

    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        main.main(["--url", url, "data-hub", "diff", str(tree)], standalone_mode=False)
    wall = time.perf_counter() - started
    if "no changes" not in out.getvalue():
        raise RuntimeError(f"diff of the exported tree found changes: {out.getvalue()[-2000:]}")
    return wall


def _changed_copy(tree: Path, target: Path) -> Path:
    """``tree`` with every resource changed: schema titles, script sources, policy matching."""
    import json
    import shutil

    shutil.copytree(tree, target)
    for path in sorted(target.glob("*/*.json")):
        body = json.loads(path.read_text())
        family = path.parent.name
        if family == "data-policies":
            body["onFailure"] = {
                "pipeline": [{"id": "log", "functionId": "System.log", "arguments": {
                    "level": "WARN", "message": "invalid"}}]
            }  # fmt: skip
        elif family == "behavior-policies":
            body["matching"]["clientIdRegex"] += "-changed"
        else:
            import base64

            key = "schemaDefinition" if family == "schemas" else "source"
            text = base64.b64decode(body[key]).decode()
            if family == "schemas":
                definition = json.loads(text)
                definition["title"] += " changed"
                text = json.dumps(definition)
            else:
                text += "\n// changed\n"
            body[key] = base64.b64encode(text.encode()).decode()
        path.write_text(json.dumps(body))
    return target


def _time_changed_apply(url: str, tree: Path, count: int) -> float:
    from hivemq_rest.cli import main

    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        main.main(["--url", url, "data-hub", "apply", str(tree)], standalone_mode=False)
    wall = time.perf_counter() - started
    plan = out.getvalue()
    if f"{count // 2} new version, {count // 2} to update" not in plan:
        raise RuntimeError(f"apply planned other than {count} changes: {plan[-2000:]}")
    return wall


def _no_changes(old: object, new: object) -> list[object]:
    return []


def _as_is(body: object) -> object:
    return body


def _no_lines(found: object) -> tuple[()]:
    return ()


def _time_diffs(url: str, tree: Path) -> float:
    """The plan for ``tree`` against the broker, with its field diffs less without them."""
    from unittest import mock

    from hivemq_rest import HiveMQClient
    from hivemq_rest.cli import _dh_plan
    from hivemq_rest.cli._apply import read_broker
    from hivemq_rest.cli._dh_tree import read_tree

    with HiveMQClient(url) as hivemq:
        broker = read_broker(hivemq)
    desired = read_tree(tree)

    def plan() -> float:
        started = time.perf_counter()
        _dh_plan.make_plan(desired, broker.resources, False, broker.latest)
        return time.perf_counter() - started

    with_diffs = min(plan() for _ in range(3))
    with (
        mock.patch.object(_dh_plan, "changes", new=_no_changes),
        mock.patch.object(_dh_plan, "_readable", new=_as_is),
        mock.patch.object(_dh_plan, "_source_lines", new=_no_lines),
    ):
        without = min(plan() for _ in range(3))
    return with_diffs - without


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
        _time_diff(url, tree)
        for number in range(rounds):
            result.list_walls.append(_time_listings(url))
            result.apply_walls.append(_time_apply(url, tree))
            result.diff_walls.append(_time_diff(url, tree))
            log(
                f"  apply {number + 1}/{rounds}: listings {result.list_walls[-1] * 1000:.0f} ms, "
                f"apply {result.apply_walls[-1] * 1000:.0f} ms, "
                f"diff {result.diff_walls[-1] * 1000:.0f} ms"
            )
        trees = [_changed_copy(tree, scratch / "data-hub-changed"), tree]
        done = subprocess.run(  # noqa: S603 -- our own command, fixed arguments
            [hivemq_rest, "--url", url, "--debug", "data-hub", "apply", str(trees[0])],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"apply of changes failed ({done.returncode}): {done.stderr[-3000:]}"
            )
        for method in _REQUEST.findall(done.stderr):
            result.changed_requests[method] = result.changed_requests.get(method, 0) + 1
        for number in range(rounds):
            target = trees[(number + 1) % 2]  # back and forth: every round changes them all
            result.diffs_costs.append(_time_diffs(url, target))
            result.changed_walls.append(_time_changed_apply(url, target, count))
            log(
                f"  changed {number + 1}/{rounds}: apply {result.changed_walls[-1] * 1000:.0f} ms, "
                f"diffs {result.diffs_costs[-1] * 1000:.1f} ms"
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


def diff_targets(result: ApplyResult) -> list[tuple[str, str, str, bool]]:
    """The rows of ``data-hub diff`` and of the plan's diffs in the targets table."""
    return [
        (
            "6b. Data Hub diff, unchanged tree",
            f"wall <= {DIFF_TARGET:.0f}x the listings' ({result.resources:,} resources)",
            f"{result.diff_ratio():.2f}x (median of {len(result.diff_walls)} rounds)",
            result.diff_ratio() <= DIFF_TARGET,
        ),
        (
            "6c. Data Hub apply, every resource changed",
            f"the plan's field diffs add <= {DIFFS_TARGET:.0%} ({result.resources:,} changes)",
            f"+{result.diffs_share():.1%} (median of {len(result.changed_walls)} rounds); "
            f"requests {dict(sorted(result.changed_requests.items()))}",
            result.diffs_share() <= DIFFS_TARGET,
        ),
    ]


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
        f"- `data-hub diff`: {', '.join(f'{w * 1000:.0f}' for w in result.diff_walls)} ms; "
        f"**diff / listings: {result.diff_ratio():.2f}x** (medians).",
        "",
        "Every resource changed (a new version of each schema and script, an update of each "
        "policy, which reads its ETag first), applied to and fro between the two trees. "
        "The diffs' cost is the plan made with its field diffs less the same plan without "
        "them (fastest of three each), in the same process, over the same tree and listings.",
        "",
        f"- Requests of one such apply: {dict(sorted(result.changed_requests.items()))}.",
        f"- Apply: {', '.join(f'{w * 1000:.0f}' for w in result.changed_walls)} ms; "
        f"diffs: {', '.join(f'{w * 1000:.1f}' for w in result.diffs_costs)} ms.",
        f"- **The diffs add {result.diffs_share():.1%}** to the apply (medians).",
        "",
    ]

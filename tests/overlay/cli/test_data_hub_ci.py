"""Data Hub as code from CI: field diffs, replacements, ``diff``, reviewed plans, If-Match."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hivemq_rest import HiveMQClient
from hivemq_rest.cli import _apply, main
from hivemq_rest.cli._dh_plan import Action
from hivemq_rest.cli._exit import ExitCode
from hivemq_rest.cli._help import DRIFT
from hivemq_rest_emulator import EmulatorHandle
from hivemq_rest_generated.models import BehaviorPolicy, DataPolicy

from .cli_run import environment, run, run_on_terminal
from .test_data_hub_apply import EXAMPLES, dh, requests, state, writes

POLICY = Path("data-policies") / "temperature-readings.json"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of examples/data-hub to change."""
    return Path(shutil.copytree(EXAMPLES, tmp_path / "tree"))


def edit_policy(tree: Path, **changes: object) -> dict[str, object]:
    """Change top-level keys of the example data policy (None removes one)."""
    path = tree / POLICY
    policy = json.loads(path.read_text())
    for key, value in changes.items():
        if value is None:
            policy.pop(key)
        else:
            policy[key] = value
    path.write_text(json.dumps(policy))
    return dict(policy)


def test_an_update_shows_each_changed_field_for_people_and_whole_in_json(
    hivemq_emulator: EmulatorHandle, tree: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    policy = json.loads((tree / POLICY).read_text())
    policy["onFailure"]["pipeline"][0]["arguments"]["level"] = "ERROR"
    policy["onFailure"]["pipeline"].append(
        {"id": "count", "functionId": "Metrics.Counter.increment", "arguments": {
            "metricName": "invalid", "incrementBy": 1}}
    )  # fmt: skip
    del policy["validation"]
    (tree / POLICY).write_text(json.dumps(policy))
    script = tree / "scripts" / "to-fahrenheit.js"
    script.write_text(script.read_text() + "// checked\n")

    shown = dh(hivemq_emulator, "apply", str(tree), "--dry-run")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    update = lines.index("    ~ update      data-policies/temperature-readings")
    assert lines[update + 1 : update + 4] == [
        '        ~ onFailure.pipeline[0].arguments.level: "WARN" -> "ERROR"',
        '        + onFailure.pipeline[2]: {"arguments": {"incrementBy": 1, "metricName": '
        '"invalid"}...',
        "        - validation",
    ]
    # A script's source by line (line 13 is new), not as base64.
    new_version = lines.index("    ~ new version scripts/to-fahrenheit (version 2)")
    assert lines[new_version + 1 : new_version + 3] == [
        '        + source-decoded:13: "// checked"',
        "    ~ update      data-policies/temperature-readings",
    ]

    as_json = json.loads(dh(hivemq_emulator, "apply", str(tree), "--dry-run", "--json").stdout)
    [planned] = [a for a in as_json["plan"] if a["action"] == "update"]
    assert planned["changes"][1] == {
        "op": "add",
        "path": "onFailure.pipeline[2]",
        "new": {
            "id": "count",
            "functionId": "Metrics.Counter.increment",
            "arguments": {"metricName": "invalid", "incrementBy": 1},
        },
    }
    assert planned["changes"][2]["op"] == "remove"
    assert planned["changes"][2]["old"]["validators"][0]["type"] == "schema"


def test_a_value_that_would_drive_the_terminal_is_escaped_in_the_diff(
    hivemq_emulator: EmulatorHandle, tree: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    policy = json.loads((tree / POLICY).read_text())
    policy["onFailure"]["pipeline"][1]["arguments"]["reasonString"] = "\x1b]0;owned\x07" + "x" * 99
    (tree / POLICY).write_text(json.dumps(policy))
    shown = dh(hivemq_emulator, "diff", str(tree))
    assert shown.returncode == 1
    assert "\x1b" not in shown.stdout
    assert '-> "\\u001b]0;owned\\u0007xxx' in shown.stdout  # JSON's escape, then shortened
    assert "x" * 99 not in shown.stdout
    full = json.loads(dh(hivemq_emulator, "diff", str(tree), "--json").stdout)
    [change] = next(a for a in full["plan"] if a["action"] == "update")["changes"]
    assert change["new"] == "\x1b]0;owned\x07" + "x" * 99  # whole in JSON


def test_a_topic_filter_edit_is_a_replacement_that_needs_consent(
    hivemq_emulator: EmulatorHandle, tree: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    edit_policy(tree, matching={"topicFilter": "plant/+/temperature"})

    refused = dh(hivemq_emulator, "apply", str(tree))
    assert refused.returncode == ExitCode.USAGE
    assert (
        "  -/+ replace     data-policies/temperature-readings "
        "(a data policy's topic filter cannot change in place)\n"
        '        ~ matching.topicFilter: "factory/+/temperature" -> "plant/+/temperature"\n'
    ) in refused.stdout
    assert "Plan: 1 to replace, 4 unchanged" in refused.stdout
    assert "pass --yes when not on a terminal" in refused.stderr
    assert writes(refused) == []

    done = dh(hivemq_emulator, "apply", str(tree), "--yes", "--json")
    assert done.returncode == 0, done.stderr
    assert writes(done) == [
        ("DELETE", "data-validation/policies/temperature-readings"),
        ("POST", "data-validation/policies"),
    ]
    report = json.loads(done.stdout)
    assert report["applied"] == [
        {"action": "replace", "family": "data-policies", "id": "temperature-readings"}
    ]
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        stored = hivemq.data_hub.data_policies.get("temperature-readings").to_dict()
    assert stored["matching"]["topicFilter"] == "plant/+/temperature"
    assert stored["onSuccess"]["pipeline"][1]["functionId"] == "fn:to-fahrenheit:latest"
    assert stored["validation"]["validators"][0]["arguments"]["schemas"][0]["schemaId"] == (
        "temperature"
    )
    assert dh(hivemq_emulator, "diff", str(tree)).returncode == 0


def test_a_replacement_asks_on_a_terminal(hivemq_emulator: EmulatorHandle, tree: Path) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    edit_policy(tree, matching={"topicFilter": "plant/+/temperature"})
    url = hivemq_emulator.base_url
    code, shown = run_on_terminal(
        "--url", url, "data-hub", "apply", str(tree), answer=(b"[y/N]", b"n\n")
    )
    assert code == 1  # click's Abort
    assert "Replace (delete, then create) data-policies/temperature-readings?" in shown
    with HiveMQClient(url) as hivemq:
        kept = hivemq.data_hub.data_policies.get("temperature-readings").to_dict()
    assert kept["matching"]["topicFilter"] == "factory/+/temperature"


def test_diff_exits_0_in_sync_1_on_drift_either_side_and_3_unreachable(
    hivemq_emulator: EmulatorHandle, tree: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    in_sync = dh(hivemq_emulator, "diff", str(tree))
    assert in_sync.returncode == 0, in_sync.stderr
    assert "Plan: no changes (5 unchanged)" in in_sync.stdout
    assert {method for method, _ in requests(in_sync)} == {"GET"}

    edit_policy(tree, onFailure={"pipeline": []})
    edited = dh(hivemq_emulator, "diff", str(tree))
    assert edited.returncode == 1
    assert "- onFailure" in edited.stdout
    # --json is the plan apply --json has.
    diff_json = json.loads(dh(hivemq_emulator, "diff", str(tree), "--json").stdout)
    apply_json = json.loads(dh(hivemq_emulator, "apply", str(tree), "--dry-run", "--json").stdout)
    assert diff_json["plan"] == apply_json["plan"]
    assert diff_json["inSync"] is False
    assert {method for method, _ in requests(edited)} == {"GET"}

    shutil.rmtree(tree)
    shutil.copytree(EXAMPLES, tree)
    assert dh(hivemq_emulator, "diff", str(tree)).returncode == 0
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        hivemq.data_hub.scripts.create_js("to-fahrenheit", "function transform(p) { return p; }")
    on_broker = dh(hivemq_emulator, "diff", str(tree))
    assert on_broker.returncode == 1
    assert "~ new version scripts/to-fahrenheit (version 3)" in on_broker.stdout

    with socket.socket() as closed:  # a port nothing listens on once it is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    unreachable = run("--url", f"http://127.0.0.1:{port}", "data-hub", "diff", str(tree))
    assert unreachable.returncode == ExitCode.UNREACHABLE

    problems = dh(hivemq_emulator, "diff", str(tree / "nowhere"))
    assert problems.returncode == ExitCode.USAGE


def test_a_saved_plan_applies_exactly_its_steps_and_is_private(
    hivemq_emulator: EmulatorHandle, tree: Path, tmp_path: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    edit_policy(tree, onFailure={"pipeline": []})
    (tree / "behavior-policies" / "no-duplicate-readings.json").unlink()
    plan = tmp_path / "plan.json"
    saved = dh(hivemq_emulator, "diff", str(tree), "--prune", "--out", str(plan))
    assert saved.returncode == 1, saved.stderr
    assert stat.S_IMODE(plan.stat().st_mode) == 0o600
    assert {method for method, _ in requests(saved)} == {"GET"}
    document = json.loads(plan.read_text())
    assert document["version"] == 1
    assert document["prune"] is True

    # The directory changes again after the review: the plan, not DIR, is applied.
    edit_policy(tree, onSuccess={"pipeline": []})
    applied = dh(hivemq_emulator, "apply", "--plan", str(plan), "--yes")
    assert applied.returncode == 0, applied.stderr
    assert writes(applied) == [
        ("PUT", "data-validation/policies/temperature-readings"),
        ("DELETE", "behavior-validation/policies/no-duplicate-readings"),
    ]
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        stored = hivemq.data_hub.data_policies.get("temperature-readings").to_dict()
    assert stored.get("onFailure", {}).get("pipeline", []) == []
    assert len(stored["onSuccess"]["pipeline"]) == 3
    # Applied, the broker moved on from what the plan read: the same plan again is refused.
    again = dh(hivemq_emulator, "apply", "--plan", str(plan), "--yes")
    assert again.returncode == ExitCode.SERVER
    assert writes(again) == []


def test_a_plan_invalidated_by_a_change_on_the_broker_is_refused_with_nothing_sent(
    hivemq_emulator: EmulatorHandle, tree: Path, tmp_path: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    edit_policy(tree, onFailure={"pipeline": []})
    plan = tmp_path / "plan.json"
    assert dh(hivemq_emulator, "diff", str(tree), "--out", str(plan)).returncode == 1
    before = state(hivemq_emulator)
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        behavior = hivemq.data_hub.behavior_policies.get("no-duplicate-readings").to_dict()
        behavior["matching"]["clientIdRegex"] = "sensor-.*"
        hivemq.data_hub.behavior_policies.update(BehaviorPolicy.from_dict(behavior))
    refused = dh(hivemq_emulator, "apply", "--plan", str(plan), "--yes")
    assert refused.returncode == ExitCode.SERVER
    assert "changed since the plan: behavior-policies/no-duplicate-readings" in refused.stderr
    assert "nothing was sent" in refused.stderr
    assert writes(refused) == []
    assert state(hivemq_emulator)["data-policies"] == before["data-policies"]


def test_a_plan_file_of_another_version_or_shape_is_refused(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"format": "hivemq-rest data-hub plan", "version": 2}))
    other = dh(hivemq_emulator, "apply", "--plan", str(plan))
    assert other.returncode == ExitCode.USAGE
    assert "plan file version 2; this hivemq-rest reads 1" in other.stderr
    assert requests(other) == []
    plan.write_text(
        json.dumps(
            {
                "format": "hivemq-rest data-hub plan",
                "version": 1,
                "prune": False,
                "read": {f: {} for f in ("schemas", "scripts", "data-policies")},
                "actions": [{"action": "update", "family": "data-policies", "id": "p"}],
            }
        )
    )
    broken = dh(hivemq_emulator, "apply", "--plan", str(plan))
    assert broken.returncode == ExitCode.USAGE
    assert '"read" does not hold the four families' in broken.stderr
    assert "action 1: a update needs the body of data-policies/p" in broken.stderr
    assert requests(broken) == []
    both = dh(hivemq_emulator, "apply", str(tmp_path), "--plan", str(plan))
    assert both.returncode == ExitCode.USAGE


def test_a_concurrent_update_between_plan_and_apply_is_a_412_not_an_overwrite(
    hivemq_emulator: EmulatorHandle, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    edit_policy(tree, onFailure={"pipeline": []})
    tagged = _apply.with_etags

    def tag_then_race(hivemq: HiveMQClient, actions: list[Action]) -> list[Action]:
        planned = tagged(hivemq, actions)  # a colleague's update lands right after
        with HiveMQClient(hivemq_emulator.base_url) as other:
            policy = other.data_hub.data_policies.get("temperature-readings").to_dict()
            policy["matching"]["topicFilter"] = "factory/+/temperature"
            policy["onSuccess"]["pipeline"] = policy["onSuccess"]["pipeline"][:1]
            other.data_hub.data_policies.update(DataPolicy.from_dict(policy))
        return planned

    monkeypatch.setattr(_apply, "with_etags", tag_then_race)
    url = hivemq_emulator.base_url
    result = CliRunner().invoke(main, ["--url", url, "data-hub", "apply", str(tree)])
    assert result.exit_code == ExitCode.SERVER, result.output
    assert "error: update data-policies/temperature-readings failed: 412" in result.stderr
    assert result.stderr.endswith(
        "data-policies/temperature-readings changed on the broker since the plan read it: "
        "nothing was overwritten; run apply again, which plans from its new state\n"
    )
    with HiveMQClient(url) as hivemq:
        kept = hivemq.data_hub.data_policies.get("temperature-readings").to_dict()
    assert len(kept["onSuccess"]["pipeline"]) == 1  # the colleague's change stands


WORKFLOW = EXAMPLES.parent / "ci" / "data-hub.yml"


def run_job(
    job: str, event: str, workspace: Path, url: str
) -> list[subprocess.CompletedProcess[str]]:
    """Run the ``run:`` steps of one job of the CI recipe, as GitHub would, until one fails.

    ``uses:`` steps (checkout, Python, artifacts) are GitHub's: the workspace is
    shared instead. The install step is skipped: the tests run this checkout.
    """
    workflow = yaml.safe_load(WORKFLOW.read_text())
    spec = workflow["jobs"][job]
    assert spec.get("if", f"github.event_name == '{event}'") == f"github.event_name == '{event}'"
    summary = workspace / "summary.md"
    env = environment({"HIVEMQ_REST_URL": url, "GITHUB_STEP_SUMMARY": str(summary)})
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    done = []
    for step in spec["steps"]:
        if "run" not in step or step.get("name") == "Install":
            continue
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],  # GitHub's default shell for run: bash -e
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        done.append(result)
        if result.returncode != 0:
            break
    return done


def test_the_ci_recipe_plans_on_review_and_applies_the_reviewed_plan_on_merge(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert set(workflow["jobs"]) == {"plan", "apply"}
    assert workflow["jobs"]["apply"]["needs"] == "plan"
    url = hivemq_emulator.base_url
    workspace = tmp_path / "checkout"
    shutil.copytree(EXAMPLES, workspace / "data-hub")

    review = run_job("plan", "pull_request", workspace, url)
    assert [r.returncode for r in review] == [0], review[-1].stderr
    assert "Plan: 5 to create" in review[0].stdout
    assert "+ create      schemas/temperature" in (workspace / "summary.md").read_text()
    assert state(hivemq_emulator)["schemas"] == []  # a review sends no write

    merged = run_job("apply", "push", workspace, url)
    assert [r.returncode for r in merged] == [0], merged[-1].stderr
    assert "created data-policies/temperature-readings" in merged[0].stdout
    assert dh(hivemq_emulator, "diff", str(workspace / "data-hub")).returncode == 0

    # The next change: planned, then the broker moves before the approval.
    edit_policy(workspace / "data-hub", onFailure={"pipeline": []})
    assert [r.returncode for r in run_job("plan", "push", workspace, url)] == [0]
    with HiveMQClient(url) as hivemq:
        hivemq.data_hub.scripts.create_js("to-fahrenheit", "function transform(p) { return p; }")
    before = state(hivemq_emulator)
    stale = run_job("apply", "push", workspace, url)
    assert [r.returncode for r in stale] == [ExitCode.SERVER]
    assert "changed since the plan: scripts/to-fahrenheit" in stale[0].stderr
    assert state(hivemq_emulator) == before  # nothing sent


def test_the_help_of_diff_lists_its_exit_codes_with_1_for_drift() -> None:
    shown = run("data-hub", "diff", "--help").stdout
    listed = re.findall(r"^ +(\d+)  (.*)$", shown.split("Exit codes:", 1)[1], re.MULTILINE)
    assert [code for code, _ in listed] == ["0", "1", "2", "3", "4", "5", "7", "9", "130"]
    assert dict(listed)["1"] == DRIFT

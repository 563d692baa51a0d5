"""``hivemq-rest data-hub apply`` and ``export``: the installed entry point against the emulator."""

from __future__ import annotations

import errno
import json
import math
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hivemq_rest import HiveMQClient
from hivemq_rest.cli import _apply, _dh_tree_write, main
from hivemq_rest.cli._apply import Broker, read_broker
from hivemq_rest.cli._dh_bodies import SCRIPTS
from hivemq_rest.cli._dh_tree import read_tree
from hivemq_rest.cli._exit import ExitCode
from hivemq_rest_emulator import EmulatorHandle
from hivemq_rest_generated.models import Script

from ..local_server import local_server
from .cli_run import run, run_bytes, run_on_terminal

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "data-hub"
# httpx logs each request with --debug: "HTTP Request: POST http://... "HTTP/1.1 201 Created"".
_REQUEST = re.compile(r"HTTP Request: (GET|POST|PUT|DELETE) (\S+)")


def dh(emulator: EmulatorHandle, *args: str) -> subprocess.CompletedProcess[str]:
    """``hivemq-rest data-hub ...`` with --debug, so that stderr logs every request sent."""
    return run("--url", emulator.base_url, "--debug", "data-hub", *args)


def requests(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    return _REQUEST.findall(result.stderr)


def writes(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    """(method, path after /data-hub/) of each write request sent."""
    return [
        (method, url.split("/data-hub/", 1)[1])
        for method, url in requests(result)
        if method != "GET"
    ]


def state(emulator: EmulatorHandle) -> dict[str, list[tuple[object, object]]]:
    """Every resource on the emulator, with its version or last update."""
    with HiveMQClient(emulator.base_url) as hivemq:
        hub = hivemq.data_hub
        return {
            "schemas": [(s.id, s.version) for s in hub.schemas.list()],
            "scripts": [(s.id, s.version) for s in hub.scripts.list()],
            "data-policies": [(p.id, p.last_updated_at) for p in hub.data_policies.list()],
            "behavior-policies": [(p.id, p.last_updated_at) for p in hub.behavior_policies.list()],
        }


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of examples/data-hub to change."""
    return Path(shutil.copytree(EXAMPLES, tmp_path / "tree"))


def test_the_example_applies_and_a_second_apply_sends_no_write(
    hivemq_emulator: EmulatorHandle,
) -> None:
    first = dh(hivemq_emulator, "apply", str(EXAMPLES))
    assert first.returncode == 0, first.stderr
    assert "Plan: 5 to create" in first.stdout
    # Dependency order: schemas and scripts before the policy that uses them.
    assert writes(first) == [
        ("POST", "schemas"),
        ("POST", "schemas"),
        ("POST", "scripts"),
        ("POST", "data-validation/policies"),
        ("POST", "behavior-validation/policies"),
    ]
    applied = state(hivemq_emulator)
    assert applied["schemas"] == [("reading", 1), ("temperature", 1)]
    assert [i for i, _ in applied["data-policies"]] == ["temperature-readings"]

    second = dh(hivemq_emulator, "apply", str(EXAMPLES))
    assert second.returncode == 0, second.stderr
    assert "Plan: no changes (5 unchanged)" in second.stdout
    assert writes(second) == []
    # Only the four listings were read, one page each.
    assert len(requests(second)) == 4
    assert state(hivemq_emulator) == applied


def test_dry_run_prints_the_plan_and_sends_no_write(hivemq_emulator: EmulatorHandle) -> None:
    result = dh(hivemq_emulator, "apply", str(EXAMPLES), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "+ create      schemas/temperature" in result.stdout
    assert writes(result) == []
    assert state(hivemq_emulator) == {
        "schemas": [],
        "scripts": [],
        "data-policies": [],
        "behavior-policies": [],
    }


def test_every_problem_is_listed_and_nothing_is_sent(
    hivemq_emulator: EmulatorHandle, tree: Path
) -> None:
    (tree / "schemas" / "broken.json").write_text('{"id": "broken", ')
    # The raw temperature.schema.json has the same id.
    (tree / "schemas" / "temperature.json").write_text(
        json.dumps({"id": "temperature", "type": "JSON", "schemaDefinition": "e30="})
    )
    policy = json.loads((tree / "data-policies" / "temperature-readings.json").read_text())
    policy["onSuccess"]["pipeline"][1]["functionId"] = "fn:no-such-script:latest"
    (tree / "data-policies" / "temperature-readings.json").write_text(json.dumps(policy))
    result = dh(hivemq_emulator, "apply", str(tree))
    assert result.returncode == ExitCode.USAGE
    assert "schemas/broken.json: not valid JSON" in result.stderr
    assert "duplicate id 'temperature'" in result.stderr
    assert "2 problem(s)" in result.stderr
    assert requests(result) == []  # the directory's own problems: not even a listing

    (tree / "schemas" / "broken.json").unlink()
    (tree / "schemas" / "temperature.json").unlink()
    unknown = dh(hivemq_emulator, "apply", str(tree))
    assert unknown.returncode == ExitCode.USAGE
    assert "references script 'no-such-script'" in unknown.stderr
    assert writes(unknown) == []


def test_a_failure_midway_stops_reports_and_a_second_apply_finishes(
    hivemq_emulator: EmulatorHandle, tree: Path
) -> None:
    path = tree / "behavior-policies" / "no-duplicate-readings.json"
    good = path.read_text()
    # The emulator, like the broker, refuses a behavior it does not know (400).
    path.write_text(good.replace('"Publish.duplicate"', '"Publish.nonsense"'))
    failed = dh(hivemq_emulator, "apply", str(tree))
    assert failed.returncode == ExitCode.SERVER
    assert "create behavior-policies/no-duplicate-readings failed" in failed.stderr
    assert "applied 4 of 5 changes; not applied:" in failed.stderr
    assert (
        "the broker refuses this change: edit behavior-policies/no-duplicate-readings, "
        "then run apply again\n"
    ) in failed.stderr
    assert "run apply again to finish" not in failed.stderr  # the same again fails the same
    assert len(state(hivemq_emulator)["data-policies"]) == 1

    path.write_text(good)
    again = dh(hivemq_emulator, "apply", str(tree))
    assert again.returncode == 0, again.stderr
    assert "Plan: 1 to create, 4 unchanged" in again.stdout
    assert writes(again) == [("POST", "behavior-validation/policies")]


def test_changes_are_new_versions_updates_and_prunes_in_reverse_order(
    hivemq_emulator: EmulatorHandle, tree: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    (tree / "scripts" / "to-fahrenheit.js").write_text("function transform(p, c) { return p; }\n")
    policy_path = tree / "data-policies" / "temperature-readings.json"
    policy = json.loads(policy_path.read_text())
    policy["onFailure"]["pipeline"][0]["arguments"]["level"] = "ERROR"
    policy_path.write_text(json.dumps(policy))
    (tree / "behavior-policies" / "no-duplicate-readings.json").unlink()

    kept = dh(hivemq_emulator, "apply", str(tree), "--json")
    assert kept.returncode == 0, kept.stderr
    report = json.loads(kept.stdout)
    assert {(a["action"], a["id"]) for a in report["plan"] if a["action"] != "unchanged"} == {
        ("new version", "to-fahrenheit"),
        ("update", "temperature-readings"),
    }
    assert report["notApplied"] == []
    assert report["error"] is None
    assert state(hivemq_emulator)["scripts"] == [("to-fahrenheit", 1), ("to-fahrenheit", 2)]
    assert len(state(hivemq_emulator)["behavior-policies"]) == 1  # no --prune: kept

    # Without the policy, its schemas and script go too: the policy first, or the
    # emulator (like the broker) refuses to delete what a policy references.
    shutil.rmtree(tree / "data-policies")
    shutil.rmtree(tree / "scripts")
    (tree / "schemas" / "temperature.schema.json").unlink()
    pruned = dh(hivemq_emulator, "apply", str(tree), "--prune", "--yes")
    assert pruned.returncode == 0, pruned.stderr
    assert writes(pruned) == [
        ("DELETE", "behavior-validation/policies/no-duplicate-readings"),
        ("DELETE", "data-validation/policies/temperature-readings"),
        ("DELETE", "scripts/to-fahrenheit"),
        ("DELETE", "schemas/temperature"),
    ]
    assert state(hivemq_emulator)["schemas"] == [("reading", 1)]


def test_export_then_apply_plans_no_changes(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(EXAMPLES)).returncode == 0
    target = tmp_path / "exported"
    exported = dh(hivemq_emulator, "export", str(target))
    assert exported.returncode == 0, exported.stderr
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*.json")) == [
        "behavior-policies/no-duplicate-readings.json",
        "data-policies/temperature-readings.json",
        "schemas/reading.json",
        "schemas/temperature.json",
        "scripts/to-fahrenheit.json",
    ]
    text = (target / "schemas" / "reading.json").read_text()
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    assert "createdAt" not in text
    assert '"version"' not in text

    again = dh(hivemq_emulator, "apply", str(target))
    assert "Plan: no changes (5 unchanged)" in again.stdout
    assert writes(again) == []

    refused = dh(hivemq_emulator, "export", str(target))
    assert refused.returncode == ExitCode.OUTPUT
    assert "not empty (--force" in refused.stderr
    (target / "scripts" / "stale.json").write_text("{}")
    (target / "README.md").write_text("ours")
    forced = dh(hivemq_emulator, "export", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert not (target / "scripts" / "stale.json").exists()
    assert (target / "scripts" / "to-fahrenheit.json").exists()
    assert (target / "README.md").read_text() == "ours"  # only the four families are replaced


HOSTILE = ["../escape", "a/b", "..", ".hidden", "\x1b[31mred", "x.schema", "50%"]


def test_hostile_ids_stay_inside_the_directory(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        for schema_id in HOSTILE:
            hivemq.data_hub.schemas.create_json(schema_id, {"type": "object"})
    target = tmp_path / "inside" / "exported"
    exported = dh(hivemq_emulator, "export", str(target))
    assert exported.returncode == 0, exported.stderr
    everything = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    files = [p for p in everything if (tmp_path / p).is_file()]
    assert len(files) == len(HOSTILE)
    assert all(p.parent == Path("inside/exported/schemas") for p in files)
    assert all(not p.name.startswith(".") for p in files)
    assert "\x1b" not in exported.stdout + exported.stderr

    again = dh(hivemq_emulator, "apply", str(target))
    assert again.returncode == 0, again.stderr
    assert "Plan: no changes (7 unchanged)" in again.stdout

    # The plan shows the ids escaped: an id cannot drive the terminal.
    hivemq_emulator.reset()
    plan = run("--url", hivemq_emulator.base_url, "data-hub", "apply", str(target), "--dry-run")
    assert "Plan: 7 to create" in plan.stdout
    assert "+ create      schemas/\\x1b[31mred" in plan.stdout
    assert "\x1b" not in plan.stdout


def test_apply_again_finishes_what_injected_faults_stopped(
    hivemq_emulator: EmulatorHandle,
) -> None:
    # A third of the requests answer 503, and one attempt each: runs stop at
    # different points; each run again picks up from what the broker has.
    hivemq_emulator.set_faults(unavailable_ratio=0.35, seed=7)
    outcomes = []
    for _ in range(40):
        result = run(
            "--url", hivemq_emulator.base_url, "--max-attempts", "1",
            "data-hub", "apply", str(EXAMPLES),
        )  # fmt: skip
        outcomes.append(result)
        if result.returncode == 0:
            break
    assert outcomes[-1].returncode == 0, outcomes[-1].stderr
    midway = [r for r in outcomes if "changes; not applied:" in r.stderr]
    assert midway  # at least one run failed after it had applied something
    assert all(r.returncode == ExitCode.SERVER for r in outcomes[:-1])
    assert any(re.search(r"applied [1-9]\d* of \d+ changes", r.stderr) for r in midway)
    assert all(r.stderr.endswith("run apply again to finish\n") for r in midway)  # 503: passing

    hivemq_emulator.set_faults()
    settled = dh(hivemq_emulator, "apply", str(EXAMPLES))
    assert "Plan: no changes (5 unchanged)" in settled.stdout
    assert len(state(hivemq_emulator)["behavior-policies"]) == 1


def test_a_key_the_broker_would_drop_is_a_problem_not_a_change_on_every_apply(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    (tmp_path / "data-policies").mkdir()
    policy = {"id": "q2", "matching": {"topicFilter": "a"}, "extra": 1}
    (tmp_path / "data-policies" / "q2.json").write_text(json.dumps(policy))
    refused = dh(hivemq_emulator, "apply", str(tmp_path))
    assert refused.returncode == ExitCode.USAGE
    assert "problem: data-policies/q2.json: unknown property 'extra'" in refused.stderr
    assert requests(refused) == []


def test_a_version_the_broker_already_has_is_reported_as_already_present(
    hivemq_emulator: EmulatorHandle, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    (tree / "scripts" / "to-fahrenheit.js").write_text("function transform(p, c) { return p; }\n")

    def read_then_race(hivemq: HiveMQClient) -> Broker:
        # Another apply of the same directory stores the new version right after
        # this one has read the broker: its plan is a new version, already there.
        current = read_broker(hivemq)
        body = read_tree(tree)[SCRIPTS]["to-fahrenheit"]
        with HiveMQClient(hivemq_emulator.base_url) as other:
            other.data_hub.scripts.create(Script.from_dict(body))
        return current

    monkeypatch.setattr(_apply, "read_broker", read_then_race)
    url = hivemq_emulator.base_url
    result = CliRunner().invoke(main, ["--url", url, "data-hub", "apply", str(tree), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["applied"] == []
    assert report["alreadyPresent"] == [
        {"action": "new version", "family": "scripts", "id": "to-fahrenheit"}
    ]
    assert [v for i, v in state(hivemq_emulator)["scripts"]] == [1, 2]

    (tree / "scripts" / "to-fahrenheit.js").write_text("function transform(p) { return p; }\n")
    shown = CliRunner().invoke(main, ["--url", url, "data-hub", "apply", str(tree)])
    assert shown.exit_code == 0, shown.output
    assert "~ new version scripts/to-fahrenheit" in shown.stdout
    assert "already present, nothing stored: scripts/to-fahrenheit" in shown.stdout
    assert "new version of" not in shown.stdout
    assert [v for i, v in state(hivemq_emulator)["scripts"]] == [1, 2, 3]


def test_export_force_refuses_a_family_path_in_the_way_before_writing_anything(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    assert dh(hivemq_emulator, "apply", str(EXAMPLES)).returncode == 0
    target = tmp_path / "e1"
    target.mkdir()
    (target / "scripts").touch()
    refused = dh(hivemq_emulator, "export", str(target), "--force")
    assert refused.returncode == ExitCode.OUTPUT
    assert f"problem: {target}/scripts: not a directory" in refused.stderr
    assert [p.name for p in target.iterdir()] == ["scripts"]


def test_a_failed_write_names_the_file_it_failed_on(
    hivemq_emulator: EmulatorHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dh(hivemq_emulator, "apply", str(EXAMPLES)).returncode == 0

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(_dh_tree_write, "write_whole", disk_full)
    target = tmp_path / "e2"
    url = hivemq_emulator.base_url
    result = CliRunner().invoke(main, ["--url", url, "data-hub", "export", str(target)])
    assert result.exit_code == ExitCode.OUTPUT
    assert f"cannot write {target}/schemas/reading.json: No space left" in result.stderr


def test_a_deeply_nested_file_is_a_listed_problem(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    (tmp_path / "data-policies").mkdir()
    (tmp_path / "data-policies" / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    result = dh(hivemq_emulator, "apply", str(tmp_path), "--dry-run")
    assert result.returncode == ExitCode.USAGE
    assert "problem: data-policies/deep.json: not valid JSON: too deeply nested" in result.stderr
    assert requests(result) == []


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_json_stays_utf8(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    body = {"id": "x", "type": "JSON", "schemaDefinition": "e30="}
    (schemas / os.fsdecode(b"\xff.json")).write_text(json.dumps(body))
    # JSON's escape makes a lone surrogate, which no request body can carry.
    (schemas / "y.json").write_text(json.dumps({**body, "id": "y", "schemaDefinition": "\udcff"}))
    expected = [
        "schemas/y.json: not valid JSON: holds text that is not UTF-8 (a lone surrogate): "
        "'\\udcff'",
        "schemas/\\xff.json: the file name is no id (percent-encoded UTF-8)",
    ]
    url = hivemq_emulator.base_url
    as_json = run_bytes("--url", url, "data-hub", "apply", str(tmp_path), "--json")
    assert as_json.returncode == ExitCode.USAGE
    assert json.loads(as_json.stdout.decode("utf-8")) == {"problems": expected}
    assert as_json.stderr.decode("utf-8").splitlines()[:2] == [f"problem: {p}" for p in expected]


def test_json_stays_utf8_when_the_broker_answers_a_lone_surrogate(tmp_path: Path) -> None:
    def broker(
        method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        schema = {"id": "\udcff", "type": "JSON", "schemaDefinition": "e30=", "version": 1}
        items = [schema] if path.partition("?")[0].endswith("/data-hub/schemas") else []
        return 200, {"Content-Type": "application/json"}, json.dumps({"items": items}).encode()

    (tmp_path / "schemas").mkdir()
    with local_server(broker) as server:
        args = ("data-hub", "apply", str(tmp_path), "--prune", "--dry-run", "--json")
        result = run_bytes("--url", server.base_url, *args)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.decode("utf-8"))  # the JSON escape, not a raw byte
    assert report["plan"] == [{"action": "delete", "family": "schemas", "id": "\udcff"}]


def test_a_policy_deleted_meanwhile_exits_4_and_apply_again_plans_anew(
    hivemq_emulator: EmulatorHandle, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    path = tree / "data-policies" / "temperature-readings.json"
    path.write_text(path.read_text().replace('"WARN"', '"ERROR"'))

    def read_then_race(hivemq: HiveMQClient) -> Broker:
        current = read_broker(hivemq)  # someone deletes the policy right after
        with HiveMQClient(hivemq_emulator.base_url) as other:
            other.data_hub.data_policies.delete("temperature-readings")
        return current

    monkeypatch.setattr(_apply, "read_broker", read_then_race)
    url = hivemq_emulator.base_url
    result = CliRunner().invoke(main, ["--url", url, "data-hub", "apply", str(tree)])
    assert result.exit_code == ExitCode.NOT_FOUND
    # Gone before its entity tag was read: nothing is sent.
    assert "error: reading a policy to update: 404" in result.stderr
    assert "nothing was sent\n" in result.stderr
    assert result.stderr.endswith(
        "the broker changed meanwhile: run apply again, which plans from its new state\n"
    )
    monkeypatch.undo()
    again = dh(hivemq_emulator, "apply", str(tree))
    assert again.returncode == 0, again.stderr
    assert "Plan: 1 to create, 4 unchanged" in again.stdout


def test_the_help_lists_every_exit_code_of_apply() -> None:
    shown = run("data-hub", "apply", "--help").stdout
    codes = re.findall(r"^ +(\d+)  ", shown.split("Exit codes:", 1)[1], re.MULTILINE)
    # 4: a resource gone midway; 6: an id no request can address (a broker's, pruned).
    assert codes == ["0", "2", "3", "4", "5", "6", "7", "130"]


def test_prune_deletes_nothing_without_consent(hivemq_emulator: EmulatorHandle, tree: Path) -> None:
    assert dh(hivemq_emulator, "apply", str(tree)).returncode == 0
    (tree / "behavior-policies" / "no-duplicate-readings.json").unlink()
    before = state(hivemq_emulator)

    # Piped, as in CI: a plan that deletes needs --yes; nothing is sent without it.
    refused = dh(hivemq_emulator, "apply", str(tree), "--prune")
    assert refused.returncode == ExitCode.USAGE
    assert "- delete      behavior-policies/no-duplicate-readings" in refused.stdout
    assert "pass --yes when not on a terminal" in refused.stderr
    assert writes(refused) == []
    assert dh(hivemq_emulator, "apply", str(tree), "--prune", "--json").returncode == 2
    assert state(hivemq_emulator) == before

    # A plan without a delete, or a dry run, needs no consent.
    assert dh(hivemq_emulator, "apply", str(EXAMPLES), "--prune").returncode == 0
    (tree / "behavior-policies" / "no-duplicate-readings.json").unlink(missing_ok=True)
    assert dh(hivemq_emulator, "apply", str(tree), "--prune", "--dry-run").returncode == 0

    # On a terminal it asks; "n" sends nothing.
    command = ("data-hub", "apply", str(tree), "--prune", "--url", hivemq_emulator.base_url)
    code, shown = run_on_terminal(*command, answer=(b"[y/N]", b"n\n"))
    assert code == 1
    assert "Delete 1 resource on the broker, not in the directory?" in shown
    assert state(hivemq_emulator) == before

    agreed = dh(hivemq_emulator, "apply", str(tree), "--prune", "--yes")
    assert agreed.returncode == 0, agreed.stderr
    assert writes(agreed) == [("DELETE", "behavior-validation/policies/no-duplicate-readings")]


def _link_out(tree: Path) -> None:
    secret = tree.parent / "environ"
    secret.write_text("HIVEMQ_REST_TOKEN=s3cr3t\n")  # as /proc/self/environ holds in CI
    (tree / "scripts" / "to-fahrenheit.js").unlink()
    (tree / "scripts" / "to-fahrenheit.js").symlink_to(secret)


def _misspell(tree: Path) -> None:
    (tree / "data-policies").rename(tree / "data-policy")


def _repeat_a_key(tree: Path) -> None:
    path = tree / "data-policies" / "temperature-readings.json"
    path.write_text(path.read_text().replace("{\n", '{"id": "again",\n', 1))


def _not_finite(tree: Path) -> None:
    path = tree / "data-policies" / "temperature-readings.json"
    path.write_text(path.read_text().replace('"WARN"', "1e999"))


def _fifo(tree: Path) -> None:
    os.mkfifo(tree / "schemas" / "pipe.json")


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (_link_out, "scripts/to-fahrenheit.js: a symbolic link (apply reads no link)"),
        (_misspell, "data-policy: not one of schemas/, scripts/, data-policies/"),
        (_repeat_a_key, "data-policies/temperature-readings.json: not valid JSON: duplicate key"),
        (_not_finite, "data-policies/temperature-readings.json: not valid JSON: holds inf"),
        (_fifo, "schemas/pipe.json: not a regular file"),
    ],
)
def test_a_hostile_directory_sends_nothing(
    hivemq_emulator: EmulatorHandle, tree: Path, spoil: Callable[[Path], None], problem: str
) -> None:
    spoil(tree)
    result = dh(hivemq_emulator, "apply", str(tree), "--prune", "--yes")
    assert result.returncode == ExitCode.USAGE
    assert f"problem: {problem}" in result.stderr
    assert "s3cr3t" not in result.stdout + result.stderr
    assert requests(result) == []  # not even a listing


def test_export_force_never_follows_a_linked_family_directory(
    hivemq_emulator: EmulatorHandle, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious").write_text("kept")
    target = tmp_path / "clone"
    target.mkdir()
    (target / "data-policies").symlink_to(Path("..") / "elsewhere")
    refused = dh(hivemq_emulator, "export", str(target), "--force")  # an empty broker
    assert refused.returncode == ExitCode.OUTPUT
    assert f"{target}/data-policies: a symbolic link" in refused.stderr
    assert [p.name for p in elsewhere.iterdir()] == ["precious"]
    assert [p.name for p in target.iterdir()] == ["data-policies"]


def _deep(levels: int) -> dict[str, object]:
    inner: dict[str, object] = {}
    for _ in range(levels):
        inner = {"x": inner}
    return inner


@pytest.mark.parametrize(
    ("arguments", "said"),
    [(_deep(600), "too deeply nested"), ({"n": math.nan}, "not a finite number")],
)
def test_a_broker_item_too_deep_or_not_finite_is_an_unexpected_answer(
    tmp_path: Path, arguments: dict[str, object], said: str
) -> None:
    step = {"id": "log", "functionId": "System.log", "arguments": arguments}
    policy = {"id": "p", "matching": {"topicFilter": "t"}, "onSuccess": {"pipeline": [step]}}

    def broker(
        method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        items = [policy] if "/data-validation/policies" in path else []
        return 200, {"Content-Type": "application/json"}, json.dumps({"items": items}).encode()

    (tmp_path / "tree" / "schemas").mkdir(parents=True)
    with local_server(broker) as server:
        exported = run("--url", server.base_url, "data-hub", "export", str(tmp_path / "out"))
        applied = run("--url", server.base_url, "data-hub", "apply", str(tmp_path / "tree"))
    for result in (exported, applied):
        assert result.returncode == ExitCode.SERVER, result.stderr
        assert said in result.stderr
        assert "data policy 'p'" in result.stderr
        assert "GET /api/v1/data-hub/data-validation/policies" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()

"""Plan files: written whole and private, read back exactly, anything else refused."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hivemq_rest.cli._dh_bodies import FAMILIES
from hivemq_rest.cli._dh_diff import Change
from hivemq_rest.cli._dh_plan import Action
from hivemq_rest.cli._dh_plan_file import load_plan, save_plan
from hivemq_rest.cli._dh_tree import TreeError

POLICY = {"id": "p", "matching": {"topicFilter": "a/#"}}
ACTIONS = [
    Action("unchanged", "schemas", "s"),
    Action("update", "data-policies", "p", POLICY, (Change("add", "x", new=[1]),), etag='"e1"'),
    Action("replace", "data-policies", "q", {**POLICY, "id": "q"}, reason="why"),
    Action("delete", "behavior-policies", "b\x1b"),
]
READ: dict[str, dict[str, str]] = {f: {} for f in FAMILIES} | {"schemas": {"s": "version 2"}}


def test_a_saved_plan_reads_back_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    save_plan(path, ACTIONS, True, READ)
    loaded = load_plan(path)
    assert loaded.actions == ACTIONS
    assert loaded.prune is True
    assert loaded.read == READ


def test_the_file_is_private_whatever_the_umask_and_replaces_a_link_not_its_target(
    tmp_path: Path,
) -> None:
    target = tmp_path / "elsewhere"
    target.write_text("keep")
    path = tmp_path / "plan.json"
    path.symlink_to(target)
    old = os.umask(0)
    try:
        save_plan(path, ACTIONS, False, READ)
    finally:
        os.umask(old)
    assert target.read_text() == "keep"
    assert not path.is_symlink()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.update(format="x"), "not a plan file"),
        (lambda d: d.update(version=0), "plan file version 0"),
        (lambda d: d.update(prune="yes"), '"prune" is not true or false'),
        (lambda d: d["read"]["schemas"].update(s=2), '"read"."schemas" does not map ids'),
        (lambda d: d["actions"].append({"action": "explode"}), "action 5: needs a known action"),
        (lambda d: d["actions"][1]["body"].update(id="other"), "action 2: a update needs"),
        (
            lambda d: d["actions"][1]["body"].update(matching=3),
            "action 2: data-policies/p: not a valid data policy",
        ),
        (lambda d: d["actions"][1].update(changes=[{"op": "?"}]), "action 2: changes are"),
    ],
)
def test_a_plan_file_not_of_this_shape_is_refused(
    tmp_path: Path, change: object, said: str
) -> None:
    path = tmp_path / "plan.json"
    save_plan(path, ACTIONS, False, READ)
    document = json.loads(path.read_text())
    change(document)  # type: ignore[operator]
    path.write_text(json.dumps(document))
    with pytest.raises(TreeError) as refused:
        load_plan(path)
    assert any(said in problem for problem in refused.value.problems), refused.value.problems


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"\xff")
    with pytest.raises(TreeError, match="not a plan file"):
        load_plan(path)
    with pytest.raises(TreeError, match="cannot be read"):
        load_plan(tmp_path / "missing.json")

from __future__ import annotations

import json
import re
from typing import Any

from hivemq_rest.cli._dh_bodies import (
    BEHAVIOR_POLICIES,
    DATA_POLICIES,
    FAMILIES,
    SCHEMAS,
    Resources,
)
from hivemq_rest.cli._dh_diff import Change, changes, line_changes
from hivemq_rest.cli._dh_plan import TOPIC_FILTER_FIXED, Action, make_plan
from hypothesis import given
from hypothesis import strategies as st


def resources(**families: dict[str, Any]) -> Resources:
    empty: Resources = {family: {} for family in FAMILIES}
    return {**empty, **families}


POLICY: dict[str, Any] = {
    "id": "p",
    "matching": {"topicFilter": "a/#"},
    "onSuccess": {"pipeline": [{"id": "log", "functionId": "System.log", "arguments": {}}]},
}


def kinds(actions: list[Action]) -> list[tuple[str, str, str]]:
    return [(action.kind, action.family, action.id) for action in actions]


def test_creates_updates_and_deletes_in_dependency_order() -> None:
    desired = resources(
        **{
            DATA_POLICIES: {"p": POLICY, "new": {**POLICY, "id": "new"}},
            SCHEMAS: {"s": {"id": "s", "type": "JSON", "schemaDefinition": "e30="}},
        }
    )
    current = resources(
        **{
            DATA_POLICIES: {"p": {**POLICY, "onSuccess": {"pipeline": []}}},
            BEHAVIOR_POLICIES: {"old": {"id": "old"}},
            SCHEMAS: {"gone": {"id": "gone"}},
        }
    )
    assert kinds(make_plan(desired, current, prune=True)) == [
        ("create", SCHEMAS, "s"),
        ("create", DATA_POLICIES, "new"),
        ("update", DATA_POLICIES, "p"),
        ("delete", BEHAVIOR_POLICIES, "old"),
        ("delete", SCHEMAS, "gone"),
    ]
    assert ("delete", SCHEMAS, "gone") not in kinds(make_plan(desired, current, prune=False))


def test_empty_objects_lists_and_nulls_count_as_absent() -> None:
    stored = {
        **POLICY,
        "onFailure": {"pipeline": []},
        "validation": {"validators": []},
        "onSuccess": {"pipeline": [{"id": "log", "functionId": "System.log"}]},
        "note": None,
    }
    plan = make_plan(
        resources(**{DATA_POLICIES: {"p": POLICY}}),
        resources(**{DATA_POLICIES: {"p": stored}}),
        prune=False,
    )
    assert kinds(plan) == [("unchanged", DATA_POLICIES, "p")]


def test_a_removed_pipeline_is_a_change() -> None:
    stored = {**POLICY, "onFailure": {"pipeline": [{"id": "d", "functionId": "Mqtt.drop"}]}}
    plan = make_plan(
        resources(**{DATA_POLICIES: {"p": POLICY}}),
        resources(**{DATA_POLICIES: {"p": stored}}),
        prune=False,
    )
    assert kinds(plan) == [("update", DATA_POLICIES, "p")]
    assert plan[0].body == POLICY


def test_falsy_values_that_are_not_empty_containers_still_count() -> None:
    for value in (0, False, ""):
        stored = {**POLICY, "extra": value}
        plan = make_plan(
            resources(**{DATA_POLICIES: {"p": POLICY}}),
            resources(**{DATA_POLICIES: {"p": stored}}),
            prune=False,
        )
        assert kinds(plan) == [("update", DATA_POLICIES, "p")], value


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=10,
)


@given(st.dictionaries(st.text(max_size=5), JSON, max_size=4), st.text(min_size=1, max_size=5))
def test_an_empty_key_added_anywhere_changes_nothing(body: dict[str, Any], key: str) -> None:
    padded = {**body, key: {}} if key not in body else body
    plan = make_plan(
        resources(**{DATA_POLICIES: {"p": body}}),
        resources(**{DATA_POLICIES: {"p": padded}}),
        prune=False,
    )
    assert kinds(plan) == [("unchanged", DATA_POLICIES, "p")]


def test_a_changed_topic_filter_is_a_replacement_with_its_reason_and_diff() -> None:
    moved = {**POLICY, "matching": {"topicFilter": "b/#"}}
    plan = make_plan(
        resources(**{DATA_POLICIES: {"p": moved}, BEHAVIOR_POLICIES: {"b": moved}}),
        resources(**{DATA_POLICIES: {"p": POLICY}, BEHAVIOR_POLICIES: {"b": POLICY}}),
        prune=False,
    )
    assert kinds(plan) == [("replace", DATA_POLICIES, "p"), ("update", BEHAVIOR_POLICIES, "b")]
    assert plan[0].reason == TOPIC_FILTER_FIXED
    assert plan[0].body == moved
    assert plan[0].changes == (Change("change", "matching.topicFilter", "a/#", "b/#"),)
    assert plan[1].reason is None  # a behavior policy has no topic filter to keep


def test_a_new_version_names_its_number_and_shows_its_source_decoded() -> None:
    old = {"id": "s", "functionType": "TRANSFORMATION", "source": "YQ=="}  # "a"
    new = {**old, "source": "Yg=="}  # "b"
    [action] = make_plan(
        resources(scripts={"s": new}), resources(scripts={"s": old}), False, {("scripts", "s"): 4}
    )
    assert (action.kind, action.version) == ("new version", 5)
    assert action.changes == (Change("change", "source-decoded:1", "a", "b"),)


def test_a_source_differs_by_line_numbered_as_in_the_new_text() -> None:
    old, new = "a\nb\nc\nd", "a\nB\nc\nx\ny"
    assert line_changes("s", old, new) == [
        Change("change", "s:2", "b", "B"),
        Change("remove", "s:4", old="d"),
        Change("add", "s:4", new="x"),
        Change("add", "s:5", new="y"),
    ]


def test_changes_name_paths_and_escape_keys_that_read_as_more_than_one_step() -> None:
    old = {"a": {"b.c": 1, "l": [1, 2]}, "gone": True}
    new = {"a": {"b.c": 2, "l": [1], "n": None}}
    assert changes(old, new) == [
        Change("change", 'a["b.c"]', 1, 2),
        Change("remove", "a.l[1]", old=2),
        Change("add", "a.n", new=None),
        Change("remove", "gone", old=True),
    ]
    assert Change("change", "x", "a" * 100, 1).line() == f'~ x: "{"a" * 56}... -> 1'


_STEP = re.compile(r'\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def _steps(path: str) -> list[str | int]:
    """The keys and indexes of a change's path, read back."""
    found: list[str | int] = []
    at = 0
    while at < len(path):
        match = _STEP.match(path, at)
        assert match is not None, path[at:]
        name, index, quoted = match.groups()
        found.append(name if name is not None else int(index) if index else json.loads(quoted))
        at = match.end()
    return found


def _patched(old: Any, found: list[Change]) -> Any:
    """``old`` with every change made (removes from the end, so list positions hold)."""
    document = json.loads(json.dumps({"root": old}))
    for change in sorted(found, key=lambda c: c.op == "remove"):
        *parents, last = ["root", *_steps(change.path)]
        owner = document
        for step in parents:
            owner = owner[step]
        if change.op == "remove":
            continue
        if isinstance(owner, list) and last == len(owner):
            owner.append(change.new)
        else:
            owner[last] = change.new
    for change in sorted((c for c in found if c.op == "remove"), key=lambda c: c.path)[::-1]:
        *parents, last = ["root", *_steps(change.path)]
        owner = document
        for step in parents:
            owner = owner[step]
        del owner[last]
    return document["root"]


@given(JSON, JSON)
def test_the_changes_turn_old_into_new_and_are_none_only_when_equal(old: Any, new: Any) -> None:
    found = changes(old, new)
    assert (found == []) == (old == new)
    assert _patched(old, found) == new
